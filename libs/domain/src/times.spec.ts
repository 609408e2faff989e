import { occurredAtOf, recordedAtOf } from './times';

describe('event times', () => {
  it('reads both times of an event stored with them', () => {
    const metadata = { occurredAt: '2026-11-20T10:00:00.000Z', recordedAt: '2026-12-02T09:00:00.000Z' };
    expect(occurredAtOf(metadata)).toBe('2026-11-20T10:00:00.000Z');
    expect(recordedAtOf(metadata)).toBe('2026-12-02T09:00:00.000Z');
  });

  it('reads an event stored before recordedAt existed as recorded when it occurred', () => {
    const old = { occurredAt: '2026-03-01T09:00:00.000Z' };
    expect(recordedAtOf(old)).toBe('2026-03-01T09:00:00.000Z');
    expect(old).toEqual({ occurredAt: '2026-03-01T09:00:00.000Z' });
  });
});
