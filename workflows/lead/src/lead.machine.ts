import { and, assign, setup } from 'xstate';
import { leadUpdates } from './lead.actions';
import { emptyLeadContext, type LeadContext } from './lead.context';
import type { LeadEvent } from './lead.events';
import { leadGuards } from './lead.guards';

const u = leadUpdates;

/**
 * The lead (管理线索): captured, assigned and worked, qualified with BANT or nurtured, then converted
 * into an opportunity or disqualified (and possibly reopened). Its event types are the domain events.
 */
export const leadMachine = setup({
  types: { context: {} as LeadContext, events: {} as LeadEvent },
  guards: {
    ...leadGuards,
    bantComplete: and(['hasBudget', 'hasAuthority', 'hasNeed', 'hasTime']),
  },
  actions: {
    capture: assign(u.capture),
    touch: assign(u.touch),
    assign: assign(u.assign),
    reassign: assign(u.reassign),
    qualify: assign(u.qualify),
    nurture: assign(u.nurture),
    disqualify: assign(u.disqualify),
    reopen: assign(u.reopen),
    convert: assign(u.convert),
  },
}).createMachine({
  id: 'lead',
  context: emptyLeadContext,
  initial: 'none',
  states: {
    none: { on: { LeadCaptured: { target: 'new', actions: 'capture' } } },
    new: {
      on: {
        LeadTouchRecorded: { actions: 'touch' },
        LeadAssigned: { target: 'working', actions: 'assign' },
        LeadDisqualified: { target: 'disqualified', actions: 'disqualify' },
      },
    },
    working: {
      on: {
        LeadTouchRecorded: { actions: 'touch' },
        LeadReassigned: { guard: 'ownerChanges', actions: 'reassign' },
        LeadQualified: { target: 'qualified', guard: 'bantComplete', actions: 'qualify' },
        LeadNurtureStarted: { target: 'nurturing', actions: 'nurture' },
        LeadDisqualified: { target: 'disqualified', actions: 'disqualify' },
      },
    },
    nurturing: {
      on: {
        LeadTouchRecorded: { actions: 'touch' },
        LeadReassigned: { guard: 'ownerChanges', actions: 'reassign' },
        LeadQualified: { target: 'qualified', guard: 'bantComplete', actions: 'qualify' },
        LeadDisqualified: { target: 'disqualified', actions: 'disqualify' },
      },
    },
    qualified: {
      on: {
        LeadTouchRecorded: { actions: 'touch' },
        LeadReassigned: { guard: 'ownerChanges', actions: 'reassign' },
        // Requalifying updates BANT and grade as the customer's situation moves.
        LeadQualified: { guard: 'bantComplete', actions: 'qualify' },
        LeadNurtureStarted: { target: 'nurturing', actions: 'nurture' },
        LeadDisqualified: { target: 'disqualified', actions: 'disqualify' },
        LeadConverted: { target: 'converted', guard: 'gradeConvertible', actions: 'convert' },
      },
    },
    disqualified: {
      on: {
        LeadReopened: [
          { target: 'working', guard: 'hasOwner', actions: 'reopen' },
          { target: 'new', actions: 'reopen' },
        ],
      },
    },
    converted: { type: 'final' },
  },
});
