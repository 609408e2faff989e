import { orgWorld } from '../../test/org-world';

describe('OrgDirectory: the org from the person streams of the log', () => {
  it('reads the backlog on start, follows new person events, and answers actors from the log', async () => {
    const world = orgWorld();
    await world.join('mia', 'manager', 'north');
    await world.join('ann', 'rep', 'north', 'mia');
    await world.org.start();
    expect(await world.org.actor('ann')).toEqual({ id: 'ann', roles: ['rep'], team: 'north' });
    expect(world.org.org().manages('mia', 'ann')).toBe(true);

    world.clock.set('2026-03-10T09:00:00.000Z');
    await world.send('ann', { type: 'MovePersonToTeam', data: { team: 'south' } });
    await new Promise((done) => setImmediate(done));
    expect(world.org.org().teamOf('ann')).toBe('south');
    expect(world.org.timeline.teamOf('ann', '2026-02-01T00:00:00.000Z')).toBe('north');
    world.org.onModuleDestroy();
  });

  it('reads a person it has not heard of from their stream (a key added a moment ago works at once)', async () => {
    const world = orgWorld();
    await world.join('cat', 'rep', 'south');
    // Never started: only the direct read can know cat.
    expect(await world.org.actor('cat')).toEqual({ id: 'cat', roles: ['rep'], team: 'south' });
    expect(await world.org.actor('nobody')).toBeUndefined();
  });

  it('gives no actor for a person who left', async () => {
    const world = orgWorld();
    await world.join('cat', 'rep', 'south');
    world.clock.set('2026-02-01T00:00:00.000Z');
    await world.send('cat', { type: 'RecordPersonLeft', data: {} });
    expect(await world.org.actor('cat')).toBeUndefined();
    expect(world.org.timeline.teamOf('cat', '2026-06-01T00:00:00.000Z')).toBe('south');
  });
});
