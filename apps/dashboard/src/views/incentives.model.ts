import type { Person, PlanTerms } from '../api/types';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The month (`2026-12`) or quarter (`2026-Q4`) an instant falls in, in UTC as the plans count periods. */
export function periodOf(instant: Date, kind: 'month' | 'quarter'): string {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth();
  return kind === 'month'
    ? `${year}-${String(month + 1).padStart(2, '0')}`
    : `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** A month or quarter as its kind and a running index (months since year 0, or quarters). */
function indexOf(period: string): Readonly<{ kind: 'month' | 'quarter'; index: number }> {
  const month = MONTH.exec(period);
  if (month) return { kind: 'month', index: Number(month[1]) * 12 + Number(month[2]) - 1 };
  const quarter = QUARTER.exec(period);
  if (quarter) return { kind: 'quarter', index: Number(quarter[1]) * 4 + Number(quarter[2]) - 1 };
  throw new Error(`not a period: ${period}`);
}

const fromIndex = (kind: 'month' | 'quarter', index: number): string =>
  kind === 'month'
    ? `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
    : `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;

/** The period `steps` before (negative) or after a month or quarter: `2026-12` + 1 = `2027-01`. */
export function stepPeriod(period: string, steps: number): string {
  const { kind, index } = indexOf(period);
  return fromIndex(kind, index + steps);
}

/** Periods of one kind from `from` to `to`, both included (none when `to` is before `from`). */
export function periodsBetween(from: string, to: string): string[] {
  const a = indexOf(from);
  const b = indexOf(to);
  if (a.kind !== b.kind) throw new Error(`${from} and ${to} are not periods of one kind`);
  return Array.from({ length: Math.max(0, b.index - a.index + 1) }, (_, i) => fromIndex(a.kind, a.index + i));
}

/**
 * Whose statements the signed-in user is shown: their own, and a manager's reports, or every rep for
 * sales operations and admins (the api refuses anyone else's, so this only saves refused calls).
 */
export function statementPeople(
  me: Readonly<{ id: string; roles: readonly string[] }>,
  people: readonly Person[],
): string[] {
  const everyone = me.roles.includes('ops') || me.roles.includes('admin');
  const others = people
    .filter((p) => p.id !== me.id && (everyone ? p.orgRoles.includes('rep') : p.manager === me.id))
    .map((p) => p.id);
  return [me.id, ...others];
}

/** Basis points as a percentage a person types: 5000 -> `50`, 1250 -> `12.5`, 10000 -> `100`. */
export const bpToPercent = (bp: number): string => {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  return rest === 0
    ? String(whole)
    : `${bp < 0 && whole === 0 ? '-' : ''}${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
};

/** A typed percentage (`12.5`) as whole basis points (1250), or why not: at most two decimals. */
export function percentToBp(text: string): { bp: number } | { error: string } {
  const match = /^\s*(\d+)(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (match === null) return { error: 'a percentage such as 12.5 (at most two decimals)' };
  return { bp: Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) };
}

/** The draft's split, checked as the api checks it: the three shares sum to 100 %. */
export function splitError(split: PlanTerms['split']): string | null {
  const sum = split.AR + split.SR + split.FR;
  return sum === 10000 ? null : `the split sums to ${bpToPercent(sum)} %, not 100 %`;
}
