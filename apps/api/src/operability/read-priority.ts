import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads let through per turn of the event loop (see {@link readPriority}). */
export const READS_PER_TURN = 2;

/** Live feeds (server-sent events) hold their request open: queueing their start gains nothing. */
const isFeed = (req: IncomingMessage) => (req.headers.accept ?? '').includes('text/event-stream');

/**
 * Writes before reads. Node runs whatever is ready in each turn of its event loop, so with 200 readers
 * connected a command's next step (its group commit, then its answer) waited behind every ready read
 * (command p99 397 ms under 200 keep-alive readers). A GET waits here instead, and `perTurn` of them are
 * let through per turn (`setImmediate`), in arrival order: a command waits behind at most that many.
 * Commands, `/health` and live feeds pass at once. The wait is part of the logged `durationMs`.
 */
export function readPriority(perTurn = READS_PER_TURN) {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const release = () => {
    scheduled = false;
    for (let i = 0; i < perTurn && waiting.length > 0; i++) waiting.shift()!();
    schedule();
  };
  const schedule = () => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    setImmediate(release);
  };
  return (req: IncomingMessage, _res: ServerResponse, next: () => void): void => {
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (!read || (req.url ?? '').startsWith('/health') || isFeed(req)) return next();
    waiting.push(next);
    schedule();
  };
}
