import { and, setup } from 'xstate';
import { defineWorkflow } from '@ltc/workflow-kit';
import {
  buildGateReviewRequest,
  buildGateVote,
  buildRoleReassignment,
  buildTriangleAssignment,
  gateActions,
  gateGuards,
  gateReviewState,
  gateRules,
  initialGatesContext,
  requestGateReview,
  type AssignIronTriangle,
  type CastGateVote,
  type GateEvent,
  type GateHostContext,
  type GatePolicies,
  type ReassignIronTriangleRole,
  type RequestGateReview,
  type TriangleEvent,
} from '../src';

/** A minimal deal that embeds one gate, to test the gate pieces apart from opportunity and contract. */
export const dealMachine = setup({
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

type DealCommand = AssignIronTriangle | ReassignIronTriangleRole | RequestGateReview | CastGateVote;

export const deal = defineWorkflow<typeof dealMachine, DealCommand, { gates: GatePolicies }>({
  name: 'deal',
  version: 1,
  machine: dealMachine,
  rules: gateRules,
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
