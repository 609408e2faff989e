import { defaultLeadPolicy } from './lead.policy';
import type { LeadCommand } from './lead.commands';
import { leadWorkflow } from './lead.workflow';
import { captured, qualifiedData, touched } from '../test/lead.fixtures';

const journey: readonly [LeadCommand, string][] = [
  [
    { type: 'CaptureLead', data: { ...captured.data, contact: { name: 'Li Wei', email: 'li@example.com' } } },
    'ops-1',
  ],
  [{ type: 'RecordLeadTouch', data: touched.data }, 'ops-1'],
  [{ type: 'AssignLead', data: { owner: 'rep-a' } }, 'manager-1'],
  [{ type: 'NurtureLead', data: { reason: 'Budget next year', revisitOn: '2026-09-01' } }, 'rep-a'],
  [{ type: 'ReassignLead', data: { owner: 'rep-b', reason: 'Territory change' } }, 'manager-1'],
  [{ type: 'QualifyLead', data: { ...qualifiedData, grade: 'warm' } }, 'rep-b'],
  [{ type: 'DisqualifyLead', data: { reason: 'Customer froze all projects' } }, 'rep-b'],
  [{ type: 'ReopenLead', data: { reason: 'Projects unfrozen' } }, 'manager-1'],
  [{ type: 'QualifyLead', data: qualifiedData }, 'rep-b'],
  [{ type: 'ConvertLead', data: { opportunityId: 'opp-9' } }, 'rep-b'],
];

it('folding the events alone reaches the state the decisions produced', () => {
  let state = leadWorkflow.initialState();
  const log = [];
  for (const [index, [command, actor]] of journey.entries()) {
    const at = `2026-03-${String(index + 2).padStart(2, '0')}T09:00:00.000Z`;
    const decision = leadWorkflow.decide(command, state, { at, actor, policy: defaultLeadPolicy });
    log.push(...decision.events);
    state = decision.state;
  }
  const replayed = leadWorkflow.fold(log);
  expect(replayed.value).toBe('converted');
  expect(replayed.value).toEqual(state.value);
  expect(replayed.context).toEqual(state.context);
  expect(replayed.context).toMatchObject({
    owner: 'rep-b',
    grade: 'hot',
    opportunityId: 'opp-9',
    touchCount: 1,
  });
});
