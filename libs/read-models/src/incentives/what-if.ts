import { InvalidValueError } from '@ltc/domain';
import { comparePeriods, parsePeriodId, validatePlanTerms } from '@ltc/workflow-incentive-plan';
import { computeEarnings, knowsAll, type Earnings } from './earnings';
import type { IncentiveLedger, PlanLedger } from './incentive-history';
import type { WhatIfAnswer, WhatIfRow } from './types';

export type WhatIfRequest = Readonly<{ planId: string; terms: unknown; from: string; to: string }>;

/** After every position of the log: the draft overrides every version for the periods it covers. */
const DRAFT_POSITION = '~';

/**
 * Live vs what-if per person and period in [from, to]: the earnings recomputed from the whole history
 * with the plan's terms, and again with the draft terms in force from `from` on. Nothing is written.
 */
export function whatIf(ledger: IncentiveLedger, request: WhatIfRequest): WhatIfAnswer | undefined {
  const terms = validatePlanTerms(request.terms);
  const from = parsePeriodId(request.from, 'from').id;
  const to = parsePeriodId(request.to, 'to').id;
  if (comparePeriods(from, to) > 0) throw new InvalidValueError('to', `must not be before from (${from})`);
  const plan = ledger.plans.get(request.planId);
  if (plan === undefined || plan.versions.length === 0) return undefined;
  const draft: PlanLedger = {
    ...plan,
    versions: [
      ...plan.versions,
      { eventId: 'what-if', position: DRAFT_POSITION, at: '', effectiveFrom: from, terms },
    ],
  };
  // Only the deals with a fact in the range can have a line in it (the pure calculator either way).
  const live = totals(computeEarnings(ledger, plan, knowsAll, undefined, { from, to }), from, to);
  const what = totals(computeEarnings(ledger, draft, knowsAll, undefined, { from, to }), from, to);
  const rows: WhatIfRow[] = [...new Set([...live.keys(), ...what.keys()])].sort().map((key) => {
    const [personId = '', period = ''] = key.split('|');
    const liveMinor = live.get(key) ?? 0;
    const whatIfMinor = what.get(key) ?? 0;
    return { personId, period, liveMinor, whatIfMinor, differenceMinor: whatIfMinor - liveMinor };
  });
  const sum = (f: (r: WhatIfRow) => number): number => rows.reduce((s, r) => s + f(r), 0);
  return {
    planId: plan.planId,
    from,
    to,
    currency: terms.currency,
    rows,
    totals: {
      liveMinor: sum((r) => r.liveMinor),
      whatIfMinor: sum((r) => r.whatIfMinor),
      differenceMinor: sum((r) => r.differenceMinor),
    },
    written: false,
  };
}

function totals(e: Earnings, from: string, to: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, lines] of e.lines) {
    const period = key.slice(key.indexOf('|') + 1);
    if (comparePeriods(period, from) < 0 || comparePeriods(period, to) > 0) continue;
    out.set(
      key,
      lines.reduce((s, l) => s + l.amountMinor, 0),
    );
  }
  return out;
}
