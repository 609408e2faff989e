import { Query } from '@nestjs/cqrs';
import type { Actor } from '@ltc/engine';
import type { Moment, MomentQuery } from '../read-models/as-of-read-models.service';

export type DealView = Readonly<{
  kind: string;
  id: string;
  streamId: string;
  state: string;
  context: unknown;
  revision: number;
  /** Commands the state accepts and this caller may send (none for a past moment). */
  allowed: readonly string[];
  /** Present when asked as of a business instant or as known at a past one. */
  asOf?: Moment;
}>;

export type HistoryEvent = Readonly<{
  id: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
}>;

export type HistoryPage = Readonly<{ events: readonly HistoryEvent[]; nextFrom: number | null }>;

export type ListFilter = Readonly<{
  state?: string;
  customerId?: string;
  person?: string;
  limit: number;
  offset: number;
}>;

export type ListPage = Readonly<{ items: readonly DealView[]; total: number }>;

export class GetDealQuery extends Query<DealView> {
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly actor: Actor,
    readonly moment: MomentQuery = {},
  ) {
    super();
  }
}

export class GetHistoryQuery extends Query<HistoryPage> {
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly actor: Actor,
    readonly from: number,
    readonly limit: number,
    readonly moment: MomentQuery = {},
  ) {
    super();
  }
}

export class ListDealsQuery extends Query<ListPage> {
  constructor(
    readonly kind: string,
    readonly actor: Actor,
    readonly filter: ListFilter,
  ) {
    super();
  }
}
