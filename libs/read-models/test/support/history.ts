import { randomUUID } from 'node:crypto';
import { opportunityStream, parseStreamId, type Event, type EventEnvelope, type Money } from '@ltc/domain';
import type { EventStore } from '@ltc/event-store';
import { defaultGatePolicy, type GateName, type IronTriangle } from '@ltc/workflow-gates';

const DAY = 86_400_000;
const EPOCH = Date.parse('2026-01-01T00:00:00.000Z');

/** Day n of the worked examples: day 0 is 2026-01-01T00:00Z. */
export const day = (n: number): string => new Date(EPOCH + n * DAY).toISOString();
/** The day number of a date of 2026 (`dayOf('2026-11-20')` = 323), for the worked examples. */
export const dayOf = (date: string): number => Math.round((Date.parse(date) - EPOCH) / DAY);
export const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
export const cny = (amountMinor: number): Money => ({ amountMinor, currency: 'CNY' });

type Append = {
  stream: string;
  at: string;
  actor: string;
  events: Event[];
  causationId?: string;
  /** Knowledge time, when the fact was entered later than it happened (a late entry). */
  recordedAt?: string;
};

/** Events of a worked example, appended in the order they were written, each command at its instant. */
export class History {
  readonly appends: Append[] = [];

  add(stream: string, at: string, actor: string, ...events: Event[]): this {
    this.appends.push({ stream, at, actor, events });
    return this;
  }

  /** A command a process manager sent because of another event. */
  caused(causationId: string, stream: string, at: string, ...events: Event[]): this {
    this.appends.push({ stream, at, actor: 'system', events, causationId });
    return this;
  }

  /** The last `count` commands were entered at `recordedAt`, after they happened (late entries). */
  recordedAt(recordedAt: string, count = 1): this {
    for (const append of this.appends.slice(-count)) append.recordedAt = recordedAt;
    return this;
  }

  /** Appends everything in the order it was recorded (stable for equal instants). */
  async into(store: EventStore): Promise<void> {
    const known = (a: Append) => a.recordedAt ?? a.at;
    const ordered = this.appends
      .map((a, i) => ({ a, i }))
      .sort((x, y) => (known(x.a) < known(y.a) ? -1 : known(x.a) > known(y.a) ? 1 : x.i - y.i));
    for (const { a } of ordered) await store.append(a.stream, envelopes(a), 'any');
  }
}

export function envelopes(append: Append): EventEnvelope[] {
  const commandId = randomUUID();
  return append.events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: {
      actor: append.actor,
      actorRoles: ['rep'],
      commandId,
      correlationId: commandId,
      causationId: append.causationId ?? null,
      occurredAt: append.at,
      ...(append.recordedAt === undefined ? {} : { recordedAt: append.recordedAt }),
      schemaVersion: 1,
      machine: `${parseStreamId(append.stream)?.category ?? 'unknown'}@1`,
    },
  }));
}

export type DealOptions = Readonly<{
  owner: string;
  amount: Money;
  segment?: 'strategic' | 'ordinary';
  customerType?: 'new' | 'existing';
  triangle?: IronTriangle;
}>;

/** Writes one opportunity's valid events, keeping track of its stage and gate rounds. */
export class DealScript {
  readonly stream: string;
  private stage = 'open.opened';
  private readonly rounds = new Map<GateName, number>();
  private quoteAmount: Money;
  readonly triangle: IronTriangle;

  constructor(
    private readonly history: History,
    readonly id: string,
    private readonly options: DealOptions,
  ) {
    this.stream = opportunityStream.id(id);
    this.quoteAmount = options.amount;
    this.triangle = options.triangle ?? { AR: options.owner, SR: 'sam', FR: 'fay' };
  }

  private add(n: number, actor: string, ...events: Event[]): this {
    this.history.add(this.stream, day(n), actor, ...events);
    return this;
  }

  open(n: number): this {
    const { owner, amount, segment, customerType } = this.options;
    return this.add(n, 'system', {
      type: 'OpportunityOpened',
      data: {
        customerId: `c-${this.id}`,
        leadId: null,
        name: `Deal ${this.id}`,
        amount,
        expectedCloseDate: '2026-12-31',
        segment: segment ?? 'strategic',
        customerType: customerType ?? 'new',
        owner,
      },
    }).add(n, 'bob', { type: 'IronTriangleAssigned', data: { triangle: this.triangle } });
  }

