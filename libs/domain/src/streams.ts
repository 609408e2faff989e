/** The stream categories of the event log; a stream id is `<category>-<id>`. */
export const STREAM_CATEGORIES = [
  'lead',
  'opportunity',
  'contract',
  'customer',
  'person',
  'incentive-plan',
  'incentive-period',
  'forecast-call',
  'exchange-rates',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

/** Builds and parses the stream ids of one category: the only place a stream id is put together. */
export type StreamIds<C extends StreamCategory = StreamCategory> = Readonly<{
  category: C;
  /** `opportunity-7f3a` for `7f3a`. */
  id: (entityId: string) => string;
  /** The entity id of a stream of this category, or `undefined` for any other stream. */
  parse: (streamId: string) => string | undefined;
  /** Like `parse`, but a stream of another category is a programming error. */
  entityId: (streamId: string) => string;
}>;

export function streamIds<C extends StreamCategory>(category: C): StreamIds<C> {
  const prefix = `${category}-`;
  const parse = (streamId: string): string | undefined =>
    streamId.startsWith(prefix) && streamId.length > prefix.length
      ? streamId.slice(prefix.length)
      : undefined;
  return {
    category,
    id: (entityId) => prefix + entityId,
    parse,
    entityId: (streamId) => {
      const id = parse(streamId);
      if (id === undefined) throw new Error(`${streamId} is not a ${category} stream`);
      return id;
    },
  };
}

export const leadStream = streamIds('lead');
export const opportunityStream = streamIds('opportunity');
export const contractStream = streamIds('contract');
export const customerStream = streamIds('customer');
export const personStream = streamIds('person');
export const incentivePlanStream = streamIds('incentive-plan');
export const incentivePeriodStream = streamIds('incentive-period');
export const forecastCallStream = streamIds('forecast-call');
export const exchangeRatesStream = streamIds('exchange-rates');

const byLongestPrefix = [...STREAM_CATEGORIES].sort((a, b) => b.length - a.length).map((c) => streamIds(c));

/** The category and entity id of any stream id (`incentive-plan-2026` is a plan, not a stream `incentive`). */
export function parseStreamId(streamId: string): { category: StreamCategory; id: string } | undefined {
  for (const ids of byLongestPrefix) {
    const id = ids.parse(streamId);
    if (id !== undefined) return { category: ids.category, id };
  }
  return undefined;
}
