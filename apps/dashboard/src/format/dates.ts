const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO day (`2027-03-31`) or instant in the user's locale; a day is shown as that day everywhere. */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (DAY_ONLY.test(iso))
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Whole days from `iso` to `now` (never negative): the temperature of a customer. */
export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

/** A rate in [0, 1] as a percentage (`0.3333` -> `33%`); none (no deals): an em dash. */
export function formatRate(rate: number | null | undefined, locale?: string): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** Days with at most one decimal (`3.5 d`); none: an em dash. */
export function formatDays(days: number | null | undefined, locale?: string): string {
  if (days === null || days === undefined) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(days)} d`;
}