  validate(n: number): this {
    this.stage = 'open.validated';
    return this.add(n, this.options.owner, {
      type: 'OpportunityValidated',
      data: { isReal: true, solutionFits: true, winProbability: 50, worthWinning: true, notes: '' },
    });
  }

  requestGate(n: number, gate: GateName): this {
    const round = (this.rounds.get(gate) ?? 0) + 1;
    this.rounds.set(gate, round);
    return this.add(n, this.options.owner, {
      type: 'GateReviewRequested',
      data: { gate, round, policy: defaultGatePolicy },
    });
  }

  /** The three approvals, the last one passing the gate, all on day n. */
  passGate(n: number, gate: GateName, next: string): this {
    const round = this.rounds.get(gate) ?? 1;
    const t = this.triangle;
    const vote = (role: 'AR' | 'SR' | 'FR'): Event => ({
      type: 'GateVoteCast',
      data: { gate, round, role, voter: t[role], decision: 'approve', reason: '' },
    });
    this.stage = next;
    return this.add(n, t.AR, vote('AR'))
      .add(n, t.SR, vote('SR'))
      .add(n, t.FR, vote('FR'), {
        type: 'GatePassed',
        data: {
          gate,
          round,
          approvals: (['AR', 'SR', 'FR'] as const).map((role) => ({ role, voter: t[role] })),
        },
      });
  }

  /** FR rejects on day n: the round ends and the deal goes back. */
  rejectGate(n: number, gate: GateName, back: string, reason = 'no delivery capacity'): this {
    const round = this.rounds.get(gate) ?? 1;
    const voter = this.triangle.FR;
    this.stage = back;
    return this.add(
      n,
      voter,
      { type: 'GateVoteCast', data: { gate, round, role: 'FR', voter, decision: 'reject', reason } },
      { type: 'GateRejected', data: { gate, round, reasons: [{ role: 'FR', voter, reason }] } },
    );
  }

  guidance(n: number): this {
    return this.add(n, this.triangle.SR, { type: 'PreBidGuidanceRecorded', data: { note: 'guided' } });
  }

  quote(n: number, amount: Money = this.options.amount): this {
    this.quoteAmount = amount;
    return this.add(n, this.triangle.SR, {
      type: 'QuotePrepared',
      data: { quoteReference: `Q-${this.id}`, amount },
    });
  }

  bid(n: number): this {
    this.stage = 'open.bidSubmitted';
    return this.add(n, this.options.owner, {
      type: 'BidSubmitted',
      data: { quoteReference: `Q-${this.id}`, amount: this.quoteAmount, validUntil: '2099-12-31' },
    });
  }

  /** Validated, three gates passed, bid submitted: day n to n + 6. */
  toBid(n: number): this {
    return this.validate(n)
      .requestGate(n + 1, 'opportunityApproval')
      .passGate(n + 1, 'opportunityApproval', 'open.preBidGuidance')
      .guidance(n + 2)
      .requestGate(n + 2, 'solutionConsensus')
      .passGate(n + 3, 'solutionConsensus', 'open.bidPreparation')
      .quote(n + 4)
      .requestGate(n + 4, 'quoteReview')
      .passGate(n + 5, 'quoteReview', 'open.bidReady')
      .bid(n + 6);
  }

  win(n: number): this {
    this.stage = 'won';
    return this.add(n, this.options.owner, {
      type: 'OpportunityWon',
      data: {
        contractId: `k-${this.id}`,
        signedAmount: this.quoteAmount,
        signedAt: day(n),
        reviewedAmount: this.quoteAmount,
        requoteReviewBelowPercent: 5,
      },
    });
  }

  lose(n: number, reason: string, competitor: string): this {
    const stage = this.stage;
    this.stage = 'lost';
    return this.add(n, this.options.owner, { type: 'OpportunityLost', data: { reason, competitor, stage } });
  }

  abandon(n: number, reason: string): this {
    const stage = this.stage;
    this.stage = 'abandoned';
    return this.add(n, this.options.owner, { type: 'OpportunityAbandoned', data: { reason, stage } });
  }
}
