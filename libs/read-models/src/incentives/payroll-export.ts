import type { PlanStatements } from './statements';

const major = (minor: number): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/**
 * The payroll export of one period: a row per person with what the period earned, the adjustments
 * forwarded into it, the balance brought in, the total to pay and the balance carried out (amounts in
 * the plan currency, two decimals, no thousands separator).
 */
export function payrollCsv(all: PlanStatements, period: string): string {
  const header = 'person,period,currency,status,earned,adjustments,carried_in,total_to_pay,carried_out';
  const rows = [...all.statements.values()]
    .filter((s) => s.period === period)
    .sort((a, b) => (a.personId < b.personId ? -1 : 1))
    .map((s) =>
      [
        s.personId,
        s.period,
        s.currency,
        s.status,
        major(s.totals.earnedMinor),
        major(s.totals.adjustmentsMinor),
        major(s.totals.carriedInMinor),
        major(s.totals.payableMinor),
        major(s.totals.carriedOutMinor),
      ].join(','),
    );
  return [header, ...rows].join('\n') + '\n';
}
