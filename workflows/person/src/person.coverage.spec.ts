import { transitionCoverage } from '@ltc/workflow-kit';
import { joined, left, managerChanged, moved, roleChanged } from '../test/person.fixtures';
import { personWorkflow } from './person.workflow';

const coverage = transitionCoverage(personWorkflow, {
  reach: {
    none: [],
    active: [joined],
    'active (moved, new manager, new roles)': [joined, moved, managerChanged, roleChanged],
    left: [joined, left],
  },
  samples: {
    PersonJoined: joined,
    PersonMovedTeam: moved,
    'PersonMovedTeam (same team)': { type: 'PersonMovedTeam', data: { ...moved.data, team: 'north' } },
    PersonManagerChanged: managerChanged,
    'PersonManagerChanged (same manager)': {
      type: 'PersonManagerChanged',
      data: { ...managerChanged.data, manager: 'mia' },
    },
    PersonOrgRoleChanged: roleChanged,
    'PersonOrgRoleChanged (same roles)': {
      type: 'PersonOrgRoleChanged',
      data: { ...roleChanged.data, orgRoles: ['rep'] },
    },
    PersonLeft: left,
  },
  accepts: {
    none: ['PersonJoined'],
    active: ['PersonMovedTeam', 'PersonManagerChanged', 'PersonOrgRoleChanged', 'PersonLeft'],
    'active (moved, new manager, new roles)': [
      'PersonMovedTeam (same team)',
      'PersonManagerChanged (same manager)',
      'PersonOrgRoleChanged (same roles)',
      'PersonLeft',
    ],
    left: ['PersonJoined'],
  },
});

describe('person transition table', () => {
  it('reaches every state and samples every event type', () => expect(coverage.tableProblems()).toEqual([]));
  it.each(coverage.cases)('$state: $event is $expected', (c) => coverage.check(c));
  it('exercises every transition of the machine', () => expect(coverage.uncovered()).toEqual([]));
});
