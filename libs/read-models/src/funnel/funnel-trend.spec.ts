import { MemoryEventStore } from '@ltc/event-store';
import { openReadModel, sampleAt, type AnyProjection } from '@ltc/projections';
import { appendHistory } from '@ltc/projections/testing';
import { funnelProjection } from './funnel.projection';
import { funnelReport } from './funnel.queries';
import { funnelTrendPoint, stepBack, trendInstants } from './funnel-trend';

describe('funnel trend', () => {
  it('steps by day, week or calendar month, clamping the day to the month (31 Jan -> 28 Feb -> 31 Mar)', () => {
    expect(trendInstants('2026-01-31T00:00:00Z', '2026-04-30T00:00:00Z', 'month')).toEqual([
      '2026-01-31T00:00:00.000Z',
      '2026-02-28T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
      '2026-04-30T00:00:00.000Z',
    ]);
    // 1 Jan + 7 days = 8 Jan, + 14 = 15 Jan; 22 Jan would pass the end (20 Jan).
    expect(trendInstants('2026-01-01', '2026-01-20', 'week')).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-08T00:00:00.000Z',
      '2026-01-15T00:00:00.000Z',
    ]);
    expect(stepBack('2026-03-31T00:00:00.000Z', 'month')).toBe('2026-02-28T00:00:00.000Z');
    expect(() => trendInstants('2020-01-01', '2026-01-01', 'day')).toThrow(/at most 400 points/);
  });

  it('each point has the figures funnelReport gives for the step ending at it (generated history)', async () => {
    const store = new MemoryEventStore();
    await appendHistory(store, { seed: 31, events: 2500, late: { share: 0.1, maxDays: 10 } });
    const instants = trendInstants('2024-02-01', '2025-01-01', 'month');
    const projections = [funnelProjection] as AnyProjection[];
    const samples = await sampleAt(store, projections, instants, ({ readModels, asOf }) => {
      const model = openReadModel(readModels, funnelProjection);
      const period = { from: stepBack(asOf, 'month'), to: asOf };
      // Points after June filtered (strategic deals): the moves join the deals then.
      const filter = asOf.slice(5, 7) > '06' ? { segment: 'strategic' as const } : {};
      const point = funnelTrendPoint(model, { asOf, every: 'month', filter });
      const report = funnelReport(model, { period, now: asOf, filter });
      return { point, report };
    });
    let moved = 0;
    for (const { point, report } of samples.map((s) => s.value)) {
      const { open, amount, won, lost, abandoned } = report.totals;
      expect(point).toMatchObject({ open, amount, won, lost, abandoned });
      expect(point.stages).toEqual(
        report.stages.map(({ stage, deals, amount, entered, exited }) => ({
          stage,
          deals,
          amount,
          entered,
          exited,
        })),
      );
      moved += won + lost;
    }
    expect(moved).toBeGreaterThan(10);
  });
});
