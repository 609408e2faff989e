import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { loadClientConfig } from '@ltc/config';
import type { CliCommand } from './commands';
import { unreachable } from './api-client';
import { ProgressBar } from './progress-bar';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

type LineAnswer = {
  line?: number;
  status?: string;
  code?: string;
  rule?: string;
  reason?: string;
  reactionFailures?: string[];
  summary?: Record<string, number | null>;
  error?: { message?: string };
};

/** Streams the file to `POST /api/import` and yields each answer line as it arrives. */
async function* send(
  url: string,
  key: string,
  file: string,
  query: Record<string, string>,
): AsyncGenerator<LineAnswer> {
  const endpoint = `${url}/api/import?${new URLSearchParams(query).toString()}`;
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    });
  } catch (error) {
    throw new Error(
      `could not reach the api at ${url} (${unreachable(error)}): start it (\`ltc serve\`) or point LTC_URL ` +
        'or --url at a running api',
    );
  }
  if (!res.ok || res.body === null) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(`${res.status} ${body.message ?? res.statusText} (${endpoint})`);
  }
  const lines = createInterface({
    input: Readable.fromWeb(res.body),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as LineAnswer;
}

const describe = (a: LineAnswer) =>
  `line ${a.line}: ${a.code}${a.rule === undefined ? '' : ` (${a.rule})`}: ${a.reason}`;

/**
 * `ltc import <file.jsonl> [--on-error stop|skip]`: sends a history file to the running api's
 * `POST /api/import` (an admin's key), which runs each line through the pipeline and the process
 * managers; shows progress and every refused line with its number and reason.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import history: one command per line of a JSONL file, run through the api at its business time',
  usage: `Usage: ltc import <file.jsonl> [--on-error stop|skip] [--dry-run] [--url <api url>] [--key <api key>]

Sends the file to the running api (POST /api/import), which runs each line in order through the
workflows at the line's occurredAt, then the process managers' reactions at the same business time.
A line: {"type": "<command>", "target": "<id>", "body": {...}, "actor": "<person id>",
"occurredAt": "<ISO instant>", "id"?: "<key>", "kind"?: "opportunity|contract"} (see the README's Import).
Imported events carry imported: true and recordedAt = the import time. Re-running a file appends
nothing new: a line's key is its id, else a digest of its number and content.

Options:
  --on-error <mode>  stop (default): first check every line (JSON, command type, dates, business-time
                     order) and import nothing if one is bad; then stop at the first refused line.
                     skip: report refused lines and go on.
  --dry-run          only check the lines; append nothing
  --url <url>        the api (default: LTC_URL, else http://localhost:$PORT)
  --key <key>        an admin's API key (default: LTC_API_KEY)

Exit status: 0 when every line was applied (or already was), 1 when a line was refused, 2 on a usage error.

Environment: LTC_URL, LTC_API_KEY, PORT.
`,
  options: {
    'on-error': { type: 'string' },
    'dry-run': { type: 'boolean' },
    url: { type: 'string' },
    key: { type: 'string' },
  },
  run: async (values, [file, ...extra]) => {
    if (file === undefined || extra.length > 0)
      throw new Error('usage: ltc import <file.jsonl> [--on-error stop|skip]');
    const onError = text(values['on-error']) ?? 'stop';
    if (onError !== 'stop' && onError !== 'skip') throw new Error('--on-error must be stop or skip');
    const url = text(values['url']);
    const key = text(values['key']);
    const client = loadClientConfig(process.env, {
      ...(url === undefined ? {} : { url }),
      ...(key === undefined ? {} : { key }),
    });
    if (client.apiKey === undefined) throw new Error('give an admin API key with --key or LTC_API_KEY');
    let total: number;
    try {
      total = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length;
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as Error).message}`);
    }
    const err = (line: string) => process.stderr.write(`${line}\n`);
    try {
      const dryRun = values['dry-run'] === true;
      if (onError === 'stop' || dryRun) {
        // Nothing partial from bad input: every line is checked before the first one runs.
        const bad: LineAnswer[] = [];
        for await (const a of send(client.url, client.apiKey, file, { dryRun: 'true', onError: 'skip' })) {
          if (a.status === 'refused') bad.push(a);
        }
        for (const a of bad) err(describe(a));
        if (bad.length > 0 && onError === 'stop') {
          err(`ltc import: ${bad.length} of ${total} line(s) are bad; nothing was imported`);
          return 1;
        }
        if (dryRun) {
          process.stdout.write(`${total - bad.length} of ${total} line(s) are valid\n`);
          return bad.length > 0 ? 1 : 0;
        }
      }
      const bar = new ProgressBar('import', total, 'lines');
      let done = 0;
      let summary: Record<string, number | null> | undefined;
      for await (const a of send(client.url, client.apiKey, file, { onError })) {
        if (a.summary !== undefined) summary = a.summary;
        else if (a.error !== undefined) throw new Error(a.error.message ?? 'the import stopped');
        else {
          done++;
          if (a.status === 'refused') err(describe(a));
          for (const failure of a.reactionFailures ?? []) err(`line ${a.line}: reaction failed: ${failure}`);
          bar.update(done);
        }
      }
      const s = summary ?? {};
      bar.done(
        `imported ${String(s['applied'] ?? 0)} line(s), ${String(s['duplicate'] ?? 0)} already imported, ` +
          `${String(s['refused'] ?? 0)} refused` +
          (s['stoppedAt'] === null || s['stoppedAt'] === undefined
            ? ''
            : `; stopped at line ${String(s['stoppedAt'])} (${String(s['notRun'])} line(s) not run)`),
      );
      return Number(s['refused'] ?? 0) > 0 ? 1 : 0;
    } catch (error) {
      err(`ltc import: ${(error as Error).message}`);
      return 1;
    }
  },
};
