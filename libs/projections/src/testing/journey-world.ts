import type { Event, EventEnvelope, Money } from '@ltc/domain';
import type { Rng } from './rng';
import { SALES_TEAM } from './sales-team';

/** One command's worth of events on one stream, `delayMs` after the previous step of its journey. */
export type Act = Readonly<{
  delayMs: number;
  stream: string;
  actor: string;
  commandType: string;
  events: readonly Event[];
  /** The stored event that made a process manager send this command. */
  causedBy?: string;
}>;

/** A journey yields its acts in order and is told which envelopes each one became. */
export type Journey = Generator<Act, void, readonly EventEnvelope[]>;

export type GeneratedCustomer = {
  id: string;
  owner: string;
  segment: 'strategic' | 'ordinary';
  won: boolean;
};

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const REPS = SALES_TEAM.filter((m) => m.roles.includes('rep'));
export const managerOf = (rep: string): string => SALES_TEAM.find((m) => m.id === rep)?.manager ?? 'bob';
export const teammates = (rep: string): string[] => {
  const team = SALES_TEAM.find((m) => m.id === rep)?.team;
  return REPS.filter((m) => m.team === team && m.id !== rep).map((m) => m.id);
};

/** What journeys share: the seeded randomness, the customers, and id counters. */
export class JourneyWorld {
  readonly customers: GeneratedCustomer[] = [];
  private counter = 0;

  constructor(
    readonly rng: Rng,
    readonly seed: number,
  ) {}

  id(prefix: string): string {
    return `${prefix}${this.seed.toString(36)}_${(++this.counter).toString(36).padStart(5, '0')}`;
  }

  money(amountMinor: number, currency: string): Money {
    return { amountMinor: Math.max(100, Math.round(amountMinor)), currency };
  }

  /** Repeat business two times in five; otherwise a new customer claimed by a rep. */
  customerFor(): { customer: GeneratedCustomer; isNew: boolean } {
    if (this.customers.length > 10 && this.rng.chance(0.4)) {
      return { customer: this.rng.pick(this.customers), isNew: false };
    }
    const customer: GeneratedCustomer = {
      id: this.id('c'),
      owner: this.rng.pick(REPS).id,
      segment: this.rng.chance(0.3) ? 'strategic' : 'ordinary',
      won: false,
    };
    this.customers.push(customer);
    return { customer, isNew: true };
  }
}

export const SOURCES = [
  ['event', 3],
  ['salon', 2],
  ['referral', 3],
  ['marketing', 4],
  ['inbound', 3],
  ['other', 1],
] as const;
export const CHANNELS = [
  ['visit', 2],
  ['call', 4],
  ['chat', 3],
  ['email', 4],
] as const;
export const TITLES = [
  'Cold-chain monitoring',
  'Storage refresh',
  'Campus network',
  'ERP migration',
  'Warehouse robotics',
  'Data centre cooling',
  'Fleet telematics',
  'Clinic scheduling',
];
export const LOSS_REASONS = ['price', 'solution fit', 'relationship', 'timing', 'incumbent renewed'];
export const COMPETITORS = ['Acme Systems', 'Globex', 'Initech', 'Umbrella Tech', 'Hooli'];
export const ABANDON_REASONS = ['budget frozen', 'project cancelled', 'not worth winning', 'customer merged'];
export const SITUATIONS = ['win-win', 'win-lose', 'lose-win', 'delay', 'break', 'lose-lose'] as const;
