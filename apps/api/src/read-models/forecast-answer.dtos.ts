import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type {
  CoverageTarget,
  CoverageTargetWithoutRate,
  CurrencyDetail,
  ExcludedCurrency,
  ForecastCallInForce,
  ForecastResponse,
  PipelineCoverage,
} from '@ltc/read-models';
import { ForecastCallInForceDto } from '../forecasts/forecast-calls.dtos';
import {
  ForecastHorizonDto,
  ForecastScopeDto,
  METHOD_FORECAST_DTOS,
  type MethodForecastDto,
} from './forecast-methods.dtos';
import { MoneyView } from './read-model.response.dtos';
import type { Documents } from './report-shape';
import { RatesShownDto } from './reporting-currency.dtos';

class CoverageTargetDto {
  @ApiProperty()
  personId!: string;
  @ApiProperty()
  planId!: string;
  @ApiProperty({ example: '2026-11', description: 'a period inside the horizon' })
  period!: string;
  @ApiProperty({ type: MoneyView, description: "the target as set, in its plan's currency" })
  amount!: MoneyView;
  @ApiProperty({ description: '`amount` in the reporting currency at the rate in force, rounded once' })
  targetMinor!: number;
  @ApiProperty({ example: '0.9235', description: "the rate applied ('1' in the same currency)" })
  rate!: string;
  @ApiProperty({ description: 'the IncentiveTargetSet event' })
  eventId!: string;
}

class CoverageTargetWithoutRateDto {
  @ApiProperty()
  personId!: string;
  @ApiProperty()
  planId!: string;
  @ApiProperty({ example: '2026-Q4' })
  period!: string;
  @ApiProperty({ type: MoneyView })
  amount!: MoneyView;
  @ApiProperty({ description: 'the IncentiveTargetSet event' })
  eventId!: string;
  @ApiProperty({ example: 'the table of 2026-10-01 (EUR) has no rate for GBP' })
  reason!: string;
}

class PipelineCoverageDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Σ targets[].targetMinor; null when no target with a rate covers the horizon for the scope',
  })
  targetMinor!: number | null;
  @ApiProperty({ description: 'won in the horizon before asOf' })
  wonMinor!: number;
  @ApiProperty({ description: 'open deals expected to close in the horizon, unweighted' })
  openMinor!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'openMinor / (targetMinor − wonMinor), four decimals; null without a target or once it is met',
  })
  coverage!: number | null;
  @ApiProperty({ type: [CoverageTargetDto] })
  targets!: CoverageTargetDto[];
  @ApiProperty({
    type: [CoverageTargetWithoutRateDto],
    description: 'targets no rate in force converts: listed, left out of targetMinor',
  })
  targetsWithoutRate!: CoverageTargetWithoutRateDto[];
}

class CurrencyDetailDto {
  @ApiProperty({ example: 'USD' })
  currency!: string;
  @ApiProperty()
  openDeals!: number;
  @ApiProperty({ description: 'in the currency itself' })
  openAmountMinor!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'in the reporting currency; null: no rate' })
  openReportingMinor!: number | null;
  @ApiProperty()
  wonDeals!: number;
  @ApiProperty()
  wonAmountMinor!: number;
  @ApiProperty({ nullable: true, type: Number })
  wonReportingMinor!: number | null;
}

class ExcludedCurrencyDto {
  @ApiProperty({ example: 'GBP' })
  currency!: string;
  @ApiProperty()
  deals!: number;
  @ApiProperty({ description: "in the deals' own currency" })
  amountMinor!: number;
  @ApiProperty({ type: [String] })
  dealIds!: string[];
}

/** The items of `methods`: one schema per method, told apart by `method`. */
export const METHOD_FORECAST_ITEMS = {
  oneOf: Object.values(METHOD_FORECAST_DTOS).map((dto) => ({ $ref: getSchemaPath(dto) })),
  discriminator: {
    propertyName: 'method',
    mapping: Object.fromEntries(
      Object.entries(METHOD_FORECAST_DTOS).map(([method, dto]) => [method, getSchemaPath(dto)]),
    ),
  },
};

/** The answer of GET /api/forecasts (`ForecastResponse` of @ltc/read-models). */
@ApiExtraModels(...Object.values(METHOD_FORECAST_DTOS))
export class ForecastDto {
  @ApiProperty({ type: ForecastHorizonDto })
  horizon!: ForecastHorizonDto;
  @ApiProperty({ description: 'the business instant of the pipeline' })
  asOf!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the knowledge bound; null: everything known now',
  })
  knownAt!: string | null;
  @ApiProperty({ example: 'EUR', description: 'the reporting currency of every amount not in a Money' })
  currency!: string;
  @ApiProperty({ type: ForecastScopeDto })
  scope!: ForecastScopeDto;
  @ApiProperty({ description: 'open deals at asOf in scope' })
  openDeals!: number;
  @ApiProperty({
    type: 'array',
    items: METHOD_FORECAST_ITEMS,
    description:
      'one answer per method asked, in the order stage-weighted, category-weighted, historical, monte-carlo',
  })
  methods!: MethodForecastDto[];
  @ApiProperty({ type: PipelineCoverageDto })
  coverage!: PipelineCoverageDto;
  @ApiProperty({
    type: RatesShownDto,
    nullable: true,
    description: 'the exchange rate table in force at asOf as known at knownAt; null: none',
  })
  rates!: RatesShownDto | null;
  @ApiProperty({ type: [CurrencyDetailDto], description: 'per currency of the deals in scope' })
  currencies!: CurrencyDetailDto[];
  @ApiProperty({
    type: [ExcludedCurrencyDto],
    description: 'open deals in a currency no rate in force converts, left out of the methods',
  })
  excluded!: ExcludedCurrencyDto[];
  @ApiProperty({
    type: [ExcludedCurrencyDto],
    description: 'deals won in the horizon before asOf that no rate converts, left out of alreadyWonMinor',
  })
  excludedWon!: ExcludedCurrencyDto[];
  @ApiProperty({
    type: [ForecastCallInForceDto],
    description:
      'the forecast calls for the horizon in force at asOf as known at knownAt, visible to the caller',
  })
  calls!: ForecastCallInForceDto[];
}

type Row<T> = T extends readonly (infer U)[] ? U : never;
const _target: Documents<CoverageTargetDto, CoverageTarget> = true;
const _withoutRate: Documents<CoverageTargetWithoutRateDto, CoverageTargetWithoutRate> = true;
const _coverage: Documents<PipelineCoverageDto, PipelineCoverage> = true;
const _detail: Documents<CurrencyDetailDto, CurrencyDetail> = true;
const _excluded: Documents<ExcludedCurrencyDto, ExcludedCurrency> = true;
const _method: Documents<{ m: MethodForecastDto }, { m: Row<ForecastResponse['methods']> }> = true;
const _call: Documents<ForecastCallInForceDto, ForecastCallInForce> = true;
const _forecast: Documents<ForecastDto, ForecastResponse> = true;
