import { Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CommandController } from '../http/command.controller';
import { ErrorBody } from '../http/error-body';
import { PeopleDto, PeopleQueryDto } from './dtos/people.response.dtos';
import { ListPeopleQuery } from './people.queries';
import { personRoutes } from './person.routes';

/**
 * `/api/people`: the route table's commands, one person and their history (the stream, as every
 * workflow has), and the directory from the log instead of the deal index's list.
 */
export class PeopleController extends CommandController(personRoutes) {
  @Get()
  @ApiOperation({
    operationId: 'listPeople',
    summary: 'everyone in the organisation with team, manager and org roles, now or at ?asOf (any caller)',
  })
  @ApiBearerAuth()
  @ApiOkResponse({ type: PeopleDto })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  list(@Query() query: PeopleQueryDto): Promise<PeopleDto> {
    return this.queries.execute(new ListPeopleQuery(query.asOf));
  }
}
