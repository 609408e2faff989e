import { deciderSpec } from '@ltc/workflow-kit';
import {
  bidSubmitted,
  ctx,
  eur,
  guidance,
  laterPath,
  negotiationRound,
  path,
  quotePrepared,
  revised,
  usd,
} from '../test/opportunity.fixtures';
import type { RecordNegotiationRound } from './opportunity.commands';
import type { NegotiationSituation } from './opportunity.values';
import { opportunityWorkflow as opportunity } from './opportunity.workflow';

const given = deciderSpec(opportunity, ctx);

describe('RecordPreBidGuidance', () => {
  const record = {
    type: 'RecordPreBidGuidance',
    data: { note: 'steered the spec to our PLC line' },
  } as const;

  it('records guidance in the pre-bid stage, as often as the team guides', () => {
    given(path.preBidGuidance).when(record).then([guidance]);
    const { state } = given([...path.preBidGuidance, guidance])
      .when(record)
      .then([guidance]);
    expect(state.context.guidance).toHaveLength(2);
  });

  it('refuses before the opportunity is approved', () => {
    given(path.validated).when(record).thenRefuses('transitionNotAllowed');
  });

  it('rejects a blank note', () => {
    given(path.preBidGuidance)
      .when({ type: 'RecordPreBidGuidance', data: { note: ' ' } })
      .thenInvalid('note');
  });
});

describe('PrepareQuote', () => {
  const prepare = { type: 'PrepareQuote', data: { quoteReference: 'Q-1', amount: eur(900_000) } } as const;

  it('prepares the quote that will go to review', () => {
    given(path.bidPreparation).when(prepare).then([quotePrepared()]);
  });

  it('refuses another currency', () => {
    given(path.bidPreparation)
      .when({ ...prepare, data: { ...prepare.data, amount: usd(900_000) } })
      .thenRefuses('currencyMatches');
  });

  it('refuses before the solution consensus has passed', () => {
    given([...path.preBidGuidance, guidance])
      .when(prepare)
      .thenRefuses('transitionNotAllowed');
  });

  it('rejects a missing reference', () => {
    given(path.bidPreparation)
      .when({ ...prepare, data: { ...prepare.data, quoteReference: '' } })
      .thenInvalid('quoteReference');
  });
});

describe('SubmitBid', () => {
  const submit = {
    type: 'SubmitBid',
    data: { quoteReference: 'Q-1', amount: eur(900_000), validUntil: '2026-04-30' },
  } as const;

  it('sends the approved quote to the customer', () => {
    const { state } = given(laterPath.bidReady).when(submit).then([bidSubmitted()]);
    expect(opportunity.stateName(state)).toBe('open.bidSubmitted');
  });

  it('refuses a bid below the approved price', () => {
    given(laterPath.bidReady)
      .when({ ...submit, data: { ...submit.data, amount: eur(899_999) } })
      .thenRefuses('bidNotBelowApprovedQuote');
  });

  it('refuses another currency', () => {
    given(laterPath.bidReady)
      .when({ ...submit, data: { ...submit.data, amount: usd(900_000) } })
      .thenRefuses('currencyMatches');
  });

  it('refuses before the quote review has passed', () => {
    given(laterPath.bidPreparationWithQuote).when(submit).thenRefuses('transitionNotAllowed');
    given(laterPath.quoteReview).when(submit).thenRefuses('transitionNotAllowed');
  });

  it('rejects a bid that has already expired', () => {
    given(laterPath.bidReady)
      .when({ ...submit, data: { ...submit.data, validUntil: '2026-02-28' } })
      .thenInvalid('validUntil');
  });
});

