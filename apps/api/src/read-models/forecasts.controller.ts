import { Controller, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { forecastCallsVisibleTo, forecastVisibleTo } from '@ltc/access';
import type { Money } from '@ltc/domain';
import { CLOCK, type Actor, type Clock } from '@ltc/engine';
import {
  BacktestInputError,
  backtestPlan,
  convertMinor,
  coverageOf,
  ForecastMethodError,
  forecastMethods,
  forecastProjection,
  HorizonError,
  horizonOf,
  parseMethods,
  periodAt,
  pipelineAt,
  ratesShown,
  runBacktest,
  stageProbabilitiesOf,
  targetsInForce,
  type BacktestResponse,
  type CallVisibility,
  type ForecastSettings,
  type DealFilter,
  type ForecastResponse,
} from '@ltc/read-models';

import { AccessService } from '../access/access.service';
import { APP_CONFIG } from '../app-config.token';
import type { AppConfig } from '../config';
import { CurrentActor } from '../auth/current-actor.decorator';
import { InvalidInputException } from '../http/validation';
import { ApiReadModel } from './api-read-model.decorator';
import { AsOfReadModels, parseMoment } from './as-of-read-models.service';
import { ForecastFactsService } from './forecast-facts.service';
import { BacktestDto } from './backtest-answer.dtos';
import { ForecastDto } from './forecast-answer.dtos';
import { BacktestQueryDto, ForecastQueryDto } from './forecasts.dtos';
import { ReadModelAccess } from './read-model.access';
import { ReadModels } from './read-models.service';

const NDJSON = 'application/x-ndjson';

const refuse = (field: string, message: string) =>
  new InvalidInputException([{ field, messages: [message] }]);

/** Runs `read`, turning a forecast parameter's refusal into a 400 naming its field. */
function refusingBadInput<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (
      error instanceof BacktestInputError ||
      error instanceof ForecastMethodError ||
      error instanceof HorizonError
    )
      throw refuse(error.field, error.message);
    throw error;
  }
}

/** Forecasts from the pipeline as it stood at `asOf`, as known at `knownAt`. */
@ApiTags('read models')
@Controller('api')
export class ForecastsController {
  constructor(
    private readonly models: AsOfReadModels,
    private readonly readAccess: ReadModelAccess,
    private readonly access: AccessService,
    private readonly readModels: ReadModels,
    private readonly facts: ForecastFactsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = { stageProbabilities: stageProbabilitiesOf(config.forecastStageProbabilities) };
  }

  /** The methods' configuration (`FORECAST_STAGE_PROBABILITIES`), recorded in every answer. */
  private readonly settings: ForecastSettings;

  /** The calls a backtest sets beside the methods: those the actor may see, of the asked owner or team. */
  private callsVisibleTo(actor: Actor, query: Readonly<{ owner?: string; team?: string }>): CallVisibility {
    const visible = forecastCallsVisibleTo(actor, this.access.org());
    const asked =
      query.owner !== undefined
        ? { people: [query.owner], teams: [] }
        : query.team !== undefined
          ? {
              people: this.readAccess.teamSpells(query.team, undefined).map((s) => s.person),
              teams: [query.team],
            }
          : undefined;
    if (asked === undefined || visible === undefined) return asked ?? visible;
    return {
      people: asked.people.filter((p) => visible.people.includes(p)),
      teams: asked.teams.filter((t) => visible.teams.includes(t)),
    };
  }

  /** Who a forecast is about: the asked owner and team, within what the actor may see. */
  private filterOf(
    actor: Actor,
    query: Readonly<{ owner?: string; team?: string; knownAt?: string }>,
  ): DealFilter {
    const visibleTo = forecastVisibleTo(actor, this.access.org());
    return {
      ...(query.owner === undefined ? {} : { owner: query.owner }),
      ...(query.team === undefined ? {} : { team: this.readAccess.teamSpells(query.team, query.knownAt) }),
      ...(visibleTo === undefined ? {} : { visibleTo }),
    };
  }

