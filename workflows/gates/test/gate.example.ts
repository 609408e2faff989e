import { and, setup } from 'xstate';
import { defineWorkflow } from '@ltc/workflow-kit';
import { gateActions } from '../src/gate.actions';
import {
  buildGateReviewRequest,
  buildGateVote,
  type CastGateVote,
  type RequestGateReview,
} from '../src/gate.commands';
import { initialGatesContext, type GateHostContext } from '../src/gate.context';
import type { GateEvent } from '../src/gate.events';
import { gateGuards, gateRefusalTexts } from '../src/gate.guards';
import type { GatePolicies } from '../src/gate.policy';
import { gateReviewState, requestGateReview } from '../src/gate.state';
import {
  buildRoleReassignment,
  buildTriangleAssignment,
  type AssignIronTriangle,
  type ReassignIronTriangleRole,
  type TriangleEvent,
} from '../src/triangle';

/**
 * A minimal deal embedding one gate: the gate specs run against it and the README draws it. It shows
 * how a host wires the pieces (context, guards, actions, request transition, review state).
 */
export const exampleGateMachine = setup({
  types: { context: {} as GateHostContext, events: {} as GateEvent | TriangleEvent },
  guards: { ...gateGuards },
  actions: { ...gateActions<GateHostContext, GateEvent | TriangleEvent>() },
}).createMachine({
  id: 'deal',
  context: { triangle: null, gates: initialGatesContext },
  initial: 'draft',
  on: {
    IronTriangleAssigned: { guard: 'triangleNotAssigned', actions: 'assignTriangle' },
    IronTriangleRoleReassigned: {
      guard: and(['triangleAssigned', 'holderChanges']),
      actions: 'assignTriangle',
    },
  },
  states: {
    draft: { on: { GateReviewRequested: requestGateReview('quoteReview', 'quoteReview') } },
    quoteReview: gateReviewState({ onPass: 'approved', onReject: 'draft' }),
    approved: {},
  },
});

export type ExampleGateCommand =
  AssignIronTriangle | ReassignIronTriangleRole | RequestGateReview | CastGateVote;

/** The example deal's decider. */
export const exampleGateWorkflow = defineWorkflow<
  typeof exampleGateMachine,
  ExampleGateCommand,
  { gates: GatePolicies }
>({
  name: 'gate-example',
  version: 1,
  machine: exampleGateMachine,
  refusalTexts: gateRefusalTexts,
  commands: {
    AssignIronTriangle: { produces: 'IronTriangleAssigned', build: (c) => buildTriangleAssignment(c) },
    ReassignIronTriangleRole: {
      produces: 'IronTriangleRoleReassigned',
      build: (c, s) => buildRoleReassignment(c, s.context.triangle),
    },
    RequestGateReview: {
      produces: 'GateReviewRequested',
      build: (c, s, ctx) => buildGateReviewRequest(c, s.context.gates, ctx.policy.gates),
    },
    CastGateVote: {
      produces: 'GateVoteCast',
      build: (c, s, ctx) => buildGateVote(c, s.context.gates, ctx.actor),
    },
  },
});
