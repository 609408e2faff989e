import { deciderSpec, transitionCoverage } from '@ltc/workflow-kit';
import type { IncentivePeriodClosed, IncentivePeriodOpened } from './incentive-period.events';
import { defaultIncentivePeriodPolicy, incentivePeriodWorkflow } from './incentive-period.workflow';

const given = deciderSpec(incentivePeriodWorkflow, {
  at: '2026-12-01T08:00:00.000Z',
  actor: 'olga',
  policy: defaultIncentivePeriodPolicy,
});
const opened: IncentivePeriodOpened = {
  type: 'IncentivePeriodOpened',
  data: {
    planId: 'sales26',
    period: '2026-11',
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
  },
};
const closed: IncentivePeriodClosed = {
  type: 'IncentivePeriodClosed',
  data: { planId: 'sales26', period: '2026-11', closedBy: 'olga' },
};
const open = { type: 'OpenIncentivePeriod' as const, data: { planId: 'sales26', period: '2026-11' } };
const close = { type: 'CloseIncentivePeriod' as const, data: { planId: 'sales26', period: '2026-11' } };

describe('incentive period', () => {
  it('opens with its UTC range and closes, recording who closed it', () => {
    expect(given([]).when(open).then([opened]).state.value).toBe('open');
    const { state } = given([opened])
      .when(close, { actor: 'mia' })
      .then([{ ...closed, data: { ...closed.data, closedBy: 'mia' } }]);
    expect(state.value).toBe('closed');
    given([])
      .when({ ...open, data: { ...open.data, period: '2026-Q4' } })
      .then([
        {
          type: 'IncentivePeriodOpened',
          data: {
            planId: 'sales26',
            period: '2026-Q4',
            from: '2026-10-01T00:00:00.000Z',
            to: '2027-01-01T00:00:00.000Z',
          },
        },
      ]);
  });

  it('closed is final: closing again or reopening is refused, naming the state', () => {
    const again = given([opened, closed]).when(close).thenRefuses('transitionNotAllowed');
    expect(again.state).toBe('closed');
    expect(again.reason).toBe('IncentivePeriodClosed cannot happen while the incentive-period is closed');
    expect(again.allowed).toEqual([]);
    given([opened, closed]).when(open).thenRefuses('transitionNotAllowed');
    given([]).when(close).thenRefuses('transitionNotAllowed');
  });

  it('refuses a bad period or plan id', () => {
    given([])
      .when({ ...open, data: { ...open.data, period: '2026-11-01' } })
      .thenInvalid('period');
    given([])
      .when({ ...open, data: { ...open.data, planId: '' } })
      .thenInvalid('planId');
  });

  const coverage = transitionCoverage(incentivePeriodWorkflow, {
    reach: { none: [], open: [opened], closed: [opened, closed] },
    samples: { IncentivePeriodOpened: opened, IncentivePeriodClosed: closed },
    accepts: { none: ['IncentivePeriodOpened'], open: ['IncentivePeriodClosed'], closed: [] },
  });
  it('covers the transition table', () => {
    expect(coverage.tableProblems()).toEqual([]);
    for (const c of coverage.cases) coverage.check(c);
    expect(coverage.uncovered()).toEqual([]);
  });
});
