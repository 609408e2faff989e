import type { FunnelReport, FunnelTrendPoint, LossReport, WinRateReport } from '@ltc/read-models';
import type { Money } from '../format/money';

// The shapes of the api's answers the dashboard reads (see /docs-json for all of them).

export type AsOf = Readonly<{ live: boolean; position: string; instant: string }>;

export type Session = Readonly<{ id: string; roles: readonly string[]; team?: string }>;

export type { Ranked, StageRow, StalledDeal, WinRateGroup } from '@ltc/read-models';

/** `GET /api/funnel`: the read model's report as of a moment. */
export type Funnel = FunnelReport & Readonly<{ asOf: AsOf }>;
/** `GET /api/funnel/trend`: one point per step from `from` to `to`. */
export type FunnelTrend = Readonly<{
  every: string;
  knownAt: string | null;
  points: readonly FunnelTrendPoint[];
}>;
export type WinRates = WinRateReport & Readonly<{ asOf: AsOf }>;
export type Losses = LossReport & Readonly<{ asOf: AsOf }>;

export type GateVote = Readonly<{
  role: string;
  voter: string;
  decision: string;
  reason: string;
  at?: string;
}>;

export type GateRound = Readonly<{
  streamId: string;
  gate: string;
  round: number;
  policy: Readonly<{ requiredRoles: readonly string[]; onRejection: string }>;
  requestedAt: string;
  requestedBy: string;
  votes: readonly GateVote[];
  outcome: string;
  decidedAt: string | null;
  reasons: readonly string[] | null;
}>;

export type GateDecisions = Readonly<{ asOf: AsOf; total: number; rounds: readonly GateRound[] }>;

export type Triangle = Readonly<Record<'AR' | 'SR' | 'FR', string>>;

/** A deal as `GET /api/<kind>/{id}` and the lists return it. */
export type DealView = Readonly<{
  kind: 'customer' | 'lead' | 'opportunity' | 'contract';
  id: string;
  streamId: string;
  state: string;
  revision: number;
  allowed: readonly string[];
  context: Readonly<Record<string, unknown>> & {
    triangle?: Triangle | null;
    gates?: Readonly<{
      open: Readonly<{
        gate: string;
        round: number;
        policy: { requiredRoles: readonly string[] };
        votes: readonly GateVote[];
      }> | null;
    }>;
    name?: string;
    amount?: Money;
    owner?: string | null;
    customerId?: string;
    segment?: string;
    lastTouchAt?: string | null;
    ownedSince?: string | null;
  };
}>;

export type DealList = Readonly<{ total: number; items: readonly DealView[] }>;

export type TimelineEntry = Readonly<{
  revision: number;
  position: string;
  id: string;
  type: string;
  occurredAt: string;
  recordedAt?: string;
  actor: string;
  actorRoles: readonly string[];
  commandType: string | null;
  commandId: string | null;
  correlationId: string | null;
  causationId: string | null;
  stateBefore: string;
  stateAfter: string;
  data: Readonly<Record<string, unknown>>;
  hash: string;
}>;

export type Timeline = Readonly<{
  asOf: AsOf;
  streamId: string;
  kind: string;
  state: string;
  context: DealView['context'];
  entries: readonly TimelineEntry[];
}>;

export type ChainVerification = Readonly<{
  streamId: string;
  events: number;
  ok: boolean;
  firstBreak: Readonly<Record<string, unknown>> | null;
}>;
