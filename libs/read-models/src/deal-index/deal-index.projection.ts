import { type Projection, foldOf } from '@ltc/projections';
import { RowBuffer } from '../shared/row-buffer';

export type DealIndexTables = 'streams';

type Latest = {
  kind: string;
  id: string;
  first: string;
  revision: number;
  state: string;
  context: unknown;
  at: string;
};

type Sql = Readonly<{
  /** The last accepted event of each stream this batch touched: one row write per stream per batch. */
  batch: Map<string, Latest>;
  streams: RowBuffer;
}>;

const COLUMNS = [
  'stream_id',
  'kind',
  'entity_id',
  'first',
  'revision',
  'state',
  'context',
  'owner',
  'customer_id',
];

/**
 * The current state of every lead, customer, opportunity and contract (state name, context, revision,
 * last business time), for lists and for the counts commands need (customers a rep owns). Folded by the
 * runner's own fold: the machine state the runner already carries for every stream.
 */
export const dealIndexProjection: Projection<DealIndexTables, Sql> = {
  name: 'deal-index',
  version: 1,
  tables: ['streams'],
  streams: ['lead', 'customer', 'opportunity', 'contract'],
  folds: ['lead', 'customer', 'opportunity', 'contract'],
  // `first` (the position of a stream's first event) keeps the order streams appeared in: a list's ties.
  // No secondary index: every update would pay for it, and the counts scan one kind's rows.
  schema: (t) => [
    `CREATE TABLE ${t.streams} (
       stream_id TEXT PRIMARY KEY, kind TEXT NOT NULL, entity_id TEXT NOT NULL, first TEXT NOT NULL,
       revision INTEGER NOT NULL, state TEXT NOT NULL, context TEXT NOT NULL, owner TEXT, customer_id TEXT,
       updated_at TEXT NOT NULL) WITHOUT ROWID`,
  ],
  prepare: (db, t) => ({
    batch: new Map(),
    streams: new RowBuffer(
      db,
      t.streams,
      [...COLUMNS, 'updated_at'],
      `ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, state = excluded.state,
         context = excluded.context, owner = excluded.owner, customer_id = excluded.customer_id,
         updated_at = excluded.updated_at`,
    ),
  }),
  handle: (event, { sql }) => {
    const fold = foldOf(event);
    // A refused event leaves the stream as it was (the command side never wrote it).
    if (fold.refused) return;
    sql.batch.set(event.streamId, {
      kind: event.kind,
      id: event.entityId,
      first: sql.batch.get(event.streamId)?.first ?? event.position,
      revision: event.revision,
      state: fold.after,
      context: fold.context,
      at: event.occurredAt,
    });
  },
  flush: ({ sql }) => {
    for (const [streamId, s] of sql.batch) {
      const { owner, customerId } = s.context as { owner?: unknown; customerId?: unknown };
      sql.streams.add(
        streamId,
        s.kind,
        s.id,
        s.first,
        s.revision,
        s.state,
        JSON.stringify(s.context),
        typeof owner === 'string' ? owner : null,
        typeof customerId === 'string' ? customerId : null,
        s.at,
      );
    }
    sql.batch.clear();
    sql.streams.flush();
  },
  discard: ({ sql }) => {
    sql.batch.clear();
    sql.streams.discard();
  },
};
