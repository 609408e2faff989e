import { MemoryEventStore } from '@ltc/event-store';
import { DealScript, day, eur, History } from '../../test/support/history';
import { generateHistory } from '@ltc/projections/testing';
import { exportTimeline } from './audit-export';
import { auditTimeline } from './audit-timeline';
import { verifyStreamEvents } from './audit-verify';

describe('audit timeline', () => {
  let store: MemoryEventStore;
  beforeAll(async () => {
    store = new MemoryEventStore();
    const h = new History();
    new DealScript(h, 'a1', { owner: 'ann', amount: eur(1_000_000) })
      .open(0)
      .validate(1)
      .requestGate(2, 'opportunityApproval')
      .rejectGate(3, 'opportunityApproval', 'open.validated')
      .abandon(4, 'budget frozen');
    await h.into(store);
  });

  it('lists every event with actor, command, causation and the state after it', async () => {
    const timeline = auditTimeline(await store.readStream('opportunity-a1'));
    expect(timeline.entries.map((e) => [e.type, e.actor, e.stateBefore, e.stateAfter])).toEqual([
      ['OpportunityOpened', 'system', 'none', 'open.opened'],
      ['IronTriangleAssigned', 'bob', 'open.opened', 'open.opened'],
      ['OpportunityValidated', 'ann', 'open.opened', 'open.validated'],
      ['GateReviewRequested', 'ann', 'open.validated', 'open.opportunityApproval'],
      ['GateVoteCast', 'fay', 'open.opportunityApproval', 'open.opportunityApproval'],
      ['GateRejected', 'fay', 'open.opportunityApproval', 'open.validated'],
      ['OpportunityAbandoned', 'ann', 'open.validated', 'abandoned'],
    ]);
    expect(timeline.entries[4]).toMatchObject({ actorRoles: ['rep'], occurredAt: day(3), refused: false });
    expect(timeline.state).toBe('abandoned');
  });

  it('stops at a past instant or position: the deal as it stood then', async () => {
    const events = await store.readStream('opportunity-a1');
    const asOfDay = auditTimeline(events, { instant: day(2) });
    expect([asOfDay.entries.length, asOfDay.state]).toEqual([4, 'open.opportunityApproval']);
    expect(asOfDay.context).toMatchObject({
      owner: 'ann',
      gates: { open: { gate: 'opportunityApproval', round: 1 } },
    });
    expect(auditTimeline(events, { position: events[2]!.position }).state).toBe('open.validated');
  });

  it('exports the timeline with its hashes as JSON or CSV', async () => {
    const chained = new MemoryEventStore();
    const appends = [...generateHistory({ seed: 1, events: 120 })];
    for (const a of appends)
      await chained.append(a.streamId, a.envelopes, a.revision === 0 ? 'noStream' : a.revision - 1);
    const stream = appends.find((a) => a.streamId.startsWith('lead-'))!.streamId;
    const events = await chained.readStream(stream);
    expect(verifyStreamEvents(stream, events, await chained.streamHead(stream))).toMatchObject({
      ok: true,
      firstBreak: null,
    });
    const { entries } = auditTimeline(events);
    const csv = exportTimeline(stream, entries, 'csv').split('\r\n');
    expect(csv[0]).toBe(
      'revision,position,id,type,occurredAt,recordedAt,actor,actorRoles,commandType,commandId,correlationId,causationId,stateBefore,stateAfter,data,previousHash,hash',
    );
    expect(csv).toHaveLength(entries.length + 2);
    expect(csv[1]).toContain(`,${entries[0]!.hash}`);
    expect(csv[1]).toMatch(/,"\{""customerId"":/); // JSON data quoted, its quotes doubled
    const json = JSON.parse(exportTimeline(stream, entries, 'json'));
    expect(json.events[1].previousHash).toBe(json.events[0].hash);
  });
});
