import { prefetch, takePrefetched } from './prefetch';

describe('a prefetched GET', () => {
  const answer = Promise.resolve({ ok: true } as Response); // jsdom has no Response
  const fetch = jest.fn(() => answer);
  beforeAll(() => {
    globalThis.fetch = fetch;
  });

  it('is sent once with the key, taken once by the same url and key, never by another key', () => {
    prefetch('/api/funnel', { team: 'east', owner: undefined }, 'k1');
    prefetch('/api/funnel', { team: 'east' }, 'k1');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/api/funnel?team=east', {
      headers: { Authorization: 'Bearer k1', Accept: 'application/json' },
    });
    expect(takePrefetched('/api/funnel?team=east', 'k1')).toBe(answer);
    expect(takePrefetched('/api/funnel?team=east', 'k1')).toBeUndefined();
    prefetch('/api/funnel', {}, 'k1');
    expect(takePrefetched('/api/funnel', 'k2')).toBeUndefined();
  });
});
