import { assign, type EventObject } from 'xstate';
import type { Event } from '@ltc/domain';
import type { GateHostContext, GatesContext } from './gate.context';
import type { GateEvent } from './gate.events';
import { rejectionsOf } from './gate-rounds';
import type { TriangleEvent } from './triangle';

type HostEvent = GateEvent | TriangleEvent | Event;

function openRound(gates: GatesContext, event: HostEvent): GatesContext {
  if (event.type !== 'GateReviewRequested') return gates;
  const { gate, round, policy } = (event as Extract<GateEvent, { type: 'GateReviewRequested' }>).data;
  return { ...gates, open: { gate, round, policy, votes: [] }, rounds: { ...gates.rounds, [gate]: round } };
}

function recordVote(gates: GatesContext, event: HostEvent): GatesContext {
  if (event.type !== 'GateVoteCast' || gates.open === null) return gates;
  const { role, voter, decision, reason } = (event as Extract<GateEvent, { type: 'GateVoteCast' }>).data;
  return {
    ...gates,
    open: { ...gates.open, votes: [...gates.open.votes, { role, voter, decision, reason }] },
  };
}

function closeRound(gates: GatesContext, event: HostEvent): GatesContext {
  const open = gates.open;
  if (open === null) return gates;
  const outcome = event.type === 'GatePassed' ? 'passed' : 'rejected';
  const reasons = outcome === 'passed' ? [] : rejectionsOf(open);
  return {
    ...gates,
    open: null,
    results: { ...gates.results, [open.gate]: { round: open.round, outcome, reasons } },
  };
}

function triangleAfter(context: GateHostContext, event: HostEvent): GateHostContext['triangle'] {
  if (event.type === 'IronTriangleAssigned') {
    return (event as Extract<TriangleEvent, { type: 'IronTriangleAssigned' }>).data.triangle;
  }
  if (event.type === 'IronTriangleRoleReassigned' && context.triangle !== null) {
    const { role, to } = (event as Extract<TriangleEvent, { type: 'IronTriangleRoleReassigned' }>).data;
    return { ...context.triangle, [role]: to };
  }
  return context.triangle;
}

/**
 * Assign actions of the gates and the triangle, typed for the host; spread them into its
 * `setup({ actions: { ...gateActions<Context, Event>() } })`.
 */
export function gateActions<C extends GateHostContext, E extends EventObject>() {
  type Args = Readonly<{ context: C; event: E }>;
  // The host's context extends GateHostContext, so updating only these keys keeps it whole.
  const update = (patch: Partial<GateHostContext>) => patch as Partial<C>;
  const host = (event: E) => event as unknown as HostEvent;
  return {
    openGateRound: assign<C, E, undefined, E, never>(({ context, event }: Args) =>
      update({ gates: openRound(context.gates, host(event)) }),
    ),
    recordGateVote: assign<C, E, undefined, E, never>(({ context, event }: Args) =>
      update({ gates: recordVote(context.gates, host(event)) }),
    ),
    closeGateRound: assign<C, E, undefined, E, never>(({ context, event }: Args) =>
      update({ gates: closeRound(context.gates, host(event)) }),
    ),
    /** The deal left the gate without a decision (abandoned, terminated): the round simply ends. */
    discardGateRound: assign<C, E, undefined, E, never>(({ context }: Args) =>
      update({ gates: { ...context.gates, open: null } }),
    ),
    assignTriangle: assign<C, E, undefined, E, never>(({ context, event }: Args) =>
      update({ triangle: triangleAfter(context, host(event)) }),
    ),
  };
}
