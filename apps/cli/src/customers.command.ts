import { loadClientConfig } from '@ltc/config';
import type { CliCommand } from './commands';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

type SweepAnswer = Partial<{
  returned: string[];
  skipped: string[];
  failed: string[];
  message: string;
  idleDays: number;
}>;

/** Why a request never got an answer: fetch hides it in `cause` ("fetch failed" alone says nothing). */
export function unreachable(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as { message?: unknown } | null)?.message;
  return String(detail ?? error);
}

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
    const url = text(values['url']);
    const key = text(values['key']);
    const client = loadClientConfig(process.env, {
      ...(url === undefined ? {} : { url }),
      ...(key === undefined ? {} : { key }),
    });
    if (client.apiKey === undefined) throw new Error('give an API key with --key or LTC_API_KEY');
    const endpoint = `${client.url}/api/customers/sweep`;
    let res: Response;
    try {
      res = await fetch(endpoint, { method: 'POST', headers: { authorization: `Bearer ${client.apiKey}` } });
    } catch (error) {
      process.stderr.write(
        `ltc customers sweep: could not reach the api at ${client.url} (${unreachable(error)}): start it ` +
          '(`ltc serve`) or point LTC_URL or --url at a running api (PORT sets the default port)\n',
      );
      return 1;
    }
    const body = (await res.json().catch(() => ({}))) as SweepAnswer;
    if (!res.ok) {
      process.stderr.write(
        `ltc customers sweep: ${res.status} ${body.message ?? res.statusText} (${endpoint})\n`,
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
