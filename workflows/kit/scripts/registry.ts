/**
 * A workflow whose README carries a generated state diagram. The module is named, not imported: the kit
 * must not depend on the workflows built on it (Nx would see a cycle), so the script loads it at run time.
 */
export type DiagramEntry = Readonly<{
  /** Project folder from the workspace root; the diagram goes into `<project>/README.md`. */
  project: string;
  /** Name of the export holding the workflow (or its bare machine). */
  export: string;
  /** Import alias; by default `workflows/<name>` is `@ltc/workflow-<name>`. */
  module?: string;
}>;

/** Every workflow with a diagram. Adding a workflow is adding one line here. */
export const DIAGRAMS: readonly DiagramEntry[] = [
  { project: 'workflows/lead', export: 'leadWorkflow' },
  { project: 'workflows/customer', export: 'customerWorkflow' },
  { project: 'workflows/gates', export: 'exampleGateWorkflow', module: '@ltc/workflow-gates/example' },
  { project: 'workflows/opportunity', export: 'opportunityWorkflow' },
  { project: 'workflows/contract', export: 'contractWorkflow' },
  { project: 'workflows/person', export: 'personWorkflow' },
  { project: 'workflows/incentive-plan', export: 'incentivePlanWorkflow' },
  { project: 'workflows/incentive-period', export: 'incentivePeriodWorkflow' },
  { project: 'workflows/forecast-call', export: 'forecastCallWorkflow' },
  { project: 'workflows/exchange-rates', export: 'exchangeRatesWorkflow' },
];

/** The import alias of an entry's project. */
export const moduleOf = (entry: DiagramEntry): string =>
  entry.module ?? entry.project.replace(/^workflows\//, '@ltc/workflow-');
