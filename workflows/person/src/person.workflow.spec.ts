import { at, given, joined, left, managerChanged, moved, roleChanged } from '../test/person.fixtures';
import type { JoinPerson } from './person.commands';

describe('person', () => {
  describe('JoinPerson', () => {
    const join: JoinPerson = {
      type: 'JoinPerson',
      data: { name: ' Ann Lee ', orgRoles: ['rep'], team: 'north', manager: 'mia' },
    };

    it('joins a person in a team with roles and a manager', () => {
      const { state } = given([]).when(join).then([joined]);
      expect(state.value).toBe('active');
      expect(state.context).toEqual({ name: 'Ann Lee', orgRoles: ['rep'], team: 'north', manager: 'mia' });
    });

    it('takes a single orgRole, dedupes roles and stores them in one order', () => {
      given([])
        .when({
          type: 'JoinPerson',
          data: { name: 'Ann Lee', orgRole: 'rep', team: 'north', manager: 'mia' },
        })
        .then([joined]);
      given([])
        .when({
          type: 'JoinPerson',
          data: { name: 'Mia', orgRoles: ['admin', 'manager', 'admin'], team: 'hq' },
        })
        .then([
          {
            type: 'PersonJoined',
            data: { name: 'Mia', orgRoles: ['manager', 'admin'], team: 'hq', manager: null },
          },
        ]);
    });

    it('refuses a second join while active, and rejoins after leaving', () => {
      given([joined]).when(join).thenRefuses('transitionNotAllowed');
      expect(given([joined, left]).when(join).then([joined]).state.value).toBe('active');
    });

    it.each([
      ['name', { ...join.data, name: ' ' }],
      ['team', { ...join.data, team: '' }],
      ['manager', { ...join.data, manager: 'not an id' }],
      ['orgRoles', { ...join.data, orgRoles: [] }],
      ['orgRoles', { ...join.data, orgRoles: ['king'] }],
      ['orgRoles', { name: 'x', team: 'north' }],
      ['orgRole', { ...join.data, orgRoles: ['rep'], orgRole: 'manager' }],
    ])('rejects an invalid %s', (field, data) => {
      given([])
        .when({ type: 'JoinPerson', data } as never)
        .thenInvalid(field);
    });
  });

  describe('MovePersonToTeam', () => {
    it('moves to another team, naming the team left', () => {
      const { state } = given([joined])
        .when({ type: 'MovePersonToTeam', data: { team: 'south', reason: 'Opens the southern region' } })
        .then([moved]);
      expect(state.context.team).toBe('south');
    });

    it('refuses a move to the same team, and any move after leaving', () => {
      given([joined])
        .when({ type: 'MovePersonToTeam', data: { team: 'north' } })
        .thenRefuses('teamChanges');
      given([joined, left])
        .when({ type: 'MovePersonToTeam', data: { team: 'south' } })
        .thenRefuses('transitionNotAllowed');
    });
  });

  describe('ChangePersonManager', () => {
    it('changes the manager, or removes it', () => {
      given([joined])
        .when({ type: 'ChangePersonManager', data: { manager: 'sam' } })
        .then([managerChanged]);
      const { state } = given([joined])
        .when({ type: 'ChangePersonManager', data: { manager: null, reason: 'Reports to the board' } })
        .then([
          {
            type: 'PersonManagerChanged',
            data: { manager: null, previousManager: 'mia', reason: 'Reports to the board' },
          },
        ]);
      expect(state.context.manager).toBeNull();
    });

    it('refuses the same manager and a missing one', () => {
      given([joined])
        .when({ type: 'ChangePersonManager', data: { manager: 'mia' } })
        .thenRefuses('managerChanges');
      given([joined])
        .when({ type: 'ChangePersonManager', data: {} } as never)
        .thenInvalid('manager');
    });
  });

  describe('ChangePersonOrgRole', () => {
    it('changes the roles held', () => {
      const { state } = given([joined])
        .when({ type: 'ChangePersonOrgRole', data: { orgRoles: ['manager', 'rep'], reason: 'Team lead' } })
        .then([roleChanged]);
      expect(state.context.orgRoles).toEqual(['rep', 'manager']);
    });

    it('refuses the roles already held, in any order', () => {
      given([joined, roleChanged])
        .when({ type: 'ChangePersonOrgRole', data: { orgRoles: ['manager', 'rep'] } })
        .thenRefuses('orgRolesChange');
    });
  });

  describe('RecordPersonLeft', () => {
    it('records leaving from the current team; no roles or manager after', () => {
      const { state } = given([joined]).when({ type: 'RecordPersonLeft', data: {} }, { at }).then([left]);
      expect(state.value).toBe('left');
      expect(state.context).toMatchObject({ team: 'north', orgRoles: [], manager: null });
    });

    it('refuses leaving twice or before joining', () => {
      given([joined, left]).when({ type: 'RecordPersonLeft', data: {} }).thenRefuses('transitionNotAllowed');
      given([]).when({ type: 'RecordPersonLeft', data: {} }).thenRefuses('transitionNotAllowed');
    });
  });
});
