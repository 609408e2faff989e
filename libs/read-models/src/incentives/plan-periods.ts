import type { IncentiveLedger } from './incentive-history';
import { comparePeriods, periodRange } from './plan-rates';
import { payrollCsv } from './payroll-export';
import { planStatements, type PlanStatements } from './statements';
import type { PeriodSummary, PlanPeriods } from './types';

/** The periods of a plan the log knows of: opened (by OpenIncentivePeriod) or holding a statement. */
function periodsOf(all: PlanStatements, ledger: IncentiveLedger): string[] {
  const plan = ledger.plans.get(all.planId);
  const periods = new Set<string>();
  for (const o of plan?.opened ?? []) periods.add(o.period);
  for (const c of plan?.closes ?? []) periods.add(c.period);
  for (const s of all.statements.values()) periods.add(s.period);
  return [...periods].sort(comparePeriods);
}

/**
 * The periods of one plan, oldest first: open or closed (at which log position, by whom), with each
 * person's period total, payable amount and the balance carried out. Undefined when the plan is unknown.
 */
export function planPeriods(ledger: IncentiveLedger, planId: string): PlanPeriods | undefined {
  const plan = ledger.plans.get(planId);
  const first = plan?.versions[0];
  if (plan === undefined || first === undefined) return undefined;
  const all = planStatements(ledger, planId);
  const periods = periodsOf(all, ledger).map((period): PeriodSummary => {
    const close = plan.closes.find((c) => c.period === period);
    const totals = [...all.statements.values()]
      .filter((s) => s.period === period)
      .sort((a, b) => (a.personId < b.personId ? -1 : 1))
      .map((s) => ({
        personId: s.personId,
        periodTotalMinor: s.totals.periodTotalMinor,
        payableMinor: s.totals.payableMinor,
        carriedOutMinor: s.totals.carriedOutMinor,
      }));
    return {
      period,
      status: close === undefined ? 'open' : 'closed',
      ...periodRange(period),
      closedBy: close?.closedBy ?? null,
      frozenAt: close?.position ?? null,
      totals,
    };
  });
  return { planId, currency: first.terms.currency, periods };
}

/**
 * The payroll CSV of one period of a plan (`payrollCsv`), or why there is none: the plan is unknown, or
 * the log knows nothing of that period (never opened, nothing earned or adjusted in it).
 */
export function payrollExport(
  ledger: IncentiveLedger,
  planId: string,
  period: string,
): { ok: true; csv: string } | { ok: false; missing: 'plan' | 'period' } {
  const plan = ledger.plans.get(planId);
  if (plan === undefined || plan.versions.length === 0) return { ok: false, missing: 'plan' };
  const all = planStatements(ledger, planId);
  if (!periodsOf(all, ledger).includes(period)) return { ok: false, missing: 'period' };
  return { ok: true, csv: payrollCsv(all, period) };
}
