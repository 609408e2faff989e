import { org } from './testing/org.fixture';

describe('Org', () => {
  it('answers who manages whom, directly only', () => {
    expect(org.manages('mia', 'ann')).toBe(true);
    expect(org.manages('sam', 'ann')).toBe(false);
    expect(org.manages('mia', 'nobody')).toBe(false);
  });

  it('answers teams', () => {
    expect(org.sameTeam('ann', 'mia')).toBe(true);
    expect(org.sameTeam('ann', 'cat')).toBe(false);
    expect(org.sameTeam('nobody', 'nobody')).toBe(false);
    expect(org.teamOf('cat')).toBe('south');
    expect(org.teamMembers('north')).toEqual(['mia', 'ann', 'bob']);
    expect(org.teamMembers('east')).toEqual([]);
  });
});
