import { InvalidValueError } from './errors';

/** An amount in integer minor units (cents, fen) of an ISO-4217 currency. */
export type Money = Readonly<{ amountMinor: number; currency: string }>;

const CURRENCY = /^[A-Z]{3}$/;

/** Builds a Money, refusing fractions, unsafe integers and malformed currency codes. */
export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new InvalidValueError(
      'money.amountMinor',
      `must be a safe integer in minor units, got ${amountMinor}`,
    );
  }
  if (!CURRENCY.test(currency)) {
    throw new InvalidValueError('money.currency', `must be an ISO-4217 code such as EUR, got "${currency}"`);
  }
  return { amountMinor, currency };
}

export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m['amountMinor'] === 'number' &&
    Number.isSafeInteger(m['amountMinor']) &&
    typeof m['currency'] === 'string' &&
    CURRENCY.test(m['currency'])
  );
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new InvalidValueError('money.currency', `cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function compareMoney(a: Money, b: Money): number {
  sameCurrency(a, b);
  return a.amountMinor - b.amountMinor;
}
