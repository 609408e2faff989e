/** A domain event as the machines see it: a past-tense type and its data. */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** A command: an imperative type and its data. */
export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** Who sent a command, when and why; stored with every event it produced. */
export type EventMetadata = Readonly<{
  actor: string;
  actorRoles: readonly string[];
  commandId: string;
  correlationId: string;
  causationId: string | null;
  /**
   * Business time (ISO-8601 UTC): when the fact happened. The command's `occurredAt` when it carries one
   * (a late entry), else the pipeline's clock; domain code never reads a clock.
   */
  occurredAt: string;
  /**
   * Knowledge time (ISO-8601 UTC): the pipeline's clock at the append attempt. Absent on events stored
   * before it existed: read it through `recordedAtOf(metadata)`, never directly.
   */
  recordedAt?: string;
  /** True on events appended by the history importer (their knowledge before the import is reconstructed). */
  imported?: true;
  /** The back-dating policy applied when `occurredAt` is earlier than `recordedAt` by more than the skew. */
  lateEntry?: LateEntryRecord;
  schemaVersion: number;
  /** `<machine id>@<version>` of the machine that accepted the event. */
  machine: string;
  /** Extra keys an adapter or the engine adds (e.g. a hash chain); never read by domain code. */
  [key: string]: unknown;
}>;

/** An event on its way into the store. */
export type EventEnvelope<E extends Event = Event> = Readonly<{
  id: string;
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
}>;

/** Recorded with a late entry, like gate policy: the rule that admitted it and the limits in force. */
export type LateEntryRecord = Readonly<{
  rule: 'backdate';
  /** How far before `recordedAt` the business time lies, in ms. */
  lagMs: number;
  /** `window` when the rep window applied, `unlimited` when the actor's roles may go further back. */
  allowance: 'window' | 'unlimited';
  policy: Readonly<{ futureSkewMs: number; repWindowDays: number }>;
}>;
