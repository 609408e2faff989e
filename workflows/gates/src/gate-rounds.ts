import type { GateRound, GateVote } from './gate.context';
import type { GateApproval, GateRejectionReason } from './gate.events';

export type RoundOutcome = 'passed' | 'rejected' | 'pending';

export function rejectionsOf(round: GateRound): GateRejectionReason[] {
  return round.votes
    .filter((vote) => vote.decision === 'reject')
    .map(({ role, voter, reason }) => ({ role, voter, reason }));
}

export function approvalsOf(round: GateRound): GateApproval[] {
  return round.votes
    .filter((vote) => vote.decision === 'approve')
    .map(({ role, voter }) => ({ role, voter }));
}

/** Where a round stands under its own recorded policy. */
export function roundOutcome(round: GateRound): RoundOutcome {
  const required = round.policy.requiredRoles;
  const voted = (decision: GateVote['decision']) =>
    required.filter((role) => round.votes.some((v) => v.role === role && v.decision === decision));
  const rejected = voted('reject');
  const approved = voted('approve');
  if (rejected.length > 0) {
    const allVoted = rejected.length + approved.length === required.length;
    return round.policy.onRejection === 'endRound' || allVoted ? 'rejected' : 'pending';
  }
  return approved.length === required.length ? 'passed' : 'pending';
}

export function withVote(round: GateRound, vote: GateVote): GateRound {
  return { ...round, votes: [...round.votes, vote] };
}
