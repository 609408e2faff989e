import { forecastVisibleTo, mayView, seesAllTeams, visibleTo } from './visibility';
import { as, org, system } from './testing/org.fixture';

describe('visibility: reps see their team’s deals and their own', () => {
  it('lets managers, ops, admins and the system see every team', () => {
    for (const actor of [as('mia'), as('olga'), as('ada'), system]) {
      expect(seesAllTeams(actor)).toBe(true);
      expect(mayView(actor, org, ['cat'])).toBe(true);
      expect(visibleTo(actor, org)).toBeUndefined();
    }
    expect(seesAllTeams(as('ann'))).toBe(false);
  });

  it('shows a rep the work of their team and hides another team’s', () => {
    expect(mayView(as('ann'), org, ['bob'])).toBe(true);
    expect(mayView(as('ann'), org, [null, 'ann'])).toBe(true);
    expect(mayView(as('ann'), org, ['cat', undefined])).toBe(false);
    expect(mayView(as('ann'), org, [])).toBe(false);
  });

  it('shows everyone work marked for everyone', () => {
    expect(mayView(as('cat'), org, ['*'])).toBe(true);
  });

  it('filters read models to the rep and their team', () => {
    expect(visibleTo(as('ann'), org)).toEqual(['ann', 'mia', 'bob']);
    expect(visibleTo({ id: 'new', roles: ['rep'], team: 'south' }, org)).toEqual(['new', 'sam', 'cat']);
    expect(visibleTo({ id: 'new', roles: ['rep'] }, org)).toEqual(['new']);
  });
});

describe('forecast visibility: reps their own deals, managers their team, ops everyone', () => {
  it('narrows each role', () => {
    expect(forecastVisibleTo(as('ann'), org)).toEqual(['ann']);
    expect(forecastVisibleTo(as('mia'), org)).toEqual(['mia', 'ann', 'bob']);
    expect(forecastVisibleTo(as('sam'), org)).toEqual(['sam', 'cat']);
    for (const actor of [as('olga'), as('ada'), system])
      expect(forecastVisibleTo(actor, org)).toBeUndefined();
  });
});
