import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import { CurrentActor } from '../auth/current-actor.decorator';

class SessionDto {
  @ApiProperty({ example: 'ann' })
  id!: string;
  @ApiProperty({
    type: [String],
    example: ['rep'],
    description: 'organisation roles: rep, manager, ops, admin',
  })
  roles!: string[];
  @ApiPropertyOptional({ example: 'east' })
  team?: string;
}

/** Who the API key belongs to: the dashboard signs in with it. */
@ApiTags('session')
@ApiBearerAuth()
@Controller('api/session')
export class SessionController {
  @Get()
  @ApiOperation({ operationId: 'getSession', summary: 'the user this API key belongs to' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'no key, or an unknown or revoked one' })
  session(@CurrentActor() actor: Actor): SessionDto {
    return {
      id: actor.id,
      roles: [...actor.roles],
      ...(actor.team === undefined ? {} : { team: actor.team }),
    };
  }
}
