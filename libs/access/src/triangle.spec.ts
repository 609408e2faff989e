import { as, org, system } from './testing/org.fixture';
import { knownTriangle, triangleMembers, triangleMemberVotes } from './triangle';

const triangle = { AR: 'ann', SR: 'bob', FR: 'ann' };

describe('iron-triangle rules', () => {
  it('lists each member once', () => {
    expect(triangleMembers(triangle)).toEqual(['ann', 'bob']);
    expect(triangleMembers(null)).toEqual([]);
  });

  it('lets only a member vote: not their manager, not an admin, not the system', () => {
    expect(triangleMemberVotes(as('bob'), triangle)).toEqual({ kind: 'allowed' });
    for (const actor of [as('mia'), as('ada'), system, as('cat')]) {
      expect(triangleMemberVotes(actor, triangle)).toEqual({
        kind: 'refused',
        rule: 'triangleMembersVote',
        reason: "only a member of this deal's iron triangle may vote",
      });
    }
    expect(triangleMemberVotes(as('ann'), null)).toMatchObject({ rule: 'triangleMembersVote' });
  });

  it('lets a member vote only as a role they hold: ann as AR or FR, not as SR', () => {
    expect(triangleMemberVotes(as('ann'), triangle, 'AR')).toEqual({ kind: 'allowed' });
    expect(triangleMemberVotes(as('ann'), triangle, 'FR')).toEqual({ kind: 'allowed' });
    expect(triangleMemberVotes(as('ann'), triangle, 'SR')).toEqual({
      kind: 'refused',
      rule: 'voterHoldsRole',
      reason: 'only the current holder of the role on this deal may vote for it',
    });
    expect(triangleMemberVotes(as('mia'), triangle, 'SR')).toMatchObject({ rule: 'triangleMembersVote' });
  });

  it('names the first role held by someone outside the directory, and leaves absent roles alone', () => {
    expect(knownTriangle(org, 'AssignIronTriangle', { AR: 'ann', SR: 'zed', FR: 'yan' })).toEqual({
      kind: 'invalid',
      command: 'AssignIronTriangle',
      field: 'triangle.SR',
      reason: '"zed" is not a known user',
    });
    expect(knownTriangle(org, 'AssignIronTriangle', { AR: 'ann' })).toEqual({ kind: 'allowed' });
    expect(knownTriangle(org, 'AssignIronTriangle', undefined)).toEqual({ kind: 'allowed' });
  });
});
