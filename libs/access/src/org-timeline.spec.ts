import { OrgTimeline, type PersonFact } from '@ltc/workflow-person';
import { orgAsItStands, orgAt } from './org-timeline';
import { mayView, visibleTo } from './visibility';

const joined = (person: string, revision: number, occurredAt: string, team: string, roles = ['rep']) =>
  ({
    person,
    revision,
    occurredAt,
    event: { type: 'PersonJoined', data: { name: person, orgRoles: roles, team, manager: null } },
  }) satisfies PersonFact;

// Ann and bob are in north, cat in south; ann moves to south on 10 Mar.
const timeline = new OrgTimeline([
  joined('ann', 0, '2026-01-05T09:00:00.000Z', 'north'),
  joined('bob', 0, '2026-01-05T09:00:00.000Z', 'north'),
  joined('cat', 0, '2026-01-05T09:00:00.000Z', 'south'),
  {
    person: 'ann',
    revision: 1,
    occurredAt: '2026-03-10T09:00:00.000Z',
    event: { type: 'PersonMovedTeam', data: { team: 'south', previousTeam: 'north', reason: null } },
  },
]);
const ann = { id: 'ann', roles: ['rep'] };

describe('the org the access rules read, from the log', () => {
  it('lets a rep moved to another team see the new team’s work and lose sight of the old team’s from the move on', () => {
    const february = orgAt(timeline, '2026-02-01T00:00:00.000Z');
    expect(mayView(ann, february, ['bob'])).toBe(true);
    expect(mayView(ann, february, ['cat'])).toBe(false);
    const now = orgAsItStands(timeline);
    expect(mayView(ann, now, ['bob'])).toBe(false);
    expect(mayView(ann, now, ['cat'])).toBe(true);
    expect(visibleTo(ann, now)).toEqual(['ann', 'cat']);
    expect(orgAt(timeline, '2026-03-10T09:00:00.000Z').teamOf('ann')).toBe('south');
  });

  it('knows nobody who has not joined yet', () => {
    expect(orgAt(timeline, '2025-12-01T00:00:00.000Z').person('ann')).toBeUndefined();
    expect(orgAsItStands(timeline).person('ann')).toEqual({ id: 'ann', roles: ['rep'], team: 'south' });
  });
});
