import { loadClientConfig } from '@ltc/config';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Why a request never got an answer: fetch hides it in `cause` ("fetch failed" alone says nothing). */
export function unreachable(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as { message?: unknown } | null)?.message;
  return String(detail ?? error);
}

/** What the running api answered (`endpoint` for messages), or `undefined` once the reason is printed. */
export type ApiAnswer = Readonly<{
  status: number;
  ok: boolean;
  body: Record<string, unknown>;
  endpoint: string;
}>;

/**
 * `POST` to the running api as `ltc <label>` does: the url from `--url`, LTC_URL, else
 * `http://localhost:$PORT`; the key from `--key`, else LTC_API_KEY. An unreachable api is printed with
 * how to start or point at one, and answers `undefined`.
 */
export function postToApi(
  label: string,
  values: Record<string, unknown>,
  path: string,
  body?: unknown,
): Promise<ApiAnswer | undefined> {
  return callApi(label, values, 'POST', path, body);
}

/** `GET` from the running api, as `postToApi` posts; `text` is the answer as sent (a CSV file). */
export function getFromApi(
  label: string,
  values: Record<string, unknown>,
  path: string,
): Promise<(ApiAnswer & { text: string }) | undefined> {
  return callApi(label, values, 'GET', path);
}

/** Sends the request to the api `--url`/`--key` (or the environment) name; `undefined` once the reason is printed. */
async function request(
  label: string,
  values: Record<string, unknown>,
  path: string,
  init: Readonly<{ method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }>,
): Promise<{ res: Response; endpoint: string } | undefined> {
  const url = text(values['url']);
  const key = text(values['key']);
  const client = loadClientConfig(process.env, {
    ...(url === undefined ? {} : { url }),
    ...(key === undefined ? {} : { key }),
  });
  if (client.apiKey === undefined) throw new Error('give an API key with --key or LTC_API_KEY');
  const endpoint = `${client.url}${path}`;
  try {
    const res = await fetch(endpoint, {
      ...init,
      headers: { authorization: `Bearer ${client.apiKey}`, ...init.headers },
    });
    return { res, endpoint };
  } catch (error) {
    process.stderr.write(
      `ltc ${label}: could not reach the api at ${client.url} (${unreachable(error)}): start it ` +
        '(`ltc serve`) or point LTC_URL or --url at a running api (PORT sets the default port)\n',
    );
    return undefined;
  }
}

/**
 * `GET` an NDJSON answer, each line parsed and handed to `onLine` as it arrives (a progress bar); a
 * refusal (not NDJSON) is answered whole, as `getFromApi` answers.
 */
export async function streamFromApi(
  label: string,
  values: Record<string, unknown>,
  path: string,
  onLine: (line: Record<string, unknown>) => void,
): Promise<ApiAnswer | undefined> {
  const sent = await request(label, values, path, {
    method: 'GET',
    headers: { accept: 'application/x-ndjson' },
  });
  if (sent === undefined) return undefined;
  const { res, endpoint } = sent;
  if (!res.ok || res.body === null || !(res.headers.get('content-type') ?? '').includes('ndjson'))
    return answerOf(res, endpoint);
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of res.body) {
    pending += decoder.decode(chunk as Uint8Array, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') onLine(JSON.parse(line) as Record<string, unknown>);
  }
  if (pending.trim() !== '') onLine(JSON.parse(pending) as Record<string, unknown>);
  return { status: res.status, ok: true, body: {}, endpoint };
}

async function callApi(
  label: string,
  values: Record<string, unknown>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<(ApiAnswer & { text: string }) | undefined> {
  const sent = await request(label, values, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return sent === undefined ? undefined : answerOf(sent.res, sent.endpoint);
}

async function answerOf(res: Response, endpoint: string): Promise<ApiAnswer & { text: string }> {
  const answer = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    const json: unknown = JSON.parse(answer);
    if (typeof json === 'object' && json !== null) parsed = json as Record<string, unknown>;
  } catch {
    // not JSON (a CSV file): `text` has it
  }
  return { status: res.status, ok: res.ok, body: parsed, endpoint, text: answer };
}
