import type { Money } from '@ltc/domain';

/**
 * How a change is accounted (IFRS 15 contract modifications):
 * - `separate-contract`: the added scope is its own contract (named by id); this contract's amount stays;
 * - `prospective`: the amount changes for what is still to deliver;
 * - `cumulative-catch-up`: the amount changes as if it had always been so (past periods are restated
 *   downstream, e.g. retroactive incentives).
 */
export const CHANGE_KINDS = ['separate-contract', 'prospective', 'cumulative-catch-up'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const RISK_SEVERITIES = ['low', 'medium', 'high'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

export const DISPUTE_OUTCOMES = ['in-our-favour', 'in-customer-favour', 'settled', 'withdrawn'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export type Invoice = Readonly<{ amount: Money; paid: Money; writtenOff: Money; dueDate: string }>;

/** What the customer still owes on an invoice. */
export function outstanding(invoice: Invoice): number {
  return invoice.amount.amountMinor - invoice.paid.amountMinor - invoice.writtenOff.amountMinor;
}

/**
 * Invoiced and not written off: the part of the contract amount already billed. A write-off frees its
 * part again, so a corrected invoice can replace a written-off one.
 */
export function billed(invoices: Readonly<Record<string, Invoice>>): number {
  return Object.values(invoices).reduce((sum, i) => sum + i.amount.amountMinor - i.writtenOff.amountMinor, 0);
}

/** Everything ever invoiced, written off or not. */
export function invoicedGross(invoices: Readonly<Record<string, Invoice>>): number {
  return Object.values(invoices).reduce((sum, i) => sum + i.amount.amountMinor, 0);
}
