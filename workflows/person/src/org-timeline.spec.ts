import { joined, left, managerChanged, moved, roleChanged } from '../test/person.fixtures';
import { OrgTimeline, type PersonFact } from './org-timeline';

const fact = (
  person: string,
  revision: number,
  occurredAt: string,
  event: PersonFact['event'],
  recordedAt?: string,
): PersonFact => ({ person, revision, occurredAt, event, ...(recordedAt ? { recordedAt } : {}) });

// Ann joins north on 5 Jan (manager mia), moves to south on 10 Mar (recorded late, on 20 Mar), gets
// sam as manager on 1 Apr and becomes a team lead on 1 May, leaves on 30 Jun. Mia manages north all along.
const history = [
  fact('mia', 0, '2026-01-01T00:00:00.000Z', {
    type: 'PersonJoined',
    data: { name: 'Mia', orgRoles: ['manager'], team: 'north', manager: null },
  }),
  fact('ann', 0, '2026-01-05T09:00:00.000Z', joined),
  fact('ann', 1, '2026-03-10T09:00:00.000Z', moved, '2026-03-20T16:00:00.000Z'),
  fact('ann', 2, '2026-04-01T09:00:00.000Z', managerChanged),
  fact('ann', 3, '2026-05-01T09:00:00.000Z', roleChanged),
  fact('ann', 4, '2026-06-30T17:00:00.000Z', { ...left, data: { team: 'south', reason: null } }),
];

