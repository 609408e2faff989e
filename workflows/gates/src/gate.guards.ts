import { and } from 'xstate';
import type { Event } from '@ltc/domain';
import type { GateHostContext } from './gate.context';
import type { GateEvent } from './gate.events';
import type { GateName } from './gate.policy';
import { roundOutcome } from './gate-rounds';
import type { TriangleEvent } from './triangle';

type HostEvent = GateEvent | TriangleEvent | Event;
type GuardArgs = Readonly<{ context: GateHostContext; event: HostEvent }>;

type Own = GateEvent | TriangleEvent;

// Host machines add their own events to the union, so narrowing by `type` needs this one cast.
function gateEvent<T extends Own['type']>(event: HostEvent, type: T): Extract<Own, { type: T }> | undefined {
  return event.type === type ? (event as Extract<Own, { type: T }>) : undefined;
}

function votedData({ event }: GuardArgs) {
  return gateEvent(event, 'GateVoteCast')?.data;
}

function namedRound({ event }: GuardArgs) {
  return (
    gateEvent(event, 'GateVoteCast') ??
    gateEvent(event, 'GatePassed') ??
    gateEvent(event, 'GateRejected')
  )?.data;
}

/** Guards of the gates and the triangle; spread them into the host's `setup({ guards })`. */
export const gateGuards = {
  triangleAssigned: ({ context }: GuardArgs) => context.triangle !== null,
  triangleNotAssigned: ({ context }: GuardArgs) => context.triangle === null,
  gateBelongsToStage: ({ event }: GuardArgs, params: Readonly<{ gate: GateName }>) =>
    gateEvent(event, 'GateReviewRequested')?.data.gate === params.gate,
  eventForOpenRound: (args: GuardArgs) => {
    const open = args.context.gates.open;
    const named = namedRound(args);
    return open !== null && named !== undefined && named.gate === open.gate && named.round === open.round;
  },
  roleRequired: (args: GuardArgs) => {
    const vote = votedData(args);
    return vote !== undefined && (args.context.gates.open?.policy.requiredRoles.includes(vote.role) ?? false);
  },
  voterHoldsRole: (args: GuardArgs) => {
    const vote = votedData(args);
    return vote !== undefined && args.context.triangle?.[vote.role] === vote.voter;
  },
  roleHasNotVoted: (args: GuardArgs) => {
    const vote = votedData(args);
    return vote !== undefined && !(args.context.gates.open?.votes.some((v) => v.role === vote.role) ?? false);
  },
  approvalsComplete: ({ context }: GuardArgs) =>
    context.gates.open !== null && roundOutcome(context.gates.open) === 'passed',
  roundRejected: ({ context }: GuardArgs) =>
    context.gates.open !== null && roundOutcome(context.gates.open) === 'rejected',
  canCastGateVote: and(['eventForOpenRound', 'roleRequired', 'voterHoldsRole', 'roleHasNotVoted']),
  canPassGate: and(['eventForOpenRound', 'approvalsComplete']),
  canRejectGate: and(['eventForOpenRound', 'roundRejected']),
  holderChanges: ({ context, event }: GuardArgs) => {
    const change = gateEvent(event, 'IronTriangleRoleReassigned')?.data;
    return change !== undefined && context.triangle !== null && context.triangle[change.role] !== change.to;
  },
};

/** Refusal texts for the gate guards; merge them into the host workflow's `rules`. */
export const gateRefusalTexts: Readonly<Record<keyof typeof gateGuards, string>> = {
  triangleAssigned: 'the iron triangle (AR, SR, FR) must be assigned first',
  triangleNotAssigned: 'the iron triangle is already assigned: reassign one role instead',
  gateBelongsToStage: 'this stage leads to a different gate',
  eventForOpenRound: 'the vote names a gate or round that is not under review',
  roleRequired: 'this gate does not need that role under the policy of this round',
  voterHoldsRole: 'only the current holder of the role on this deal may vote for it',
  roleHasNotVoted: 'that role has already voted in this round',
  approvalsComplete: 'not every required role has approved',
  roundRejected: 'no required role has rejected, or the policy waits for every vote',
  canCastGateVote: 'the vote is not valid for this round',
  canPassGate: 'the gate cannot pass yet',
  canRejectGate: 'the gate cannot be rejected yet',
  holderChanges: 'that user already holds the role',
};
