import type { Journey } from '../agenda';
import { DAY, HOUR, isoDate, isWeekend, startOfDay } from '../calendar';
import type { DemoActivity, DemoContext } from '../demo-context';
import type { DemoDeal } from '../demo-world';
import type { Random } from '../random';

const BASE = 'EUR';
/** Where the demo's rates start (1 unit = this many EUR) and how far a month may move them. */
const START_RATES: Readonly<Record<string, number>> = { USD: 0.92, GBP: 1.17 };
const MONTHLY_DRIFT = 0.015;

const quarterOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
};
const inQuarter = (date: string, quarter: string): boolean => quarterOf(Date.parse(date)) === quarter;
const firstOfNextMonth = (ms: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};
/** Monday 09:00 UTC of the week after `ms`. */
const nextMonday = (ms: number): number => {
  let day = startOfDay(ms) + DAY;
  while (new Date(day).getUTCDay() !== 1) day += DAY;
  return day + 9 * HOUR;
};
/** Minor units rounded to whole thousands of the currency (how people say a call). */
const thousands = (minor: number): number => Math.max(0, Math.round(minor / 1000_00) * 1000_00);

/**
 * Sales operations publish a table of rates against EUR for the history's first day and then on the
 * first working day of every month (in force from the 1st), each rate drifting a little; once, past
 * the middle of the history, a table is published again for the same day with a corrected USD rate.
 */
async function* rateTables(context: DemoContext, random: Random, rates: Map<string, number>): Journey {
  const target = { kind: 'exchange-rates', id: BASE } as const;
  const { start, end } = context.size;
  const publish = (effectiveFrom: string, note: string) =>
    context.send(
      target,
      {
        type: 'PublishExchangeRates',
        data: {
          base: BASE,
          effectiveFrom,
          rates: [...rates].map(([currency, rate]) => ({ currency, rate: rate.toFixed(4) })),
          note,
        },
      },
      'ops-1',
    );
  await publish(isoDate(start), 'opening rates of the history');
  let corrected = false;
  for (let month = firstOfNextMonth(start); ; month = firstOfNextMonth(month)) {
    let at = month + 8 * HOUR;
    while (isWeekend(at)) at += DAY;
    if (at >= end) return;
    yield at + random.int(0, 90) * 60_000;
    for (const [currency, rate] of rates)
      rates.set(currency, rate * (1 + (random.next() * 2 - 1) * MONTHLY_DRIFT));
    await publish(isoDate(month), `month-start rates ${isoDate(month).slice(0, 7)}`);
    if (!corrected && month > start + (end - start) * 0.5) {
      corrected = true;
      yield context.after(random.int(2, 5), random);
      rates.set('USD', rates.get('USD')! * (1 + (random.next() - 0.5) * 0.01));
      await publish(isoDate(month), 'corrected: the USD fixing was taken from the wrong day');
    }
  }
}

type Call = { commitMinor: number; bestCaseMinor: number };

/** A rep's view of their open deals closing in `quarter`, in EUR at today's rates, with human noise. */
function repCall(deals: DemoDeal[], quarter: string, rates: Map<string, number>, random: Random): Call {
  let commit = 0;
  let best = 0;
  for (const deal of deals) {
    if (!inQuarter(deal.expectedCloseDate, quarter)) continue;
    const eur =
      deal.amount.amountMinor * (deal.amount.currency === BASE ? 1 : (rates.get(deal.amount.currency) ?? 1));
    if (deal.category === 'commit') commit += eur;
    if (deal.category === 'commit' || deal.category === 'best-case') best += eur;
  }
  // Sandbagging or optimism: most reps shade the commit down, some round it up.
  const commitMinor = thousands(commit * (0.8 + random.next() * 0.35));
  const bestCaseMinor = Math.max(commitMinor, thousands(best * (0.9 + random.next() * 0.25)));
  return { commitMinor, bestCaseMinor };
}

const NOTES = [
  'two deals waiting on the board meeting',
  'procurement asked for a final discount',
  'legal review of the contract is under way',
  'the sponsor confirmed the budget',
  'no change since last week',
  'one deal may slip to next quarter',
];

/**
 * Every Monday each account manager calls their own deals for the current quarter and each sales
 * manager the team's (the reps' calls with the manager's own judgement), in EUR.
 */
async function* weeklyCalls(context: DemoContext, random: Random, rates: Map<string, number>): Journey {
  const { world } = context;
  const { end } = context.size;
  for (let at = nextMonday(context.now); at < end; at = nextMonday(at)) {
    yield at + random.int(0, 120) * 60_000;
    const quarter = quarterOf(context.now);
    const teams = new Map<string, Call>();
    for (const rep of world.byJob('account')) {
      const mine = [...world.deals.values()].filter((d) => d.owner === rep.id);
      const call = repCall(mine, quarter, rates, random);
      const team = teams.get(rep.team) ?? { commitMinor: 0, bestCaseMinor: 0 };
      team.commitMinor += call.commitMinor;
      team.bestCaseMinor += call.bestCaseMinor;
      teams.set(rep.team, team);
      await context.send(
        { kind: 'forecast-call', id: `own.${rep.id}.${quarter}` },
        {
          type: 'MakeForecastCall',
          data: {
            scope: 'own',
            personId: rep.id,
            team: null,
            period: quarter,
            currency: BASE,
            ...call,
            note: random.pick(NOTES),
          },
        },
        rep.id,
      );
    }
    for (const manager of world.byJob('manager')) {
      const reps = teams.get(manager.team) ?? { commitMinor: 0, bestCaseMinor: 0 };
      const commitMinor = thousands(reps.commitMinor * (0.85 + random.next() * 0.25));
      const bestCaseMinor = Math.max(
        commitMinor,
        thousands(reps.bestCaseMinor * (0.9 + random.next() * 0.15)),
      );
      await context.send(
        { kind: 'forecast-call', id: `team.${manager.team}.${quarter}` },
        {
          type: 'MakeForecastCall',
          data: {
            scope: 'team',
            personId: null,
            team: manager.team,
            period: quarter,
            currency: BASE,
            commitMinor,
            bestCaseMinor,
            note:
              commitMinor < reps.commitMinor
                ? 'took a haircut on the reps’ commits'
                : 'backing the team’s commits',
          },
        },
        manager.id,
      );
    }
  }
}

/** Exchange-rate tables and weekly forecast calls (exchange-rates and forecast-call streams). */
export const forecastsActivity: DemoActivity = {
  name: 'forecasts',
  start: (context) => {
    const rates = new Map(Object.entries(START_RATES));
    context.spawn('rate tables', (r) => rateTables(context, r, rates));
    context.spawn('forecast calls', (r) => weeklyCalls(context, r, rates));
  },
};
