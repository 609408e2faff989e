import { postToApi } from './api-client';
import type { CliCommand } from './commands';

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
  if (!answer.ok) {
    const { message, rule } = answer.body as { message?: string; rule?: string };
    process.stderr.write(
      `ltc incentives close: ${answer.status}${rule === undefined ? '' : ` ${rule}`}: ${message ?? ''} (${answer.endpoint})\n`,
    );
    return 1;
  }
  const event = ((answer.body['events'] ?? []) as { id?: string; metadata?: { recordedAt?: string } }[])[0];
  process.stdout.write(
    `closed ${id}: its statements are frozen at event ${event?.id ?? '?'} (recorded ${event?.metadata?.recordedAt ?? '?'})\n`,
  );
  return 0;
};

/** The subcommands of `ltc incentives`, by name. */
export const INCENTIVE_ACTIONS: Readonly<Record<string, Action>> = { close };

/**
 * `ltc incentives <action>`: incentive periods and statements through the running api. The url defaults
 * to LTC_URL, else `http://localhost:$PORT`; the key to LTC_API_KEY.
 */
export const incentives: CliCommand = {
  name: 'incentives',
  summary: 'incentives: `close` a period (via the running api)',
  usage: `Usage: ltc incentives close <period> --plan <plan id> [--url <api url>] [--key <api key>]
       ltc incentives close <plan id>.<period>

Closes an incentive period (2026-11 for a month, 2026-Q4 for a quarter): its statements freeze at that
point of the log, and later changes to it become adjustments in the open period. Closed is final: a
second close is refused (409). The key's user must be in sales operations, an admin, or a manager of one
of the plan's participants.

Options:
  --plan <id>   the plan the period belongs to
  --url <url>   the api (default: LTC_URL, else http://localhost:$PORT, PORT defaulting to 3000)
  --key <key>   an API key from \`ltc users add\` (default: LTC_API_KEY)

Environment: LTC_URL, LTC_API_KEY, PORT.
`,
  options: { plan: { type: 'string' }, url: { type: 'string' }, key: { type: 'string' } },
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
