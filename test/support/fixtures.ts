/** A JSON body as the e2e tests build and read them. */
export type Body = Record<string, unknown>;

/** An event as the history endpoints return it. */
export type HistoryEvent = {
  id: string;
  type: string;
  revision: number;
  data: Body;
  metadata: Record<string, unknown> & { actor: string; commandId: string };
};

/** Money in euro cents. */
export const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** The iron triangle of the e2e deals (see team.ts). */
export const TRIANGLE = { AR: 'ann', SR: 'sam', FR: 'fay' };

/**
 * Now, for a command's own fact date (signedAt, touchedAt): the fact date is the event's business time,
 * which may not go back on its stream nor lie further back than a rep's window.
 */
export const nowIso = () => new Date().toISOString();

/** Today (UTC), for a `receivedOn`. */
export const today = () => nowIso().slice(0, 10);

/** Plan terms of the east team (ann, sam and fay, bob's reports): EUR, monthly, 50/30/20. */
export const INCENTIVE_TERMS = {
  name: 'East 2026',
  currency: 'EUR',
  periodKind: 'month',
  fxRates: { USD: '0.92' },
  pool: {
    signedRateBp: 100,
    collectedRateBp: 200,
    strategicMultiplierBp: 15000,
    newCustomerMultiplierBp: 12000,
  },
  split: { AR: 5000, SR: 3000, FR: 2000 },
  attainment: {
    credit: 'whole',
    mode: 'marginal',
    tiers: [
      { fromBp: 0, toBp: 10000, rateBp: 8000 },
      { fromBp: 10000, toBp: null, rateBp: 15000 },
    ],
  },
  clawback: { terminationWindowDays: 90, writeOffReversesSigning: true },
  participants: ['ann', 'sam', 'fay'],
};
