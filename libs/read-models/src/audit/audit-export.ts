import type { TimelineEntry } from './audit-timeline';

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const COLUMNS = [
  'revision',
  'position',
  'id',
  'type',
  'occurredAt',
  'recordedAt',
  'actor',
  'actorRoles',
  'commandType',
  'commandId',
  'correlationId',
  'causationId',
  'stateBefore',
  'stateAfter',
  'data',
  'previousHash',
  'hash',
] as const satisfies readonly (keyof TimelineEntry)[];

/** RFC 4180: quote every field that needs it, double the quotes inside. */
function csvField(value: unknown): string {
  const raw =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? value.join(' ')
          : JSON.stringify(value);
  return /[",\r\n]/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

/** The timeline with its hashes, as JSON (one document) or CSV (one row per event). */
export function exportTimeline(
  streamId: string,
  entries: readonly TimelineEntry[],
  format: ExportFormat,
): string {
  if (format === 'json') return `${JSON.stringify({ streamId, events: entries }, null, 2)}\n`;
  const lines = [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => csvField(e[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
