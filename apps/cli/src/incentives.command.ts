import type { IncentiveStatement, LineExplanation } from '@ltc/read-models';
import { getFromApi, postToApi, type ApiAnswer } from './api-client';
import type { CliCommand } from './commands';
import { explanationText, statementTable } from './incentives.format';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

type Action = (values: Record<string, unknown>, args: string[]) => Promise<number>;

/** `ltc incentives close <period> --plan <id>` (or `<planId>.<period>`): closes a period via the api. */
const close: Action = async (values, [period]) => {
  const plan = text(values['plan']);
  if (period === undefined) throw new Error('usage: ltc incentives close <period> --plan <plan id>');
  const id = plan === undefined ? period : `${plan}.${period}`;
  if (!id.includes('.')) throw new Error('name the plan: ltc incentives close <period> --plan <plan id>');
  const answer = await postToApi(
    'incentives close',
    values,
    `/api/incentives/periods/${encodeURIComponent(id)}/close`,
    {},
  );
  if (answer === undefined) return 1;
  if (!answer.ok) return refusal('close', answer);
  const event = ((answer.body['events'] ?? []) as { id?: string; metadata?: { recordedAt?: string } }[])[0];
  process.stdout.write(
    `closed ${id}: its statements are frozen at event ${event?.id ?? '?'} (recorded ${event?.metadata?.recordedAt ?? '?'})\n`,
  );
  return 0;
};

/** A refusal as one line: `ltc incentives <action>: <status> <rule>: <message> (<endpoint>)`. */
function refusal(action: string, answer: ApiAnswer): number {
  const { message, rule } = answer.body as { message?: unknown; rule?: string };
  const said = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : '';
  process.stderr.write(
    `ltc incentives ${action}: ${answer.status}${rule === undefined ? '' : ` ${rule}`}: ${said} (${answer.endpoint})\n`,
  );
  return 1;
}

function formatOf(values: Record<string, unknown>, allowed: readonly string[]): string {
  const format = text(values['format']) ?? allowed[0] ?? '';
  if (!allowed.includes(format)) throw new Error(`--format must be ${allowed.join(' or ')}, got "${format}"`);
  return format;
}

