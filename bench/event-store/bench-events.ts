import type { EventEnvelope } from '@ltc/domain';

const METADATA = {
  actor: 'user-bench',
  actorRoles: ['rep'],
  commandId: '00000000-0000-4000-8000-00000000c0de',
  correlationId: '00000000-0000-4000-8000-00000000c0de',
  causationId: null,
  occurredAt: '2026-01-15T09:30:00.000Z',
  schemaVersion: 1,
  machine: 'opportunity@3',
};

/** A deterministic lowercase UUID per sequence number, so both sides of a comparison store the same ids. */
export function benchId(run: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${run.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

/** A realistic domain event (~450 bytes of JSON): a quote with two lines. */
export function benchEvent(run: number, n: number): EventEnvelope {
  return {
    id: benchId(run, n),
    type: 'QuoteIssued',
    data: {
      quoteId: `Q-${n}`,
      opportunityId: `O-${Math.floor(n / 1000)}`,
      amount: { amountMinor: 125_000 + (n % 1000), currency: 'EUR' },
      validUntil: '2026-03-31',
      lines: [
        { sku: 'LIC-ENT', quantity: 25, unitPrice: { amountMinor: 4000, currency: 'EUR' } },
        { sku: 'SVC-ONB', quantity: 1, unitPrice: { amountMinor: 25_000 + (n % 1000), currency: 'EUR' } },
      ],
    },
    metadata: METADATA,
  };
}

/** The rows an append of these events stores, for the raw baseline to insert itself. */
export type RawRow = [string, string, number, string, string, string, string];

export function rawRow(event: EventEnvelope, stream: string, revision: number, recordedAt: string): RawRow {
  return [
    event.id,
    stream,
    revision,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    recordedAt,
  ];
}
