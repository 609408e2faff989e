import type { Event } from './message';

/** Turns the data of one stored event type from one schema version into the next. */
export type Upcaster = Readonly<{
  type: string;
  fromVersion: number;
  upcast: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}>;

/** Upcasters by event type, applied in version order on every read path. */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const versions = this.byType.get(upcaster.type) ?? new Map<number, Upcaster>();
      if (versions.has(upcaster.fromVersion)) {
        throw new Error(`two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
      }
      versions.set(upcaster.fromVersion, upcaster);
      this.byType.set(upcaster.type, versions);
    }
  }

  /** The schema version new events of this type are written with. */
  currentVersion(type: string): number {
    const versions = this.byType.get(type);
    return versions === undefined ? 1 : Math.max(...versions.keys()) + 1;
  }

  /** Brings an event stored at `schemaVersion` up to the current version of its type. */
  upcast<E extends Event>(event: E, schemaVersion: number): E {
    const versions = this.byType.get(event.type);
    if (versions === undefined) return event;
    let data = event.data as Readonly<Record<string, unknown>>;
    for (let v = schemaVersion; versions.has(v); v++) data = versions.get(v)!.upcast(data);
    return data === event.data ? event : { ...event, data };
  }

  /**
   * The one upcast path for stored events: reads `metadata.schemaVersion` (1 when absent) and returns the
   * same record with its data at the current version (the same object when nothing changed).
   */
  upcastStored<T extends StoredRecord>(stored: T): T {
    // Most types have no upcaster: return the record itself without building anything.
    if (!this.byType.has(stored.type)) return stored;
    const version = Number(stored.metadata.schemaVersion ?? 1);
    const { data } = this.upcast({ type: stored.type, data: stored.data } as Event, version);
    return data === stored.data ? stored : { ...stored, data };
  }
}

/** The part of a stored event an upcast reads: any envelope with a type, data and metadata. */
export type StoredRecord = Readonly<{
  type: string;
  data: unknown;
  metadata: Readonly<{ schemaVersion?: unknown }>;
}>;
