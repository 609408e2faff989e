/**
 * Response shapes of the incentive statements read model (issue 13): statements, explain, diff, the
 * periods of a plan and what-if. Amounts are integer minor units of the plan currency unless a field
 * says otherwise; rates and multipliers are integer basis points (1 % = 100, x1.5 = 15000); a position
 * is the event store's fixed-width log position, an instant ISO-8601 UTC.
 */

/** '2026-11' for a month, '2026-Q4' for a quarter (the write side's `PeriodId`). */
export type IncentivePeriodId = string;
export type IncentiveRole = 'AR' | 'SR' | 'FR';

export type StatementLineKind = 'signing' | 'collection' | 'attainment' | 'clawback' | 'adjustment';
/** The kinds an adjustment can correct (never an adjustment itself: it corrects what the period earned). */
export type EarningKind = Exclude<StatementLineKind, 'adjustment'>;

/** An event a number came from: enough to find it in the log and to say who did what when. */
export type CausingEvent = Readonly<{
  id: string;
  type: string;
  streamId: string;
  position: string;
  actor: string;
  /** Business time: when the fact happened. */
  occurredAt: string;
  /** Knowledge time: when the engine appended it. */
  recordedAt: string;
}>;

/** One band of the attainment table as applied to this person's attainment. */
export type AppliedTier = Readonly<{
  fromBp: number;
  toBp: number | null;
  rateBp: number;
  /**
   * The part of the attainment paid at this band's rate (marginal: the part inside the band; cliff: the
   * whole attainment, on the band reached only), shown rounded; the bonus is computed on the exact ratio.
   */
  portionBp: number;
}>;

/** What a line was computed from; the fields that do not apply to its kind are null. */
export type LineInputs = Readonly<{
  /** The deal's amount (signed, payment, credit…) in its own currency. */
  amountMinor: number | null;
  currency: string | null;
  /** Plan FX rate applied (1 unit of `currency` = this many units of plan currency), "1" for the plan currency. */
  fxRate: string | null;
  /** `amountMinor` in plan currency, rounded half away from zero once. */
  planAmountMinor: number | null;
  poolRateBp: number | null;
  /** Strategic and new-customer multipliers, and their compound product (x1 = 10000). */
  strategicMultiplierBp: number | null;
  newCustomerMultiplierBp: number | null;
  multiplierBp: number | null;
  /** The deal's pool for this amount, rounded once to the cent before the split. */
  poolMinor: number | null;
  role: IncentiveRole | null;
  splitShareBp: number | null;
  /** Attainment lines: the achieved (credited signed amount), the target, the ratio and the tier table. */
  achievedMinor: number | null;
  targetMinor: number | null;
  targetBonusMinor: number | null;
  attainmentBp: number | null;
  tierMode: 'marginal' | 'cliff' | null;
  tiers: readonly AppliedTier[] | null;
  /** Σ portion × rate: the multiple of the target bonus paid (shown rounded to a basis point). */
  tierResultBp: number | null;
}>;

/** An earning of one person in one period: `signing` | `collection` | `attainment` | `clawback`. */
export type EarningLine = Readonly<{
  /** Stable across recomputation: `<kind>:<dealId or ->:<role or ->:<source event id or period>`. */
  lineId: string;
  kind: EarningKind;
  personId: string;
  period: IncentivePeriodId;
  /** The contract (deal) id, null for attainment. */
  dealId: string | null;
  amountMinor: number;
  inputs: LineInputs;
  /** The formula with its numbers, one line ("pool 1,000.00 × 10.00 % × x1.50 = 150.00; AR 50 % = 75.00"). */
  formula: string;
  eventIds: readonly string[];
}>;

/**
 * A change to a closed period forwarded into this (open) period: delta = recomputed − (frozen +
 * adjustments already forwarded), per corrected period × kind × deal.
 */
