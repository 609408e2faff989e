const DAY = 86_400_000;

/**
 * The ends of the last `weeks` weeks up to `end`: Mondays 00:00 UTC (a week ends where the next begins),
 * oldest first, `end` itself last.
 */
export function weekEnds(end: Date, weeks: number): Date[] {
  const midnight = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
  const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
  const ends = Array.from({ length: weeks - 1 }, (_, i) => new Date(monday - (weeks - 2 - i) * 7 * DAY));
  return [...ends.filter((d) => d.getTime() < end.getTime()), end];
}
