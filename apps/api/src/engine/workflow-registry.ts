import type { Command } from '@ltc/domain';
import type { Authorize } from '@ltc/engine';
import type { Workflow } from '@ltc/workflow-kit';
import type { AnyStateMachine, SnapshotFrom } from 'xstate';

/** How the api serves one workflow: its stream prefix, its access rule and whose work a stream is. */
export type WorkflowEntry<
  M extends AnyStateMachine = AnyStateMachine,
  C extends Command = Command,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- entries of every policy type share one map
  P = any,
> = Readonly<{
  kind: string;
  /** Path segment of the api, e.g. `leads`. */
  plural: string;
  workflow: Workflow<M, C, P>;
  streamId: (id: string) => string;
  authorize: Authorize<SnapshotFrom<M>, C>;
  /** The people whose team may see this stream (owner, triangle...). */
  people: (state: SnapshotFrom<M>) => readonly (string | null | undefined)[];
}>;

/** Registered by each workflow module at start; queries look workflows up here by kind. */
export class WorkflowRegistry {
  private readonly entries = new Map<string, WorkflowEntry>();

  register<M extends AnyStateMachine, C extends Command, P>(entry: WorkflowEntry<M, C, P>): void {
    this.entries.set(entry.kind, entry as unknown as WorkflowEntry);
  }

  get(kind: string): WorkflowEntry {
    const entry = this.entries.get(kind);
    if (entry === undefined) throw new Error(`no workflow registered as "${kind}"`);
    return entry;
  }

  all(): readonly WorkflowEntry[] {
    return [...this.entries.values()];
  }
}
