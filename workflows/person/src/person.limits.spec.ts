import { LIMITS } from '@ltc/workflow-kit';
import { given, joined } from '../test/person.fixtures';
import type { PersonCommand } from './person.commands';

const over = (max: number) => 'x'.repeat(max + 1);

// The domain refuses what the HTTP DTOs refuse (a text over its limit, a malformed id), so the CLI and the migration cannot store it.
describe('person text limits and ids', () => {
  it.each<[string, PersonCommand]>([
    ['name', { type: 'JoinPerson', data: { name: over(LIMITS.label), orgRoles: ['rep'], team: 'north' } }],
    ['team', { type: 'JoinPerson', data: { name: 'Ann', orgRoles: ['rep'], team: over(LIMITS.label) } }],
    [
      'manager',
      { type: 'JoinPerson', data: { name: 'Ann', orgRoles: ['rep'], team: 'north', manager: 'a b' } },
    ],
    ['team', { type: 'MovePersonToTeam', data: { team: over(LIMITS.label) } }],
    ['reason', { type: 'MovePersonToTeam', data: { team: 'south', reason: over(LIMITS.prose) } }],
    ['manager', { type: 'ChangePersonManager', data: { manager: 'x'.repeat(129) } }],
    ['reason', { type: 'ChangePersonOrgRole', data: { orgRoles: ['ops'], reason: over(LIMITS.prose) } }],
    ['reason', { type: 'RecordPersonLeft', data: { reason: over(LIMITS.prose) } }],
  ])('refuses %s over its limit (case %#)', (field, command) => {
    given(command.type === 'JoinPerson' ? [] : [joined])
      .when(command)
      .thenInvalid(field);
  });

  it('takes a name and a team of exactly the limit, as HTTP does', () => {
    const name = 'x'.repeat(LIMITS.label);
    given([])
      .when({ type: 'JoinPerson', data: { name, orgRoles: ['rep'], team: name } })
      .then([{ type: 'PersonJoined', data: { name, orgRoles: ['rep'], team: name, manager: null } }]);
  });
});
