import { getFromApi, postToApi, type ApiAnswer } from './api-client';
import type { CliCommand } from './commands';

type Letter = {
  id: string;
  reaction: string;
  event: { type: string; streamId: string };
  attempts: number;
  lastFailedAt: string;
  error: string;
};
type Outcome = { id: string; status: string; events: number; error?: string };

const USAGE = 'usage: ltc dead-letters [list | retry [<id>]] [--url <api url>] [--key <api key>]';

/** A refused answer printed with its status and message; true when it was one. */
function refused(answer: ApiAnswer): boolean {
  if (answer.ok) return false;
  const message = answer.body['message'];
  process.stderr.write(
    `ltc dead-letters: ${answer.status} ${typeof message === 'string' ? message : ''} (${answer.endpoint})\n`,
  );
  return true;
}

/**
 * `ltc dead-letters [list | retry [<id>]]`: the process managers' reactions that failed, from the
 * running api, and their retry (ops or an admin's key).
 */
export const deadLetters: CliCommand = {
  name: 'dead-letters',
  summary: 'process-manager reactions that failed: `list`, `retry [<id>]` (via the running api)',
  usage: `Usage: ltc dead-letters [list] [--url <api url>] [--key <api key>]
       ltc dead-letters retry [<id>] [--url <api url>] [--key <api key>]

list (the default) prints the reactions that failed on an event and wait for a retry, oldest first: a
refusal is kept at once, an infrastructure error after 3 attempts. retry runs each one's reaction again on
its event (or only <id>): a success removes it. The key's user must be in sales operations or an admin.
Exit status: 0 when none is left (list: none waits), 1 otherwise.

Options:
  --url <url>   the api (default: LTC_URL, else http://localhost:$PORT, PORT defaulting to 3000)
  --key <key>   an API key from \`ltc users add\` (default: LTC_API_KEY)

Environment: LTC_URL, LTC_API_KEY, PORT.
`,
  options: { url: { type: 'string' }, key: { type: 'string' } },
  run: async (values, [action = 'list', id]) => {
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (action === 'list' && id === undefined) {
      const answer = await getFromApi('dead-letters', values, '/api/process-managers/dead-letters');
      if (answer === undefined || refused(answer)) return 1;
      const letters = answer.body as unknown as Letter[];
      for (const l of letters) {
        out(
          `${l.id}: ${l.event.type} on ${l.event.streamId}, ${l.attempts} attempt(s), last ${l.lastFailedAt}: ${l.error}`,
        );
      }
      out(`${letters.length} dead letter(s)`);
      return letters.length === 0 ? 0 : 1;
    }
    if (action !== 'retry') throw new Error(USAGE);
    const path = `/api/process-managers/dead-letters${id === undefined ? '' : `/${encodeURIComponent(id)}`}/retry`;
    const answer = await postToApi('dead-letters retry', values, path);
    if (answer === undefined || refused(answer)) return 1;
    const { retried, remaining } = answer.body as { retried: Outcome[]; remaining: number };
    for (const r of retried) {
      out(
        r.status === 'resolved'
          ? `${r.id}: resolved (${r.events} event(s))`
          : `${r.id}: failed again: ${r.error ?? ''}`,
      );
    }
    out(
      `${retried.filter((r) => r.status === 'resolved').length} of ${retried.length} resolved; ${remaining} left`,
    );
    return remaining === 0 ? 0 : 1;
  },
};