describe('OrgTimeline: the org at any business instant', () => {
  const org = new OrgTimeline(history);

  it('answers the team a fact is credited to, by the instant it happened', () => {
    expect(org.teamOf('ann', '2026-02-14T12:00:00.000Z')).toBe('north');
    expect(org.teamOf('ann', '2026-03-10T08:59:59.999Z')).toBe('north');
    expect(org.teamOf('ann', '2026-03-10T09:00:00.000Z')).toBe('south');
    expect(org.teamOf('ann', '2026-04-20T12:00:00.000Z')).toBe('south');
  });

  it('credits a fact before the join to the team joined, and after leaving to the team left', () => {
    expect(org.teamOf('ann', '2025-11-01T00:00:00.000Z')).toBe('north');
    expect(org.teamOf('ann', '2026-09-01T00:00:00.000Z')).toBe('south');
    expect(org.teamOf('nobody', '2026-02-01T00:00:00.000Z')).toBeUndefined();
  });

  it('answers managers and roles only while the person is in the organisation', () => {
    expect(org.managerOf('ann', '2026-03-31T00:00:00.000Z')).toBe('mia');
    expect(org.managerOf('ann', '2026-04-01T09:00:00.000Z')).toBe('sam');
    expect(org.rolesOf('ann', '2025-12-31T00:00:00.000Z')).toEqual([]);
    expect(org.rolesOf('ann', '2026-02-01T00:00:00.000Z')).toEqual(['rep']);
    expect(org.rolesOf('ann', '2026-05-02T00:00:00.000Z')).toEqual(['rep', 'manager']);
    expect(org.rolesOf('ann', '2026-07-01T00:00:00.000Z')).toEqual([]);
    expect(org.managerOf('ann', '2026-07-01T00:00:00.000Z')).toBeUndefined();
  });

  it('names everyone who managed a person during a range: mia until 1 Apr, sam from then, none after leaving', () => {
    const during = (from: string, to: string) => [...org.managersDuring('ann', from, to)].sort();
    expect(during('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toEqual(['mia']);
    expect(during('2026-03-01T00:00:00.000Z', '2026-04-01T09:00:00.001Z')).toEqual(['mia', 'sam']);
    expect(during('2026-04-01T09:00:00.000Z', '2026-05-01T00:00:00.000Z')).toEqual(['sam']);
    expect(during('2026-07-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z')).toEqual([]);
    expect(during('2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toEqual([]);
  });

  it('places the late move where it happened, but a knownAt before it was recorded does not see it', () => {
    const before = { knownAt: '2026-03-15T00:00:00.000Z' };
    expect(org.teamOf('ann', '2026-03-12T00:00:00.000Z', before)).toBe('north');
    expect(org.teamOf('ann', '2026-03-12T00:00:00.000Z', { knownAt: '2026-03-20T16:00:00.000Z' })).toBe(
      'south',
    );
  });

  it('as known at a log position: only the facts at or before it (the late move is after it)', () => {
    // Positions in log order: mia 1, ann's join 2, then other streams' events, ann's late move 5
    // (recorded 20 Mar) and her later facts 6, 7, 8 (a stream's revisions are appended in order).
    const at = (position: number) => String(position).padStart(20, '0');
    const positions = [1, 2, 5, 6, 7, 8];
    const positioned = new OrgTimeline(history.map((f, i) => ({ ...f, position: at(positions[i]!) })));
    const spellsAt = (position: number) =>
      positioned.spellsIn('north', { knownPosition: at(position) }).filter((s) => s.person === 'ann');
    // At position 4 the move is not in the log yet: ann is north from her join on, as far as known.
    expect(positioned.teamOf('ann', '2026-03-12T00:00:00.000Z', { knownPosition: at(4) })).toBe('north');
    expect(spellsAt(4)).toEqual([{ person: 'ann', from: null, to: null }]);
    // At position 5 it is: north until 10 Mar.
    expect(positioned.teamOf('ann', '2026-03-12T00:00:00.000Z', { knownPosition: at(5) })).toBe('south');
    expect(spellsAt(5)).toEqual([{ person: 'ann', from: null, to: '2026-03-10T09:00:00.000Z' }]);
  });

  it('takes the position from a later delivery of a fact applied first without one', () => {
    const org = new OrgTimeline();
    const join = fact('ann', 0, '2026-01-05T09:00:00.000Z', joined);
    org.apply(join); // just appended: no position at hand
    const early = { knownPosition: '00000000000000000001' };
    expect(org.teamOf('ann', '2026-02-01T00:00:00.000Z', early)).toBe('north'); // counts as known
    expect(org.apply({ ...join, position: '00000000000000000007' })).toBe(false);
    expect(org.teamOf('ann', '2026-02-01T00:00:00.000Z', early)).toBeUndefined();
    expect(org.teamOf('ann', '2026-02-01T00:00:00.000Z', { knownPosition: '00000000000000000007' })).toBe(
      'north',
    );
  });

  it('lists the members at an instant and as the org stands', () => {
    expect(org.membersAt('2026-02-01T00:00:00.000Z').map((m) => [m.id, m.team])).toEqual([
      ['mia', 'north'],
      ['ann', 'north'],
    ]);
    expect(org.membersAt('2025-12-01T00:00:00.000Z')).toEqual([]);
    expect(org.current()).toEqual([
      { id: 'mia', name: 'Mia', orgRoles: ['manager'], team: 'north', manager: null },
    ]);
  });

  it('gives the spells credited to a team: a change of manager or role inside it continues the spell', () => {
    expect(org.spellsIn('north')).toEqual([
      { person: 'mia', from: null, to: null },
      { person: 'ann', from: null, to: '2026-03-10T09:00:00.000Z' },
    ]);
    expect(org.spellsIn('south')).toEqual([{ person: 'ann', from: '2026-03-10T09:00:00.000Z', to: null }]);
  });

  it('applies each fact once, whoever feeds it, and skips a fact the machine refuses', () => {
    const fed = new OrgTimeline();
    expect(fed.apply(history[1]!)).toBe(true);
    expect(fed.apply(history[1]!)).toBe(false);
    const version = fed.version;
    expect(
      fed.apply(
        fact('ann', 1, '2026-02-01T00:00:00.000Z', { ...moved, data: { ...moved.data, team: 'north' } }),
      ),
    ).toBe(false);
    expect(fed.version).toBe(version);
    expect(fed.teamOf('ann', '2026-02-02T00:00:00.000Z')).toBe('north');
  });
});
