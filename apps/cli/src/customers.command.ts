import type { CliCommand } from './commands';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * `ltc customers sweep [--url http://localhost:3000] [--key <api key>]`: asks the running api to return
 * idle customers to the public pool (the same command its schedule runs). The key may come from
 * LTC_API_KEY and the url from LTC_URL; the key's user must be a manager or admin.
 */
export const customers: CliCommand = {
  name: 'customers',
  summary: 'customer pool: `sweep` returns idle customers to the public pool (via the running api)',
  options: { url: { type: 'string' }, key: { type: 'string' } },
  run: async (values, [action]) => {
    if (action !== 'sweep') throw new Error('usage: ltc customers sweep [--url <api url>] [--key <api key>]');
    const url = (text(values['url']) ?? process.env['LTC_URL'] ?? 'http://localhost:3000').replace(/\/$/, '');
    const key = text(values['key']) ?? process.env['LTC_API_KEY'];
    if (key === undefined) throw new Error('give an API key with --key or LTC_API_KEY');
    const res = await fetch(`${url}/api/customers/sweep`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
    });
    const body = (await res.json()) as {
      returned?: string[];
      skipped?: string[];
      failed?: string[];
      message?: string;
      idleDays?: number;
    };
    if (!res.ok) {
      process.stderr.write(`ltc customers sweep: ${res.status} ${body.message ?? ''}\n`);
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
