import { MemoryEventStore } from '@ltc/event-store';
import {
  lateEntriesProjection,
  openReadModel,
  ProjectionRunner,
  ReadModelStore,
  replayAsOf,
  type AnyProjection,
  type Moment,
} from '@ltc/projections';
import { tempDir } from '@ltc/projections/testing';
import { DealScript, dayOf, eur, History } from '../test/support/history';
import { activityProjection } from './activity/activity.projection';
import { activityReport } from './activity/activity.queries';
import { auditTimeline } from './audit/audit-timeline';
import { funnelProjection } from './funnel/funnel.projection';
import { funnelReport } from './funnel/funnel.queries';
import { winRateProjection } from './win-rate/win-rate.projection';
import { winRates } from './win-rate/win-rate.queries';

// A contract signed on Friday 20 Nov 2026 is entered on Wednesday 2 Dec, after later facts:
//   a ann   100,000.00 EUR  bid 9 Nov, WON  signed 20 Nov (occurredAt)  recorded 2 Dec 09:00 (late entry)
//   b ann    50,000.00 EUR  bid 9 Nov, LOST 25 Nov                      recorded 25 Nov
//   c ben    30,000.00 EUR  bid 9 Nov, WON  1 Dec                       recorded 1 Dec
// The live runner sees a's win last, after c's: the live read models must still put it in November.
const RECORDED = '2026-12-02T09:00:00.000Z';
function worked(): History {
  const h = new History();
  const bidBy9Nov = (id: string, owner: string, amountMinor: number) =>
    new DealScript(h, id, { owner, amount: eur(amountMinor) })
      .open(dayOf('2026-11-02'))
      .toBid(dayOf('2026-11-03'));
  bidBy9Nov('a', 'ann', 10_000_000).win(dayOf('2026-11-20'));
  h.recordedAt(RECORDED);
  bidBy9Nov('b', 'ann', 5_000_000).lose(dayOf('2026-11-25'), 'price', 'Globex');
  bidBy9Nov('c', 'ben', 3_000_000).win(dayOf('2026-12-01'));
  return h;
}

const PROJECTIONS = [
  funnelProjection,
  winRateProjection,
  activityProjection,
  lateEntriesProjection,
] as AnyProjection[];

