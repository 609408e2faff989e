const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant `days` whole days after `iso`, as an ISO string (UTC). */
export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** Days from `from` to `to`, fractional; negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** The later of two instants, `a` when it is the only one. */
export const later = (a: string | null, b: string | null): string | null => {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
};
