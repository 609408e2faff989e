import { parseStreamId, type EventEnvelope } from '@ltc/domain';
import { eventIdFor } from '@ltc/engine';
import { chainEnvelopes } from '@ltc/hash-chain';
import { MinHeap } from '../core/min-heap';
import { kindFolders, streamKindOf, type FoldState } from '../fold/stream-kinds';
import { incentiveJourney, type IncentiveHistoryOptions } from './incentive-journey';
import { DAY, HOUR, JourneyWorld, type Act, type Journey } from './journey-world';
import { leadJourney } from './lead-journey';
import { Rng } from './rng';
import { SALES_TEAM } from './sales-team';

export type HistoryOptions = Readonly<{
  seed: number;
  /** Stop after this many events (journeys still open then stay open: a live pipeline). */
  events: number;
  /** When the first lead arrives. */
  start?: string;
  /** Leads arrive over about this many days. */
  spanDays?: number;
  /** Fold every event through its machine and throw on a refusal (tests); off for the bench. */
  validate?: boolean;
  /**
   * Late entries: this share of commands is recorded between an hour and `maxDays` after it happened
   * (`metadata.recordedAt`), appended to the log then; the stream's later commands wait behind it, so
   * each stream's two times still grow with its revision. Default none (and no `recordedAt` stamped).
   */
  late?: Readonly<{ share: number; maxDays: number }>;
  /** Sales operations run this incentive plan beside the deals: published, monthly targets and closes. */
  incentives?: IncentiveHistoryOptions;
}>;

/** One command's events on one stream, as the engine would append them (metadata and hash chain). */
export type GeneratedAppend = Readonly<{
  streamId: string;
  revision: number;
  envelopes: readonly EventEnvelope[];
}>;

type Pending = { at: number; seq: number; journey: Journey; act: Act };
type Held = { at: number; seq: number; append: GeneratedAppend };

const ROLES_OF = new Map<string, readonly string[]>(SALES_TEAM.map((m) => [m.id, m.roles]));
const EVENTS_PER_LEAD = 30;

/**
 * A seeded history of realistic journeys, in the order a busy sales organisation would write it: leads
 * arrive at random over the span, each runs its own timeline (days between steps), and their steps
 * interleave in the log. The same seed gives the same events, ids and hashes.
 */
export function* generateHistory(options: HistoryOptions): Generator<GeneratedAppend> {
  const rng = new Rng(options.seed);
  const world = new JourneyWorld(rng, options.seed);
  const start = Date.parse(options.start ?? '2024-01-01T08:00:00.000Z');
  const meanGap = ((options.spanDays ?? 540) * DAY) / Math.max(1, options.events / EVENTS_PER_LEAD);
  const heap = new MinHeap<Pending>(before);
  const streams = new Map<string, { revision: number; hash: string | null }>();
  const states = new Map<string, FoldState>();
  let nextArrival = start;
  let seq = 0;
  let emitted = 0;
  let commands = 0;
  // Late entries waiting for their recording time, and per stream the last one's (a stream keeps order).
  const held = new MinHeap<Held>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  const heldUntil = new Map<string, number>();
  const release = function* (until: number): Generator<GeneratedAppend> {
    for (let next = held.peek(); next !== undefined && next.at <= until; next = held.peek()) {
      held.pop();
      if (heldUntil.get(next.append.streamId) === next.at) heldUntil.delete(next.append.streamId);
      yield next.append;
    }
  };
  const schedule = (journey: Journey, at: number, sent?: readonly EventEnvelope[]) => {
    const next = sent === undefined ? journey.next() : journey.next(sent);
    if (!next.done) heap.push({ at: at + next.value.delayMs, seq: seq++, journey, act: next.value });
  };
  if (options.incentives !== undefined) schedule(incentiveJourney(options.incentives, start), start);
  while (emitted < options.events) {
    const top = heap.peek();
    if (top === undefined || nextArrival <= top.at) {
      schedule(leadJourney(world, nextArrival), nextArrival);
      nextArrival += Math.max(60_000, rng.exponential(meanGap));
      continue;
    }
    heap.pop();
    yield* release(top.at);
    const { act } = top;
    const commandId = `gen-${options.seed}-${(++commands).toString(36)}`;
    const occurredAt = new Date(top.at).toISOString();
    const behind = heldUntil.get(act.stream);
    const recordedAt =
      behind !== undefined
        ? Math.max(behind, top.at)
        : options.late !== undefined && rng.chance(options.late.share)
          ? top.at + HOUR + Math.floor(rng.next() * options.late.maxDays * DAY)
          : top.at;
    const stream = streams.get(act.stream) ?? { revision: -1, hash: null };
    const envelopes = chainEnvelopes(
      stream.hash,
      act.events.map((event, index) => ({
        id: eventIdFor(commandId, index),
        type: event.type,
        data: event.data,
        metadata: {
          actor: act.actor,
          actorRoles: [...(ROLES_OF.get(act.actor) ?? ['system'])],
          commandId,
          commandType: act.commandType,
          correlationId: commandId,
          causationId: act.causedBy ?? null,
          occurredAt,
          ...(recordedAt > top.at ? { recordedAt: new Date(recordedAt).toISOString() } : {}),
          schemaVersion: 1,
          machine: `${parseStreamId(act.stream)?.category ?? 'unknown'}@1`,
        },
      })),
    );
    if (options.validate === true) validate(states, act.stream, envelopes);
    const last = envelopes[envelopes.length - 1];
    streams.set(act.stream, {
      revision: stream.revision + envelopes.length,
      hash: (last?.metadata['hash'] as string) ?? null,
    });
    emitted += envelopes.length;
    const append = { streamId: act.stream, revision: stream.revision + 1, envelopes };
    if (recordedAt > top.at) {
      held.push({ at: recordedAt, seq: seq++, append });
      heldUntil.set(act.stream, recordedAt);
    } else {
      yield append;
    }
    schedule(top.journey, top.at, envelopes);
  }
  yield* release(Infinity);
}

function validate(states: Map<string, FoldState>, streamId: string, envelopes: readonly EventEnvelope[]) {
  const kind = streamKindOf(streamId)?.kind;
  if (kind === undefined) return;
  const folder = kindFolders()[kind];
  let state = states.get(streamId) ?? folder.initial();
  for (const envelope of envelopes) {
    const next = folder.step(state, envelope);
    if (next === undefined) {
      throw new Error(`generator bug: ${streamId} in ${folder.stateName(state)} refuses ${envelope.type}`);
    }
    state = next;
  }
  states.set(streamId, state);
}

const before = (a: Pending, b: Pending) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
