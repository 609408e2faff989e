import { exchangeRatesStream, forecastCallStream, incentivePlanStream } from '@ltc/domain';
import type { StoredEvent } from '@ltc/event-store';
import type { HistoryEvent } from '../incentives/incentive-history';
import type { RecordedForecastCall } from './calls';
import type { LoggedFact } from './known';
import type { RecordedRateTable } from './rates';
import type { RecordedPlanRetirement, RecordedPlanTerms, RecordedTarget } from './targets';

/**
 * What a forecast reads besides the deals: calls, rate tables, targets and the plan terms that say their
 * currency, each with where it sits in the log.
 */
export type ForecastFacts = {
  calls: RecordedForecastCall[];
  rateTables: RecordedRateTable[];
  targets: RecordedTarget[];
  plans: { terms: RecordedPlanTerms[]; retirements: RecordedPlanRetirement[] };
};

/** The streams the facts come from: forecast calls, exchange rates and incentive plans (their targets). */
export const FORECAST_FACT_STREAM_PREFIXES: readonly string[] = [
  forecastCallStream,
  exchangeRatesStream,
  incentivePlanStream,
].map((s) => s.id(''));

type CallData = Omit<RecordedForecastCall, keyof LoggedFact | 'line' | 'callId'>;

/**
 * Folds the facts from the log in order (the api's subscription, the cli's read, a backtest's one pass):
 * every call and target is kept with its times and position, so any moment can be read off it later.
 */
export class ForecastFactsFolder {
  readonly facts: ForecastFacts = {
    calls: [],
    rateTables: [],
    targets: [],
    plans: { terms: [], retirements: [] },
  };

  /** `stored`: the event as the log holds it, for what the upcast event leaves out (`metadata.imported`). */
  apply(event: HistoryEvent, stored?: Pick<StoredEvent, 'metadata'>): void {
    const logged: LoggedFact = {
      eventId: event.id,
      position: event.position,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
    };
    const line = forecastCallStream.parse(event.streamId);
    if (line !== undefined && event.type === 'ForecastCallMade') {
      const d = event.data as CallData;
      this.facts.calls.push({
        ...logged,
        line,
        imported: stored?.metadata.imported === true,
        callId: event.id,
        by: d.by,
        scope: d.scope,
        personId: d.personId,
        team: d.team,
        period: d.period,
        currency: d.currency,
        commitMinor: d.commitMinor,
        bestCaseMinor: d.bestCaseMinor,
        note: d.note,
      });
      return;
    }
    if (exchangeRatesStream.parse(event.streamId) !== undefined && event.type === 'ExchangeRatesPublished') {
      const d = event.data as {
        base: string;
        effectiveFrom: string;
        rates: { currency: string; rate: string }[];
        note: string;
      };
      this.facts.rateTables.push({
        ...logged,
        base: d.base,
        effectiveFrom: d.effectiveFrom,
        rates: Object.fromEntries(d.rates.map((r) => [r.currency, r.rate])),
        note: d.note,
      });
      return;
    }
    const planId = incentivePlanStream.parse(event.streamId);
    if (planId === undefined) return;
    const data = event.data as Record<string, unknown>;
    if (event.type === 'IncentivePlanPublished' || event.type === 'IncentivePlanCorrected') {
      const terms = data['terms'] as { currency: string };
      const effectiveFrom = data['effectiveFrom'] as string;
      this.facts.plans.terms.push({ ...logged, planId, effectiveFrom, currency: terms.currency });
    } else if (event.type === 'IncentivePlanRetired') {
      const effectiveAfter = data['effectiveAfter'] as string;
      this.facts.plans.retirements.push({ ...logged, planId, effectiveAfter });
    } else if (event.type === 'IncentiveTargetSet') {
      this.facts.targets.push({
        ...logged,
        planId,
        personId: data['personId'] as string,
        period: data['period'] as string,
        targetMinor: data['targetMinor'] as number,
      });
    }
  }
}
