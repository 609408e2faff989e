import { IRON_TRIANGLE_ROLES, type Command, type IronTriangleRole } from '@ltc/domain';
import { InvalidCommandError, LIMITS, limitText } from '@ltc/workflow-kit';
import type { GateRound, GatesContext } from './gate.context';
import type {
  GateDecision,
  GateEvent,
  GatePassed,
  GateRejected,
  GateReviewRequested,
  GateVoteCast,
} from './gate.events';
import { isGateName, type GateName, type GatePolicies } from './gate.policy';
import { approvalsOf, rejectionsOf, roundOutcome, withVote } from './gate-rounds';
import { isIronTriangleRole } from './triangle';

export type RequestGateReview = Command<'RequestGateReview', { gate: GateName }>;

/** The voter is the actor of the command; `role` is the role they vote as. */
export type CastGateVote = Command<
  'CastGateVote',
  { gate: GateName; role: IronTriangleRole; decision: GateDecision; reason?: string }
>;

export type GateCommand = RequestGateReview | CastGateVote;

function decisionOf(round: GateRound): GatePassed | GateRejected | undefined {
  const outcome = roundOutcome(round);
  switch (outcome) {
    case 'passed':
      return {
        type: 'GatePassed',
        data: { gate: round.gate, round: round.round, approvals: approvalsOf(round) },
      };
    case 'rejected':
      return {
        type: 'GateRejected',
        data: { gate: round.gate, round: round.round, reasons: rejectionsOf(round) },
      };
    case 'pending':
      return undefined;
    default: {
      const unknown: never = outcome;
      throw new Error(`unknown round outcome ${String(unknown)}`);
    }
  }
}

/**
 * Opens the next round of a gate under the policy in force. A policy that requires no role passes the
 * gate in the same decision, so a team can waive a gate by configuration and still see it in history.
 */
export function buildGateReviewRequest(
  command: RequestGateReview,
  gates: GatesContext,
  policies: GatePolicies,
): GateEvent[] {
  const gate = command.data.gate;
  if (!isGateName(gate))
    throw new InvalidCommandError(command.type, 'gate', `is not a gate: "${String(gate)}"`);
  const policy = policies[gate];
  const requested: GateReviewRequested = {
    type: 'GateReviewRequested',
    data: { gate, round: gates.rounds[gate] + 1, policy },
  };
  const waived = decisionOf({ gate, round: requested.data.round, policy, votes: [] });
  return waived === undefined ? [requested] : [requested, waived];
}

/** The vote, followed by `GatePassed` or `GateRejected` when this vote decides the round. */
export function buildGateVote(command: CastGateVote, gates: GatesContext, voter: string): GateEvent[] {
  const { gate, role, decision } = command.data;
  limitText(command.type, 'reason', command.data.reason, LIMITS.prose);
  const reason = (command.data.reason ?? '').trim();
  if (!isGateName(gate))
    throw new InvalidCommandError(command.type, 'gate', `is not a gate: "${String(gate)}"`);
  if (!isIronTriangleRole(role)) {
    throw new InvalidCommandError(command.type, 'role', `must be one of ${IRON_TRIANGLE_ROLES.join(', ')}`);
  }
  if (decision !== 'approve' && decision !== 'reject') {
    throw new InvalidCommandError(command.type, 'decision', 'must be approve or reject');
  }
  if (decision === 'reject' && reason === '') {
    throw new InvalidCommandError(
      command.type,
      'reason',
      'is required to reject: the team must know what to fix',
    );
  }
  const open = gates.open;
  const vote: GateVoteCast = {
    type: 'GateVoteCast',
    data: { gate, round: open?.round ?? 0, role, voter, decision, reason },
  };
  if (open === null) return [vote];
  const decided = decisionOf(withVote(open, { role, voter, decision, reason }));
  return decided === undefined ? [vote] : [vote, decided];
}
