import type { Journey } from '../agenda';
import type { DemoActivity, DemoContext } from '../demo-context';
import type { Random } from '../random';

/**
 * The organisation changes too: a little past the middle of the history an account manager moves from
 * east to west with a new manager (her earlier deals stay east's, her later ones count for west: "by
 * team" is the team at the time of the fact). Needs two reps in east.
 */
async function* teamMove(context: DemoContext, random: Random): Journey {
  const { start, end } = context.size;
  yield context.after((start + (end - start) * 0.55 - context.now) / 86_400_000, random);
  const east = context.world.inTeam('east', 'account');
  const west = context.world.inTeam('west', 'manager')[0];
  const mover = east.at(-1);
  if (east.length < 2 || mover === undefined || west === undefined) return;
  yield* move(context, mover.id, west.id);
}

async function* move(context: DemoContext, personId: string, managerId: string): Journey {
  const person = context.world.person(personId);
  const target = { kind: 'person', id: personId } as const;
  const team = context.world.person(managerId).team;
  await context.send(
    target,
    { type: 'MovePersonToTeam', data: { team, reason: 'the west territory needed a senior rep' } },
    'admin',
  );
  await context.send(target, { type: 'ChangePersonManager', data: { manager: managerId } }, 'admin');
  person.team = team;
  person.manager = managerId;
  yield context.now;
}

/** Moves in the organisation over time (person streams). */
export const peopleActivity: DemoActivity = {
  name: 'people',
  start: (context) => context.spawn('team move', (r) => teamMove(context, r)),
};
