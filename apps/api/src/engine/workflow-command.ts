import { Command as CqrsCommand } from '@nestjs/cqrs';
import type { Command } from '@ltc/domain';
import type { CommandResult } from '@ltc/engine';
import type { CommandMeta } from '../http/command-meta.decorator';

/**
 * A domain command on its way through the CommandBus to one stream. Each workflow has a base class with
 * one handler; each command of the catalogue is its own subclass (the bus finds the handler through the
 * class chain), so the bus, logs and tests name the command precisely.
 */
export abstract class WorkflowCommand<C extends Command = Command> extends CqrsCommand<CommandResult> {
  constructor(
    readonly streamId: string,
    readonly command: C,
    readonly meta: CommandMeta & { causationId?: string | null },
  ) {
    super();
  }
}
