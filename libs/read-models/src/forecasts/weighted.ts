import { roundMinor } from './horizon';
import { expectedInHorizon, type OpenDeal, type PipelineAt } from './pipeline';
import type {
  CategoryWeightedForecast,
  ForecastCategory,
  ForecastContribution,
  ForecastHorizon,
  StageWeightedForecast,
} from './types';

/** The default probability of winning from each open stage (configuration `forecast.stageProbabilities`). */
export const DEFAULT_STAGE_PROBABILITIES: Readonly<Record<string, number>> = {
  'open.opened': 0.05,
  'open.validated': 0.1,
  'open.preBidGuidance': 0.2,
  'open.bidPreparation': 0.3,
  'open.bidReady': 0.4,
  'open.bidSubmitted': 0.5,
  'open.negotiation': 0.7,
};

/** The default probability of each forecast category (configuration `forecast.categoryProbabilities`). */
export const DEFAULT_CATEGORY_PROBABILITIES: Readonly<Record<ForecastCategory, number>> = {
  pipeline: 0.2,
  'best-case': 0.5,
  commit: 0.9,
  omitted: 0,
};

/** A deal's contribution at probability `p`, with the sentence that says where `p` came from. */
export function contributionOf(deal: OpenDeal, probability: number, why: string): ForecastContribution {
  return {
    dealId: deal.dealId,
    owner: deal.owner,
    stage: deal.stage,
    segment: deal.segment,
    category: deal.category,
    amount: deal.amount,
    amountMinor: deal.amountMinor,
    probability,
    expectedMinor: roundMinor(deal.amountMinor * probability),
    why,
  };
}

/** The shared totals of a method: already won plus the sum of the (rounded) contributions. */
export function totalsOf(
  pipeline: PipelineAt,
  contributions: readonly ForecastContribution[],
): Readonly<{ expectedMinor: number; alreadyWonMinor: number; expectedOpenMinor: number }> {
  const expectedOpenMinor = contributions.reduce((sum, c) => sum + c.expectedMinor, 0);
  return {
    expectedMinor: pipeline.alreadyWonMinor + expectedOpenMinor,
    alreadyWonMinor: pipeline.alreadyWonMinor,
    expectedOpenMinor,
  };
}

/** Open deals the rep expects to close in the horizon (the weighted methods' scope). */
function expectedDeals(pipeline: PipelineAt, horizon: ForecastHorizon): OpenDeal[] {
  return pipeline.open.filter((deal) => expectedInHorizon(deal, pipeline.asOf, horizon));
}

/**
 * Σ amount × configured probability of the deal's stage, over the open deals expected to close in the
 * horizon; a stage missing from the table counts 0 and says so.
 */
export function stageWeighted(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  probabilities: Readonly<Record<string, number>> = DEFAULT_STAGE_PROBABILITIES,
): StageWeightedForecast {
  const contributions = expectedDeals(pipeline, horizon).map((deal) => {
    const p = probabilities[deal.stage];
    return p === undefined
      ? contributionOf(deal, 0, `stage ${deal.stage}: no configured probability, 0`)
      : contributionOf(deal, p, `stage ${deal.stage}: ${p} (configured)`);
  });
  return { method: 'stage-weighted', ...totalsOf(pipeline, contributions), probabilities, contributions };
}

/** Σ amount × configured probability of the deal's forecast category (omitted counts 0 by default). */
export function categoryWeighted(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  probabilities: Readonly<Record<ForecastCategory, number>> = DEFAULT_CATEGORY_PROBABILITIES,
): CategoryWeightedForecast {
  const contributions = expectedDeals(pipeline, horizon).map((deal) => {
    const category = deal.category === 'closed' ? 'omitted' : deal.category;
    const p = probabilities[category];
    return contributionOf(deal, p, `category ${category}: ${p} (configured)`);
  });
  return { method: 'category-weighted', ...totalsOf(pipeline, contributions), probabilities, contributions };
}
