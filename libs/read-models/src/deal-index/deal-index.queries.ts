import type { OpenReadModel } from '@ltc/projections';
import type { DealIndexTables } from './deal-index.projection';

/** One stream as the index holds it: its machine's state name and context after its last event. */
export type IndexedStreamRow = Readonly<{
  kind: string;
  id: string;
  streamId: string;
  revision: number;
  /** The state name (`open.negotiation`), as `Workflow.stateName` spells it. */
  state: string;
  context: unknown;
  /** Business time of the stream's last event. */
  updatedAt: string;
}>;

type Row = {
  stream_id: string;
  kind: string;
  entity_id: string;
  revision: number;
  state: string;
  context: string;
  updated_at: string;
};

/** Every stream of a kind, in the order the streams first appeared in the log. */
export function indexedStreams(model: OpenReadModel<DealIndexTables>, kind: string): IndexedStreamRow[] {
  const { db, t } = model;
  return db
    .prepare<[string], Row>(
      `SELECT stream_id, kind, entity_id, revision, state, context, updated_at FROM ${t.streams}
       WHERE kind = ? ORDER BY first`,
    )
    .all(kind)
    .map((r) => ({
      kind: r.kind,
      id: r.entity_id,
      streamId: r.stream_id,
      revision: r.revision,
      state: r.state,
      context: JSON.parse(r.context) as unknown,
      updatedAt: r.updated_at,
    }));
}

/** Customers `owner` holds in their private pool. */
export function ownedCustomerCount(model: OpenReadModel<DealIndexTables>, owner: string): number {
  const { db, t } = model;
  return (
    db
      .prepare<[string], number>(`SELECT count(*) FROM ${t.streams} WHERE kind = 'customer' AND owner = ?`)
      .pluck()
      .get(owner) ?? 0
  );
}

/** True when the customer already has a contract (an existing rather than a new customer). */
export function customerHasContracts(model: OpenReadModel<DealIndexTables>, customerId: string): boolean {
  const { db, t } = model;
  return (
    db
      .prepare(`SELECT 1 FROM ${t.streams} WHERE kind = 'contract' AND customer_id = ? LIMIT 1`)
      .get(customerId) !== undefined
  );
}
