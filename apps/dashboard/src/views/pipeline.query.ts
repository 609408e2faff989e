import type { Query } from '../api/client';

/** The filters `GET /api/funnel` takes, as the pipeline view keeps them in its url. */
export const PIPELINE_FILTERS = [
  'team',
  'owner',
  'segment',
  'customerType',
  'from',
  'to',
  'asOf',
  'knownAt',
] as const;

/** The funnel's query from the view's filter values (`?team=east` -> `{ team: 'east', owner: undefined, … }`). */
export const pipelineQuery = (values: Readonly<Record<string, string | undefined>>): Query =>
  Object.fromEntries(PIPELINE_FILTERS.map((name) => [name, values[name]]));
