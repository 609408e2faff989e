import type { Clock } from '@ltc/engine';
import type { EventStore } from '@ltc/event-store';

/**
 * What a caller other than `main` may put in place of the configured parts: the demo seeds through the
 * same modules with a simulated clock in the pipeline and in the store.
 */
export type AppOverrides = Readonly<{
  clock?: Clock;
  eventStore?: () => EventStore;
}>;
