import type { Money } from '@ltc/domain';
import type { DealForecastCategory } from './types';

/** An open deal as it stood at `asOf` (as known at `knownAt`): what every method reads. */
export type OpenDeal = Readonly<{
  dealId: string;
  owner: string;
  stage: string;
  /** When the deal entered `stage` (business time). */
  stageSince: string;
  segment: 'strategic' | 'ordinary';
  category: DealForecastCategory;
  amount: Money;
  /** `amount` in the reporting currency. */
  amountMinor: number;
  /** The rep's expected close date (a day or an instant); null when none was given. */
  expectedCloseDate: string | null;
}>;

/** A deal that closed: the stages it passed through and how it ended. */
export type ClosedDeal = Readonly<{
  dealId: string;
  segment: 'strategic' | 'ordinary';
  outcome: 'won' | 'lost' | 'abandoned';
  closedAt: string;
  /** Each open stage the deal entered, with when (a stage entered twice counts once, at its first entry). */
  stages: readonly Readonly<{ stage: string; enteredAt: string }>[];
}>;

/** The pipeline a forecast is computed from, at one business instant. */
export type PipelineAt = Readonly<{
  asOf: string;
  open: readonly OpenDeal[];
  /** Deals closed at or before `asOf` (the history the historical method learns from). */
  closed: readonly ClosedDeal[];
  /** Amount won inside the horizon before `asOf`, in the reporting currency. */
  alreadyWonMinor: number;
}>;

/**
 * Whether the rep expects the deal to close inside `[from, to)`: an expected close date already past is
 * taken as "now" (the deal is late, still expected), no date at all as inside.
 */
export function expectedInHorizon(
  deal: OpenDeal,
  asOf: string,
  horizon: Readonly<{ from: string; to: string }>,
): boolean {
  if (deal.expectedCloseDate === null) return true;
  const expected = Math.max(Date.parse(deal.expectedCloseDate), Date.parse(asOf));
  return expected >= Date.parse(horizon.from) && expected < Date.parse(horizon.to);
}
