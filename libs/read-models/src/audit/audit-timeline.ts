import { UpcasterRegistry } from '@ltc/domain';
import type { Position, StoredEvent } from '@ltc/event-store';
import { type AsOf, kindFolders, streamKindOf, type FoldState, type StreamKind } from '@ltc/projections';

/** One event of a deal's history, with who did it, why, and the state the deal was in after it. */
export type TimelineEntry = Readonly<{
  revision: number;
  position: Position;
  id: string;
  type: string;
  occurredAt: string;
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
 * use. One stream is small, so "as of" is just where the fold stops.
 */
export function auditTimeline(
  events: readonly StoredEvent[],
  asOf?: AsOf,
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
  for (const stored of events) {
    if (asOf !== undefined && after(stored, asOf)) break;
    const next = folder.step(state, upcasters.upcastStored(stored));
    const m = stored.metadata;
    entries.push({
      revision: stored.revision,
      position: stored.position,
      id: stored.id,
      type: stored.type,
      occurredAt: text(m.occurredAt) ?? stored.recordedAt,
      recordedAt: stored.recordedAt,
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

function after(event: StoredEvent, asOf: AsOf): boolean {
  if ('position' in asOf) return event.position > asOf.position;
  const stamp = text(event.metadata.occurredAt) ?? event.recordedAt;
  return Date.parse(stamp) > Date.parse(asOf.instant);
}