  @ApiReadModel(
    'forecasts',
    'getForecast',
    'the expected amount won in the horizon per method (stage-weighted, category-weighted, historical, Monte Carlo) with per-deal contributions; reps see their own deals, managers their team, ops everyone',
    ForecastDto,
  )
  async forecast(@CurrentActor() actor: Actor, @Query() query: ForecastQueryDto): Promise<ForecastResponse> {
    let methods;
    let horizon;
    try {
      methods = parseMethods(query.method);
    } catch (error) {
      if (error instanceof ForecastMethodError) throw refuse(error.field, error.message);
      throw error;
    }
    const { model, moment } = await this.models.open(forecastProjection, query);
    const asOf = moment.instant;
    try {
      horizon = horizonOf(query.horizon ?? periodAt(asOf, 'quarter'));
    } catch (error) {
      if (error instanceof HorizonError) throw refuse(error.field, error.message);
      throw error;
    }
    const filter = this.filterOf(actor, query);
    const knownAt = parseMoment(query)?.knownAt;
    const { currency, table } = await this.facts.reportingIn(query.currency, asOf, knownAt);
    const facts = await this.facts.facts();
    const convert = (amount: Money) => {
      const converted = convertMinor(amount, currency, table);
      return converted.ok ? converted.amountMinor : null;
    };
    const { pipeline, excluded, excludedWon, currencies } = pipelineAt(model, {
      asOf,
      horizon,
      currency,
      convert,
      filter,
    });
    return {
      horizon,
      asOf,
      knownAt: moment.knownAt,
      currency,
      scope: { team: query.team ?? null, owner: query.owner ?? null },
      openDeals: pipeline.open.length,
      methods: forecastMethods(pipeline, horizon, methods, this.settings),
      coverage: coverageOf(pipeline, horizon, {
        targets: targetsInForce(facts.targets, facts.plans, { horizon, asOf, knownAt, scope: filter }),
        currency,
        table,
      }),
      rates: ratesShown(table),
      currencies,
      excluded,
      excludedWon,
      calls: await this.facts.callsInForce(actor, { at: asOf, knownAt, period: horizon.period }),
    };
  }

  @ApiReadModel(
    'forecasts/backtest',
    'getForecastBacktest',
    'every method forecast as known at each week W (one pass over the log, nothing recorded after W), beside what was won in its horizon (before W, from deals open at W, from deals created after W); MAPE and bias per method and level of calls; Brier score and reliability per method',
    BacktestDto,
  )
  @ApiProduces('application/json', NDJSON)
  async backtest(
    @CurrentActor() actor: Actor,
    @Query() query: BacktestQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const plan = refusingBadInput(() =>
      backtestPlan({
        from: query.from,
        to: query.to,
        every: query.every,
        horizon: query.horizon,
        method: query.method,
        trials: query.trials,
        currency: this.facts.currencyOf(query.currency),
        filter: this.filterOf(actor, query),
        scope: { team: query.team ?? null, owner: query.owner ?? null },
        settings: this.settings,
      }),
    );
    // `Accept: application/x-ndjson`: a line per week sampled ({"progress"}), then {"backtest"} (`ltc forecast backtest`).
    const streaming = accept?.includes(NDJSON) === true;
    const write = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
    if (streaming) response.status(200).type(NDJSON);
    let answer: BacktestResponse;
    try {
      answer = await runBacktest(this.readModels.events, plan, {
        upcasters: this.readModels.upcasters,
        live: this.readModels.store,
        actuals: this.readModels.live(forecastProjection),
        actualsAt: this.clock.now(),
        calls: { recorded: (await this.facts.facts()).calls, visibleTo: this.callsVisibleTo(actor, query) },
        ...(streaming
          ? { onWeek: (week: number, weeks: number) => write({ progress: { week, weeks } }) }
          : {}),
      });
    } catch (error) {
      if (!streaming) throw error;
      // The answer has begun: the failure is its last line.
      write({ error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
      response.end();
      return;
    }
    if (!streaming) {
      response.status(200).json(answer);
      return;
    }
    write({ backtest: answer });
    response.end();
  }
}
