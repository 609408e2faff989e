/** An ISO-8601 instant as `toISOString()` writes it, so plain string order is time order. */
export function isoStamp(value: string): string {
  return value.length === 24 && value.endsWith('Z') ? value : new Date(value).toISOString();
}
