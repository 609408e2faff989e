import { contractWorkflow } from '@ltc/workflow-contract';
import { customerWorkflow } from '@ltc/workflow-customer';
import { leafStates } from '@ltc/workflow-kit';
import { leadWorkflow } from '@ltc/workflow-lead';
import { opportunityWorkflow } from '@ltc/workflow-opportunity';

const WORKFLOWS = [leadWorkflow, opportunityWorkflow, contractWorkflow, customerWorkflow] as const;
const sortedUnique = (names: Iterable<string>) => [...new Set(names)].sort();

/** Every state a lead, deal, contract or customer can be in (`open.negotiation`): the OpenAPI enum of `state`. */
export const STATE_NAMES: readonly string[] = sortedUnique(WORKFLOWS.flatMap((w) => leafStates(w.machine)));

/** Every command name of the four workflows: the OpenAPI enum of `allowed`. */
export const COMMAND_NAMES: readonly string[] = sortedUnique(
  WORKFLOWS.flatMap((w) => Object.keys(w.definition.commands)),
);
