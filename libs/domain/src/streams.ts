/** The stream categories of the event log; a stream id is `<category>-<id>`. */
export const STREAM_CATEGORIES = [
  'lead',
  'opportunity',
  'contract',
  'customer',
  'incentive-plan',
  'incentive-period',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export function streamId(category: StreamCategory, id: string): string {
  return `${category}-${id}`;
}
