import type { OpenReadModel } from '@ltc/projections';
import type { TeamSpell } from '@ltc/workflow-person';
import { spellsWhere } from '../shared/deal-filter';
import { ratio } from '../shared/statistics';
import type { ActivityTables } from './activity.projection';

export type ActivityQuery = Readonly<{
  /** Days `[from, to)` as `YYYY-MM-DD` (or instants, cut to their day). */
  from?: string;
  to?: string;
  unit?: 'day' | 'month' | 'quarter';
  /** Only these reps (one person, say); omitted: everyone the caller may see. */
  reps?: readonly string[];
  /** Only a team: each rep's days while in it (`OrgTimeline.spellsIn`), so work before a move stays with the old team. */
  team?: readonly TeamSpell[];
  /** Visibility: only these reps; omitted sees all. */
  visibleTo?: readonly string[];
}>;

export type ActivityRow = Readonly<{
  rep: string;
  period: string;
  touches: Readonly<Record<string, number>>;
  touchesTotal: number;
  leads: Readonly<{
    captured: number;
    received: number;
    qualified: number;
    converted: number;
    disqualified: number;
  }>;
  /** converted / (converted + disqualified): of the leads the rep settled in the period, the share converted. */
  conversionRate: number | null;
  opportunities: Readonly<{ opened: number; won: number; lost: number }>;
}>;

const dayOf = (at: string | null): string | null => (at === null ? null : at.slice(0, 10));

const bucket = (day: string, unit: ActivityQuery['unit']): string => {
  if (unit === 'day') return day;
  if (unit === 'quarter') return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
  return day.slice(0, 7);
};

export function activityReport(model: OpenReadModel<ActivityTables>, query: ActivityQuery): ActivityRow[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.from !== undefined) {
    clauses.push('day >= ?');
    params.push(query.from.slice(0, 10));
  }
  if (query.to !== undefined) {
    clauses.push('day < ?');
    params.push(query.to.slice(0, 10));
  }
  for (const reps of [query.reps, query.visibleTo]) {
    if (reps === undefined) continue;
    clauses.push(`rep IN (${reps.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...reps);
  }
  if (query.team !== undefined) {
    // Days compare with the spell's days: the day of a move counts for the new team.
    const days = query.team.map((s) => ({ ...s, from: dayOf(s.from), to: dayOf(s.to) }));
    clauses.push(spellsWhere('rep', days, { column: 'day' }, params));
  }
  const rows = model.db
    .prepare<unknown[], { rep: string; day: string; measure: string; n: number }>(
      `SELECT rep, day, measure, n FROM ${model.t.counts}
       WHERE ${clauses.length === 0 ? '1' : clauses.join(' AND ')} ORDER BY rep, day`,
    )
    .all(...params);
  const groups = new Map<string, { rep: string; period: string; counts: Map<string, number> }>();
  for (const row of rows) {
    const period = bucket(row.day, query.unit ?? 'month');
    const key = `${row.rep}\u0000${period}`;
    const group = groups.get(key) ?? { rep: row.rep, period, counts: new Map<string, number>() };
    group.counts.set(row.measure, (group.counts.get(row.measure) ?? 0) + row.n);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ rep, period, counts }) => {
    const n = (measure: string) => counts.get(measure) ?? 0;
    const touches = Object.fromEntries(
      [...counts.entries()]
        .filter(([measure]) => measure.startsWith('touches.'))
        .map(([measure, value]) => [measure.slice('touches.'.length), value]),
    );
    return {
      rep,
      period,
      touches,
      touchesTotal: Object.values(touches).reduce((a, b) => a + b, 0),
      leads: {
        captured: n('leads.captured'),
        received: n('leads.received'),
        qualified: n('leads.qualified'),
        converted: n('leads.converted'),
        disqualified: n('leads.disqualified'),
      },
      conversionRate: ratio(n('leads.converted'), n('leads.converted') + n('leads.disqualified')),
      opportunities: {
        opened: n('opportunities.opened'),
        won: n('opportunities.won'),
        lost: n('opportunities.lost'),
      },
    };
  });
}