describe('RecordNegotiationRound', () => {
  const round = (
    priceChange = eur(0),
    situation: NegotiationSituation = 'win-win',
  ): RecordNegotiationRound => ({
    type: 'RecordNegotiationRound',
    data: { situation, priceChange },
  });

  it('starts negotiation after the bid', () => {
    const { state } = given(laterPath.bidSubmitted).when(round()).then([negotiationRound()]);
    expect(opportunity.stateName(state)).toBe('open.negotiation');
  });

  it('counts rounds', () => {
    given(laterPath.negotiation)
      .when(round(eur(0), 'delay'))
      .then([negotiationRound(2, eur(0), 'delay')]);
  });

  it('revises the quote with a price change, within the threshold without review', () => {
    const { state } = given(laterPath.bidSubmitted)
      .when(round(eur(-40_000), 'lose-win'))
      .then([
        {
          type: 'NegotiationRoundRecorded',
          data: { round: 1, situation: 'lose-win', priceChange: eur(-40_000), note: '' },
        },
        revised(eur(860_000), false, eur(900_000), 'negotiation round 1 (lose-win)'),
      ]);
    expect(state.context.quote.current?.amount).toEqual(eur(860_000));
    expect(state.context.quote.reviewRequired).toBe(false);
  });

  it('sends a concession past the threshold back to quote review', () => {
    const { state } = given(laterPath.negotiation)
      .when(round(eur(-50_000), 'lose-win'))
      .then([
        {
          type: 'NegotiationRoundRecorded',
          data: { round: 2, situation: 'lose-win', priceChange: eur(-50_000), note: '' },
        },
        revised(eur(850_000), true, eur(900_000), 'negotiation round 2 (lose-win)'),
      ]);
    expect(state.context.quote.reviewRequired).toBe(true);
  });

  it('refuses a price change in another currency', () => {
    given(laterPath.negotiation)
      .when(round(usd(-10)))
      .thenRefuses('currencyMatches');
  });

  it('refuses before the bid is submitted', () => {
    given(laterPath.bidReady).when(round()).thenRefuses('transitionNotAllowed');
  });

  it.each([
    ['situation', round(eur(0), 'stalemate' as NegotiationSituation)],
    ['priceChange', round(eur(-900_000))],
  ])('rejects a bad %s', (field, command) => {
    given(laterPath.negotiation).when(command).thenInvalid(field);
  });
});

describe('ReviseQuote', () => {
  const revise = (amount: ReturnType<typeof eur>) =>
    ({ type: 'ReviseQuote', data: { amount, reason: 'customer pushback' } }) as const;

  it('revises within the threshold without review, and moves a submitted bid into negotiation', () => {
    const { state } = given(laterPath.bidSubmitted)
      .when(revise(eur(855_000)))
      .then([revised(eur(855_000), false)]);
    expect(opportunity.stateName(state)).toBe('open.negotiation');
  });

  it('records that a price below the threshold needs quote review, with the reviewed price', () => {
    const { state } = given(laterPath.negotiation)
      .when(revise(eur(854_999)))
      .then([revised(eur(854_999), true)]);
    expect(state.context.quote.reviewRequired).toBe(true);
  });

  it('clears the need for review when the price comes back within the threshold', () => {
    const { state } = given(laterPath.negotiationAwaitingReview)
      .when(revise(eur(870_000)))
      .then([revised(eur(870_000), false, eur(800_000))]);
    expect(state.context.quote.reviewRequired).toBe(false);
  });

  it('refuses another currency', () => {
    given(laterPath.negotiation)
      .when(revise(usd(870_000)))
      .thenRefuses('currencyMatches');
  });

  it('refuses before the bid is out and during the review of a revision', () => {
    given(laterPath.bidReady)
      .when(revise(eur(870_000)))
      .thenRefuses('transitionNotAllowed');
    given(laterPath.requoteReview)
      .when(revise(eur(870_000)))
      .thenRefuses('transitionNotAllowed');
  });

  it('rejects a revision without a reason', () => {
    given(laterPath.negotiation)
      .when({ type: 'ReviseQuote', data: { amount: eur(1), reason: '' } })
      .thenInvalid('reason');
  });

  it('keeps the bid untouched: the bid is what was sent, the quote is what is on the table', () => {
    const state = opportunity.fold([...laterPath.negotiation, revised(eur(880_000), false)]);
    expect(state.context.bid?.amount).toEqual(eur(900_000));
    expect(state.context.quote.current?.amount).toEqual(eur(880_000));
  });
});
