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

/** How a stream of one kind is folded: the workflow's own `evolve` and state names. */
export type KindFolder = Readonly<{
  kind: StreamKind;
  initial: () => AnyMachineSnapshot;
  step: (state: AnyMachineSnapshot, event: Event) => AnyMachineSnapshot | undefined;
  stateName: (state: AnyMachineSnapshot) => string;
  /** Leaf state names in the order the machine defines them (the funnel's stage order). */
  stages: readonly string[];
}>;

type FoldableWorkflow = Readonly<{
  machine: AnyStateMachine;
  initialState: () => unknown;
  evolve: (state: never, event: never) => unknown;
  stateName: (state: never) => string;
}>;

/** The workflow's own `evolve`; a refusal (the machine does not accept the event) is `undefined`. */
function folder(kind: StreamKind, workflow: FoldableWorkflow): KindFolder {
  const evolve = workflow.evolve as (state: AnyMachineSnapshot, event: Event) => AnyMachineSnapshot;
  return {
    kind,
    initial: () => workflow.initialState() as AnyMachineSnapshot,
    step: (state, event) => {
      try {
        return evolve(state, event);
      } catch (error) {
        if (error instanceof ReplayError) return undefined;
        throw error;
      }
    },
    stateName: workflow.stateName as (state: AnyMachineSnapshot) => string,
    stages: leafStates(workflow.machine),
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

/** The kind and entity id of a stream id, or undefined for streams the read models do not know. */
export function streamKindOf(streamId: string): { kind: StreamKind; id: string } | undefined {
  const dash = streamId.indexOf('-');
  if (dash <= 0) return undefined;
  const kind = streamId.slice(0, dash);
  return (STREAM_KINDS as readonly string[]).includes(kind)
    ? { kind: kind as StreamKind, id: streamId.slice(dash + 1) }
    : undefined;
}
