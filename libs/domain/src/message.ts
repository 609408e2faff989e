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
  /** ISO-8601, taken from the command; domain code never reads a clock. */
  occurredAt: string;
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
