import type { Event, IronTriangleRole } from '@ltc/domain';
import type { GateName, GatePolicy } from './gate.policy';

export type GateDecision = 'approve' | 'reject';

/** A round opened; `policy` is the policy in force for the whole round. */
export type GateReviewRequested = Event<
  'GateReviewRequested',
  { gate: GateName; round: number; policy: GatePolicy }
>;

export type GateVoteCast = Event<
  'GateVoteCast',
  {
    gate: GateName;
    round: number;
    role: IronTriangleRole;
    voter: string;
    decision: GateDecision;
    reason: string;
  }
>;

export type GateApproval = Readonly<{ role: IronTriangleRole; voter: string }>;
export type GateRejectionReason = Readonly<{ role: IronTriangleRole; voter: string; reason: string }>;

export type GatePassed = Event<
  'GatePassed',
  { gate: GateName; round: number; approvals: readonly GateApproval[] }
>;

export type GateRejected = Event<
  'GateRejected',
  { gate: GateName; round: number; reasons: readonly GateRejectionReason[] }
>;

/** Gate events are generic: the `gate` field says which of the four gates a round belongs to. */
export type GateEvent = GateReviewRequested | GateVoteCast | GatePassed | GateRejected;

export const GATE_EVENT_TYPES = [
  'GateReviewRequested',
  'GateVoteCast',
  'GatePassed',
  'GateRejected',
] as const;