/** `?knownAt=&planId=` of the statement routes, from `--known-at` and `--plan`. */
function statementQuery(values: Record<string, unknown>): string {
  const q = new URLSearchParams();
  const knownAt = text(values['known-at']);
  const plan = text(values['plan']);
  if (knownAt !== undefined) q.set('knownAt', knownAt);
  if (plan !== undefined) q.set('planId', plan);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

const statementPath = (person: string, period: string): string =>
  `/api/incentives/statements/${encodeURIComponent(person)}/${encodeURIComponent(period)}`;

/** GETs `path` and prints the answer: as `render` shows it (`--format table`) or as JSON (`--format json`). */
async function show<T>(
  action: string,
  values: Record<string, unknown>,
  path: string,
  render: (answer: T) => string,
): Promise<number> {
  const format = formatOf(values, ['table', 'json']);
  const answer = await getFromApi(`incentives ${action}`, values, `${path}${statementQuery(values)}`);
  if (answer === undefined) return 1;
  if (!answer.ok) return refusal(action, answer);
  process.stdout.write(
    format === 'json' ? `${JSON.stringify(answer.body, null, 2)}\n` : render(answer.body as unknown as T),
  );
  return 0;
}

/** `ltc incentives statement <person> <period> [--plan P] [--known-at T] [--format table|json]`. */
const statement: Action = (values, [person, period]) => {
  if (person === undefined || period === undefined)
    throw new Error(
      'usage: ltc incentives statement <person> <period> [--plan <plan id>] [--known-at <instant>]',
    );
  return show<IncentiveStatement>('statement', values, statementPath(person, period), statementTable);
};

/** `ltc incentives explain <person> <period> <lineId> [--plan P] [--known-at T] [--format table|json]`. */
const explain: Action = (values, [person, period, lineId]) => {
  if (person === undefined || period === undefined || lineId === undefined)
    throw new Error('usage: ltc incentives explain <person> <period> <line id> [--plan <plan id>]');
  const path = `${statementPath(person, period)}/lines/${encodeURIComponent(lineId)}/explain`;
  return show<LineExplanation>('explain', values, path, explanationText);
};

/** `ltc incentives export <period> --plan P --format csv`: the payroll CSV on stdout. */
const exportPayroll: Action = async (values, [period]) => {
  const plan = text(values['plan']);
  if (period === undefined)
    throw new Error('usage: ltc incentives export <period> --plan <plan id> --format csv');
  const id = plan === undefined ? period : `${plan}.${period}`;
  if (!id.includes('.')) throw new Error('name the plan: ltc incentives export <period> --plan <plan id>');
  formatOf(values, ['csv']);
  const answer = await getFromApi(
    'incentives export',
    values,
    `/api/incentives/periods/${encodeURIComponent(id)}/export?format=csv`,
  );
  if (answer === undefined) return 1;
  if (!answer.ok) return refusal('export', answer);
  process.stdout.write(answer.text);
  return 0;
};

/** The subcommands of `ltc incentives`, by name. */
export const INCENTIVE_ACTIONS: Readonly<Record<string, Action>> = {
  statement,
  explain,
  export: exportPayroll,
  close,
};

/**
 * `ltc incentives <action>`: incentive periods and statements through the running api. The url defaults
 * to LTC_URL, else `http://localhost:$PORT`; the key to LTC_API_KEY.
 */
export const incentives: CliCommand = {
  name: 'incentives',
  summary:
    'incentives: `statement`, `explain` a line, `export` a payroll CSV, `close` a period (via the running api)',
  usage: `Usage: ltc incentives statement <person> <period> [--plan <plan id>] [--known-at <instant|position>] [--format table|json]
       ltc incentives explain <person> <period> <line id> [--plan <plan id>] [--known-at <instant|position>] [--format table|json]
       ltc incentives export <period> --plan <plan id> [--format csv]
       ltc incentives close <period> --plan <plan id>
       ltc incentives close <plan id>.<period>

statement: a person's statement for a period (2026-11 for a month, 2026-Q4 for a quarter): its lines,
the adjustments paid in it for closed periods (what they correct, before, after, delta and the reason)
and the totals, amounts exact to the cent in the plan currency. A closed period is the statement as
frozen at its close; --known-at answers as the log stood at an instant or log position. A rep reads
their own, a manager their people's, sales operations everyone's.

explain: one line of that statement (the line ids are in the statement's first column): the formula with
its numbers, step by step, and the events it came from (id, type, actor, occurred and recorded).

export: the payroll export of a period as CSV on stdout: one row per person with what the period earned,
the adjustments, the balance brought in, the total to pay and the balance carried out (sales operations
or an admin).

close: closes a period: its statements freeze at that point of the log, and later changes to it become
adjustments in the open period. Closed is final: a second close is refused (409). The key's user must
be in sales operations, an admin, or a manager of one of the plan's participants.

Options:
  --plan <id>         the plan the period belongs to (statement, explain: default the person's first plan)
  --known-at <when>   an ISO-8601 instant or a log position: the statement as known then
  --format <f>        table (default) or json for statement and explain; csv for export
  --url <url>         the api (default: LTC_URL, else http://localhost:$PORT, PORT defaulting to 3000)
  --key <key>         an API key from \`ltc users add\` (default: LTC_API_KEY)

Environment: LTC_URL, LTC_API_KEY, PORT.
`,
  options: {
    plan: { type: 'string' },
    'known-at': { type: 'string' },
    format: { type: 'string' },
    url: { type: 'string' },
    key: { type: 'string' },
  },
  run: async (values, [action, ...args]) => {
    const run = action === undefined ? undefined : INCENTIVE_ACTIONS[action];
    if (run === undefined) {
      throw new Error(
        `usage: ltc incentives ${Object.keys(INCENTIVE_ACTIONS).join('|')} … (see ltc incentives --help)`,
      );
    }
    return run(values, args);
  },
};
