import type { OpenReadModel } from '@ltc/projections';
import { periodWhere, type Period } from '../shared/deal-filter';
import { ratio } from '../shared/statistics';
import type { FunnelTables } from './funnel.projection';

export type LeadFunnelQuery = Readonly<{
  /** The cohort: leads captured in this period. */
  period?: Period;
  source?: string;
  owner?: string;
  /** Visibility: leads owned or captured by one of these people; omitted sees all. */
  visibleTo?: readonly string[];
}>;

export type LeadFunnelRow = Readonly<{
  source: string;
  captured: number;
  /** Leads of the cohort that were ever qualified, converted, disqualified (a reopened lead may be both). */
  qualified: number;
  converted: number;
  disqualified: number;
  /** Still open now: neither converted nor disqualified. */
  open: number;
  qualificationRate: number | null;
  conversionRate: number | null;
}>;

export type LeadFunnelReport = Readonly<{ bySource: readonly LeadFunnelRow[]; total: LeadFunnelRow }>;

export function leadFunnel(model: OpenReadModel<FunnelTables>, query: LeadFunnelQuery): LeadFunnelReport {
  const { db, t } = model;
  const period = periodWhere('captured_at', query.period);
  const clauses = [period.sql];
  const params = [...period.params];
  if (query.source !== undefined) {
    clauses.push('source = ?');
    params.push(query.source);
  }
  if (query.owner !== undefined) {
    clauses.push('owner = ?');
    params.push(query.owner);
  }
  if (query.visibleTo !== undefined) {
    const list = query.visibleTo.map(() => '?').join(', ') || 'NULL';
    clauses.push(`(owner IN (${list}) OR captured_by IN (${list}))`);
    params.push(...query.visibleTo, ...query.visibleTo);
  }
  const rows = db
    .prepare<unknown[], Omit<LeadFunnelRow, 'qualificationRate' | 'conversionRate'>>(
      `SELECT source, count(*) AS captured, count(qualified_at) AS qualified, count(converted_at) AS converted,
         count(disqualified_at) AS disqualified,
         sum(CASE WHEN state IN ('converted', 'disqualified') THEN 0 ELSE 1 END) AS open
       FROM ${t.leads} WHERE ${clauses.join(' AND ')} GROUP BY source ORDER BY captured DESC, source`,
    )
    .all(...params);
  const withRates = (row: Omit<LeadFunnelRow, 'qualificationRate' | 'conversionRate'>): LeadFunnelRow => ({
    ...row,
    qualificationRate: ratio(row.qualified, row.captured),
    conversionRate: ratio(row.converted, row.captured),
  });
  const total = rows.reduce(
    (sum, row) => ({
      source: 'all',
      captured: sum.captured + row.captured,
      qualified: sum.qualified + row.qualified,
      converted: sum.converted + row.converted,
      disqualified: sum.disqualified + row.disqualified,
      open: sum.open + row.open,
    }),
    { source: 'all', captured: 0, qualified: 0, converted: 0, disqualified: 0, open: 0 },
  );
  return { bySource: rows.map(withRates), total: withRates(total) };
}
