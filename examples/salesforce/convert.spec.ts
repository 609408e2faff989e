import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertOpportunityHistory, minorUnits, toJsonl, type ImportLine } from './convert';

const csv = readFileSync(join(__dirname, 'opportunity-history.csv'), 'utf8');

describe('the Salesforce opportunity-history converter', () => {
  const lines = convertOpportunityHistory(csv);
  const of = (target: string) => lines.filter((l) => l.target === target);
  const find = (id: string): ImportLine => lines.find((l) => l.id === id)!;

  it('reads amounts as integer minor units', () => {
    expect(minorUnits('120000.00')).toBe(12_000_000);
    expect(minorUnits('80000')).toBe(8_000_000);
    expect(minorUnits('0.5')).toBe(50);
    expect(() => minorUnits('1,000.00')).toThrow('not a decimal');
    expect(() => minorUnits('1.005')).toThrow('not a decimal');
  });

  it('opens each deal at its first row and walks the LTC ladder at each row’s date', () => {
    expect(lines.slice(0, 2).map((l) => l.type)).toEqual(['RegisterCustomer', 'ClaimCustomer']);
    expect(find('sf:006A1:0:open')).toMatchObject({
      type: 'OpenOpportunity',
      occurredAt: '2026-02-02T09:15:00.000Z',
      body: { amount: { amountMinor: 12_000_000, currency: 'EUR' }, expectedCloseDate: '2026-06-30' },
    });
    // Row 2 (Needs Analysis): 150,000.00 and 31 Jul, then validation and the approval gate, on 4 Mar.
    expect(
      of('006A1')
        .filter((l) => l.id.startsWith('sf:006A1:2:'))
        .map((l) => l.type),
    ).toEqual([
      'ChangeAmount',
      'ChangeExpectedCloseDate',
      'ValidateOpportunity',
      'RequestGateReview',
      'CastGateVote',
      'CastGateVote',
      'CastGateVote',
    ]);
    expect(find('sf:006A1:4:amount').body).toEqual({
      amount: { amountMinor: 14_250_000, currency: 'EUR' },
      reason: 'Salesforce history',
    });
  });

  it('wins at the Closed Won row, signed at its date; loses at Closed Lost after a bid, abandons before', () => {
    expect(find('sf:006A1:5:won')).toMatchObject({
      type: 'WinOpportunity',
      occurredAt: '2026-06-05T08:30:00.000Z',
      body: { contractId: 'ctr-006A1', signedAt: '2026-06-05T08:30:00.000Z' },
    });
    expect(of('006B2').at(-1)).toMatchObject({
      type: 'LoseOpportunity',
      occurredAt: '2026-05-12T17:20:00.000Z',
    });
    // 006B2 jumped from Prospecting to Perception Analysis: both steps at that row's time.
    expect(
      of('006B2')
        .filter((l) => l.id.startsWith('sf:006B2:1:'))
        .map((l) => l.type),
    ).toContain('RecordPreBidGuidance');
  });

  it('keeps business time monotonic on every stream and gives every line its own key', () => {
    for (const target of new Set(lines.map((l) => l.target))) {
      const times = of(target).map((l) => l.occurredAt);
      expect(times).toEqual([...times].sort());
    }
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  });

  it('is what opportunity-history.jsonl holds', () => {
    expect(readFileSync(join(__dirname, 'opportunity-history.jsonl'), 'utf8')).toBe(toJsonl(lines));
  });
});