export type AdjustmentLine = Readonly<{
  lineId: string;
  kind: 'adjustment';
  personId: string;
  /** The period this line is paid in. */
  period: IncentivePeriodId;
  dealId: string | null;
  amountMinor: number;
  corrects: Readonly<{ period: IncentivePeriodId; kind: EarningKind; dealId: string | null }>;
  /** What had been paid for that period × kind × deal (frozen + earlier adjustments), and what it is now. */
  beforeMinor: number;
  afterMinor: number;
  deltaMinor: number;
  causes: readonly CausingEvent[];
  /** One line: "payment of EUR 12,000.00 recorded 2 Dec for 28 Nov". */
  reason: string;
}>;

export type StatementLine = EarningLine | AdjustmentLine;

/** A deal amount the plan could not convert: reported, never dropped. */
export type UnconvertedAmount = Readonly<{
  dealId: string;
  kind: EarningKind;
  amountMinor: number;
  currency: string;
  eventId: string;
  reason: string;
}>;

export type StatementTotals = Readonly<{
  earnedMinor: number;
  adjustmentsMinor: number;
  /** earned + adjustments: may be negative (a recovery). */
  periodTotalMinor: number;
  /** The negative balance carried in from the previous period (0 or less). */
  carriedInMinor: number;
  /** periodTotal + carriedIn when not negative, else 0. */
  payableMinor: number;
  /** periodTotal + carriedIn when negative (carried into the next period), else 0. Never floored away. */
  carriedOutMinor: number;
}>;

export type IncentiveStatement = Readonly<{
  planId: string;
  personId: string;
  period: IncentivePeriodId;
  currency: string;
  status: 'open' | 'closed';
  /** Closed: the position the statement is frozen at (the log before the close event) and who closed it. */
  frozenAt: Readonly<{ position: string; closedBy: string; closeEventId: string }> | null;
  /** The knowledge bound the answer was computed at (null: everything the log holds now). */
  knownAt: string | null;
  lines: readonly EarningLine[];
  adjustments: readonly AdjustmentLine[];
  unconverted: readonly UnconvertedAmount[];
  totals: StatementTotals;
}>;

export type LineExplanation = Readonly<{
  lineId: string;
  kind: StatementLineKind;
  amountMinor: number;
  formula: string;
  /** The formula step by step: label, value (a number or a rate as shown to a person). */
  steps: readonly Readonly<{ label: string; value: string }>[];
  events: readonly CausingEvent[];
}>;

export type StatementDiff = Readonly<{
  planId: string;
  personId: string;
  period: IncentivePeriodId;
  from: string;
  to: string;
  before: StatementTotals;
  after: StatementTotals;
  changes: readonly Readonly<{
    lineId: string;
    kind: StatementLineKind;
    beforeMinor: number;
    afterMinor: number;
    deltaMinor: number;
  }>[];
  /** The events recorded between `from` and `to` that changed a line of this statement. */
  events: readonly CausingEvent[];
}>;

export type PeriodSummary = Readonly<{
  period: IncentivePeriodId;
  status: 'open' | 'closed';
  from: string;
  to: string;
  closedBy: string | null;
  frozenAt: string | null;
  totals: readonly Readonly<{
    personId: string;
    periodTotalMinor: number;
    payableMinor: number;
    carriedOutMinor: number;
  }>[];
}>;

export type PlanPeriods = Readonly<{ planId: string; currency: string; periods: readonly PeriodSummary[] }>;

export type WhatIfRow = Readonly<{
  personId: string;
  period: IncentivePeriodId;
  liveMinor: number;
  whatIfMinor: number;
  differenceMinor: number;
}>;

export type WhatIfAnswer = Readonly<{
  planId: string;
  from: IncentivePeriodId;
  to: IncentivePeriodId;
  currency: string;
  rows: readonly WhatIfRow[];
  totals: Readonly<{ liveMinor: number; whatIfMinor: number; differenceMinor: number }>;
  /** Nothing is written: the answer is a replay of the log with the draft terms. */
  written: false;
}>;
