import { UpcasterRegistry } from '@ltc/domain';
import type { Position, StoredEvent } from '@ltc/event-store';
import {
  Bounds,
  kindFolders,
  occurredAtOfStored,
  recordedAtOfStored,
  streamKindOf,
  toMoment,
  type FoldState,
  type KnownAt,
  type Moment,
  type StreamKind,
} from '@ltc/projections';

/** One event of a deal's history, with who did it, why, and the state the deal was in after it. */
export type TimelineEntry = Readonly<{
  revision: number;
  position: Position;
  id: string;
  type: string;
  /** Business time: when the fact happened. */
  occurredAt: string;
  /** Knowledge time: when it was recorded (the pipeline's stamp; `occurredAt` for events before it). */
  recordedAt: string;
  actor: string;
  actorRoles: readonly string[];
  commandType: string | null;
  commandId: string | null;
  correlationId: string | null;
  causationId: string | null;
  stateBefore: string;
  stateAfter: string;
  /** The machine refused this event when folding (the log does not match the machine). */
  refused: boolean;
  data: unknown;
  previousHash: string | null;
  hash: string | null;
}>;

export type AuditTimeline = Readonly<{
  streamId: string;
  kind: StreamKind;
  entries: readonly TimelineEntry[];
  /** State and context after the last entry: the deal as of the moment asked for. */
  state: string;
  context: unknown;
  /** The machine state itself (its context, for visibility rules that read it). */
  snapshot: FoldState;
}>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * A deal's timeline, folded on request from its own stream through the same machine the projections
 * use. One stream is small, so a moment is just where the fold stops: the first event that occurred
 * after `asOf` or was recorded after `knownAt` (both times grow along a stream). A bare `{ instant }` or
 * `{ position }` is `knownAt`.
 */
export function auditTimeline(
  events: readonly StoredEvent[],
  at?: Moment | KnownAt,
  upcasters: UpcasterRegistry = new UpcasterRegistry(),
): AuditTimeline {
  const first = events[0];
  const kind = first === undefined ? undefined : streamKindOf(first.streamId)?.kind;
  if (first === undefined || kind === undefined) {
    throw new Error(`no audit timeline for stream ${first?.streamId ?? '(empty)'}`);
  }
  const folder = kindFolders()[kind];
  let state = folder.initial();
  const entries: TimelineEntry[] = [];
  const bounds = at === undefined ? undefined : new Bounds(toMoment(at), 0);
  for (const stored of events) {
    if (bounds !== undefined && !bounds.includes(stored)) break;
    const next = folder.step(state, upcasters.upcastStored(stored));
    const m = stored.metadata;
    entries.push({
      revision: stored.revision,
      position: stored.position,
      id: stored.id,
      type: stored.type,
      occurredAt: occurredAtOfStored(stored),
      recordedAt: recordedAtOfStored(stored),
      actor: String(m.actor),
      actorRoles: Array.isArray(m.actorRoles) ? m.actorRoles.map(String) : [],
      commandType: text(m['commandType']),
      commandId: text(m.commandId),
      correlationId: text(m.correlationId),
      causationId: text(m.causationId),
      stateBefore: folder.stateName(state),
      stateAfter: folder.stateName(next ?? state),
      refused: next === undefined,
      data: stored.data,
      previousHash: text(m['previousHash']),
      hash: text(m['hash']),
    });
    state = next ?? state;
  }
  return {
    streamId: first.streamId,
    kind,
    entries,
    state: folder.stateName(state),
    context: state.context,
    snapshot: state,
  };
}
