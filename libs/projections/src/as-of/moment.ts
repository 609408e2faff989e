import type { Position, StoredEvent } from '@ltc/event-store';
import { isoStamp, LATE_AFTER_MS, occurredAtOfStored, recordedAtOfStored } from '../core/stamp';

/** What the log held then: an instant compared with each event's `recordedAt`, or a log position. */
export type KnownAt = Readonly<{ position: Position }> | Readonly<{ instant: string }>;

/** @deprecated the knowledge half of a {@link Moment}, its old name (`{ instant }` or `{ position }`). */
export type AsOf = KnownAt;

/**
 * The two instants of a bi-temporal question: `asOf` (business time: the facts that had occurred by
 * then) and `knownAt` (knowledge time: only what the log held then). Either, both or neither; "the
 * funnel on 30 Sep as known on 5 Oct" is `{ asOf: '2026-09-30T23:59:59Z', knownAt: { instant: '2026-10-05…' } }`.
 */
export type Moment = Readonly<{ asOf?: string; knownAt?: KnownAt }>;

/** A moment, or the knowledge bound alone (the shape `replayAsOf` took before business time). */
export function toMoment(at: Moment | KnownAt): Moment {
  return 'position' in at || 'instant' in at ? { knownAt: at } : at;
}

/**
 * A moment resolved for scanning the log. An event is in the answer when it occurred by `asOf` and was
 * recorded by `knownAt`; per stream both times grow with the revision, so that is a prefix of each stream.
 */
export class Bounds {
  readonly asOf: string | undefined;
  readonly knownInstant: string | undefined;
  readonly knownPosition: Position | undefined;
  /** Past this knowledge time (ms) no later event in the log can still be in the answer. */
  readonly knownUntil: number;
  /** Past this knowledge time (ms) only late entries can still be in the answer. */
  readonly normalUntil: number;

  constructor(
    readonly moment: Moment,
    /** How far `recordedAt` may go backwards along the log (clock skew between writers). */
    readonly skewMs: number,
  ) {
    this.asOf = moment.asOf === undefined ? undefined : isoStamp(moment.asOf);
    const known = moment.knownAt;
    this.knownInstant = known !== undefined && 'instant' in known ? isoStamp(known.instant) : undefined;
    this.knownPosition = known !== undefined && 'position' in known ? known.position : undefined;
    this.knownUntil = this.knownInstant === undefined ? Infinity : Date.parse(this.knownInstant) + skewMs;
    this.normalUntil = this.asOf === undefined ? Infinity : Date.parse(this.asOf) + LATE_AFTER_MS + skewMs;
  }

  /** Recorded by `knownAt` (business time aside). */
  known(event: StoredEvent, recordedAt: string = recordedAtOfStored(event)): boolean {
    if (this.knownPosition !== undefined && event.position > this.knownPosition) return false;
    return this.knownInstant === undefined || recordedAt <= this.knownInstant;
  }

  /** In the answer: occurred by `asOf` and recorded by `knownAt`. */
  includes(event: StoredEvent): boolean {
    if (this.asOf !== undefined && occurredAtOfStored(event) > this.asOf) return false;
    return this.known(event);
  }

  /** Nothing at or after this event in the log can be in the answer. */
  endsAt(event: StoredEvent, recordedAtMs: number): boolean {
    if (this.knownPosition !== undefined && event.position > this.knownPosition) return true;
    return recordedAtMs > this.knownUntil;
  }
}