describe('business time: a late entry lands in the period it happened', () => {
  jest.setTimeout(30_000);
  const dir = tempDir('ltc-business-time-');
  const store = new MemoryEventStore();
  const readModels = new ReadModelStore({ file: dir.path('read-models.sqlite') });
  const runner = new ProjectionRunner({ store, readModels, projections: PROJECTIONS });

  beforeAll(async () => {
    await runner.start();
    // Followed live, event by event: the late win is the last event the runner sees.
    await worked().into(store);
    await runner.catchUp();
  });
  afterAll(async () => {
    await runner.stop();
    readModels.close();
    dir.remove();
  });

  const byMonth = (rm: ReadModelStore) =>
    winRates(openReadModel(rm, winRateProjection), { by: 'period' }).groups.map((g) => [
      g.key,
      g.won,
      g.lost,
      g.winRate,
    ]);
  const november = { from: '2026-11-01', to: '2026-12-01' };
  const funnelNov = (rm: ReadModelStore, now: string) =>
    funnelReport(openReadModel(rm, funnelProjection), { period: november, now }).totals;

  it('the live win rates and funnel count the deal signed 20 Nov in November, though recorded 2 Dec', () => {
    // November: won 1 (a, signed 20 Nov) / (won 1 + lost 1 (b)) = 0.5; December: c won 1 / 1 = 1.
    expect(byMonth(readModels)).toEqual([
      ['2026-11', 1, 1, 0.5],
      ['2026-12', 1, 0, 1],
    ]);
    // Moves into won/lost in November: a (20 Nov) and b (25 Nov); c's win (1 Dec) is December's.
    expect(funnelNov(readModels, RECORDED)).toMatchObject({ won: 1, lost: 1 });
    // Time in stage by business time: a sat in bidSubmitted from 9 Nov to 20 Nov = 11 days (not 23).
    const funnel = funnelReport(openReadModel(readModels, funnelProjection), {
      period: november,
      now: RECORDED,
    });
    const bid = funnel.stages.find((s) => s.stage === 'open.bidSubmitted');
    // Stays that ended in November: a 11 days (9 -> 20 Nov), b 16 days (9 -> 25 Nov); median 13.5.
    expect(bid?.timeInStage).toMatchObject({ stays: 2, medianDays: 13.5 });
    // Activity by business day: ann's win on 20 Nov, ben's on 1 Dec.
    const won = activityReport(openReadModel(readModels, activityProjection), { unit: 'day' })
      .filter((r) => r.opportunities.won > 0)
      .map((r) => [r.rep, r.period, r.opportunities.won]);
    expect(won).toEqual([
      ['ann', '2026-11-20', 1],
      ['ben', '2026-12-01', 1],
    ]);
  });

  it('the late-entries index holds exactly the one late event, with both times', () => {
    const { db, t } = openReadModel(readModels, lateEntriesProjection);
    expect(db.prepare(`SELECT stream_id, occurred_at, recorded_at FROM ${t.entries}`).all()).toEqual([
      { stream_id: 'opportunity-a', occurred_at: '2026-11-20T00:00:00.000Z', recorded_at: RECORDED },
    ]);
  });

  it('knownAt 1 Dec: a is not yet won (its win was not recorded); asOf 30 Nov as known now: it is', async () => {
    const at = async (moment: Moment, live?: ReadModelStore) => {
      const view = await replayAsOf(store, PROJECTIONS, moment, live === undefined ? {} : { live });
      const answer = { months: byMonth(view.readModels), nov: funnelNov(view.readModels, RECORDED) };
      view.close();
      return answer;
    };
    // As known on 1 Dec 23:59: November has only b's loss: won 0 / (0 + 1) = 0; December c 1 / 1.
    const knownFirst = await at({ knownAt: { instant: '2026-12-01T23:59:59.000Z' } });
    expect(knownFirst.months).toEqual([
      ['2026-11', 0, 1, 0],
      ['2026-12', 1, 0, 1],
    ]);
    expect(knownFirst.nov).toMatchObject({ won: 0, lost: 1 });
    // The world on 30 Nov as known now: a won (20 Nov) and b lost: 1 / 2 = 0.5; c (1 Dec) not yet.
    const endOfNov = await at({ asOf: '2026-11-30T23:59:59.999Z' });
    expect(endOfNov.months).toEqual([['2026-11', 1, 1, 0.5]]);
    // The same answer from the live late-entries index (the log is read only up to 30 Nov + 10 min).
    expect(await at({ asOf: '2026-11-30T23:59:59.999Z' }, readModels)).toEqual(endOfNov);
    // Both: 30 Nov as known on 1 Dec: a's win was not known yet.
    const both = await at({
      asOf: '2026-11-30T23:59:59.999Z',
      knownAt: { instant: '2026-12-01T23:59:59.000Z' },
    });
    expect(both.months).toEqual([['2026-11', 0, 1, 0]]);
  });

  it('asOf versus knownAt on one deal: a on 21 Nov is won (asOf), but was not known to be (knownAt)', async () => {
    const events = await store.readStream('opportunity-a');
    // asOf 21 Nov (business): the win occurred 20 Nov <= 21 Nov, and it is known now: won.
    expect(auditTimeline(events, { asOf: '2026-11-21T00:00:00.000Z' }).state).toBe('won');
    // knownAt 21 Nov: the win was recorded 2 Dec > 21 Nov: still bidSubmitted, as the log held it then.
    expect(auditTimeline(events, { knownAt: { instant: '2026-11-21T00:00:00.000Z' } }).state).toBe(
      'open.bidSubmitted',
    );
    // knownAt 2 Dec 09:00 (the moment it was recorded) and asOf 19 Nov (the day before signing): open.
    expect(
      auditTimeline(events, { asOf: '2026-11-19T23:59:59.999Z', knownAt: { instant: RECORDED } }).state,
    ).toBe('open.bidSubmitted');
  });
});
