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

async function callApi(
  label: string,
  values: Record<string, unknown>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<(ApiAnswer & { text: string }) | undefined> {
  const url = text(values['url']);
  const key = text(values['key']);
  const client = loadClientConfig(process.env, {
    ...(url === undefined ? {} : { url }),
    ...(key === undefined ? {} : { key }),
  });
  if (client.apiKey === undefined) throw new Error('give an API key with --key or LTC_API_KEY');
  const endpoint = `${client.url}${path}`;
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method,
      headers: {
        authorization: `Bearer ${client.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    process.stderr.write(
      `ltc ${label}: could not reach the api at ${client.url} (${unreachable(error)}): start it ` +
        '(`ltc serve`) or point LTC_URL or --url at a running api (PORT sets the default port)\n',
    );
    return undefined;
  }
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
