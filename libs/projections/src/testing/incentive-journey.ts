import { incentivePlanStream } from '@ltc/domain';
import { incentivePeriodStreamId, type IncentivePeriodEvent } from '@ltc/workflow-incentive-period';
import {
  nextPeriod,
  periodOf,
  periodRange,
  type IncentivePlanEvent,
  type PeriodId,
  type PlanTerms,
} from '@ltc/workflow-incentive-plan';
import { DAY, HOUR, REPS, type Act, type Journey } from './journey-world';

/** The plan of generated histories: EUR at fixed rates for the deals' CNY, monthly, every rep a participant. */
export function generatedPlanTerms(signedRateBp = 200): PlanTerms {
  return {
    name: 'generated plan',
    currency: 'EUR',
    periodKind: 'month',
    fxRates: { CNY: '0.128' },
    pool: {
      signedRateBp,
      collectedRateBp: 100,
      strategicMultiplierBp: 15000,
      newCustomerMultiplierBp: 12000,
    },
    split: { AR: 5000, SR: 3000, FR: 2000 },
    attainment: {
      credit: 'whole',
      mode: 'marginal',
      tiers: [
        { fromBp: 0, toBp: 5000, rateBp: 5000 },
        { fromBp: 5000, toBp: 10000, rateBp: 10000 },
        { fromBp: 10000, toBp: null, rateBp: 15000 },
      ],
    },
    clawback: { terminationWindowDays: 90, writeOffReversesSigning: true },
    participants: REPS.map((r) => r.id),
  };
}

export type IncentiveHistoryOptions = Readonly<{
  planId: string;
  /** Months run (opened, targets set, closed on the 3rd of the next month); default 36. */
  months?: number;
  /** A correction of the pool rate, recorded in this month (1-based) effective two months earlier. */
  correctInMonth?: number;
}>;

/**
 * Sales operations running an incentive plan beside the deals: the plan published when the history starts,
 * each month opened with a target per rep on its first day, closed on the 3rd of the next month (so the
 * closes freeze statements while late payments and wins still come), and one retroactive correction.
 */
export function* incentiveJourney(options: IncentiveHistoryOptions, startedAt: number): Journey {
  const { planId } = options;
  const planStream = incentivePlanStream.id(planId);
  let now = startedAt;
  let period: PeriodId = periodOf('month', new Date(startedAt).toISOString());
  const act = (at: number, stream: string, commandType: string, events: Act['events']): Act => {
    const delayMs = Math.max(0, at - now);
    now = Math.max(now, at);
    return { delayMs, stream, actor: 'ops', commandType, events };
  };
  const published: IncentivePlanEvent = {
    type: 'IncentivePlanPublished',
    data: { planId, effectiveFrom: period, terms: generatedPlanTerms() },
  };
  yield act(now, planStream, 'PublishIncentivePlan', [published]);
  const months = options.months ?? 36;
  yield* open(planId, period, now, act);
  for (let month = 1; month <= months; month++) {
    const next = nextPeriod(period);
    const nextFrom = Date.parse(periodRange(next).from);
    if (month < months) yield* open(planId, next, nextFrom, act);
    if (month === options.correctInMonth) {
      const corrected: IncentivePlanEvent = {
        type: 'IncentivePlanCorrected',
        data: {
          effectiveFrom: periodOf('month', new Date(nextFrom - 45 * DAY).toISOString()),
          terms: generatedPlanTerms(250),
          reason: 'signed rate raised from 2 % to 2.5 %, back to the month before last',
        },
      };
      yield act(nextFrom + DAY, planStream, 'CorrectIncentivePlan', [corrected]);
    }
    const closed: IncentivePeriodEvent = {
      type: 'IncentivePeriodClosed',
      data: { planId, period, closedBy: 'ops' },
    };
    const closesAt = nextFrom + 2 * DAY + 9 * HOUR;
    yield act(closesAt, incentivePeriodStreamId(planId, period), 'CloseIncentivePeriod', [closed]);
    period = next;
  }
}

/** A period opened on its first day (or now, if later), and a target for each rep an hour later. */
function* open(
  planId: string,
  period: PeriodId,
  at: number,
  act: (at: number, stream: string, commandType: string, events: Act['events']) => Act,
): Journey {
  const range = periodRange(period);
  const opened: IncentivePeriodEvent = { type: 'IncentivePeriodOpened', data: { planId, period, ...range } };
  yield act(at, incentivePeriodStreamId(planId, period), 'OpenIncentivePeriod', [opened]);
  for (const [i, rep] of REPS.entries()) {
    const target: IncentivePlanEvent = {
      type: 'IncentiveTargetSet',
      data: {
        personId: rep.id,
        period,
        targetMinor: 20_000_000 + i * 1_000_000,
        targetBonusMinor: 300_000,
        basis: { kind: 'baseSalary', amountMinor: 6_000_000 },
        reason: null,
      },
    };
    yield act(at + HOUR, incentivePlanStream.id(planId), 'SetIncentiveTarget', [target]);
  }
}
