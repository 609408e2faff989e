import { ApiProperty } from '@nestjs/swagger';
import {
  FORECAST_CATEGORIES,
  FORECAST_METHODS,
  type CategoryWeightedForecast,
  type ForecastContribution,
  type ForecastHorizon,
  type HistoricalForecast,
  type HistoricalRate,
  type MonteCarloForecast,
  type StageWeightedForecast,
  type TimeToClose,
} from '@ltc/read-models';
import type { Documents } from './report-shape';
import { MoneyView } from './read-model.response.dtos';

/** The method names, one schema the generated client names (`ForecastMethod`). */
export const ForecastMethodProperty = (description?: string) =>
  ApiProperty({
    enum: FORECAST_METHODS,
    enumName: 'ForecastMethod',
    ...(description ? { description } : {}),
  });

const SEGMENTS = ['strategic', 'ordinary'] as const;

export class ForecastHorizonDto {
  @ApiProperty({ example: '2026-Q4', description: 'a month (`2026-11`) or a quarter (`2026-Q4`)' })
  period!: string;
  @ApiProperty({ example: '2026-10-01T00:00:00.000Z', description: 'start of the period (inclusive)' })
  from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', description: 'end of the period (exclusive)' })
  to!: string;
}

export class ForecastScopeDto {
  @ApiProperty({ nullable: true, type: String, description: 'the asked team, if any' })
  team!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the asked owner, if any' })
  owner!: string | null;
}

/** The probability per forecast category (`pipeline`, `best-case`, `commit`, `omitted`), as applied. */
export class CategoryProbabilitiesDto {
  @ApiProperty({ example: 0.2 })
  pipeline!: number;
  @ApiProperty({ example: 0.5 })
  'best-case'!: number;
  @ApiProperty({ example: 0.9 })
  commit!: number;
  @ApiProperty({ example: 0 })
  omitted!: number;
}

export class ForecastContributionDto {
  @ApiProperty()
  dealId!: string;
  @ApiProperty()
  owner!: string;
  @ApiProperty({ example: 'open.negotiation', description: "the deal's stage at asOf" })
  stage!: string;
  @ApiProperty({ enum: SEGMENTS })
  segment!: 'strategic' | 'ordinary';
  @ApiProperty({ enum: [...FORECAST_CATEGORIES, 'closed'], enumName: 'DealForecastCategory' })
  category!: (typeof FORECAST_CATEGORIES)[number] | 'closed';
  @ApiProperty({ type: MoneyView, description: "the deal's amount at asOf, in its own currency" })
  amount!: MoneyView;
  @ApiProperty({ description: '`amount` in the reporting currency at the rate in force' })
  amountMinor!: number;
  @ApiProperty({
    example: 0.7,
    description: 'the probability this method gives the deal of a win in the horizon',
  })
  probability!: number;
  @ApiProperty({ description: '`amountMinor × probability`, rounded half away from zero' })
  expectedMinor!: number;
  @ApiProperty({ example: 'stage open.negotiation: 0.7 (configured)' })
  why!: string;
}

class MethodBaseDto {
  @ApiProperty({ description: 'alreadyWonMinor + expectedOpenMinor' })
  expectedMinor!: number;
  @ApiProperty({ description: 'won inside the horizon before asOf (the same for every method)' })
  alreadyWonMinor!: number;
  @ApiProperty({ description: 'the sum of the contributions' })
  expectedOpenMinor!: number;
  @ApiProperty({ type: [ForecastContributionDto] })
  contributions!: ForecastContributionDto[];
}

export class StageWeightedForecastDto extends MethodBaseDto {
  @ApiProperty({ enum: ['stage-weighted'] })
  method!: 'stage-weighted';
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { 'open.negotiation': 0.7 },
    description: 'the configured probability per stage, as applied',
  })
  probabilities!: Record<string, number>;
}

export class CategoryWeightedForecastDto extends MethodBaseDto {
  @ApiProperty({ enum: ['category-weighted'] })
  method!: 'category-weighted';
  @ApiProperty({ type: CategoryProbabilitiesDto })
  probabilities!: CategoryProbabilitiesDto;
}

export class HistoricalRateDto {
  @ApiProperty({ example: 'open.negotiation' })
  stage!: string;
  @ApiProperty({ enum: SEGMENTS, nullable: true, description: "null: the stage's pooled rate" })
  segment!: 'strategic' | 'ordinary' | null;
  @ApiProperty({ description: 'deals closed before asOf that had been in this stage' })
  closed!: number;
  @ApiProperty({ description: 'of them, won' })
  won!: number;
  @ApiProperty({ description: 'won / closed; 0 when closed is 0' })
  probability!: number;
  @ApiProperty({ description: 'fewer than minDeals: the deals in it use the pooled rate' })
  thin!: boolean;
}

export class TimeToCloseDto {
  @ApiProperty({ example: 'open.negotiation' })
  stage!: string;
  @ApiProperty({ description: 'won deals the distribution holds' })
  samples!: number;
  @ApiProperty({ description: 'true: pooled over all stages (the stage had too few)' })
  pooled!: boolean;
  @ApiProperty()
  p10Days!: number;
  @ApiProperty()
  p50Days!: number;
  @ApiProperty()
  p90Days!: number;
}

export class HistoricalForecastDto extends MethodBaseDto {
  @ApiProperty({ enum: ['historical'] })
  method!: 'historical';
  @ApiProperty({ description: "a cell with fewer closed deals falls back to its stage's pooled rate" })
  minDeals!: number;
  @ApiProperty({ type: [HistoricalRateDto] })
  rates!: HistoricalRateDto[];
  @ApiProperty({ type: [TimeToCloseDto] })
  timeToClose!: TimeToCloseDto[];
  @ApiProperty({ description: 'deals closed before asOf the rates were learned from' })
  learnedFrom!: number;
}

export class MonteCarloForecastDto extends MethodBaseDto {
  @ApiProperty({ enum: ['monte-carlo'] })
  method!: 'monte-carlo';
  @ApiProperty({ example: 1 })
  seed!: number;
  @ApiProperty({ example: 10_000 })
  trials!: number;
  @ApiProperty({ description: 'quantiles and mean of the amount won in the horizon (already won included)' })
  p10Minor!: number;
  @ApiProperty()
  p50Minor!: number;
  @ApiProperty()
  p90Minor!: number;
  @ApiProperty()
  meanMinor!: number;
}

/** The four method answers, told apart by `method`. */
export const METHOD_FORECAST_DTOS = {
  'stage-weighted': StageWeightedForecastDto,
  'category-weighted': CategoryWeightedForecastDto,
  historical: HistoricalForecastDto,
  'monte-carlo': MonteCarloForecastDto,
} as const;
export type MethodForecastDto =
  StageWeightedForecastDto | CategoryWeightedForecastDto | HistoricalForecastDto | MonteCarloForecastDto;

const _horizon: Documents<ForecastHorizonDto, ForecastHorizon> = true;
const _contribution: Documents<ForecastContributionDto, ForecastContribution> = true;
const _stage: Documents<StageWeightedForecastDto, StageWeightedForecast> = true;
const _category: Documents<CategoryWeightedForecastDto, CategoryWeightedForecast> = true;
const _rate: Documents<HistoricalRateDto, HistoricalRate> = true;
const _timeToClose: Documents<TimeToCloseDto, TimeToClose> = true;
const _historical: Documents<HistoricalForecastDto, HistoricalForecast> = true;
const _monteCarlo: Documents<MonteCarloForecastDto, MonteCarloForecast> = true;
