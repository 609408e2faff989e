import type { EventEnvelope } from '@ltc/domain';
import { chainEnvelopes, eventHash, verifyChain } from './hash-chain';

const envelope = (n: number): EventEnvelope => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type: n === 0 ? 'TallyOpened' : 'Counted',
  data: n === 0 ? { limit: 10 } : { by: 1 },
  metadata: {
    actor: 'ann',
    actorRoles: ['rep'],
    commandId: `c${n}`,
    correlationId: `c${n}`,
    causationId: null,
    occurredAt: '2026-03-01T09:00:00.000Z',
    schemaVersion: 1,
    machine: 'tally@1',
  },
});

/** A stream of four chained events, as the pipeline appends them (two appends of two). */
function stream() {
  const first = chainEnvelopes(null, [envelope(0), envelope(1)]);
  const second = chainEnvelopes(first[1]!.metadata.hash as string, [envelope(2), envelope(3)]);
  return [...first, ...second].map((e, revision) => ({ ...e, revision }));
}

describe('hash chain', () => {
  it('links every event to the one before it, across appends', () => {
    const events = stream();
    expect(events[0]?.metadata.previousHash).toBeNull();
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.metadata.previousHash).toBe(events[i - 1]?.metadata.hash);
      expect(events[i]?.metadata.hash).toBe(eventHash(events[i]!));
    }
    expect(verifyChain(events)).toBeNull();
  });

  it('hashes the same content to the same digest whatever the key order', () => {
    const [event] = stream();
    const reordered = { ...event!, metadata: Object.fromEntries(Object.entries(event!.metadata).reverse()) };
    expect(eventHash(reordered)).toBe(eventHash(event!));
    expect(eventHash(event!)).toMatch(/^[a-f0-9]{64}$/);
  });

  it('names the first event whose content was changed', () => {
    const events = stream();
    events[2] = { ...events[2]!, data: { by: 9 } };
    expect(verifyChain(events)).toMatchObject({
      revision: 2,
      id: events[2].id,
      reason: 'hash does not match the event content',
    });
  });

  it('names an event whose link was cut (an event removed before it)', () => {
    const events = stream();
    expect(verifyChain([events[0]!, ...events.slice(2)])).toMatchObject({
      revision: 2,
      reason: 'previousHash does not match the event before it',
    });
  });
});
