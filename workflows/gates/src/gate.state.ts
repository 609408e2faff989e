import { and } from 'xstate';
import type { GateName } from './gate.policy';

/** Where a gate sends the deal: the stage after it and the stage it returns to on rejection. */
export type GateStateOptions<Target extends string, Extra extends string> = {
  readonly onPass: Target;
  readonly onReject: Target;
  /** Host actions that run when the gate passes (e.g. remember the approved quote). */
  readonly onPassActions?: readonly Extra[];
};

/**
 * The state a deal is in while a gate round is open. Embed it as a sibling of the stages it leads to;
 * the host's `setup` must include `gateGuards` and `gateActions`.
 */
export function gateReviewState<const Target extends string, const Extra extends string = never>(
  options: GateStateOptions<Target, Extra>,
) {
  return {
    on: {
      GateVoteCast: { guard: 'canCastGateVote', actions: 'recordGateVote' },
      GatePassed: {
        guard: 'canPassGate',
        target: options.onPass,
        actions: ['closeGateRound', ...(options.onPassActions ?? [])],
      },
      GateRejected: { guard: 'canRejectGate', target: options.onReject, actions: 'closeGateRound' },
    },
  } as const;
}

/** The guards every gate request needs: the request names this stage's gate and the triangle is assigned. */
export function gateRequestGuards(gate: GateName) {
  return [{ type: 'gateBelongsToStage', params: { gate } }, 'triangleAssigned'] as const;
}

/**
 * The transition that opens a round of `gate` from the stage before it. A host that needs more guards
 * writes its own: `{ guard: and([...gateRequestGuards(gate), 'quotePrepared']), target, actions: 'openGateRound' }`.
 */
export function requestGateReview<const Target extends string>(gate: GateName, target: Target) {
  return { guard: and([...gateRequestGuards(gate)]), target, actions: 'openGateRound' } as const;
}
