import { type Query, queryString } from './client';

const started = new Map<string, Readonly<{ key: string; answer: Promise<Response> }>>();

/**
 * Starts `GET path?query` with the stored key before the view that needs it has loaded (its chunk and the
 * session check still on the way); the view's first `Api.get` of the same url takes the answer, once.
 */
export function prefetch(path: string, query: Query, key: string): void {
  const url = `${path}${queryString(query)}`;
  if (started.has(url)) return;
  const answer = fetch(url, { headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
  started.set(url, { key, answer });
}

/** The prefetched answer of `url` if one was started with `key` (taken once), else undefined. */
export function takePrefetched(url: string, key: string): Promise<Response> | undefined {
  const prefetched = started.get(url);
  started.delete(url);
  return prefetched?.key === key ? prefetched.answer : undefined;
}
