import type { Command } from '@ltc/domain';
import { ForbiddenError, type Actor, type Authorize } from '@ltc/engine';

/**
 * Of the commands a state accepts (`types`), those the access rules let `actor` try, each probed with
 * empty data: only a refusal of the actor hides a command, a complaint about the probe's data does not.
 */
export async function permittedCommands<S, C extends Command>(
  authorize: Authorize<S, C>,
  streamId: string,
  state: S,
  actor: Actor,
  types: readonly string[],
  isNew = false,
): Promise<string[]> {
  const permitted: string[] = [];
  for (const type of types) {
    try {
      await authorize(
        { streamId, command: { type, data: {} } as C, commandId: 'probe', actor },
        state,
        isNew,
      );
      permitted.push(type);
    } catch (error) {
      if (!(error instanceof ForbiddenError)) permitted.push(type);
    }
  }
  return permitted;
}
