import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { CLOCK, type Clock } from '@ltc/engine';
import { asPosition } from '@ltc/event-store';
import {
  openReadModel,
  replayAsOf,
  sampleAt,
  type AsOfView,
  type KnownAt,
  type Moment as BiTemporal,
  type OpenReadModel,
  type Projection,
} from '@ltc/projections';
import { InvalidInputException } from '../http/validation';
import { ReadModels } from './read-models.service';

/** Which moment the numbers are for: the live read model, or a replay as of a business instant / as known then. */
export type Moment = Readonly<{
  live: boolean;
  /** The last log position the numbers include. */
  position: string | null;
  /** The "now" of the numbers (stalled deals, ages): `asOf`, else the `knownAt` instant, else now. */
  instant: string;
  /** The business instant asked for: facts that occurred by then. */
  asOf: string | null;
  /** The knowledge bound asked for (an instant or a log position): only what the log held then. */
  knownAt: string | null;
}>;

export type ModelAt<T extends string> = Readonly<{ model: OpenReadModel<T>; moment: Moment }>;

/** The two instants of a query, as the caller wrote them. */
export type MomentQuery = Readonly<{ asOf?: string | undefined; knownAt?: string | undefined }>;

const POSITION = /^\d{20}(\/\d{20})?$/;

const invalid = (field: string, message: string) =>
  new InvalidInputException([{ field, messages: [message] }]);

function instantOf(field: string, value: string): string {
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw invalid(field, `${field} must be an ISO-8601 date or instant`);
  return new Date(parsed).toISOString();
}

/**
 * `asOf` is a business instant (an ISO-8601 date or instant; a log position is refused: that is
 * `knownAt`); `knownAt` is an instant compared with each event's `recordedAt`, or a log position.
 */
export function parseMoment(query: MomentQuery): BiTemporal | undefined {
  const { asOf, knownAt } = query;
  const moment: { asOf?: string; knownAt?: KnownAt } = {};
  if (asOf !== undefined && asOf !== '') {
    if (POSITION.test(asOf)) {
      throw invalid(
        'asOf',
        'asOf is a business instant (an ISO-8601 date or instant); for a log position use knownAt',
      );
    }
    moment.asOf = instantOf('asOf', asOf);
  }
  if (knownAt !== undefined && knownAt !== '') {
    moment.knownAt = POSITION.test(knownAt)
      ? { position: asPosition(knownAt) }
      : { instant: instantOf('knownAt', knownAt) };
  }
  return moment.asOf === undefined && moment.knownAt === undefined ? undefined : moment;
}

/** How an answer names its moment: what was asked, its "now", and the last position it includes. */
export function momentOf(
  moment: BiTemporal | undefined,
  position: string | null,
  lastOccurredAt: string | null,
  now: string,
): Moment {
  const known = moment?.knownAt;
  return {
    live: moment === undefined,
    position,
    instant:
      moment?.asOf ??
      (known === undefined ? now : 'instant' in known ? known.instant : (lastOccurredAt ?? now)),
    asOf: moment?.asOf ?? null,
    knownAt: known === undefined ? null : 'instant' in known ? known.instant : known.position,
  };
}

type Cached = { key: string; view: Promise<AsOfView>; usedAt: number; users: number; evicted: boolean };

const close = (entry: Cached): void =>
  void entry.view.then(
    (v) => v.close(),
    () => undefined,
  );

/**
 * Read models as of a business instant and/or as known at a past one, replayed into memory through the same projection code, from the newest
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

  async open<T extends string>(projection: Projection<T, unknown>, query: MomentQuery): Promise<ModelAt<T>> {
    const asOf = parseMoment(query);
    if (asOf === undefined) {
      const model = this.readModels.live(projection);
      return { model, moment: momentOf(undefined, model.generation.position, null, this.clock.now()) };
    }
    const head = await this.readModels.events.headPosition();
    const key = `${projection.name}@${projection.version}|${JSON.stringify(asOf)}|${head ?? ''}`;
    let cached = this.cache.find((c) => c.key === key);
    if (cached === undefined) {
      cached = {
        key,
        view: replayAsOf(this.readModels.events, [projection], asOf, {
          upcasters: this.readModels.upcasters,
          live: this.readModels.store,
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
      moment: momentOf(asOf, view.position, view.lastOccurredAt, this.clock.now()),
    };
  }

  /**
   * The read model sampled at many business instants (ascending), as known at `knownAt`, in one pass
   * over the log (`sampleAt`): a trend chart or a weekly backtest.
   */
  async sample<T extends string, R>(
    projection: Projection<T, unknown>,
    instants: readonly string[],
    knownAtText: string | undefined,
    read: (model: OpenReadModel<T>, asOf: string) => R,
  ): Promise<{ knownAt: string | null; points: R[] }> {
    const knownAt = parseMoment({ knownAt: knownAtText })?.knownAt;
    const samples = await sampleAt(
      this.readModels.events,
      [projection],
      instants,
      (view) => read(openReadModel(view.readModels, projection), view.asOf),
      {
        upcasters: this.readModels.upcasters,
        live: this.readModels.store,
        ...(knownAt === undefined ? {} : { knownAt }),
      },
    );
    return {
      knownAt: knownAt === undefined ? null : 'instant' in knownAt ? knownAt.instant : knownAt.position,
      points: samples.map((s) => s.value),
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
