import { ApiProperty } from '@nestjs/swagger';
import type {
  BacktestAccuracy,
  BacktestCalibration,
  BacktestForecast,
  BacktestResponse,
  BacktestRow,
  BacktestSource,
  ForecastMethod,
  ReliabilityBin,
} from '@ltc/read-models';
import { FORECAST_METHODS } from '@ltc/read-models';
import { ForecastCallInForceDto } from '../forecasts/forecast-calls.dtos';
import {
  CategoryProbabilitiesDto,
  ForecastHorizonDto,
  ForecastMethodProperty,
  ForecastScopeDto,
} from './forecast-methods.dtos';
import type { Documents } from './report-shape';

const SOURCES: readonly BacktestSource[] = [...FORECAST_METHODS, 'rep-calls', 'manager-calls'];

class BacktestForecastDto {
  @ForecastMethodProperty()
  method!: ForecastMethod;
  @ApiProperty({ description: 'the forecast as known at W for the horizon' })
  expectedMinor!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Monte Carlo only; null for the other methods' })
  p10Minor!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  p50Minor!: number | null;
  @ApiProperty({ nullable: true, type: Number })
  p90Minor!: number | null;
}

class BacktestCallsDto {
  @ApiProperty({ type: [ForecastCallInForceDto], description: "reps' own calls in force at W" })
  rep!: ForecastCallInForceDto[];
  @ApiProperty({ type: [ForecastCallInForceDto], description: 'team calls in force at W' })
  manager!: ForecastCallInForceDto[];
}

class BacktestActualDto {
  @ApiProperty({ description: 'wonBeforeMinor + openAtWMinor + createdAfterWMinor' })
  wonMinor!: number;
  @ApiProperty({ description: 'won in the horizon by W' })
  wonBeforeMinor!: number;
  @ApiProperty({ description: 'won in the horizon after W from deals open at W' })
  openAtWMinor!: number;
  @ApiProperty({ description: 'won in the horizon from deals opened after W' })
  createdAfterWMinor!: number;
}

class BacktestRowDto {
  @ApiProperty({ description: "the week's instant W: the forecast's asOf and knownAt" })
  at!: string;
  @ApiProperty({ type: ForecastHorizonDto })
  horizon!: ForecastHorizonDto;
  @ApiProperty({ type: [BacktestForecastDto] })
  forecasts!: BacktestForecastDto[];
  @ApiProperty({ type: BacktestCallsDto })
  calls!: BacktestCallsDto;
  @ApiProperty({ type: BacktestActualDto })
  actual!: BacktestActualDto;
  @ApiProperty({ description: 'W is before the import date: what was known at W is reconstructed' })
  reconstructed!: boolean;
  @ApiProperty({
    description: 'the horizon had ended when the actuals were read; only settled rows are scored',
  })
  settled!: boolean;
}

class BacktestAccuracyDto {
  @ApiProperty({ enum: SOURCES, enumName: 'BacktestSource' })
  source!: BacktestSource;
  @ApiProperty({ description: 'settled rows scored' })
  rows!: number;
  @ApiProperty({ description: 'settled rows left out: actual 0, or no call in force' })
  skipped!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'mean |F − A| / A, four decimals' })
  mape!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'mean (F − A) / A, four decimals' })
  bias!: number | null;
}

class ReliabilityBinDto {
  @ApiProperty({ example: 0.6 })
  from!: number;
  @ApiProperty({ example: 0.7, description: 'exclusive, except 1 for the last decile' })
  to!: number;
  @ApiProperty()
  deals!: number;
  @ApiProperty({ nullable: true, type: Number })
  meanPredicted!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the share of those deals won in the horizon' })
  observed!: number | null;
}

class BacktestCalibrationDto {
  @ForecastMethodProperty()
  method!: ForecastMethod;
  @ApiProperty({ description: 'deal-weeks scored' })
  predictions!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'mean (p − won)², four decimals' })
  brier!: number | null;
  @ApiProperty({ type: [ReliabilityBinDto] })
  reliability!: ReliabilityBinDto[];
}

class BacktestSettingsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { 'open.negotiation': 0.7 },
  })
  stageProbabilities!: Record<string, number>;
  @ApiProperty({ type: CategoryProbabilitiesDto })
  categoryProbabilities!: CategoryProbabilitiesDto;
  @ApiProperty()
  minDeals!: number;
  @ApiProperty()
  seed!: number;
  @ApiProperty()
  trials!: number;
}

/** The answer of GET /api/forecasts/backtest (`BacktestResponse` of @ltc/read-models). */
export class BacktestDto {
  @ApiProperty()
  from!: string;
  @ApiProperty()
  to!: string;
  @ApiProperty({ enum: ['week'] })
  every!: 'week';
  @ApiProperty({ example: 'quarter', description: '`quarter`, `month`, or one period (`2026-Q4`)' })
  horizon!: string;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ type: ForecastScopeDto })
  scope!: ForecastScopeDto;
  @ApiProperty({ enum: FORECAST_METHODS, enumName: 'ForecastMethod', isArray: true })
  methods!: ForecastMethod[];
  @ApiProperty({
    type: BacktestSettingsDto,
    description: 'what the methods were configured with, every week',
  })
  settings!: BacktestSettingsDto;
  @ApiProperty({ description: 'when the actuals were read: a row whose horizon ends later is not settled' })
  actualsAt!: string;
  @ApiProperty({ type: [BacktestRowDto] })
  rows!: BacktestRowDto[];
  @ApiProperty({ type: [BacktestAccuracyDto], description: 'per method and level of calls' })
  accuracy!: BacktestAccuracyDto[];
  @ApiProperty({ type: [BacktestCalibrationDto], description: 'per method' })
  calibration!: BacktestCalibrationDto[];
  @ApiProperty({ description: 'imported history in the weeks sampled' })
  imported!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'knowledge before it is reconstructed' })
  importedUntil!: string | null;
  @ApiProperty({ nullable: true, type: String })
  note!: string | null;
}

const _forecast: Documents<BacktestForecastDto, BacktestForecast> = true;
const _calls: Documents<BacktestCallsDto, BacktestRow['calls']> = true;
const _actual: Documents<BacktestActualDto, BacktestRow['actual']> = true;
const _row: Documents<BacktestRowDto, BacktestRow> = true;
const _accuracy: Documents<BacktestAccuracyDto, BacktestAccuracy> = true;
const _bin: Documents<ReliabilityBinDto, ReliabilityBin> = true;
const _calibration: Documents<BacktestCalibrationDto, BacktestCalibration> = true;
const _settings: Documents<BacktestSettingsDto, BacktestResponse['settings']> = true;
const _backtest: Documents<BacktestDto, BacktestResponse> = true;
