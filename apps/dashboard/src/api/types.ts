import type { Money } from '../format/money';
import type { components } from './openapi.gen';

// The api's answers as its OpenAPI document describes them: `openapi.gen.ts` is generated from /docs-json
// (`nx run dashboard:api-types`) and checked against the api on every typecheck, so these cannot drift.

type Schemas = components['schemas'];

export type AsOf = Schemas['MomentDto'];
/** `GET /api/session`: who the key belongs to. */
export type Session = Schemas['SessionDto'];

/** `GET /api/funnel`: the funnel by stage as of a moment. */
export type Funnel = Schemas['FunnelDto'];
export type StageRow = Schemas['StageRowDto'];
export type StalledDeal = Schemas['StalledDealDto'];
/** `GET /api/funnel/trend`: one point per step from `from` to `to`. */
export type FunnelTrend = Schemas['FunnelTrendDto'];
export type WinRates = Schemas['WinRatesDto'];
export type WinRateGroup = Schemas['WinRateGroupDto'];
export type Losses = Schemas['LossesDto'];
export type Ranked = Schemas['RankedDto'];

export type GateVote = Schemas['GateVoteDto'];
export type TimelineEntry = Schemas['TimelineEntryDto'];
export type ChainVerification = Schemas['VerificationDto'];

// The document gives a deal's context and a gate's policy as open objects (they differ per workflow); these
// name the fields the views read over the generated shapes (context fields are optional: not every kind has them).

export type Triangle = Readonly<Record<'AR' | 'SR' | 'FR', string>>;

/** The policy of a review round (`GatePolicy` of workflows/gates): the roles whose approval it needs. */
export type GatePolicy = Readonly<{ requiredRoles: readonly string[]; onRejection: string }>;

export type GateRound = Omit<Schemas['GateRoundDto'], 'policy'> & Readonly<{ policy: GatePolicy }>;
/** `GET /api/gate-decisions`: review rounds with every vote. */
export type GateDecisions = Omit<Schemas['GateDecisionsDto'], 'rounds'> &
  Readonly<{ rounds: readonly GateRound[] }>;

export type DealContext = Readonly<Record<string, unknown>> &
  Readonly<{
    triangle?: Triangle | null;
    gates?: Readonly<{
      open: Readonly<{ gate: string; round: number; policy: GatePolicy; votes: readonly GateVote[] }> | null;
    }>;
    name?: string;
    amount?: Money;
    owner?: string | null;
    customerId?: string;
    segment?: string;
    lastTouchAt?: string | null;
    ownedSince?: string | null;
  }>;

/** A deal as `GET /api/<kind>/{id}` and the lists return it. */
export type DealView = Omit<Schemas['DealViewDto'], 'context'> & Readonly<{ context: DealContext }>;
export type DealList = Omit<Schemas['ListPageDto'], 'items'> & Readonly<{ items: readonly DealView[] }>;

/** `GET /api/audit/{stream}/timeline`: the deal's events with who sent which command. */
export type Timeline = Omit<Schemas['AuditTimelineDto'], 'context'> & Readonly<{ context: DealContext }>;

// The document gives the forecast's methods and the incentive answers as open objects; their controllers are
// typed to return these read-model shapes, so the views name them (type only: nothing of the library is bundled).
export type {
  BacktestResponse as Backtest,
  ForecastContribution,
  ForecastMethod,
  ForecastResponse as Forecast,
  MethodForecast,
  AdjustmentLine,
  CausingEvent,
  EarningLine,
  IncentiveStatement,
  LineExplanation,
  WhatIfAnswer,
} from '@ltc/read-models';

export type Person = Schemas['PersonDto'];
export type People = Schemas['PeopleDto'];
/** An incentive plan's terms as `POST /api/incentives/what-if` and the plan commands take them. */
export type PlanTerms = Schemas['PlanTermsDto'];
/** `GET /api/incentives/plans/{id}`: the plan's context holds the terms in force. */
export type IncentivePlanView = Omit<Schemas['DealViewDto'], 'context'> &
  Readonly<{ context: Readonly<{ planId: string; effectiveFrom: string; terms: PlanTerms | null }> }>;
/**
 * `GET /api/incentives/periods/{planId}.{period}` (the document's state and command enums name the deal
 * workflows' only: a period is `open` or `closed`, and allows `CloseIncentivePeriod`).
 */
export type IncentivePeriodView = Omit<Schemas['DealViewDto'], 'context' | 'state' | 'allowed'> &
  Readonly<{
    state: 'open' | 'closed';
    allowed: readonly string[];
    context: Readonly<{ planId: string; period: string; closedBy: string | null }>;
  }>;
