import type { StoredEvent } from '@ltc/event-store';
import type { WorkflowCommand } from '../engine/workflow-command';

/** What a process manager does about one stored event: the commands to send, if any. */
export type Reaction = Readonly<{
  name: string;
  eventTypes: readonly string[];
  react: (event: StoredEvent) => Promise<readonly WorkflowCommand[]>;
}>;
