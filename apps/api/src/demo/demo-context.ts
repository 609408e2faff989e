import type { Command } from '@ltc/domain';
import type { CommandResult } from '@ltc/engine';
import type { Agenda, Journey } from './agenda';
import { officeTimeAfter } from './calendar';
import type { DemoEngine, DemoTarget } from './demo-engine';
import type { DemoWorld } from './demo-world';
import { Deck, type Random } from './random';
import type { SimulatedClock } from './simulated-clock';

/** The size and span of a demo history. */
export type DemoSize = Readonly<{
  seed: string;
  months: number;
  /** Account managers (AR), spread over the three teams. */
  reps: number;
  /** The history runs up to this instant (ms), from `months` earlier. */
  end: number;
  start: number;
}>;

/**
 * What every activity is given: the simulated clock and calendar (agenda), the world it keeps in step,
 * the engine it sends commands through, and its own seeded randomness.
 */
export class DemoContext {
  private readonly spawned = new Map<string, number>();
  private readonly decks = new Map<string, Deck<unknown>>();

  constructor(
    readonly size: DemoSize,
    readonly clock: SimulatedClock,
    readonly agenda: Agenda,
    readonly world: DemoWorld,
    readonly engine: DemoEngine,
    private readonly root: Random,
  ) {}

  get now(): number {
    return this.clock.ms;
  }

  /** An independent random stream for one journey or activity (its draws do not shift the others'). */
  random(label: string): Random {
    return this.root.fork(label);
  }

  /** The deck `name` of this run, dealt from `items` on first use (see {@link Deck}). */
  deck<T>(name: string, items: readonly (readonly [T, number])[]): Deck<T> {
    let deck = this.decks.get(name) as Deck<T> | undefined;
    if (deck === undefined) {
      deck = new Deck(this.random(`deck ${name}`), items);
      this.decks.set(name, deck);
    }
    return deck;
  }

  /**
   * Starts a journey at `at` (default: now) with its own random stream: journeys of the same `name` are
   * numbered in the order they start (`lead of east-rep-1#3`), so each draws its own numbers.
   */
  spawn(name: string, journey: (random: Random) => Journey, at = this.clock.ms): void {
    const n = (this.spawned.get(name) ?? 0) + 1;
    this.spawned.set(name, n);
    const unique = `${name}#${n}`;
    this.agenda.spawn(unique, at, journey(this.random(unique)));
  }

  /** An office-hours instant about `days` from now (what a journey yields to wait). */
  after(days: number, random: Random): number {
    return officeTimeAfter(this.clock.ms, days, random);
  }

  send(target: DemoTarget, command: Command, actor: string): Promise<CommandResult> {
    return this.engine.send(target, command, actor);
  }
}

/**
 * One kind of activity of the sales organisation (customers, leads, deals, contracts…). `start` runs
 * once at the first simulated instant and spawns its journeys on the agenda; journeys may spawn others
 * (a converted lead starts its deal's journey).
 */
export type DemoActivity = Readonly<{
  name: string;
  start: (context: DemoContext) => Promise<void> | void;
}>;
