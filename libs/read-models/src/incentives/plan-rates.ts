import { planRateOf, ratioOfRate, roundHalfAwayFromZero, type PlanTerms } from '@ltc/workflow-incentive-plan';

export {
  comparePeriods,
  nextPeriod,
  periodOf,
  periodRange,
  splitByLargestRemainder,
  type PeriodId,
  type PlanTerms,
  type Tier,
} from '@ltc/workflow-incentive-plan';

export type Conversion =
  Readonly<{ ok: true; rate: string; num: bigint; den: bigint }> | Readonly<{ ok: false; reason: string }>;

/**
 * The plan's fixed rate of a currency as an exact fraction (the plan currency is 1); no rate is an
 * answer to report, never a throw. The calculator sums several amounts exactly before rounding once,
 * so it needs the fraction rather than `convertToPlan`'s rounded amount.
 */
export function planRate(currency: string, terms: PlanTerms): Conversion {
  const rate = planRateOf(currency, terms);
  if (rate === undefined)
    return { ok: false, reason: `the plan "${terms.name}" has no ${currency} rate to ${terms.currency}` };
  const r = ratioOfRate(rate);
  return { ok: true, rate, num: r.num, den: r.den };
}

/** num / den rounded half away from zero (den > 0), as a number of minor units. */
export const roundDiv = (num: bigint, den: bigint): number => Number(roundHalfAwayFromZero(num, den));
