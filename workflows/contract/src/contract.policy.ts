import { defaultGatePolicies, type GatePolicies } from '@ltc/workflow-gates';

/** Configuration a contract decision reads: the delivery handover gate's policy. */
export type ContractPolicy = Readonly<{ gates: GatePolicies }>;

export const defaultContractPolicy: ContractPolicy = { gates: defaultGatePolicies };
