import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@ltc/engine';
import { AccessService } from '../access/access.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorBody } from '../http/error-body';
import type { DeadLetter } from './dead-letters';
import { DeadLetterDto, RetryAnswerDto } from './dead-letters.dtos';
import { ProcessManagers } from './process-managers.service';

/** `/api/process-managers/dead-letters`: reactions that failed, and their retry (ops and admins). */
@ApiTags('process-managers')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorBody, description: 'only sales operations or an admin (rule opsOnly)' })
@Controller('api/process-managers/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly processManagers: ProcessManagers,
    private readonly access: AccessService,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listDeadLetters',
    summary: 'process-manager reactions that failed on an event, oldest first (ops, admins)',
  })
  @ApiOkResponse({ type: [DeadLetterDto] })
  list(@CurrentActor() actor: Actor): readonly DeadLetter[] {
    this.access.requireOps(actor, 'see the dead letters');
    return this.processManagers.letters();
  }

  @Post('retry')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'retryDeadLetters',
    summary: 'run every dead letter’s reaction again on its event: resolved ones are removed (ops, admins)',
  })
  @ApiOkResponse({ type: RetryAnswerDto })
  retryAll(@CurrentActor() actor: Actor): Promise<RetryAnswerDto> {
    this.access.requireOps(actor, 'retry dead letters');
    return this.answer(undefined);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'retryDeadLetter',
    summary: 'run one dead letter’s reaction again on its event (ops, admins)',
  })
  @ApiOkResponse({ type: RetryAnswerDto })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'no dead letter with this id' })
  retryOne(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RetryAnswerDto> {
    this.access.requireOps(actor, 'retry dead letters');
    if (!this.processManagers.letters().some((l) => l.id === id)) {
      throw new NotFoundException(`no dead letter ${id}`);
    }
    return this.answer([id]);
  }

  private async answer(ids: readonly string[] | undefined): Promise<RetryAnswerDto> {
    const retried = await this.processManagers.retry(ids);
    return { retried, remaining: this.processManagers.letters().length };
  }
}
