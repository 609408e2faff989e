import type { IronTriangleRole } from '@ltc/domain';

/** The four points where the iron triangle decides together (DOMAIN.md, "review gates"). */
export const GATE_NAMES = [
  'opportunityApproval',
  'solutionConsensus',
  'quoteReview',
  'deliveryHandover',
] as const;
export type GateName = (typeof GATE_NAMES)[number];

export function isGateName(value: unknown): value is GateName {
  return typeof value === 'string' && (GATE_NAMES as readonly string[]).includes(value);
}

/**
 * What happens to a round when a required role rejects.
 * - `endRound`: the first rejection rejects the gate at once; the deal goes back with that reason.
 * - `awaitAllVotes`: the round waits for every required role, then rejects with all the reasons.
 */
export type GateRejectionRule = 'endRound' | 'awaitAllVotes';

/** The rule a gate round runs under; recorded in the round's first event so history stays explainable. */
export type GatePolicy = Readonly<{
  /** Roles whose approval passes the gate; every one of them must approve. */
  requiredRoles: readonly IronTriangleRole[];
  onRejection: GateRejectionRule;
}>;

/**
 * All three roles must approve; one rejection ends the round, because the other votes cannot change
 * the outcome and waiting for them only delays the rework.
 */
export const defaultGatePolicy: GatePolicy = { requiredRoles: ['AR', 'SR', 'FR'], onRejection: 'endRound' };

/** The policy of each gate. */
export type GatePolicies = Readonly<Record<GateName, GatePolicy>>;

export const defaultGatePolicies: GatePolicies = {
  opportunityApproval: defaultGatePolicy,
  solutionConsensus: defaultGatePolicy,
  quoteReview: defaultGatePolicy,
  deliveryHandover: defaultGatePolicy,
};
