import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_KEY_FORMAT } from '@ltc/users';

const WINDOW_MS = 60_000;

/** Whose budget a request spends: the API key's id when it sends a well-formed key, else its address. */
function clientOf(req: IncomingMessage): string {
  const auth = req.headers.authorization;
  const key =
    typeof auth === 'string' && auth.startsWith('Bearer ') ? API_KEY_FORMAT.exec(auth.slice(7)) : null;
  return key?.[1] !== undefined ? `key:${key[1]}` : `ip:${req.socket.remoteAddress ?? '?'}`;
}

/**
 * At most `perMinute` requests per client in each fixed minute; beyond it 429 `TOO_MANY_REQUESTS` with
 * `Retry-After` (seconds until the minute is over). 0 turns it off. `/health` is never limited.
 */
export function rateLimit(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (perMinute === 0 || (req.url ?? '').startsWith('/health')) return next();
    const at = now();
    if (windows.size > 100_000) {
      for (const [client, w] of windows) if (at - w.start >= WINDOW_MS) windows.delete(client);
    }
    const client = clientOf(req);
    let window = windows.get(client);
    if (window === undefined || at - window.start >= WINDOW_MS) {
      window = { start: at, count: 0 };
      windows.set(client, window);
    }
    window.count++;
    if (window.count <= perMinute) return next();
    const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - at) / 1000));
    res.statusCode = 429;
    res.setHeader('retry-after', String(retryAfter));
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
        message: `more than ${perMinute} requests in a minute from this client; retry in ${retryAfter} s`,
      }),
    );
  };
}
