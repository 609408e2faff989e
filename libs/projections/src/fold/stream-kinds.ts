import { contractWorkflow, type ContractContext, type ContractEvent } from '@ltc/workflow-contract';
import { customerWorkflow, type CustomerContext, type CustomerEvent } from '@ltc/workflow-customer';
import { leadWorkflow, type LeadContext, type LeadEvent } from '@ltc/workflow-lead';
import {
  opportunityWorkflow,
  type OpportunityContext,
  type OpportunityEvent,
} from '@ltc/workflow-opportunity';
import {
  incentivePeriodWorkflow,
  type IncentivePeriodContext,
  type IncentivePeriodEvent,
} from '@ltc/workflow-incentive-period';
import {
  incentivePlanWorkflow,
  type IncentivePlanContext,
  type IncentivePlanEvent,
} from '@ltc/workflow-incentive-plan';
import {
  contractStream,
  customerStream,
  incentivePeriodStream,
  incentivePlanStream,
  leadStream,
  opportunityStream,
  type StreamIds,
} from '@ltc/domain';
import { leafStates, type ReplayState, type Replayer } from '@ltc/workflow-kit';

/** The stream categories the read models understand; a stream id is `<kind>-<id>`. */
export const STREAM_KINDS = [
  'lead',
  'opportunity',
  'contract',
  'customer',
  'incentive-plan',
  'incentive-period',
] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** Per kind: the machine's context and event union. */
export type KindTypes = {
  lead: { context: LeadContext; event: LeadEvent };
  opportunity: { context: OpportunityContext; event: OpportunityEvent };
  contract: { context: ContractContext; event: ContractEvent };
  customer: { context: CustomerContext; event: CustomerEvent };
  'incentive-plan': { context: IncentivePlanContext; event: IncentivePlanEvent };
  'incentive-period': { context: IncentivePeriodContext; event: IncentivePeriodEvent };
};

/** A stream's machine state as the projections carry it: its context, and whether the machine finished. */
export type FoldState = ReplayState;

/** How a stream of one kind is folded: by its workflow's replayer (`workflows/kit`), the only stepping. */
export type KindFolder = Replayer & Readonly<{ kind: StreamKind }>;

export { leafStates };

const folder = (kind: StreamKind, workflow: { replayer: () => Replayer }): KindFolder => ({
  kind,
  ...workflow.replayer(),
});

let folders: Readonly<Record<StreamKind, KindFolder>> | undefined;

/** The folder of each kind, built once: the workflows' machines are the only state logic. */
export function kindFolders(): Readonly<Record<StreamKind, KindFolder>> {
  folders ??= {
    lead: folder('lead', leadWorkflow),
    opportunity: folder('opportunity', opportunityWorkflow),
    contract: folder('contract', contractWorkflow),
    customer: folder('customer', customerWorkflow),
    'incentive-plan': folder('incentive-plan', incentivePlanWorkflow),
    'incentive-period': folder('incentive-period', incentivePeriodWorkflow),
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

/** The stream ids of each kind (`libs/domain`'s helpers): the only code that builds or parses them. */
export const STREAM_IDS: Readonly<{ [K in StreamKind]: StreamIds<K> }> = {
  lead: leadStream,
  opportunity: opportunityStream,
  contract: contractStream,
  customer: customerStream,
  'incentive-plan': incentivePlanStream,
  'incentive-period': incentivePeriodStream,
};

/** The kind and entity id of a stream id, or undefined for streams the read models do not know. */
export function streamKindOf(streamId: string): { kind: StreamKind; id: string } | undefined {
  const kind = kindOfStream(streamId);
  const id = kind === undefined ? undefined : STREAM_IDS[kind].parse(streamId);
  return kind === undefined || id === undefined ? undefined : { kind, id };
}
