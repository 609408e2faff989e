import { corrected, given, published, retired, targetSet, terms } from '../test/plan.fixtures';
import type { PublishIncentivePlan, SetIncentiveTarget } from './incentive-plan.commands';

const publish: PublishIncentivePlan = {
  type: 'PublishIncentivePlan',
  data: { planId: 'sales26', effectiveFrom: '2026-01', terms: terms() },
};
const setTarget: SetIncentiveTarget = {
  type: 'SetIncentiveTarget',
  data: {
    planId: 'sales26',
    personId: 'ana',
    period: '2026-02',
    targetMinor: 10_000_000,
    targetBonusMinor: 300_000,
    basis: { kind: 'baseSalary', amountMinor: 600_000 },
  },
};

describe('incentive plan', () => {
  describe('PublishIncentivePlan', () => {
    it('publishes checked terms from a period on', () => {
      const { state } = given([]).when(publish).then([published]);
      expect(state.value).toBe('published');
      expect(state.context).toEqual({
        planId: 'sales26',
        effectiveFrom: '2026-01',
        terms: terms(),
        retiredAfter: null,
        targetsSet: 0,
      });
    });

    it('refuses a second publication', () => {
      given([published]).when(publish).thenRefuses('transitionNotAllowed');
    });

    it.each<[string, object]>([
      ['terms.split', { terms: terms({ split: { AR: 5000, SR: 3000, FR: 1999 } }) }],
      [
        'terms.attainment.tiers[1].fromBp',
        {
          terms: terms({
            attainment: {
              credit: 'whole',
              mode: 'cliff',
              tiers: [
                { fromBp: 0, toBp: 5000, rateBp: 0 },
                { fromBp: 4000, toBp: null, rateBp: 1 },
              ],
            },
          }),
        },
      ],
      [
        'terms.pool.collectedRateBp',
        { terms: { ...terms(), pool: { ...terms().pool, collectedRateBp: -200 } } },
      ],
      ['terms.fxRates.USD', { terms: terms({ fxRates: { USD: 'about one' } }) }],
      ['effectiveFrom', { effectiveFrom: '2026-13' }],
      ['effectiveFrom', { effectiveFrom: '2026-Q1' }],
      ['planId', { planId: 'no spaces' }],
    ])('refuses bad input at %s, appending nothing', (field, change) => {
      const error = given([])
        .when({ ...publish, data: { ...publish.data, ...change } })
        .thenInvalid(field);
      expect(error.message).toMatch(
        new RegExp(`^PublishIncentivePlan\\.${field.replace(/[.[\]]/g, '\\$&')} `),
      );
    });

    it('says what is wrong in words: the split sum with its parts', () => {
      const error = given([])
        .when({
          ...publish,
          data: { ...publish.data, terms: terms({ split: { AR: 5000, SR: 3000, FR: 1999 } }) },
        })
        .thenInvalid('terms.split');
      expect(error.message).toBe(
        'PublishIncentivePlan.terms.split must sum to 10000 (100 %): AR 5000 + SR 3000 + FR 1999 = 9999',
      );
    });
  });

  describe('CorrectIncentivePlan', () => {
    const correct = {
      type: 'CorrectIncentivePlan' as const,
      data: { planId: 'sales26', ...corrected.data },
    };

    it('takes new terms from a period on (a past one is a retroactive trigger for the read model)', () => {
      const { state } = given([published]).when(correct).then([corrected]);
      expect(state.context.terms?.split).toEqual({ AR: 4000, SR: 4000, FR: 2000 });
      expect(state.context.effectiveFrom).toBe('2026-01');
      given([published, corrected]).when(correct).then([corrected]);
    });

    it('refuses a correction before the plan, of another kind, or changing the period kind', () => {
      given([published])
        .when({ ...correct, data: { ...correct.data, effectiveFrom: '2025-12' } })
        .thenRefuses('periodOfPlan');
      given([published])
        .when({ ...correct, data: { ...correct.data, effectiveFrom: '2026-Q2' } })
        .thenRefuses('periodOfPlan');
      const quarterly = terms({ periodKind: 'quarter' });
      given([published])
        .when({ ...correct, data: { ...correct.data, terms: quarterly } })
        .thenRefuses('samePeriodKind');
    });

    it('refuses bad terms and a missing reason, and a correction of no plan', () => {
      given([published])
        .when({ ...correct, data: { ...correct.data, terms: terms({ participants: [] }) } })
        .thenInvalid('terms.participants');
      given([published])
        .when({ ...correct, data: { ...correct.data, reason: ' ' } })
        .thenInvalid('reason');
      given([]).when(correct).thenRefuses('transitionNotAllowed');
    });
  });

  describe('SetIncentiveTarget', () => {
    it('sets a participant target for a period of the plan', () => {
      given([published]).when(setTarget).then([targetSet]);
      given([published, targetSet])
        .when({ ...setTarget, data: { ...setTarget.data, targetMinor: 12_000_000, reason: ' raised ' } })
        .then([{ ...targetSet, data: { ...targetSet.data, targetMinor: 12_000_000, reason: 'raised' } }]);
    });

    it('refuses a non-participant, a period outside the plan, bad amounts', () => {
      given([published])
        .when({ ...setTarget, data: { ...setTarget.data, personId: 'zed' } })
        .thenRefuses('participant');
      given([published])
        .when({ ...setTarget, data: { ...setTarget.data, period: '2025-12' } })
        .thenRefuses('periodOfPlan');
      given([published])
        .when({ ...setTarget, data: { ...setTarget.data, targetMinor: 0 } })
        .thenInvalid('targetMinor');
      given([published])
        .when({ ...setTarget, data: { ...setTarget.data, targetBonusMinor: 1.5 } })
        .thenInvalid('targetBonusMinor');
      given([published])
        .when({ ...setTarget, data: { ...setTarget.data, basis: { kind: 'mood', amountMinor: 1 } } } as never)
        .thenInvalid('basis.kind');
      given([published])
        .when({ ...setTarget, data: { ...setTarget.data, basis: null } } as never)
        .thenInvalid('basis');
      given([published])
        .when({ ...setTarget, data: { ...setTarget.data, period: 'Feb' } })
        .thenInvalid('period');
    });
  });

  describe('RetireIncentivePlan', () => {
    const retire = { type: 'RetireIncentivePlan' as const, data: { planId: 'sales26', ...retired.data } };

    it('retires after a period; nothing is accepted after', () => {
      const { state } = given([published]).when(retire).then([retired]);
      expect(state.value).toBe('retired');
      expect(state.context.retiredAfter).toBe('2026-12');
      given([published, retired]).when(setTarget).thenRefuses('transitionNotAllowed');
      given([published, retired]).when(retire).thenRefuses('transitionNotAllowed');
    });

    it('refuses a retirement before the plan began', () => {
      given([published])
        .when({ ...retire, data: { ...retire.data, effectiveAfter: '2025-06' } })
        .thenRefuses('periodOfPlan');
    });
  });
});
