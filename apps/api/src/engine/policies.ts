import { defaultCustomerPolicy, type CustomerPolicy } from '@ltc/workflow-customer';
import { defaultLeadPolicy, type LeadPolicy } from '@ltc/workflow-lead';

/** The configuration in force for each workflow; decisions copy what they use into their events. */
export type Policies = Readonly<{
  lead: LeadPolicy;
  customer: CustomerPolicy;
}>;

export const defaultPolicies: Policies = {
  lead: defaultLeadPolicy,
  customer: defaultCustomerPolicy,
};
