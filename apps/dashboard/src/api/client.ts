import type { ApiErrorBody } from '../forms/command-form.model';
import { takePrefetched } from './prefetch';

/** An answer the api refused (4xx/5xx), with its error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
  }
}

export type Query = Readonly<Record<string, string | number | undefined>>;

/** `?a=1&b=2` without the empty values. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The public api with one user's key; every call sends `Authorization: Bearer <key>`. */
export class Api {
  constructor(
    readonly key: string,
    private readonly onUnauthorized: () => void = () => undefined,
  ) {}

  async get<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('GET', `${path}${queryString(query)}`);
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  /** A text answer (the audit export). */
  async text(path: string, query?: Query): Promise<string> {
    const response = await fetch(`${path}${queryString(query)}`, { headers: this.headers() });
    if (!response.ok) throw new ApiError(response.status, { message: await response.text() });
    return response.text();
  }

  headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.key}`, Accept: 'application/json' };
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const prefetched = method === 'GET' ? takePrefetched(path, this.key) : undefined;
    const response = await (prefetched ??
      fetch(path, {
        method,
        headers: {
          ...this.headers(),
          ...(body === undefined
            ? {}
            : { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }));
    const text = await response.text();
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    if (response.status === 401) this.onUnauthorized();
    if (!response.ok) throw new ApiError(response.status, parsed as ApiErrorBody);
    return parsed as T;
  }
}
