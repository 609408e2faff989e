/** 1234567 -> "12,345.67" (two minor digits, as the read models assume). */
export function formatMinor(amountMinor: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${units}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1050 -> "10.50 %". */
export function formatBp(bp: number): string {
  return `${(bp / 100).toFixed(2)} %`;
}

/** 15000 -> "x1.5". */
export function formatMultiplier(bp: number): string {
  return `x${Number((bp / 10000).toFixed(4))}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-12-02T…" -> "2 Dec". */
export function formatDay(instant: string): string {
  return `${Number(instant.slice(8, 10))} ${MONTHS[Number(instant.slice(5, 7)) - 1] ?? '?'}`;
}
