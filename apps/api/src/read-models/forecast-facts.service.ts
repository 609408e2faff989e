import { Inject, Injectable } from '@nestjs/common';
import { forecastCallsVisibleTo } from '@ltc/access';
import { UpcasterRegistry } from '@ltc/domain';
import type { Actor } from '@ltc/engine';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import type { KnownAt } from '@ltc/projections';
import {
  callShown,
  callsInForce,
  FORECAST_FACT_STREAM_PREFIXES,
  ForecastFactsFolder,
  type ForecastCallInForce,
  type ForecastFacts,
} from '@ltc/read-models';
import { AccessService } from '../access/access.service';
import { FollowedFold } from './followed-fold';

/**
 * The forecast's facts besides the deals (calls, targets), folded from a subscription to their streams.
 * Each fact keeps its times and position, so every moment (`asOf`, `knownAt`) is read off the one fold.
 */
@Injectable()
export class ForecastFactsService extends FollowedFold<ForecastFactsFolder> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    upcasters: UpcasterRegistry,
    private readonly access: AccessService,
  ) {
    super(store, upcasters, FORECAST_FACT_STREAM_PREFIXES, new ForecastFactsFolder(), 'ForecastFacts');
  }

  /** The facts after every event delivered so far (the backlog read first). */
  async facts(): Promise<ForecastFacts> {
    return (await this.folded()).facts;
  }

  /** The calls in force at `at` as known at `knownAt` that `actor` may see (a rep theirs, a manager the team's). */
  async callsInForce(
    actor: Actor,
    query: Readonly<{ at: string; knownAt?: KnownAt | undefined; period?: string | undefined }>,
  ): Promise<ForecastCallInForce[]> {
    const { calls } = await this.facts();
    return callsInForce(calls, {
      at: query.at,
      ...(query.knownAt === undefined ? {} : { knownAt: query.knownAt }),
      ...(query.period === undefined ? {} : { period: query.period }),
      visibleTo: forecastCallsVisibleTo(actor, this.access.org()),
    }).map(callShown);
  }
}
