import type { BacktestResponse, ForecastResponse, MethodForecast } from '@ltc/read-models';
import { money, table } from './incentives.format';

/** An amount in a CSV cell: two decimals, no thousands separator. */
const plain = (minor: number): string => money(minor).replace(/,/g, '');
const csvOf = (rows: readonly (readonly string[])[]): string => rows.map((r) => `${r.join(',')}\n`).join('');
const share = (value: number | null): string => (value === null ? '-' : value.toFixed(4));

const quantiles = (m: MethodForecast): (number | null)[] =>
  m.method === 'monte-carlo' ? [m.p10Minor, m.p50Minor, m.p90Minor] : [null, null, null];

function forecastRows(f: ForecastResponse, cell: (minor: number) => string): string[][] {
  return [
    ['method', 'expected', 'already_won', 'from_open_deals', 'p10', 'p50', 'p90'],
    ...f.methods.map((m) => [
      m.method,
      cell(m.method === 'monte-carlo' ? m.meanMinor : m.expectedMinor),
      cell(m.alreadyWonMinor),
      cell(m.expectedOpenMinor),
      ...quantiles(m).map((q) => (q === null ? '' : cell(q))),
    ]),
  ];
}

/** `ltc forecast`: one line of what it is about, then a row per method (Monte Carlo: the mean and its quantiles). */
export function forecastTable(f: ForecastResponse): string {
  const known = f.knownAt === null ? '' : `, as known at ${f.knownAt}`;
  const head =
    `forecast of ${f.horizon.period} (${f.horizon.from.slice(0, 10)} to ${f.horizon.to.slice(0, 10)}) as of ${f.asOf}` +
    `${known}: ${f.openDeals} open deals, ${f.currency}\n\n`;
  const excluded = f.excluded.map(
    (e) => `left out: ${e.deals} open deals in ${e.currency} (${money(e.amountMinor)})\n`,
  );
  return head + table(forecastRows(f, money), new Set([1, 2, 3, 4, 5, 6])) + excluded.join('');
}

export const forecastCsv = (f: ForecastResponse): string => csvOf(forecastRows(f, plain));

const commits = (calls: readonly Readonly<{ commitMinor: number }>[]): number | null =>
  calls.length === 0 ? null : calls.reduce((s, c) => s + c.commitMinor, 0);

function backtestRows(b: BacktestResponse, cell: (minor: number) => string): string[][] {
  const optional = (minor: number | null) => (minor === null ? '' : cell(minor));
  return [
    [
      'week',
      'horizon',
      'won',
      'won_before',
      'open_at_w',
      'created_after',
      ...b.methods,
      'rep_calls',
      'manager_calls',
      'settled',
      'reconstructed',
    ],
    ...b.rows.map((r) => [
      r.at.slice(0, 10),
      r.horizon.period,
      cell(r.actual.wonMinor),
      cell(r.actual.wonBeforeMinor),
      cell(r.actual.openAtWMinor),
      cell(r.actual.createdAfterWMinor),
      ...b.methods.map((m) => optional(r.forecasts.find((f) => f.method === m)?.expectedMinor ?? null)),
      optional(commits(r.calls.rep)),
      optional(commits(r.calls.manager)),
      r.settled ? 'yes' : 'no',
      r.reconstructed ? 'yes' : 'no',
    ]),
  ];
}

/** `ltc forecast backtest`: the weeks, then MAPE and bias per source, then Brier per method. */
export function backtestTable(b: BacktestResponse): string {
  const money_ = new Set(Array.from({ length: 5 + b.methods.length }, (_, i) => i + 2));
  let out = `backtest every week from ${b.from.slice(0, 10)} to ${b.to.slice(0, 10)}, horizon ${b.horizon}, ${b.currency}\n\n`;
  out += table(backtestRows(b, money), money_);
  out += '\n';
  out += table(
    [
      ['source', 'rows', 'skipped', 'MAPE', 'bias'],
      ...b.accuracy.map((a) => [a.source, String(a.rows), String(a.skipped), share(a.mape), share(a.bias)]),
    ],
    new Set([1, 2, 3, 4]),
  );
  out += '\n';
  out += table(
    [
      ['method', 'deal-weeks', 'Brier'],
      ...b.calibration.map((c) => [c.method, String(c.predictions), share(c.brier)]),
    ],
    new Set([1, 2]),
  );
  if (b.note !== null) out += `\n${b.note}\n`;
  return out;
}

export const backtestCsv = (b: BacktestResponse): string => csvOf(backtestRows(b, plain));
