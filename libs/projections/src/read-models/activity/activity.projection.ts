import type { Statement } from 'better-sqlite3';
import type { Projection } from '../../core/projection';
import { foldOf, type ProjectedEvent } from '../../core/projected-event';

export type ActivityTables = 'counts';

type Sql = Readonly<{ count: Statement<[string, string, string]> }>;

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
    count: db.prepare(
      `INSERT INTO ${t.counts} (rep, day, measure, n) VALUES (?, ?, ?, 1)
       ON CONFLICT (rep, day, measure) DO UPDATE SET n = n + 1`,
    ),
  }),
  handle: (event, { sql }) => {
    for (const [rep, at, measure] of measuresOf(event)) {
      if (rep !== null && rep !== '') sql.count.run(rep, at.slice(0, 10), measure);
    }
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
      return [];
  }
}
