import { transitionCoverage } from '@ltc/workflow-kit';
import { corrected, published, retired, targetSet, terms } from '../test/plan.fixtures';
import { incentivePlanWorkflow } from './incentive-plan.workflow';

const coverage = transitionCoverage(incentivePlanWorkflow, {
  reach: {
    none: [],
    published: [published],
    'published (corrected, target set)': [published, corrected, targetSet],
    retired: [published, retired],
  },
  samples: {
    IncentivePlanPublished: published,
    IncentivePlanCorrected: corrected,
    'IncentivePlanCorrected (before the plan)': {
      type: 'IncentivePlanCorrected',
      data: { ...corrected.data, effectiveFrom: '2025-12' },
    },
    'IncentivePlanCorrected (quarterly)': {
      type: 'IncentivePlanCorrected',
      data: { ...corrected.data, terms: terms({ periodKind: 'quarter' }) },
    },
    IncentiveTargetSet: targetSet,
    'IncentiveTargetSet (not a participant)': {
      type: 'IncentiveTargetSet',
      data: { ...targetSet.data, personId: 'zed' },
    },
    IncentivePlanRetired: retired,
  },
  accepts: {
    none: ['IncentivePlanPublished'],
    published: ['IncentivePlanCorrected', 'IncentiveTargetSet', 'IncentivePlanRetired'],
    'published (corrected, target set)': [
      'IncentivePlanCorrected',
      'IncentiveTargetSet',
      'IncentivePlanRetired',
    ],
    retired: [],
  },
});

describe('incentive plan transition table', () => {
  it('reaches every state and samples every event type', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition of the machine', () => expect(coverage.uncovered()).toEqual([]));
});
