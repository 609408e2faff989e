import { stageProbabilitiesOf, UnknownStageError } from './settings';
import { DEFAULT_STAGE_PROBABILITIES } from './weighted';

describe('stage probabilities from configuration', () => {
  it('are the defaults with the configured stages over them', () => {
    expect(stageProbabilitiesOf()).toEqual(DEFAULT_STAGE_PROBABILITIES);
    const applied = stageProbabilitiesOf({ 'open.negotiation': 0.75, 'open.opened': 0 });
    expect(applied).toEqual({ ...DEFAULT_STAGE_PROBABILITIES, 'open.negotiation': 0.75, 'open.opened': 0 });
    expect(Object.keys(applied)).toHaveLength(7);
  });

  it('refuse a stage the opportunity does not have, listing the open stages', () => {
    expect(() => stageProbabilitiesOf({ 'open.haggling': 0.9 })).toThrow(UnknownStageError);
    expect(() => stageProbabilitiesOf({ 'open.won': 1 })).toThrow(
      "'won' is not an open stage (the open stages are opened, validated, preBidGuidance, bidPreparation, bidReady, bidSubmitted, negotiation)",
    );
  });
});
