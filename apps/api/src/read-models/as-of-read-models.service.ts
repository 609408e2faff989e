import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { CLOCK, type Clock } from '@ltc/engine';
import { asPosition } from '@ltc/event-store';
import {
  openReadModel,
  replayAsOf,
  type AsOf,
  type AsOfView,
  type OpenReadModel,
  type Projection,
} from '@ltc/projections';
import { InvalidInputException } from '../http/validation';
import { ReadModels } from './read-models.service';

/** Which moment the numbers are for: the live read model or a replay as of a past instant or position. */
export type Moment = Readonly<{
  live: boolean;
  /** The last log position the numbers include. */
  position: string | null;
  /** As-of instant asked for, or "now" for the live read model. */
  instant: string;
}>;

export type ModelAt<T extends string> = Readonly<{ model: OpenReadModel<T>; moment: Moment }>;

const POSITION = /^\d{20}(\/\d{20})?$/;

/** `asOf` is a log position (20 digits, or commit/prepare) or an ISO-8601 date or instant. */
export function parseAsOf(value: string | undefined): AsOf | undefined {
  if (value === undefined || value === '') return undefined;
  if (POSITION.test(value)) return { position: asPosition(value) };
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw new InvalidInputException([
      { field: 'asOf', messages: ['asOf must be an ISO-8601 date or instant, or a log position'] },
    ]);
  }
  return { instant: new Date(parsed).toISOString() };
}

type Cached = { key: string; view: Promise<AsOfView>; usedAt: number; users: number; evicted: boolean };

const close = (entry: Cached): void =>
  void entry.view.then(
    (v) => v.close(),
    () => undefined,
  );

/**
 * Read models as of a past moment, replayed into memory through the same projection code, from the newest
 * snapshot of the live read model at or before that moment when the projection keeps them. The last few
 * replays are kept (keyed by moment and by the head of the log, so a new event never serves stale
 * numbers for "as of now"), since a dashboard asks several questions about the same moment. An evicted
 * replay closes only once no request still reads it: the model `open` returns stays open until the
 * caller's synchronous use of it is over (the next turn of the event loop).
 */
@Injectable()
export class AsOfReadModels implements OnModuleDestroy {
  private readonly cache: Cached[] = [];
  private readonly size = 4;
  private uses = 0;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open<T extends string>(projection: Projection<T, unknown>, asOfText?: string): Promise<ModelAt<T>> {
    const asOf = parseAsOf(asOfText);
    if (asOf === undefined) {
      const model = this.readModels.live(projection);
      return {
        model,
        moment: { live: true, position: model.generation.position, instant: this.clock.now() },
      };
    }
    const head = await this.readModels.events.headPosition();
    const key = `${projection.name}@${projection.version}|${JSON.stringify(asOf)}|${head ?? ''}`;
    let cached = this.cache.find((c) => c.key === key);
    if (cached === undefined) {
      cached = {
        key,
        view: replayAsOf(this.readModels.events, [projection], asOf, {
          upcasters: this.readModels.upcasters,
          snapshots: this.readModels.store,
        }),
        usedAt: 0,
        users: 0,
        evicted: false,
      };
      this.cache.push(cached);
    }
    // Newest first: the replay just asked for is never the one evicted to make room for it.
    cached.usedAt = ++this.uses;
    cached.users++;
    this.evict();
    let view: AsOfView;
    try {
      view = await cached.view;
    } catch (error) {
      this.release(cached);
      const at = this.cache.indexOf(cached);
      if (at >= 0) this.cache.splice(at, 1);
      throw error;
    }
    setImmediate(() => this.release(cached));
    return {
      model: openReadModel(view.readModels, projection),
      moment: {
        live: false,
        position: view.position,
        instant: 'instant' in asOf ? asOf.instant : (view.lastOccurredAt ?? this.clock.now()),
      },
    };
  }

  onModuleDestroy(): void {
    for (const entry of this.cache.splice(0)) close(entry);
  }

  private evict(): void {
    while (this.cache.length > this.size) {
      const oldest = this.cache.reduce((a, b) => (b.usedAt < a.usedAt ? b : a));
      this.cache.splice(this.cache.indexOf(oldest), 1);
      oldest.evicted = true;
      if (oldest.users === 0) close(oldest);
    }
  }

  private release(entry: Cached): void {
    entry.users--;
    if (entry.evicted && entry.users === 0) close(entry);
  }
}
