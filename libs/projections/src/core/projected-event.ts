import type { EventMetadata } from '@ltc/domain';
import type { Position } from '@ltc/event-store';
import type { KindTypes, StreamKind } from '../fold/stream-kinds';

/** What the stream's machine made of one event: the state before and after, and the context after. */
export type Fold<Ctx> = Readonly<{
  before: string;
  after: string;
  /** Context before the event: compare by reference to see what the event changed. */
  previous: Ctx;
  context: Ctx;
  /** The machine reached a final state (won, converted, evaluated...). */
  done: boolean;
  /** The machine refused the event (a log it did not write, or a changed machine): state unchanged. */
  refused: boolean;
}>;

type Envelope<K extends StreamKind> = Readonly<{
  id: string;
  streamId: string;
  kind: K;
  /** The id after the kind: `opportunity-7f3a` -> `7f3a`. */
  entityId: string;
  revision: number;
  position: Position;
  recordedAt: string;
  /** Domain time from the command (metadata), falling back to the store's commit time. */
  occurredAt: string;
  metadata: EventMetadata;
  /** Present when a projection of the run asked for this kind to be folded. */
  fold: Fold<KindTypes[K]['context']> | null;
}>;

type ProjectedOf<K extends StreamKind> = KindTypes[K]['event'] & Envelope<K>;

/**
 * A stored event as projections see it: upcast, typed by its stream's kind (so `switch (event.type)`
 * narrows `data`), with the machine's view of it. One union member per kind.
 */
export type ProjectedEvent =
  | ProjectedOf<'lead'>
  | ProjectedOf<'opportunity'>
  | ProjectedOf<'contract'>
  | ProjectedOf<'customer'>
  | ProjectedOf<'incentive-plan'>
  | ProjectedOf<'incentive-period'>;

/** The fold of an event whose projection declared its kind in `folds`; a missing one is a wiring bug. */
export function foldOf<E extends ProjectedEvent>(event: E): NonNullable<E['fold']> {
  if (event.fold === null) {
    throw new Error(`${event.streamId}: no fold for ${event.kind}; add it to the projection's folds`);
  }
  return event.fold;
}
