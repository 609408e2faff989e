import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Agenda, type JourneyFailure } from './agenda';
import { DAY, HOUR, isoDate, monthsBefore, startOfDay, workingDayFrom } from './calendar';
import { DemoContext, type DemoActivity } from './demo-context';
import { DemoEngine } from './demo-engine';
import { DemoWorld } from './demo-world';
import { buildOrganisation, joinOrganisation, writeUsers } from './organisation';
import { Random } from './random';
import { DEMO_ACTIVITIES } from './scenario';
import { SimulatedClock } from './simulated-clock';

export type DemoOptions = Readonly<{
  dataDir: string;
  seed?: string;
  months?: number;
  reps?: number;
  /** The history ends at this instant (default: today 00:00 UTC); it starts `months` earlier. */
  end?: string;
  activities?: readonly DemoActivity[];
  /** Called once per simulated day with the day and the commands sent so far. */
  onDay?: (day: string, commands: number) => void;
}>;

export type SignIn = Readonly<{
  id: string;
  name: string;
  roles: readonly string[];
  team: string;
  key: string;
}>;

export type DemoSummary = Readonly<{
  dataDir: string;
  seed: string;
  months: number;
  reps: number;
  from: string;
  to: string;
  people: number;
  customers: number;
  commands: number;
  events: number;
  seconds: number;
  /** Journeys the engine refused a step of (a generator bug; none expected). */
  failures: readonly JourneyFailure[];
  signIn: Readonly<{ manager: SignIn; rep: SignIn; ops: SignIn }>;
}>;

export const DEMO_DEFAULTS = { seed: 'ltc-demo', months: 24, reps: 12 } as const;
/** Beside the data: the demo's sign-in keys, so `npm run demo` can print them again (demo data only). */
export const DEMO_KEYS_FILE = 'demo-keys.json';

/** True when `dir` does not exist or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Seeds a fresh data folder with a simulated history run through the real engine: the api's modules on
 * a simulated clock, the activities of {@link DEMO_ACTIVITIES} driving it day by day. The folder is built
 * beside the target and renamed into place when complete, so a seed that dies leaves nothing half done.
 */
export async function seedDemo(options: DemoOptions): Promise<DemoSummary> {
  const began = process.hrtime.bigint();
  const dataDir = resolve(options.dataDir);
  if (!isEmptyDir(dataDir)) throw new Error(`${dataDir} is not empty: the demo seeds only a fresh folder`);
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const months = options.months ?? DEMO_DEFAULTS.months;
  const reps = options.reps ?? DEMO_DEFAULTS.reps;
  if (!Number.isInteger(months) || months < 1 || months > 120)
    throw new Error('--months must be a whole number from 1 to 120');
  if (!Number.isInteger(reps) || reps < 1 || reps > 60)
    throw new Error('--reps must be a whole number from 1 to 60');
  const end = options.end === undefined ? startOfDay(Date.now()) : Date.parse(options.end);
  if (Number.isNaN(end)) throw new Error(`--end "${options.end}" is not an ISO date or instant`);
  const start = workingDayFrom(startOfDay(monthsBefore(end, months))) + 8 * HOUR;

  const building = `${dataDir}.seeding`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const random = new Random(seed);
  const clock = new SimulatedClock(start);
  const world = new DemoWorld(random.fork('world'));
  const people = buildOrganisation(world, reps);
  const keys = writeUsers(join(building, 'users.json'), people, clock.now());
  const engine = await DemoEngine.open(building, clock, `demo:${seed}:`);
  const agenda = new Agenda(clock);
  const context = new DemoContext({ seed, months, reps, start, end }, clock, agenda, world, engine, random);
  let events: number;
  try {
    await joinOrganisation(context);
    for (const activity of options.activities ?? DEMO_ACTIVITIES) await activity.start(context);
    await agenda.run(
      end,
      () => engine.settleReactions(),
      (day) => options.onDay?.(isoDate(day * DAY), engine.commands),
    );
    events = await engine.eventCount();
  } finally {
    await engine.close();
  }
  const signIn = (id: string): SignIn => {
    const person = world.person(id);
    return { id, name: person.name, roles: person.roles, team: person.team, key: keys.get(id)! };
  };
  const first = (job: 'manager' | 'account' | 'ops') => world.byJob(job)[0]!.id;
  const summary: DemoSummary = {
    dataDir,
    seed,
    months,
    reps,
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
    people: people.length,
    customers: world.customers.length,
    commands: engine.commands,
    events,
    seconds: Number(process.hrtime.bigint() - began) / 1e9,
    failures: agenda.failures,
    signIn: { manager: signIn(first('manager')), rep: signIn(first('account')), ops: signIn(first('ops')) },
  };
  writeFileSync(
    join(building, DEMO_KEYS_FILE),
    `${JSON.stringify({ seed, signIn: summary.signIn }, null, 2)}\n`,
    { mode: 0o600 },
  );
  if (existsSync(dataDir)) rmSync(dataDir, { recursive: true });
  renameSync(building, dataDir);
  return summary;
}
