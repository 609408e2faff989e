import { DEFAULT_STAGE_PROBABILITIES } from './weighted';

/** A configured stage that is not an open stage of the opportunity. */
export class UnknownStageError extends Error {
  readonly code = 'unknownForecastStage';
  constructor(readonly stage: string) {
    const known = Object.keys(DEFAULT_STAGE_PROBABILITIES).map((s) => s.replace(/^open\./, ''));
    super(`'${stage.replace(/^open\./, '')}' is not an open stage (the open stages are ${known.join(', ')})`);
  }
}

/**
 * The stage-weighted probabilities in force: the configured ones (`open.negotiation: 0.75`) over the
 * defaults, every open stage named; an unknown stage throws (the api checks this at start).
 */
export function stageProbabilitiesOf(
  configured: Readonly<Record<string, number>> = {},
): Readonly<Record<string, number>> {
  for (const stage of Object.keys(configured))
    if (!(stage in DEFAULT_STAGE_PROBABILITIES)) throw new UnknownStageError(stage);
  return { ...DEFAULT_STAGE_PROBABILITIES, ...configured };
}
