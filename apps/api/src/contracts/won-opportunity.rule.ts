import { contractStream, type Money } from '@ltc/domain';
import type { OpenContract } from '@ltc/workflow-contract';
import type { Refusal } from '@ltc/workflow-kit';
import type { OpportunityOutcome } from '@ltc/workflow-opportunity';

/** What the rule needs of the opportunity a contract names: `null` when it has no events. */
export type OpportunityView = Readonly<{
  streamId: string;
  state: string;
  customerId: string;
  outcome: OpportunityOutcome | null;
}> | null;

const sameMoney = (a: Money, b: Money): boolean =>
  a.currency === b.currency && a.amountMinor === b.amountMinor;

/**
 * Rule `opportunityWon`: a contract opens only for an opportunity that was won, as the contract it
 * was won for, for its customer and at its signed amount. The refusal, or `null` when it holds.
 */
export function openContractRefusal(
  contractStreamId: string,
  command: OpenContract,
  opportunity: OpportunityView,
): Refusal | null {
  const { opportunityId, customerId, amount } = command.data;
  const reason = ((): string | null => {
    if (opportunity === null) return `opportunity ${opportunityId} does not exist`;
    const { outcome } = opportunity;
    if (outcome?.kind !== 'won') return `opportunity ${opportunityId} is ${opportunity.state}, not won`;
    if (contractStream.id(outcome.contractId) !== contractStreamId)
      return `opportunity ${opportunityId} was won as contract ${outcome.contractId}`;
    if (opportunity.customerId !== customerId)
      return `opportunity ${opportunityId} belongs to customer ${opportunity.customerId}`;
    if (!sameMoney(outcome.signedAmount, amount))
      return `opportunity ${opportunityId} was signed at ${outcome.signedAmount.amountMinor} ${outcome.signedAmount.currency} (minor units)`;
    return null;
  })();
  if (reason === null) return null;
  return {
    workflow: 'contract',
    command: 'OpenContract',
    state: 'none',
    rule: 'opportunityWon',
    reason,
    allowed: [],
  };
}
