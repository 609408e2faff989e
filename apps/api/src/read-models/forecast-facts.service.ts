import { Inject, Injectable } from '@nestjs/common';
import { forecastCallsVisibleTo } from '@ltc/access';
import { isKnownCurrency, UpcasterRegistry } from '@ltc/domain';
import type { Actor } from '@ltc/engine';
import { EVENT_STORE, type EventStore } from '@ltc/event-store';
import type { KnownAt } from '@ltc/projections';
import {
  callShown,
  callsInForce,
  FORECAST_FACT_STREAM_PREFIXES,
  ForecastFactsFolder,
  rateTableInForce,
  type ForecastCallInForce,
  type ForecastFacts,
  type ReportingCurrency,
} from '@ltc/read-models';
import { AccessService } from '../access/access.service';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config';
import { InvalidInputException } from '../http/validation';
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
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(store, upcasters, FORECAST_FACT_STREAM_PREFIXES, new ForecastFactsFolder(), 'ForecastFacts');
    this.reportingCurrency = config.reportingCurrency;
  }

  /** `REPORTING_CURRENCY`: what forecasts and the funnel report in when the query names no `currency`. */
  private readonly reportingCurrency: string;

  /** The asked `currency`, default `REPORTING_CURRENCY`; an unknown code is a 400 naming the field. */
  currencyOf(asked: string | undefined): string {
    const code = asked ?? this.reportingCurrency;
    if (!isKnownCurrency(code)) {
      throw new InvalidInputException([
        { field: 'currency', messages: ['currency must be a known ISO-4217 code such as EUR'] },
      ]);
    }
    return code;
  }

  /** The asked currency (`currencyOf`) and the exchange rate table in force at `at` as known at `knownAt`. */
  async reportingIn(asked: string | undefined, at: string, knownAt?: KnownAt): Promise<ReportingCurrency> {
    const currency = this.currencyOf(asked);
    return { currency, table: rateTableInForce((await this.facts()).rateTables, at, knownAt) };
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
