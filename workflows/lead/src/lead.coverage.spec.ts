import { transitionCoverage } from '@ltc/workflow-kit';
import {
  assigned,
  captured,
  converted,
  disqualified,
  nurtured,
  qualified,
  qualifiedData,
  reassigned,
  reopened,
  touched,
} from '../test/lead.fixtures';
import { leadWorkflow } from './lead.workflow';

const working = [captured, assigned];
const cold = { type: 'LeadQualified', data: { ...qualifiedData, grade: 'cold' } } as const;
const open = ['LeadTouchRecorded', 'LeadReassigned', 'LeadQualified', 'LeadDisqualified'];

const coverage = transitionCoverage(leadWorkflow, {
  reach: {
    none: [],
    new: [captured],
    working,
    nurturing: [...working, nurtured],
    qualified: [...working, qualified],
    'qualified (cold)': [...working, cold],
    disqualified: [...working, disqualified],
    'disqualified (never assigned)': [captured, disqualified],
    converted: [...working, qualified, converted],
  },
  samples: {
    LeadCaptured: captured,
    LeadTouchRecorded: touched,
    LeadAssigned: assigned,
    LeadReassigned: reassigned,
    'LeadReassigned (same owner)': { type: 'LeadReassigned', data: { ...reassigned.data, owner: 'rep-a' } },
    LeadQualified: qualified,
    'LeadQualified (no budget)': {
      type: 'LeadQualified',
      data: { ...qualifiedData, budget: { ...qualifiedData.budget, paymentTerms: '' } },
    },
    LeadNurtureStarted: nurtured,
    LeadDisqualified: disqualified,
    LeadReopened: reopened,
    LeadConverted: converted,
  },
  accepts: {
    none: ['LeadCaptured'],
    new: ['LeadTouchRecorded', 'LeadAssigned', 'LeadDisqualified'],
    working: [...open, 'LeadNurtureStarted'],
    nurturing: open,
    qualified: [...open, 'LeadNurtureStarted', 'LeadConverted'],
    'qualified (cold)': [...open, 'LeadNurtureStarted'],
    disqualified: ['LeadReopened'],
    'disqualified (never assigned)': ['LeadReopened'],
    converted: [],
  },
});

describe('lead transition table', () => {
  it('reaches every state and samples every event type', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition of the machine', () => expect(coverage.uncovered()).toEqual([]));
});
