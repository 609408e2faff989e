import { InvalidValueError, parseStreamId } from '@ltc/domain';
import { incentivePeriodStreamId, parseIncentivePeriodStreamId } from './incentive-period.stream';

describe('incentive-period stream ids', () => {
  it('puts plan and period together and takes them apart (a plan id may hold dots)', () => {
    expect(incentivePeriodStreamId('plan1', '2026-11')).toBe('incentive-period-plan1.2026-11');
    expect(parseIncentivePeriodStreamId('incentive-period-plan1.2026-11')).toEqual({
      planId: 'plan1',
      period: '2026-11',
    });
    expect(parseIncentivePeriodStreamId(incentivePeriodStreamId('sales.eu', '2026-Q4'))).toEqual({
      planId: 'sales.eu',
      period: '2026-Q4',
    });
    expect(parseStreamId('incentive-period-plan1.2026-11')).toEqual({
      category: 'incentive-period',
      id: 'plan1.2026-11',
    });
  });

  it('refuses a bad period and reads other streams as none', () => {
    expect(() => incentivePeriodStreamId('plan1', '2026-13')).toThrow(InvalidValueError);
    expect(parseIncentivePeriodStreamId('incentive-plan-plan1')).toBeUndefined();
    expect(parseIncentivePeriodStreamId('incentive-period-plan1')).toBeUndefined();
  });
});
