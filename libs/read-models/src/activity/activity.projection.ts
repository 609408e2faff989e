import { type Projection, foldOf, type ProjectedEvent } from '@ltc/projections';
import { RowBuffer } from '../shared/row-buffer';

export type ActivityTables = 'counts';

type Sql = Readonly<{
  batch: Map<string, [rep: string, day: string, measure: string, n: number]>;
  counts: RowBuffer;
}>;

/**
 * Process measures per rep and day: touches by channel (on the day the touch happened), leads captured,
 * received, qualified, converted and disqualified, opportunities opened, won and lost.
 */
export const activityProjection: Projection<ActivityTables, Sql> = {
  name: 'activity',
  version: 1,
  tables: ['counts'],
  streams: ['lead', 'customer', 'opportunity'],
  folds: ['lead', 'opportunity'],
  schema: (t) => [
    `CREATE TABLE ${t.counts} (
       rep TEXT NOT NULL, day TEXT NOT NULL, measure TEXT NOT NULL, n INTEGER NOT NULL,
       PRIMARY KEY (rep, day, measure)) WITHOUT ROWID`,
  ],
  prepare: (db, t) => ({
    batch: new Map(),
    counts: new RowBuffer(
      db,
      t.counts,
      ['rep', 'day', 'measure', 'n'],
      'ON CONFLICT (rep, day, measure) DO UPDATE SET n = n + excluded.n',
    ),
  }),
  // Counted in memory over the batch, then added to the stored counts in one upsert per key.
  handle: (event, { sql }) => {
    for (const [rep, at, measure] of measuresOf(event)) {
      if (rep === null || rep === '') continue;
      const day = at.slice(0, 10);
      const key = `${rep}\u0000${day}\u0000${measure}`;
      const seen = sql.batch.get(key);
      if (seen === undefined) sql.batch.set(key, [rep, day, measure, 1]);
      else seen[3]++;
    }
  },
  flush: ({ sql }) => {
    for (const row of sql.batch.values()) sql.counts.add(...row);
    sql.batch.clear();
    sql.counts.flush();
  },
  discard: ({ sql }) => {
    sql.batch.clear();
    sql.counts.discard();
  },
};

type Measure = readonly [rep: string | null, at: string, measure: string];

function measuresOf(event: ProjectedEvent): readonly Measure[] {
  const at = event.occurredAt;
  switch (event.kind) {
    case 'lead': {
      const fold = foldOf(event);
      if (fold.refused) return [];
      const owner = fold.context.owner;
      switch (event.type) {
        case 'LeadCaptured':
          return [[event.data.capturedBy, at, 'leads.captured']];
        case 'LeadAssigned':
        case 'LeadReassigned':
          return [[event.data.owner, at, 'leads.received']];
        case 'LeadTouchRecorded':
          return [[event.metadata.actor, event.data.touchedAt, `touches.${event.data.channel}`]];
        case 'LeadQualified':
          return fold.before === 'qualified' ? [] : [[owner, at, 'leads.qualified']];
        case 'LeadConverted':
          return [[owner, at, 'leads.converted']];
        case 'LeadDisqualified':
          return [[owner, at, 'leads.disqualified']];
        default:
          return [];
      }
    }
    case 'customer':
      // A touch mirrored from a lead by the process manager (it has a cause) is counted on the lead.
      return event.type === 'CustomerTouchRecorded' && event.metadata.causationId === null
        ? [[event.data.by, event.data.touchedAt, `touches.${event.data.channel}`]]
        : [];
    case 'opportunity': {
      const fold = foldOf(event);
      if (fold.refused) return [];
      if (event.type === 'OpportunityOpened') return [[event.data.owner, at, 'opportunities.opened']];
      if (event.type === 'OpportunityWon') return [[fold.context.owner, at, 'opportunities.won']];
      if (event.type === 'OpportunityLost') return [[fold.context.owner, at, 'opportunities.lost']];
      return [];
    }
    case 'contract':
    case 'incentive-plan':
    case 'incentive-period':
      return [];
  }
}
