import {
  formatMinor,
  type AdjustmentLine,
  type CausingEvent,
  type IncentiveStatement,
  type LineExplanation,
  type StatementTotals,
} from '@ltc/read-models';

/** Minor units with two decimals and thousands separators, exact: 1234567 -> "12,345.67". */
export const money = formatMinor;

const signed = (minor: number): string => (minor > 0 ? `+${money(minor)}` : money(minor));

/** Rows as columns padded to the widest cell; the columns named in `right` are right-aligned. */
export function table(rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

function totalsLine(t: StatementTotals, currency: string): string {
  return (
    `earned ${money(t.earnedMinor)} + adjustments ${signed(t.adjustmentsMinor)} = period total ` +
    `${money(t.periodTotalMinor)}; carried in ${money(t.carriedInMinor)}; payable ${money(t.payableMinor)} ` +
    `${currency}; carried out ${money(t.carriedOutMinor)}\n`
  );
}

const corrects = (a: AdjustmentLine): string =>
  `${a.corrects.period} ${a.corrects.kind}${a.corrects.dealId === null ? '' : ` ${a.corrects.dealId}`}`;

/** A statement as a person reads it: status, the lines, the adjustments with their reason, the totals. */
export function statementTable(s: IncentiveStatement): string {
  const status =
    s.frozenAt === null
      ? 'open'
      : `closed by ${s.frozenAt.closedBy}, frozen at log position ${s.frozenAt.position}`;
  let out =
    `statement of ${s.personId} for ${s.period}, plan ${s.planId} (${s.currency}): ${status}` +
    `${s.knownAt === null ? '' : `, as known at ${s.knownAt}`}\n`;
  out += '\n';
  out +=
    s.lines.length === 0
      ? 'no earnings\n'
      : table(
          [
            ['line', 'kind', 'deal', 'amount'],
            ...s.lines.map((l) => [l.lineId, l.kind, l.dealId ?? '-', money(l.amountMinor)]),
          ],
          new Set([3]),
        );
  if (s.adjustments.length > 0) {
    out += '\nadjustments (changes to closed periods, paid here)\n';
    out += table(
      [
        ['line', 'corrects', 'before', 'after', 'delta', 'reason'],
        ...s.adjustments.map((a) => [
          a.lineId,
          corrects(a),
          money(a.beforeMinor),
          money(a.afterMinor),
          signed(a.deltaMinor),
          a.reason,
        ]),
      ],
      new Set([2, 3, 4]),
    );
  }
  for (const u of s.unconverted) {
    out += `not converted: ${u.kind} ${u.dealId} ${money(u.amountMinor)} ${u.currency} (${u.reason}; event ${u.eventId})\n`;
  }
  return `${out}\n${totalsLine(s.totals, s.currency)}`;
}

const event = (e: CausingEvent): string =>
  `${e.id} ${e.type} on ${e.streamId} by ${e.actor}, occurred ${e.occurredAt}, recorded ${e.recordedAt} (position ${e.position})`;

/** One line explained: the formula with its numbers, the steps, and the events it came from. */
export function explanationText(x: LineExplanation): string {
  let out = `${x.lineId} (${x.kind}): ${money(x.amountMinor)}\n${x.formula}\n\n`;
  out += table(x.steps.map((s) => [`  ${s.label}`, s.value]));
  out += `\nevents\n`;
  out += x.events.length === 0 ? '  none\n' : x.events.map((e) => `  ${event(e)}\n`).join('');
  return out;
}
