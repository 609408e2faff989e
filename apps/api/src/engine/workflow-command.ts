import { Command as CqrsCommand } from '@nestjs/cqrs';
import type { Command } from '@ltc/domain';
import type { CommandResult } from '@ltc/engine';
import type { CommandMeta } from '../http/command-meta.decorator';

/**
 * A domain command on its way through the CommandBus to one stream. Each workflow has one subclass with
 * one handler; the command's own name is `command.type`, as the route table and the events know it.
 */
export abstract class WorkflowCommand<C extends Command = Command> extends CqrsCommand<CommandResult> {
  constructor(
    readonly streamId: string,
    readonly command: C,
    readonly meta: CommandMeta & { causationId?: string | null; fingerprint?: unknown },
  ) {
    super();
  }
}
