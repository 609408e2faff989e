import type { PersonCommand } from '@ltc/workflow-person';
import { personAccess, type PersonFacts } from './person.access';
import { accessSpec } from './testing/access-spec';
import { as, org, system } from './testing/org.fixture';

const command = (type: PersonCommand['type'], data: object = {}) => ({ type, data }) as PersonCommand;
const given = accessSpec(personAccess, org);
const state: PersonFacts = { team: 'north' };

describe('person access', () => {
  const types = [
    'JoinPerson',
    'MovePersonToTeam',
    'ChangePersonManager',
    'ChangePersonOrgRole',
    'RecordPersonLeft',
  ] as const;

  it('lets managers, admins and the system record every change of the org', () => {
    for (const type of types) {
      for (const actor of [as('mia'), as('sam'), as('ada'), system]) {
        given({ state }).when(actor, command(type)).thenAllowed();
      }
    }
  });

  it('refuses reps and ops', () => {
    for (const type of types) {
      given({ state }).when(as('ann'), command(type)).thenRefused('managersOnly');
      given({ state }).when(as('olga'), command(type)).thenRefused('managersOnly');
    }
  });

  it('takes only a manager who is in the organisation, or none', () => {
    given({ state })
      .when(as('mia'), command('JoinPerson', { manager: 'zed' }))
      .thenInvalid('manager');
    given({ state })
      .when(as('mia'), command('ChangePersonManager', { manager: 'zed' }))
      .thenInvalid('manager');
    given({ state })
      .when(as('mia'), command('ChangePersonManager', { manager: null }))
      .thenAllowed();
    given({ state })
      .when(as('mia'), command('JoinPerson', { manager: 'sam' }))
      .thenAllowed();
  });
});
