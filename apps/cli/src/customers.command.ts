import { postToApi } from './api-client';
import type { CliCommand } from './commands';

type SweepAnswer = Partial<{
  returned: string[];
  skipped: string[];
  failed: string[];
  message: string;
  idleDays: number;
}>;

/**
 * `ltc customers sweep [--url <api url>] [--key <api key>]`: asks the running api to return idle
 * customers to the public pool (the same command its schedule runs). The url defaults to LTC_URL, else
 * `http://localhost:$PORT`; the key to LTC_API_KEY; the key's user must be a manager or admin.
 */
export const customers: CliCommand = {
  name: 'customers',
  summary: 'customer pool: `sweep` returns idle customers to the public pool (via the running api)',
  usage: `Usage: ltc customers sweep [--url <api url>] [--key <api key>]

Asks the running api to return customers idle past the policy to the public pool (what its schedule
runs every SWEEP_INTERVAL_MINUTES). The key's user must be a manager or an admin.

Options:
  --url <url>   the api (default: LTC_URL, else http://localhost:$PORT, PORT defaulting to 3000)
  --key <key>   an API key from \`ltc users add\` (default: LTC_API_KEY)

Environment: LTC_URL, LTC_API_KEY, PORT.
`,
  options: { url: { type: 'string' }, key: { type: 'string' } },
  run: async (values, [action]) => {
    if (action !== 'sweep') throw new Error('usage: ltc customers sweep [--url <api url>] [--key <api key>]');
    const answer = await postToApi('customers sweep', values, '/api/customers/sweep');
    if (answer === undefined) return 1;
    const body = answer.body as SweepAnswer;
    if (!answer.ok) {
      process.stderr.write(
        `ltc customers sweep: ${answer.status} ${body.message ?? ''} (${answer.endpoint})\n`,
      );
      return 1;
    }
    const returned = body.returned ?? [];
    process.stdout.write(
      `returned ${returned.length} customer(s) idle for ${body.idleDays ?? '?'}+ days to the public pool` +
        `${returned.length > 0 ? `: ${returned.join(', ')}` : ''}\n`,
    );
    if ((body.skipped ?? []).length > 0) {
      process.stdout.write(`touched meanwhile, kept: ${(body.skipped ?? []).join(', ')}\n`);
    }
    if ((body.failed ?? []).length > 0)
      process.stdout.write(`could not return: ${(body.failed ?? []).join(', ')}\n`);
    return 0;
  },
};
