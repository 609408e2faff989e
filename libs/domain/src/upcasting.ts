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
}
