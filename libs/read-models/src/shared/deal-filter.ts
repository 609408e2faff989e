import type { IronTriangleRole } from '@ltc/domain';
import type { TeamSpell } from '@ltc/workflow-person';

/** Who and what a deal query is about; all fields are optional and combine with AND. */
export type DealFilter = Readonly<{
  /** Deals this user owns. */
  owner?: string;
  /** With `role`: deals where this user holds the role; alone: deals they own or hold any role on. */
  person?: string;
  /**
   * A team, as the spells its members were credited to it (`OrgTimeline.spellsIn`, resolved by the
   * caller): with `role`, holders of it; alone, owners; each counted while they were in the team at the
   * fact's business time (`dealWhere`'s `at`), so a rep's deals before a move stay with the old team.
   */
  team?: readonly TeamSpell[];
  role?: IronTriangleRole;
  segment?: 'strategic' | 'ordinary';
  customerType?: 'new' | 'existing';
  /** Visibility: only deals whose owner or triangle includes one of these people; omitted sees all. */
  visibleTo?: readonly string[];
}>;

/** A half-open period `[from, to)` of ISO instants or dates; either end may be open. */
export type Period = Readonly<{ from?: string; to?: string }>;

export type Where = Readonly<{ sql: string; params: unknown[] }>;

const ROLE_COLUMN: Readonly<Record<IronTriangleRole, string>> = { AR: 'ar', SR: 'sr', FR: 'fr' };

const inList = (column: string, values: readonly string[], params: unknown[]): string => {
  if (values.length === 0) return '0';
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
};

/** The business time a team spell is tested at: a column of the row (when the fact happened), or one instant. */
export type TeamTime = Readonly<{ column: string } | { instant: string }>;

/**
 * People in their spells: `(person = ? AND at >= from AND at < to) OR ...`, open ends left out. Bounds
 * and instant compare as given (as stored: ISO instants, or days for a day column).
 */
export function spellsWhere(
  column: string,
  spells: readonly TeamSpell[],
  at: TeamTime,
  params: unknown[],
): string {
  if (spells.length === 0) return '0';
  const time = 'column' in at ? at.column : '?';
  const clauses = spells.map((spell) => {
    params.push(spell.person);
    const parts = [`${column} = ?`];
    for (const [bound, op] of [
      [spell.from, '>='],
      [spell.to, '<'],
    ] as const) {
      if (bound === null) continue;
      parts.push(`${time} ${op} ?`);
      if ('instant' in at) params.push(at.instant);
      params.push(bound);
    }
    return `(${parts.join(' AND ')})`;
  });
  return `(${clauses.join(' OR ')})`;
}

/**
 * The WHERE clause of a filter over a table with owner, ar, sr, fr, segment and customer_type; `at` is
 * when a team filter's spells are tested (default: now, as the org stands).
 */
export function dealWhere(
  filter: DealFilter,
  alias = '',
  at: TeamTime = { instant: '9999-12-31T00:00:00.000Z' },
): Where {
  const c = (column: string) => `${alias}${column}`;
  const clauses: string[] = [];
  const params: unknown[] = [];
  const anyRole = (values: readonly string[]) =>
    `(${['owner', 'ar', 'sr', 'fr'].map((col) => inList(c(col), values, params)).join(' OR ')})`;
  if (filter.owner !== undefined) clauses.push(inList(c('owner'), [filter.owner], params));
  if (filter.person !== undefined) {
    clauses.push(
      filter.role === undefined
        ? anyRole([filter.person])
        : inList(c(ROLE_COLUMN[filter.role]), [filter.person], params),
    );
  }
  if (filter.team !== undefined) {
    const column = filter.role === undefined ? 'owner' : ROLE_COLUMN[filter.role];
    // A column of another table of the query comes qualified (`m.at`); a bare one is the deal's.
    const time =
      'column' in at
        ? { column: at.column.includes('.') ? at.column : c(at.column) }
        : { instant: instant(at.instant) };
    const spells = filter.team.map((s) => ({
      person: s.person,
      from: s.from === null ? null : instant(s.from),
      to: s.to === null ? null : instant(s.to),
    }));
    clauses.push(spellsWhere(c(column), spells, time, params));
  }
  if (filter.segment !== undefined) clauses.push(inList(c('segment'), [filter.segment], params));
  if (filter.customerType !== undefined) {
    clauses.push(inList(c('customer_type'), [filter.customerType], params));
  }
  if (filter.visibleTo !== undefined) clauses.push(anyRole(filter.visibleTo));
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

/** `column` within the period; dates (`2026-03-01`) compare as the start of that day. */
export function periodWhere(column: string, period: Period | undefined): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (period?.from !== undefined) {
    clauses.push(`${column} >= ?`);
    params.push(instant(period.from));
  }
  if (period?.to !== undefined) {
    clauses.push(`${column} < ?`);
    params.push(instant(period.to));
  }
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

/** ISO-8601 as `toISOString()` writes it, the form every stored stamp has. */
export function instant(value: string): string {
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new RangeError(`not an ISO-8601 date or instant: "${value}"`);
  return new Date(parsed).toISOString();
}
