import type { IncomingMessage, ServerResponse } from 'node:http';
import { readPriority } from './read-priority';

const request = (method: string, url: string, accept = 'application/json') =>
  ({ method, url, headers: { accept } }) as unknown as IncomingMessage;
const turn = () => new Promise((done) => setImmediate(done));

describe('readPriority', () => {
  it('lets commands through at once and reads two per turn of the event loop, in arrival order', async () => {
    const gate = readPriority(2);
    const ran: string[] = [];
    for (const n of [1, 2, 3, 4, 5])
      gate(request('GET', `/api/funnel?n=${n}`), {} as ServerResponse, () => ran.push(`read ${n}`));
    gate(request('POST', '/api/customers/acme/touches'), {} as ServerResponse, () => ran.push('command'));
    expect(ran).toEqual(['command']);
    await turn();
    expect(ran).toEqual(['command', 'read 1', 'read 2']);
    // A command arriving now still goes before the reads left waiting.
    gate(request('POST', '/api/leads'), {} as ServerResponse, () => ran.push('command 2'));
    await turn();
    expect(ran).toEqual(['command', 'read 1', 'read 2', 'command 2', 'read 3', 'read 4']);
    await turn();
    expect(ran.at(-1)).toBe('read 5');
  });

  it('does not queue /health nor a live feed', () => {
    const gate = readPriority(1);
    const ran: string[] = [];
    gate(request('GET', '/health'), {} as ServerResponse, () => ran.push('health'));
    gate(request('GET', '/api/projections/feed', 'text/event-stream'), {} as ServerResponse, () =>
      ran.push('feed'),
    );
    expect(ran).toEqual(['health', 'feed']);
  });
});
