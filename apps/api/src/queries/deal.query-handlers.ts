import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Bounds } from '@ltc/projections';
import { parseMoment } from '../read-models/as-of-read-models.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { WorkflowRegistry } from '../engine/workflow-registry';
import { DealIndex } from './deal-index';
import { DealViews } from './deal-views.service';
import {
  GetDealQuery,
  GetHistoryQuery,
  ListDealsQuery,
  type DealView,
  type HistoryPage,
  type ListPage,
} from './deal.queries';

@QueryHandler(GetDealQuery)
export class GetDealHandler implements IQueryHandler<GetDealQuery, DealView> {
  constructor(private readonly views: DealViews) {}

  async execute({ kind, id, actor, moment }: GetDealQuery): Promise<DealView> {
    return (await this.views.load(kind, id, actor, moment)).view;
  }
}

@QueryHandler(GetHistoryQuery)
export class GetHistoryHandler implements IQueryHandler<GetHistoryQuery, HistoryPage> {
  constructor(
    private readonly views: DealViews,
    private readonly engine: WorkflowEngine,
  ) {}

  async execute({ kind, id, actor, from, limit, moment: query }: GetHistoryQuery): Promise<HistoryPage> {
    const { view } = await this.views.load(kind, id, actor);
    const moment = parseMoment(query);
    const page = from > view.revision ? [] : await this.engine.history(view.streamId, from, limit);
    // As of a moment: the stream's prefix that had occurred by asOf and was recorded by knownAt.
    const bounds = moment === undefined ? undefined : new Bounds(moment, 0);
    const cut = bounds === undefined ? -1 : page.findIndex((e) => !bounds.includes(e));
    const events = cut < 0 ? page : page.slice(0, cut);
    const last = cut < 0 ? events.at(-1)?.revision : view.revision;
    return {
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        revision: e.revision,
        position: String(e.position),
        recordedAt: e.recordedAt,
        data: e.data,
        metadata: e.metadata,
      })),
      nextFrom: last !== undefined && last < view.revision ? last + 1 : null,
    };
  }
}

@QueryHandler(ListDealsQuery)
export class ListDealsHandler implements IQueryHandler<ListDealsQuery, ListPage> {
  constructor(
    private readonly index: DealIndex,
    private readonly registry: WorkflowRegistry,
    private readonly views: DealViews,
  ) {}

  async execute({ kind, actor, filter }: ListDealsQuery): Promise<ListPage> {
    const entry = this.registry.get(kind);
    const matching = this.index
      .list(kind)
      .filter((s) => this.views.mayView(entry, s.state, actor))
      .filter((s) => {
        const snapshot = s.state as Parameters<typeof entry.workflow.stateName>[0];
        const context = (snapshot as { context: Record<string, unknown> }).context;
        if (filter.state !== undefined && !entry.workflow.stateName(snapshot).startsWith(filter.state))
          return false;
        if (filter.customerId !== undefined && context['customerId'] !== filter.customerId) return false;
        if (filter.person !== undefined && !entry.people(snapshot).includes(filter.person)) return false;
        return true;
      })
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    const page = matching.slice(filter.offset, filter.offset + filter.limit);
    return {
      total: matching.length,
      items: await Promise.all(page.map((s) => this.views.view(entry, s.id, s.state, s.revision, actor))),
    };
  }
}
