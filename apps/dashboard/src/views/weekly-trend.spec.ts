import { weekEnds } from './weekly-trend';

describe('the weeks of the pipeline trend', () => {
  it('ends each week on a Monday 00:00 UTC, the last one at the moment asked for', () => {
    // 2026-12-02 is a Wednesday: this week began Monday 2026-11-30.
    const end = new Date('2026-12-02T15:00:00Z');
    expect(weekEnds(end, 4).map((d) => d.toISOString())).toEqual([
      '2026-11-16T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2026-12-02T15:00:00.000Z',
    ]);
  });

  it('does not repeat a Monday midnight that is the end itself', () => {
    const end = new Date('2026-11-30T00:00:00Z');
    expect(weekEnds(end, 3).map((d) => d.toISOString())).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ]);
  });
});
