import { deciderSpec } from '@ltc/workflow-kit';
import type {
  LeadAssigned,
  LeadCaptured,
  LeadConverted,
  LeadDisqualified,
  LeadNurtureStarted,
  LeadQualified,
  LeadReassigned,
  LeadReopened,
  LeadTouchRecorded,
} from '../src/lead.events';
import { defaultLeadPolicy } from '../src/lead.policy';
import { leadWorkflow } from '../src/lead.workflow';

export const at = '2026-03-02T09:00:00.000Z';
export const given = deciderSpec(leadWorkflow, { at, actor: 'ops-1', policy: defaultLeadPolicy });

export const captured: LeadCaptured = {
  type: 'LeadCaptured',
  data: {
    customerId: 'cust-1',
    source: 'salon',
    title: 'Cold-chain monitoring for 40 stores',
    contact: { name: 'Li Wei', role: 'IT director', phone: '+86 10 5555 0101', email: null },
    estimatedAmount: { amountMinor: 120_000_00, currency: 'CNY' },
    capturedBy: 'ops-1',
  },
};
export const assigned: LeadAssigned = { type: 'LeadAssigned', data: { owner: 'rep-a' } };
export const touched: LeadTouchRecorded = {
  type: 'LeadTouchRecorded',
  data: { channel: 'visit', note: 'Met the IT director on site', touchedAt: '2026-03-01T15:00:00.000Z' },
};
export const qualifiedData: LeadQualified['data'] = {
  budget: {
    amount: { amountMinor: 100_000_00, currency: 'CNY' },
    paymentTerms: '30% upfront, 70% on acceptance',
  },
  authority: {
    decisionProcess: 'IT proposes, CFO approves',
    keyPerson: 'Li Wei',
    decisionMaker: 'CFO Zhang',
  },
  need: {
    realNeed: 'Spoiled stock from unnoticed freezer failures',
    supplierQualification: 'ISO 9001, two reference sites',
    productStandards: 'Sensors to GB/T 34399',
    deliveryStandards: 'All stores within 8 weeks',
  },
  time: { projectApprovalDate: '2026-04-01', needFoundDate: '2026-02-10', decisionDate: '2026-05-15' },
  grade: 'hot',
};
export const qualified: LeadQualified = { type: 'LeadQualified', data: qualifiedData };
export const nurtured: LeadNurtureStarted = {
  type: 'LeadNurtureStarted',
  data: { reason: 'Budget only next fiscal year', revisitOn: '2026-09-01' },
};
export const disqualified: LeadDisqualified = {
  type: 'LeadDisqualified',
  data: { reason: 'Duplicate of another lead' },
};
export const reopened: LeadReopened = { type: 'LeadReopened', data: { reason: 'Not a duplicate after all' } };
export const reassigned: LeadReassigned = {
  type: 'LeadReassigned',
  data: { owner: 'rep-b', previousOwner: 'rep-a', reason: 'Territory change' },
};
export const converted: LeadConverted = {
  type: 'LeadConverted',
  data: { opportunityId: 'opp-1', convertibleGrades: ['warm', 'hot'] },
};
