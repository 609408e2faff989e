import {
  eventsUntilSnapshot,
  snapshotCountdown,
  snapshotFallsDue,
  snapshotsToDrop,
  whenToCommit,
} from './commit-policy';

const catchingUp = { caughtUp: false, paused: false, snapshotDue: false, commitEvery: 100_000 };

describe('when a batch commits', () => {
  it('commits a live batch at once, however small', () => {
    expect(whenToCommit({ ...catchingUp, caughtUp: true, uncommitted: 1 })).toBe('now');
  });

  it('groups catch-up batches until commitEvery events: 99,000 wait, 100,000 commit', () => {
    expect(whenToCommit({ ...catchingUp, uncommitted: 99_000 })).toBe('later');
    expect(whenToCommit({ ...catchingUp, uncommitted: 100_000 })).toBe('now');
    expect(whenToCommit({ ...catchingUp, uncommitted: 101_000 })).toBe('now');
  });

  it('commits when the subscription is paused (nothing follows soon to group with)', () => {
    expect(whenToCommit({ ...catchingUp, paused: true, uncommitted: 1_000 })).toBe('now');
  });

  it('commits when a snapshot falls due, so snapshots keep their spacing whatever the grouping', () => {
    expect(whenToCommit({ ...catchingUp, snapshotDue: true, uncommitted: 1_000 })).toBe('now');
  });
});

describe('when a snapshot falls due', () => {
  it('counts every events from the newest snapshot: 250,000 committed, last at 200,000, every 100,000 → 50,000 left', () => {
    expect(eventsUntilSnapshot(100_000, 250_000, 200_000)).toBe(50_000);
  });

  it('counts from zero without a snapshot: 30,000 committed, every 100,000 → 70,000 left', () => {
    expect(eventsUntilSnapshot(100_000, 30_000, undefined)).toBe(70_000);
  });

  it('counts batches down: 2,500 left, batches of 1,000 → due on the third', () => {
    const first = snapshotCountdown(2_500, 1_000);
    const second = snapshotCountdown(first.left, 1_000);
    const third = snapshotCountdown(second.left, 1_000);
    expect([first, second, third]).toEqual([
      { left: 1_500, due: false },
      { left: 500, due: false },
      { left: -500, due: true },
    ]);
  });

  it('is due exactly at zero left', () => {
    expect(snapshotCountdown(1_000, 1_000)).toEqual({ left: 0, due: true });
  });

  it('takes one at a commit once every events were handled since the newest', () => {
    expect(snapshotFallsDue(100_000, 199_999, 100_000)).toBe(false);
    expect(snapshotFallsDue(100_000, 200_000, 100_000)).toBe(true);
    expect(snapshotFallsDue(100_000, 100_000, undefined)).toBe(true);
    expect(snapshotFallsDue(100_000, 99_999, undefined)).toBe(false);
  });
});

describe('which snapshots are dropped', () => {
  it('keeps all while the new one stays within the limit: 11 taken + 1 = 12', () => {
    expect(snapshotsToDrop([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toEqual([]);
  });

  it('past the limit drops every other one (the new one is kept): 12 taken → 2, 4, …, 12 go', () => {
    expect(snapshotsToDrop([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('with a smaller limit: 3 taken, keep 3 → the second goes', () => {
    expect(snapshotsToDrop(['a', 'b', 'c'], 3)).toEqual(['b']);
  });
});
