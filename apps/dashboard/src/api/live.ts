/** One server-sent event: `event:` name and `data:` text. */
export type FeedEvent = Readonly<{ event: string; data: string }>;

/** Splits a text stream of server-sent events into events; returns the unfinished rest. */
export function parseSse(buffer: string): { events: FeedEvent[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    return data.length === 0 ? [] : [{ event, data: data.join('\n') }];
  });
  return { events, rest };
}

/**
 * Follows `GET /api/projections/feed` (a server-sent event after each committed batch of the read models).
 * EventSource cannot send the API key, so this reads the stream with fetch; it reconnects after 3 s.
 */
export function followFeed(headers: Record<string, string>, onEvent: (event: FeedEvent) => void): () => void {
  const abort = new AbortController();
  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch('/api/projections/feed', {
          headers: { ...headers, Accept: 'text/event-stream' },
          signal: abort.signal,
        });
        const reader = response.body?.getReader();
        if (!response.ok || reader === undefined) throw new Error(`feed answered ${response.status}`);
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
          buffer = parsed.rest;
          parsed.events.forEach(onEvent);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      await new Promise((resume) => setTimeout(resume, 3000));
    }
  };
  void run();
  return () => abort.abort();
}
