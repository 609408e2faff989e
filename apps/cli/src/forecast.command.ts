import type { BacktestResponse, ForecastResponse } from '@ltc/read-models';
import { getFromApi, streamFromApi, type ApiAnswer } from './api-client';
import type { CliCommand } from './commands';
import { backtestCsv, backtestTable, forecastCsv, forecastTable } from './forecast.format';
import { ProgressBar } from './progress-bar';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The query of the options present: `--as-of` is `asOf`, and so on. */
function queryOf(values: Record<string, unknown>, names: Readonly<Record<string, string>>): string {
  const q = new URLSearchParams();
  for (const [option, param] of Object.entries(names)) {
    const value = text(values[option]);
    if (value !== undefined) q.set(param, value);
  }
  return q.toString();
}

const SCOPE = { method: 'method', team: 'team', owner: 'owner', currency: 'currency' };

function formatOf(values: Record<string, unknown>): 'table' | 'json' | 'csv' {
  const format = text(values['format']) ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'csv')
    throw new Error(`--format must be table, json or csv, got "${format}"`);
  return format;
}

/** A refusal as one line: `ltc forecast: 400 horizon: <message> (<endpoint>)`. */
function refusal(label: string, answer: ApiAnswer): number {
  const { message, errors } = answer.body as {
    message?: unknown;
    errors?: { field: string; messages: string[] }[];
  };
  const said =
    errors?.map((e) => `${e.field}: ${e.messages.join('; ')}`).join('; ') ??
    (Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : '');
  process.stderr.write(`ltc ${label}: ${answer.status} ${said} (${answer.endpoint})\n`);
  return 1;
}

async function forecast(values: Record<string, unknown>): Promise<number> {
  const format = formatOf(values);
  const query = queryOf(values, { horizon: 'horizon', 'as-of': 'asOf', 'known-at': 'knownAt', ...SCOPE });
  const answer = await getFromApi('forecast', values, `/api/forecasts${query === '' ? '' : `?${query}`}`);
  if (answer === undefined) return 1;
  if (!answer.ok) return refusal('forecast', answer);
  const body = answer.body as unknown as ForecastResponse;
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify(body, null, 2)}\n`
      : format === 'csv'
        ? forecastCsv(body)
        : forecastTable(body),
  );
  return 0;
}

async function backtest(values: Record<string, unknown>): Promise<number> {
  const format = formatOf(values);
  if (text(values['from']) === undefined || text(values['to']) === undefined)
    throw new Error('usage: ltc forecast backtest --from <date> --to <date> (see ltc forecast --help)');
  const query = queryOf(values, {
    from: 'from',
    to: 'to',
    every: 'every',
    horizon: 'horizon',
    trials: 'trials',
    ...SCOPE,
  });
  let bar: ProgressBar | undefined;
  let result: BacktestResponse | undefined;
  let failure: string | undefined;
  const answer = await streamFromApi(
    'forecast backtest',
    values,
    `/api/forecasts/backtest?${query}`,
    (line) => {
      const progress = line['progress'] as { week: number; weeks: number } | undefined;
      if (progress !== undefined) {
        bar ??= new ProgressBar('backtest', progress.weeks, 'weeks');
        bar.update(progress.week);
      } else if (line['backtest'] !== undefined) result = line['backtest'] as BacktestResponse;
      else if (line['error'] !== undefined) failure = JSON.stringify(line['error']);
    },
  );
  if (answer === undefined) return 1;
  if (!answer.ok) return refusal('forecast backtest', answer);
  if (result === undefined) {
    process.stderr.write(
      `ltc forecast backtest: the api stopped before the answer: ${failure ?? 'no answer'}\n`,
    );
    return 1;
  }
  bar?.done(`backtest: ${result.rows.length} weeks`);
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : format === 'csv'
        ? backtestCsv(result)
        : backtestTable(result),
  );
  return 0;
}

/** `ltc forecast [backtest]`: the forecast, or its backtest, through the running api. */
export const forecastCommand: CliCommand = {
  name: 'forecast',
  summary: 'forecast: every method for a horizon, or `backtest` them week by week (via the running api)',
  usage: `Usage: ltc forecast [--horizon <period>] [--as-of <instant>] [--known-at <instant|position>] [--method <m,…>] [--format table|json|csv]
       ltc forecast backtest --from <date> --to <date> [--every week] [--horizon quarter|month|<period>] [--method <m,…>] [--trials <n>] [--format table|json|csv]

forecast: the amount expected won in the horizon (2026-Q4, 2026-11; default the quarter of --as-of)
per method (stage-weighted, category-weighted, historical, monte-carlo), from the pipeline as it stood
at --as-of, as known at --known-at: expected, already won, from open deals, and Monte Carlo's P10, P50
and P90. A rep sees their own deals, a manager the team's, sales operations everyone's.

backtest: every method's forecast as known at each week from --from to --to (at most 105 weeks), beside
what was won in its horizon (before W, from deals open at W, from deals created after W), the calls in
force, and per method MAPE, bias and the Brier score. A progress bar on stderr while the api samples.

Options:
  --horizon <h>       forecast: a period; backtest: quarter (default), month or one period
  --as-of <when>      forecast: the business instant (default now)
  --known-at <when>   forecast: an ISO-8601 instant or a log position: as the log stood then
  --from, --to        backtest: the first and the last week
  --every <step>      backtest: week (the only step)
  --method <m,…>      the methods (default all)
  --trials <n>        backtest: Monte Carlo trials per week (default 1000)
  --team, --owner     the deals of a team or of one owner
  --currency <code>   the reporting currency (default EUR)
  --format <f>        table (default), json or csv
  --url <url>         the api (default: LTC_URL, else http://localhost:$PORT, PORT defaulting to 3000)
  --key <key>         an API key from \`ltc users add\` (default: LTC_API_KEY)

Environment: LTC_URL, LTC_API_KEY, PORT.
`,
  options: {
    horizon: { type: 'string' },
    'as-of': { type: 'string' },
    'known-at': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    every: { type: 'string' },
    method: { type: 'string' },
    trials: { type: 'string' },
    team: { type: 'string' },
    owner: { type: 'string' },
    currency: { type: 'string' },
    format: { type: 'string' },
    url: { type: 'string' },
    key: { type: 'string' },
  },
  run: async (values, [action, ...rest]) => {
    if (rest.length > 0 || (action !== undefined && action !== 'backtest'))
      throw new Error('usage: ltc forecast [backtest] … (see ltc forecast --help)');
    return action === 'backtest' ? backtest(values) : forecast(values);
  },
};
