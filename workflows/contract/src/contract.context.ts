import type { Money } from '@ltc/domain';
import { initialGatesContext, type GateHostContext } from '@ltc/workflow-gates';
import type { ChangeKind, DisputeOutcome, Invoice, RiskSeverity } from './contract.values';

export type ContractContext = GateHostContext &
  Readonly<{
    opportunityId: string;
    customerId: string;
    /** The amount signed on the opportunity. */
    signedAmount: Money;
    /** The contract amount now: confirmed by the PO, then moved by changes and dispute outcomes. */
    amount: Money;
    poNumber: string | null;
    milestones: readonly Readonly<{ milestoneId: string; name: string }>[];
    deliveryComplete: boolean;
    invoices: Readonly<Record<string, Invoice>>;
    changes: readonly Readonly<{ kind: ChangeKind; amountDelta: Money; scope: string }>[];
    risks: Readonly<Record<string, Readonly<{ title: string; severity: RiskSeverity; open: boolean }>>>;
    disputes: Readonly<
      Record<string, Readonly<{ subject: string; open: boolean; outcome: DisputeOutcome | null }>>
    >;
    termination: Readonly<{ reason: string; stage: string }> | null;
    evaluation: Readonly<{ customerSatisfaction: number; successCriteriaMet: boolean; note: string }> | null;
  }>;

/** Before `ContractOpened`: `XXX` is ISO-4217's "no currency". */
export const initialContractContext: ContractContext = {
  triangle: null,
  gates: initialGatesContext,
  opportunityId: '',
  customerId: '',
  signedAmount: { amountMinor: 0, currency: 'XXX' },
  amount: { amountMinor: 0, currency: 'XXX' },
  poNumber: null,
  milestones: [],
  deliveryComplete: false,
  invoices: {},
  changes: [],
  risks: {},
  disputes: {},
  termination: null,
  evaluation: null,
};
