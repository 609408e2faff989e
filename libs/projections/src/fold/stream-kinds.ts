import type { Event } from '@ltc/domain';
import { contractWorkflow, type ContractContext, type ContractEvent } from '@ltc/workflow-contract';
import { customerWorkflow, type CustomerContext, type CustomerEvent } from '@ltc/workflow-customer';
import { leadWorkflow, type LeadContext, type LeadEvent } from '@ltc/workflow-lead';
import {
  opportunityWorkflow,
  type OpportunityContext,
  type OpportunityEvent,
} from '@ltc/workflow-opportunity';
import { ReplayError } from '@ltc/workflow-kit';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { replayStepper, type ReplayState } from './replay-stepper';

/** The stream categories the read models understand; a stream id is `<kind>-<id>`. */
export const STREAM_KINDS = ['lead', 'opportunity', 'contract', 'customer'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** Per kind: the machine's context and event union. */
export type KindTypes = {
  lead: { context: LeadContext; event: LeadEvent };
  opportunity: { context: OpportunityContext; event: OpportunityEvent };
  contract: { context: ContractContext; event: ContractEvent };
  customer: { context: CustomerContext; event: CustomerEvent };
};

/** A stream's machine state as the projections carry it: its context, and whether the machine finished. */
export type FoldState = Readonly<{ context: unknown; status: string }>;

/** How a stream of one kind is folded: by its workflow's machine, and named by its state names. */
export type KindFolder = Readonly<{
  kind: StreamKind;
  initial: () => FoldState;
  /** The state after the event, or undefined when the machine refuses it. */
  step: (state: FoldState, event: Event) => FoldState | undefined;
  stateName: (state: FoldState) => string;
  /** Leaf state names in the order the machine defines them (the funnel's stage order). */
  stages: readonly string[];
}>;

type FoldableWorkflow = Readonly<{
  machine: AnyStateMachine;
  initialState: () => unknown;
  evolve: (state: never, event: never) => unknown;
  stateName: (state: never) => string;
}>;

/**
 * The workflow's machine, stepped by its own definition (`replayStepper`, the same state logic without
 * XState's per-event snapshot work), or by the workflow's `evolve` when the machine uses more than
 * states, guards and `assign`. A refusal is `undefined`.
 */
function folder(kind: StreamKind, workflow: FoldableWorkflow): KindFolder {
  const stages = leafStates(workflow.machine);
  const stepper = replayStepper(workflow.machine);
  if (stepper !== undefined) {
    // Computed once: a replay state is never mutated, and XState's initial transition is costly.
    const initial = stepper.fromSnapshot(workflow.initialState() as AnyMachineSnapshot);
    return {
      kind,
      initial: () => initial,
      step: (state, event) => stepper.step(state as ReplayState, event),
      stateName: (state) => stepper.stateName(state as ReplayState),
      stages,
    };
  }
  const evolve = workflow.evolve as (state: FoldState, event: Event) => FoldState;
  const stateName = workflow.stateName as (state: FoldState) => string;
  return {
    kind,
    initial: () => workflow.initialState() as FoldState,
    step: (state, event) => {
      try {
        return evolve(state, event);
      } catch (error) {
        if (error instanceof ReplayError) return undefined;
        throw error;
      }
    },
    stateName,
    stages,
  };
}

type StateNodeLike = Readonly<{ path: readonly string[]; states: Readonly<Record<string, StateNodeLike>> }>;

/** Leaf states, depth first in definition order, named like `stateName` names them (`open.negotiation`). */
export function leafStates(machine: AnyStateMachine): string[] {
  const walk = (node: StateNodeLike): string[] => {
    const children = Object.values(node.states);
    if (children.length === 0) return [node.path.join('.')];
    return children.flatMap(walk);
  };
  return walk(machine.root as unknown as StateNodeLike).filter((name) => name !== 'none');
}

let folders: Readonly<Record<StreamKind, KindFolder>> | undefined;

/** The folder of each kind, built once: the workflows' machines are the only state logic. */
export function kindFolders(): Readonly<Record<StreamKind, KindFolder>> {
  folders ??= {
    lead: folder('lead', leadWorkflow),
    opportunity: folder('opportunity', opportunityWorkflow),
    contract: folder('contract', contractWorkflow),
    customer: folder('customer', customerWorkflow),
  };
  return folders;
}

/** The kind of a stream id (`opportunity-7f3a` -> `opportunity`), without allocating; undefined if unknown. */
export function kindOfStream(streamId: string): StreamKind | undefined {
  for (const kind of STREAM_KINDS) {
    if (streamId.startsWith(kind) && streamId.charCodeAt(kind.length) === 45) return kind;
  }
  return undefined;
}

/** The kind and entity id of a stream id, or undefined for streams the read models do not know. */
export function streamKindOf(streamId: string): { kind: StreamKind; id: string } | undefined {
  const dash = streamId.indexOf('-');
  if (dash <= 0) return undefined;
  const kind = streamId.slice(0, dash);
  return (STREAM_KINDS as readonly string[]).includes(kind)
    ? { kind: kind as StreamKind, id: streamId.slice(dash + 1) }
    : undefined;
}
