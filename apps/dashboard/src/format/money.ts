/** Money as the api sends it: integer minor units (cents) and an ISO-4217 code. */
export type Money = Readonly<{ amountMinor: number; currency: string }>;

/** Digits after the decimal point of a currency (EUR 2, JPY 0, BHD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** The exact decimal text of an amount in minor units (`-123456`, EUR -> `-1234.56`), no float on the way. */
export function minorToDecimal(amountMinor: number, digits: number): string {
  const negative = amountMinor < 0;
  const text = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}

/** `{ amountMinor: 12000000, currency: 'EUR' }` -> `€120,000.00` (in the user's locale). */
export function formatMoney(money: Money, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorToDecimal(money.amountMinor, digits) as Intl.StringNumericLiteral);
}

/** Several currencies side by side, largest first: `€225,000.00 · $50,000.00`; none: an em dash. */
export function formatAmounts(amounts: readonly Money[], locale?: string): string {
  if (amounts.length === 0) return '—';
  return [...amounts]
    .sort((a, b) => b.amountMinor - a.amountMinor || a.currency.localeCompare(b.currency))
    .map((m) => formatMoney(m, locale))
    .join(' · ');
}

/** What a user typed (`1,200.50` or `1200.5`) in major units -> integer minor units, or why not. */
export function parseMajor(text: string, currency: string): { amountMinor: number } | { error: string } {
  const digits = minorDigits(currency);
  const clean = text.trim().replace(/[\s,_']/g, '');
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(clean);
  if (match === null) return { error: 'enter an amount such as 1200.50' };
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > digits) {
    return { error: digits === 0 ? `${currency} has no minor units` : `at most ${digits} decimals` };
  }
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return { error: 'amount too large' };
  return { amountMinor: sign === '-' ? -minor : minor };
}

/** An amount in the reporting currency as the api sends it: converted currencies, and those no rate converts. */
export type ReportingAmount = Readonly<{
  currency: string;
  amountMinor: number;
  withoutRate: readonly Money[];
}>;

/**
 * `€229,617.50`, and what no rate converted beside it: `€225,000.00 + $50,000.00 without a rate`
 * (never added in, never dropped).
 */
export function formatReporting(amount: ReportingAmount, locale?: string): string {
  const total = formatMoney({ amountMinor: amount.amountMinor, currency: amount.currency }, locale);
  if (amount.withoutRate.length === 0) return total;
  return `${total} + ${formatAmounts(amount.withoutRate, locale)} without a rate`;
}
