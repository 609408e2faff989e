import type { CauseStep } from './adjustment-causes';
import type { IncentiveLedger } from './incentive-history';
import { formatDay, formatMinor } from './money-format';
import type { PeriodId } from './plan-rates';
import type { CausingEvent, EarningKind } from './types';

/**
 * One line saying why a closed period changed: the cause that moved the figure most (the latest of equal
 * ones), and how many more causes there were.
 */
export function adjustmentReason(
  kind: EarningKind,
  period: PeriodId,
  causes: readonly CauseStep[],
  ledger: IncentiveLedger,
): string {
  let mover: CauseStep | undefined;
  for (const c of causes) {
    if (mover === undefined || Math.abs(c.deltaMinor) >= Math.abs(mover.deltaMinor)) mover = c;
  }
  if (mover === undefined) return `${kind} of ${period} recomputed`;
  const more = causes.length > 1 ? ` (+${causes.length - 1} more)` : '';
  return `${describe(mover.event, ledger)}${more}`;
}

function describe(e: CausingEvent, ledger: IncentiveLedger): string {
  const recorded = `recorded ${formatDay(e.recordedAt)} for ${formatDay(e.occurredAt)}`;
  const amountOf = (
    find: (
      d: IncentiveLedger['deals'] extends Map<string, infer D> ? D : never,
    ) => { amount: { amountMinor: number; currency: string } } | undefined,
  ): string => {
    for (const d of ledger.deals.values()) {
      const f = find(d);
      if (f !== undefined) return `${f.amount.currency} ${formatMinor(f.amount.amountMinor)}`;
    }
    return '';
  };
  switch (e.type) {
    case 'PaymentRecorded':
      return `payment of ${amountOf((d) => d.payments.find((p) => p.eventId === e.id))} ${recorded}`;
    case 'OpportunityWon':
      return `win of ${amountOf((d) => (d.won.eventId === e.id ? d.won : undefined))} ${recorded}`;
    case 'ContractChanged':
      return `contract change of ${amountOf((d) => d.changes.find((c) => c.eventId === e.id))} ${recorded}`;
    case 'DisputeResolved':
      return `dispute credit of ${amountOf((d) => d.disputes.find((c) => c.eventId === e.id))} ${recorded}`;
    case 'InvoiceWrittenOff':
      return `write-off of ${amountOf((d) => d.writeOffs.find((c) => c.eventId === e.id))} ${recorded}`;
    case 'ContractTerminated':
      return `contract terminated inside the clawback window, ${recorded}`;
    case 'IronTriangleRoleReassigned':
    case 'IronTriangleAssigned':
      return `triangle role reassigned effective ${formatDay(e.occurredAt)}, recorded ${formatDay(e.recordedAt)}`;
    case 'IncentivePlanCorrected':
    case 'IncentivePlanPublished':
      return `plan terms corrected, recorded ${formatDay(e.recordedAt)}`;
    case 'IncentivePlanRetired':
      return `plan retired, recorded ${formatDay(e.recordedAt)}`;
    case 'IncentiveTargetSet':
      return `target changed, recorded ${formatDay(e.recordedAt)}`;
    default:
      return `${e.type} ${recorded}`;
  }
}
