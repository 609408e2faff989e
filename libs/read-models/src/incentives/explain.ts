import type { IncentiveLedger } from './incentive-history';
import { formatBp, formatMinor, formatMultiplier } from './money-format';
import { knownAtBound, statementOf } from './statement-query';
import type {
  CausingEvent,
  IncentiveStatement,
  LineExplanation,
  LineInputs,
  StatementDiff,
  StatementLine,
  StatementLineKind,
} from './types';

const cite = (ledger: IncentiveLedger, ids: readonly string[]): CausingEvent[] =>
  ids.flatMap((id) => {
    const e = ledger.events.get(id);
    return e === undefined ? [] : [e];
  });

const STEPS: readonly [keyof LineInputs, string, (v: number) => string][] = [
  ['amountMinor', 'amount', formatMinor],
  ['planAmountMinor', 'in plan currency', formatMinor],
  ['poolRateBp', 'pool rate', formatBp],
  ['strategicMultiplierBp', 'strategic multiplier', formatMultiplier],
  ['newCustomerMultiplierBp', 'new-customer multiplier', formatMultiplier],
  ['multiplierBp', 'multipliers compounded', formatMultiplier],
  ['poolMinor', 'pool (rounded once)', formatMinor],
  ['splitShareBp', 'split share', formatBp],
  ['achievedMinor', 'achieved', formatMinor],
  ['targetMinor', 'target', formatMinor],
  ['attainmentBp', 'attainment', formatBp],
  ['tierResultBp', 'tier result (of the target bonus)', formatBp],
  ['targetBonusMinor', 'target bonus', formatMinor],
];

/** One line of a statement explained: its formula with the numbers, step by step, and the events. */
export function explainLine(
  ledger: IncentiveLedger,
  statement: IncentiveStatement,
  lineId: string,
): LineExplanation | undefined {
  const line: StatementLine | undefined =
    statement.lines.find((l) => l.lineId === lineId) ??
    statement.adjustments.find((a) => a.lineId === lineId);
  if (line === undefined) return undefined;
  if (line.kind === 'adjustment') {
    return {
      lineId,
      kind: 'adjustment',
      amountMinor: line.amountMinor,
      formula: `${line.corrects.kind} of ${line.corrects.period}: now ${formatMinor(line.afterMinor)} − paid ${formatMinor(line.beforeMinor)} = ${formatMinor(line.deltaMinor)}`,
      steps: [
        {
          label: 'corrects',
          value: `${line.corrects.period} ${line.corrects.kind}${line.corrects.dealId ? ` ${line.corrects.dealId}` : ''}`,
        },
        { label: 'paid before (frozen + forwarded)', value: formatMinor(line.beforeMinor) },
        { label: 'recomputed now', value: formatMinor(line.afterMinor) },
        { label: 'delta', value: formatMinor(line.deltaMinor) },
        { label: 'reason', value: line.reason },
      ],
      events: line.causes,
    };
  }
  const steps: { label: string; value: string }[] = [];
  if (line.inputs.currency !== null) steps.push({ label: 'currency', value: line.inputs.currency });
  if (line.inputs.fxRate !== null) steps.push({ label: 'plan FX rate', value: line.inputs.fxRate });
  if (line.inputs.role !== null) steps.push({ label: 'role', value: line.inputs.role });
  if (line.inputs.tierMode !== null) steps.push({ label: 'tier mode', value: line.inputs.tierMode });
  for (const [key, label, show] of STEPS) {
    const v = line.inputs[key];
    if (typeof v === 'number') steps.push({ label, value: show(v) });
  }
  for (const t of line.inputs.tiers ?? []) {
    steps.push({
      label: `tier ${formatBp(t.fromBp)}–${t.toBp === null ? '∞' : formatBp(t.toBp)}`,
      value: `${formatBp(t.portionBp)} at ${formatBp(t.rateBp)}`,
    });
  }
  steps.push({ label: 'line', value: formatMinor(line.amountMinor) });
  return {
    lineId,
    kind: line.kind,
    amountMinor: line.amountMinor,
    formula: line.formula,
    steps,
    events: cite(ledger, line.eventIds),
  };
}

type Q = Readonly<{ personId: string; period: string; planId?: string }>;

/** The statement as known at two instants (or positions), the lines that changed and the events between. */
export function diffStatements(
  ledger: IncentiveLedger,
  q: Q & { from: string; to: string },
): StatementDiff | undefined {
  const before = statementOf(ledger, { ...q, knownAt: q.from });
  const after = statementOf(ledger, { ...q, knownAt: q.to });
  if (before === undefined || after === undefined) return undefined;
  const amounts = (
    s: IncentiveStatement,
  ): Map<string, { kind: StatementLineKind; amountMinor: number; ids: readonly string[] }> =>
    new Map<string, { kind: StatementLineKind; amountMinor: number; ids: readonly string[] }>([
      ...s.lines.map(
        (l) => [l.lineId, { kind: l.kind, amountMinor: l.amountMinor, ids: l.eventIds }] as const,
      ),
      ...s.adjustments.map(
        (a) =>
          [a.lineId, { kind: a.kind, amountMinor: a.amountMinor, ids: a.causes.map((c) => c.id) }] as const,
      ),
    ]);
  const b = amounts(before);
  const a = amounts(after);
  const changes: StatementDiff['changes'][number][] = [];
  const ids = new Set<string>();
  for (const lineId of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const x = b.get(lineId);
    const y = a.get(lineId);
    const beforeMinor = x?.amountMinor ?? 0;
    const afterMinor = y?.amountMinor ?? 0;
    if (beforeMinor === afterMinor && x !== undefined && y !== undefined) continue;
    changes.push({
      lineId,
      kind: (y ?? x)!.kind,
      beforeMinor,
      afterMinor,
      deltaMinor: afterMinor - beforeMinor,
    });
    for (const id of [...(x?.ids ?? []), ...(y?.ids ?? [])]) ids.add(id);
  }
  const from = knownAtBound(ledger, q.from).known;
  const to = knownAtBound(ledger, q.to).known;
  const events = cite(ledger, [...ids]).filter((e) => !from(e.position) && to(e.position));
  return {
    planId: after.planId,
    personId: q.personId,
    period: after.period,
    from: q.from,
    to: q.to,
    before: before.totals,
    after: after.totals,
    changes,
    events: events.sort((x, y) => (x.position < y.position ? -1 : 1)),
  };
}
