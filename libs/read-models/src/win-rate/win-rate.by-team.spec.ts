import { OrgTimeline, type PersonFact } from '@ltc/workflow-person';
import { DealScript, dayOf, eur, History } from '../../test/support/history';
import { projected } from '../../test/support/projected';
import { activityProjection } from '../activity/activity.projection';
import { activityReport } from '../activity/activity.queries';
import { winRateProjection } from './win-rate.projection';
import { winRates } from './win-rate.queries';

// Ann and bob sell in east; on 10 Mar ann moves to west. The move was recorded late, on 1 May.
//   a-feb ann  won  10 Feb  EUR 50,000.00   (ann in east then)
//   b-feb bob  won  14 Feb  EUR 30,000.00
//   b-apr bob  lost 06 Apr  EUR 20,000.00
//   a-apr ann  won  11 Apr  EUR 70,000.00   (ann in west then)
const MOVED = '2026-03-10T09:00:00.000Z';
const RECORDED = '2026-05-01T08:00:00.000Z';
const joined = (person: string): PersonFact => ({
  person,
  revision: 0,
  occurredAt: '2026-01-02T09:00:00.000Z',
  event: { type: 'PersonJoined', data: { name: person, orgRoles: ['rep'], team: 'east', manager: null } },
});
const org = new OrgTimeline([
  joined('ann'),
  joined('bob'),
  {
    person: 'ann',
    revision: 1,
    occurredAt: MOVED,
    recordedAt: RECORDED,
    event: { type: 'PersonMovedTeam', data: { team: 'west', previousTeam: 'east', reason: null } },
  },
]);

function history(): History {
  const h = new History();
  const deal = (id: string, owner: string, amountMinor: number) =>
    new DealScript(h, id, { owner, amount: eur(amountMinor), triangle: { AR: owner, SR: owner, FR: owner } })
      .open(0)
      .toBid(1);
  deal('a-feb', 'ann', 5_000_000).win(dayOf('2026-02-10'));
  deal('b-feb', 'bob', 3_000_000).win(dayOf('2026-02-14'));
  deal('b-apr', 'bob', 2_000_000).lose(dayOf('2026-04-06'), 'price', 'Globex');
  deal('a-apr', 'ann', 7_000_000).win(dayOf('2026-04-11'));
  return h;
}

describe('by team: the team a person was in when the fact occurred', () => {
  let run: Awaited<ReturnType<typeof projected>>;
  beforeAll(async () => (run = await projected(history(), [winRateProjection, activityProjection])));
  afterAll(() => run.close());
  const rates = (query: Parameters<typeof winRates>[1]) => winRates(run.model(winRateProjection), query);
  const pick = (r: ReturnType<typeof rates>) =>
    r.groups.map((g) => [g.key, g.won, g.lost, g.winRate, g.wonAmount]);

  it('keeps ann’s February win with east and credits her April win to west', () => {
    // east: a-feb won + b-feb won + b-apr lost = 2 / (2 + 1) = 0.6667, 50,000.00 + 30,000.00 won;
    // west: a-apr won = 1 / (1 + 0) = 1, 70,000.00 won.
    expect(pick(rates({ by: 'team', teamOf: (p, at) => org.teamOf(p, at) }))).toEqual([
      ['east', 2, 1, 0.6667, [eur(5_000_000 + 3_000_000)]],
      ['west', 1, 0, 1, [eur(7_000_000)]],
    ]);
  });

  it('as known before the late move was recorded, both of ann’s wins are east’s', () => {
    const knownAt = '2026-04-30T00:00:00.000Z';
    // east: 3 won / (3 + 1) = 0.75.
    expect(pick(rates({ by: 'team', teamOf: (p, at) => org.teamOf(p, at, { knownAt }) }))).toEqual([
      ['east', 3, 1, 0.75, [eur(5_000_000 + 3_000_000 + 7_000_000)]],
    ]);
  });

  it('filters a team by its members’ spells: west has only the April win, east the rest', () => {
    const total = (team: string) => rates({ by: 'rep', filter: { team: org.spellsIn(team) } }).total;
    expect(total('west')).toMatchObject({ won: 1, lost: 0, wonAmount: [eur(7_000_000)] });
    expect(total('east')).toMatchObject({ won: 2, lost: 1, wonAmount: [eur(8_000_000)] });
  });

  it('counts activity for the team the rep was in on the day', () => {
    const won = (team: string) =>
      activityReport(run.model(activityProjection), { unit: 'month', team: org.spellsIn(team) })
        .filter((r) => r.opportunities.won > 0)
        .map((r) => [r.rep, r.period, r.opportunities.won]);
    expect(won('east')).toEqual([
      ['ann', '2026-02', 1],
      ['bob', '2026-02', 1],
    ]);
    expect(won('west')).toEqual([['ann', '2026-04', 1]]);
  });
});
