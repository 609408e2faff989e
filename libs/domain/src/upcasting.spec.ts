import { UpcasterRegistry } from './upcasting';

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry([
    // v1 stored a float amount; v2 stores minor units
    {
      type: 'BidSubmitted',
      fromVersion: 1,
      upcast: (d) => ({ ...d, amountMinor: Math.round(Number(d['amount']) * 100) }),
    },
    // v2 had no currency; v3 defaults it
    { type: 'BidSubmitted', fromVersion: 2, upcast: (d) => ({ ...d, currency: d['currency'] ?? 'EUR' }) },
  ]);

  it('writes new events at the version after the last upcaster', () => {
    expect(registry.currentVersion('BidSubmitted')).toBe(3);
    expect(registry.currentVersion('LeadCaptured')).toBe(1);
  });

  it('chains upcasters from the stored version', () => {
    const v1 = { type: 'BidSubmitted', data: { amount: 12.5 } };
    expect(registry.upcast(v1, 1).data).toEqual({ amount: 12.5, amountMinor: 1250, currency: 'EUR' });
    const v2 = { type: 'BidSubmitted', data: { amountMinor: 7, currency: 'CNY' } };
    expect(registry.upcast(v2, 2).data).toEqual({ amountMinor: 7, currency: 'CNY' });
  });

  it('leaves current events and unknown types untouched', () => {
    const current = { type: 'BidSubmitted', data: { amountMinor: 1, currency: 'USD' } };
    expect(registry.upcast(current, 3)).toBe(current);
  });

  it('upcasts a stored event by the schema version in its metadata, keeping the envelope', () => {
    const stored = { id: 'e1', type: 'BidSubmitted', data: { amount: 1 }, metadata: { schemaVersion: 2 } };
    expect(registry.upcastStored(stored)).toEqual({ ...stored, data: { amount: 1, currency: 'EUR' } });
    const v1 = { type: 'BidSubmitted', data: { amount: 2 }, metadata: {} };
    expect(registry.upcastStored(v1).data).toEqual({ amount: 2, amountMinor: 200, currency: 'EUR' });
    const current = { type: 'BidSubmitted', data: {}, metadata: { schemaVersion: 3 } };
    expect(registry.upcastStored(current)).toBe(current);
  });

  it('refuses two upcasters for the same step', () => {
    const step = { type: 'X', fromVersion: 1, upcast: (d: object) => ({ ...d }) };
    expect(() => new UpcasterRegistry([step, step])).toThrow(/two upcasters for X v1/);
  });
});
