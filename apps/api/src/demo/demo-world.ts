import type { Money } from '@ltc/domain';
import type { ForecastCategory } from '@ltc/workflow-opportunity';
import type { Random } from './random';

/** What a person does in the demo's sales organisation. */
export type Job = 'account' | 'solution' | 'delivery' | 'manager' | 'ops' | 'admin';

export type DemoPerson = Readonly<{
  id: string;
  name: string;
  job: Job;
  /** Organisation roles, as the users file and the access rules know them. */
  roles: readonly ('rep' | 'manager' | 'ops' | 'admin')[];
}> & {
  /** Team and manager change when a person moves (journeys read them when they act). */
  team: string;
  manager?: string;
};

export type DemoCustomer = {
  readonly id: string;
  readonly name: string;
  segment: 'strategic' | 'ordinary';
  /** The rep whose private pool holds it, null in the public pool. */
  owner: string | null;
  /** Until when its previous owner may not claim it back (ms). */
  cooldown: { owner: string; until: number } | null;
  lastTouch: number;
  /** A contract was opened for it: later deals are with an existing customer. */
  won: boolean;
  currency: string;
};

/** An open deal as its AR sees it when making a forecast call (kept in step by the deal's journey). */
export type DemoDeal = {
  readonly owner: string;
  readonly team: string;
  amount: Money;
  expectedCloseDate: string;
  category: ForecastCategory;
};

const FIRST = ['Ann', 'Bo', 'Chen', 'Dana', 'Emil', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jia', 'Kofi', 'Lena'];
const LAST = ['Lee', 'Berg', 'Wang', 'Novak', 'Okafor', 'Rossi', 'Silva', 'Tanaka', 'Weber', 'Zhou'];
const COMPANY = ['Nordwind', 'Helix', 'Arcadia', 'Kestrel', 'Lumen', 'Orion', 'Vega', 'Bricks', 'Tessera'];
const KIND = ['Logistics', 'Energy', 'Foods', 'Pharma', 'Telecom', 'Retail', 'Motors', 'Bank', 'Steel'];
export const TEAMS = ['east', 'west', 'central'] as const;

/**
 * The simulated company and its market: people by team, customers with their pools, and id counters.
 * Journeys keep it in step with what they send, so they know (without asking) who owns what.
 */
export class DemoWorld {
  readonly people: DemoPerson[] = [];
  readonly customers: DemoCustomer[] = [];
  /** The open deals by opportunity id; a deal leaves when it is won, lost or abandoned. */
  readonly deals = new Map<string, DemoDeal>();
  private readonly counters = new Map<string, number>();

  constructor(readonly random: Random) {}

  /** `prefix` + a running number: the same seed numbers the same things the same way. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(5, '0')}`;
  }

  personName(index: number): string {
    // Consecutive people differ in both names (12 and 10 share no factor beyond 2, so offset by the round).
    const round = Math.floor(index / FIRST.length);
    return `${FIRST[index % FIRST.length]} ${LAST[(index + 3 * round) % LAST.length]}`;
  }

  companyName(index: number): string {
    const base = `${COMPANY[index % COMPANY.length]} ${KIND[Math.floor(index / COMPANY.length) % KIND.length]}`;
    const round = Math.floor(index / (COMPANY.length * KIND.length));
    return round === 0 ? base : `${base} ${round + 1}`;
  }

  person(id: string): DemoPerson {
    const person = this.people.find((p) => p.id === id);
    if (person === undefined) throw new Error(`no demo person "${id}"`);
    return person;
  }

  inTeam(team: string, job: Job): DemoPerson[] {
    return this.people.filter((p) => p.team === team && p.job === job);
  }

  byJob(job: Job): DemoPerson[] {
    return this.people.filter((p) => p.job === job);
  }

  managerOf(person: DemoPerson): DemoPerson {
    return this.person(person.manager ?? this.inTeam(person.team, 'manager')[0]!.id);
  }

  customer(id: string): DemoCustomer {
    const customer = this.customers.find((c) => c.id === id);
    if (customer === undefined) throw new Error(`no demo customer "${id}"`);
    return customer;
  }

  ownedBy(rep: string): DemoCustomer[] {
    return this.customers.filter((c) => c.owner === rep);
  }

  publicPool(): DemoCustomer[] {
    return this.customers.filter((c) => c.owner === null);
  }

  /** Integer minor units, at least one unit, in steps of 100 units (prices people write). */
  money(amount: number, currency: string): Money {
    return { amountMinor: Math.max(100_00, Math.round(amount / 100) * 100_00), currency };
  }
}
