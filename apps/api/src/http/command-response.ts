import type { CommandResult } from '@ltc/engine';
import type { CommandResultDto } from './command-result.dto';

/** The answer to an accepted command, naming the id the client addresses the deal by. */
export function commandResponse(id: string, result: CommandResult): CommandResultDto {
  return {
    id,
    streamId: result.streamId,
    revision: result.revision,
    events: result.events.map((e) => ({
      id: e.id,
      type: e.type,
      data: e.data as Record<string, unknown>,
      metadata: { ...e.metadata },
      revision: e.revision,
    })),
    state: result.state,
    allowed: [...result.allowed],
    duplicate: result.duplicate,
  };
}

/** DTO instances to the plain JSON data a command carries (and its events store). */
export function plain<T extends object>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
