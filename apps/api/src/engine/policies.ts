import { defaultContractPolicy, type ContractPolicy } from '@ltc/workflow-contract';
import { defaultCustomerPolicy, type CustomerPolicy } from '@ltc/workflow-customer';
import { defaultLeadPolicy, type LeadPolicy } from '@ltc/workflow-lead';
import { defaultOpportunityPolicy, type OpportunityPolicy } from '@ltc/workflow-opportunity';

/** The configuration in force for each workflow; decisions copy what they use into their events. */
export type Policies = Readonly<{
  lead: LeadPolicy;
  customer: CustomerPolicy;
  opportunity: OpportunityPolicy;
  contract: ContractPolicy;
}>;

export const defaultPolicies: Policies = {
  lead: defaultLeadPolicy,
  customer: defaultCustomerPolicy,
  opportunity: defaultOpportunityPolicy,
  contract: defaultContractPolicy,
};
