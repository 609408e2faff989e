import type { Money } from '@ltc/domain';
import { convertMinor, ratesShown, type RatesShown, type RecordedRateTable } from '../forecasts/rates';
import type { FunnelTrendPoint } from './funnel-trend';
import type { FunnelReport, StageRow } from './funnel.queries';

/** Amounts of several currencies as one amount of the reporting currency, with the detail it came from. */
export type ReportingAmount = Readonly<{
  currency: string;
  /** Σ `converted[].reportingMinor`. */
  amountMinor: number;
  /** Each currency a rate in force converts: its own amount, that amount converted (rounded once), the rate. */
  converted: readonly Readonly<{
    currency: string;
    amountMinor: number;
    reportingMinor: number;
    rate: string;
  }>[];
  /** Each currency no rate in force converts: its own amount, left out of `amountMinor`, and why. */
  withoutRate: readonly Readonly<{ currency: string; amountMinor: number; reason: string }>[];
}>;

/** What a funnel's amounts are reported in: the currency and the exchange rate table in force. */
export type ReportingCurrency = Readonly<{ currency: string; table: RecordedRateTable | null }>;

/** `amounts` (one per currency) in the reporting currency: each converted once by `convertMinor`, then summed. */
export function inReportingCurrency(amounts: readonly Money[], to: ReportingCurrency): ReportingAmount {
  const converted: ReportingAmount['converted'][number][] = [];
  const withoutRate: ReportingAmount['withoutRate'][number][] = [];
  for (const amount of amounts) {
    const c = convertMinor(amount, to.currency, to.table);
    if (c.ok) converted.push({ ...amount, reportingMinor: c.amountMinor, rate: c.rate });
    else withoutRate.push({ ...amount, reason: c.reason });
  }
  return {
    currency: to.currency,
    amountMinor: converted.reduce((sum, c) => sum + c.reportingMinor, 0),
    converted,
    withoutRate,
  };
}

/** The sum of reporting amounts of one currency and table, per currency again (so a total adds up its parts). */
export function sumReporting(currency: string, parts: readonly ReportingAmount[]): ReportingAmount {
  const converted = new Map<
    string,
    { currency: string; amountMinor: number; reportingMinor: number; rate: string }
  >();
  const withoutRate = new Map<string, { currency: string; amountMinor: number; reason: string }>();
  for (const part of parts) {
    for (const c of part.converted) {
      const held = converted.get(c.currency);
      if (held === undefined) converted.set(c.currency, { ...c });
      else {
        held.amountMinor += c.amountMinor;
        held.reportingMinor += c.reportingMinor;
      }
    }
    for (const w of part.withoutRate) {
      const held = withoutRate.get(w.currency);
      if (held === undefined) withoutRate.set(w.currency, { ...w });
      else held.amountMinor += w.amountMinor;
    }
  }
  const byCode = <T extends { currency: string }>(map: Map<string, T>): T[] =>
    [...map.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
  const list = byCode(converted);
  return {
    currency,
    amountMinor: list.reduce((sum, c) => sum + c.reportingMinor, 0),
    converted: list,
    withoutRate: byCode(withoutRate),
  };
}

export type ReportedStageRow = StageRow & Readonly<{ reporting: ReportingAmount }>;

/** The funnel with every amount also in the reporting currency; the per-currency amounts are kept as they were. */
export type ReportedFunnel = Omit<FunnelReport, 'stages' | 'totals'> &
  Readonly<{
    currency: string;
    /** The exchange rate table in force at the funnel's instant as known at `knownAt`; null: none. */
    rates: RatesShown | null;
    stages: readonly ReportedStageRow[];
    totals: FunnelReport['totals'] & Readonly<{ reporting: ReportingAmount }>;
  }>;

const CLOSED = new Set(['won', 'lost', 'abandoned']);

/**
 * The funnel in a reporting currency: each stage's amount of each currency converted once at the table
 * in force (`convertMinor`: exact, half away from zero), the stage's total their sum; the open total is
 * the sum of the open stages' (so the figures shown add up). A currency without a rate is listed in
 * `withoutRate` with its amount, never dropped.
 */
export function reportFunnelIn(report: FunnelReport, to: ReportingCurrency): ReportedFunnel {
  const stages = report.stages.map((row) => ({ ...row, reporting: inReportingCurrency(row.amount, to) }));
  const open = stages.filter((row) => !CLOSED.has(row.stage)).map((row) => row.reporting);
  return {
    ...report,
    currency: to.currency,
    rates: ratesShown(to.table),
    stages,
    totals: { ...report.totals, reporting: sumReporting(to.currency, open) },
  };
}

/** A trend point in the reporting currency (the table in force at the point), as `reportFunnelIn` does. */
export type ReportedTrendPoint = Omit<FunnelTrendPoint, 'stages'> &
  Readonly<{
    /** The open deals' amount in the reporting currency: the sum of the open stages'. */
    reporting: ReportingAmount;
    /** The id of the exchange rate table in force at the point as known at `knownAt`; null: none. */
    rateTableId: string | null;
    stages: readonly (FunnelTrendPoint['stages'][number] & Readonly<{ reporting: ReportingAmount }>)[];
  }>;

export function reportTrendPointIn(point: FunnelTrendPoint, to: ReportingCurrency): ReportedTrendPoint {
  const stages = point.stages.map((row) => ({ ...row, reporting: inReportingCurrency(row.amount, to) }));
  const open = stages.filter((row) => !CLOSED.has(row.stage)).map((row) => row.reporting);
  return {
    ...point,
    reporting: sumReporting(to.currency, open),
    rateTableId: to.table?.eventId ?? null,
    stages,
  };
}
