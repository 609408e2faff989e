/**
 * A workflow whose README carries a generated state diagram. The module is named, not imported: the kit
 * must not depend on the workflows built on it (Nx would see a cycle), so the script loads it at run time.
 */
export type DiagramEntry = Readonly<{
  /** Project folder from the workspace root; the diagram goes into `<project>/README.md`. */
  project: string;
  /** Heading of a README the script has to create. */
  title: string;
  /** Import alias of the workflow project. */
  module: string;
  /** Name of the export holding the workflow (or its machine). */
  exportName: string;
}>;

/** Every workflow with a diagram. Adding a workflow is adding one line here. */
export const DIAGRAMS: readonly DiagramEntry[] = [
  {
    project: 'workflows/lead',
    title: 'Lead workflow',
    module: '@ltc/workflow-lead',
    exportName: 'leadWorkflow',
  },
];
