import { SqliteEventStore } from '@ltc/event-store';
import { openReadModel, ProjectionRunner, ReadModelStore } from '@ltc/projections';
import { generateHistory, SALES_TEAM, tempDir } from '@ltc/projections/testing';
import { ledgerOf, type HistoryEvent } from './incentive-history';
import { statementOf } from './statement-query';
import { incentiveStatementsProjection } from './statements.projection';
import { StoredIncentives } from './stored-statements';
import type { IncentiveStatement } from './types';

const REPS = SALES_TEAM.filter((m) => m.roles.includes('rep')).map((m) => m.id);

type Seen = { position: string; personId: string; period: string; statement: IncentiveStatement };

// The api's read path (StoredIncentives + statementOf over the runner's tables) while a generated history
// with an incentive plan, late entries and monthly closes is appended: what the live statement showed at a
// moment is what `knownAt` that moment answers later, and the statement frozen at a close is what the live
// statement showed just before it.
describe('stored incentive statements, known at a moment', () => {
  jest.setTimeout(180_000);
  const dir = tempDir('ltc-incentives-known-at-');
  afterAll(() => dir.remove());

  it('answers knownAt with what the live statement showed then, and freezes at a close what it showed before', async () => {
    const store = new SqliteEventStore({ file: dir.path('log.sqlite'), pollIntervalMs: 10 });
    const readModels = new ReadModelStore({ file: dir.path('read-models.sqlite') });
    const projections = [incentiveStatementsProjection];
    const runner = new ProjectionRunner({ store, readModels, projections, batchSize: 200 });
    await runner.start();
    const stored = new StoredIncentives();
    const live = async (q: { personId: string; period: string; knownAt?: string }) => {
      await runner.catchUp();
      const read = stored.refresh(openReadModel(readModels, incentiveStatementsProjection));
      return statementOf(read.ledger, { ...q, planId: 'gen' }, read.plan);
    };
    const seen: Seen[] = [];
    const beforeClose: Seen[] = [];
    let appended = 0;
    let openPeriod: string | undefined;
    const history = generateHistory({
      seed: 31,
      events: 4000,
      late: { share: 0.2, maxDays: 30 },
      incentives: { planId: 'gen', correctInMonth: 4 },
    });
    for (const append of history) {
      const first = append.envelopes[0]!;
      if (first.type === 'IncentivePeriodOpened')
        openPeriod = String((first.data as { period: string }).period);
      if (first.type === 'IncentivePeriodClosed') {
        // Just before the close: every rep's live statement of the month being closed.
        const period = String((first.data as { period: string }).period);
        for (const personId of REPS) {
          const statement = (await live({ personId, period }))!;
          beforeClose.push({ position: (await store.headPosition())!, personId, period, statement });
        }
      } else if (appended % 97 < append.envelopes.length && openPeriod !== undefined) {
        const personId = REPS[appended % REPS.length]!;
        const statement = (await live({ personId, period: openPeriod }))!;
        seen.push({ position: (await store.headPosition())!, personId, period: openPeriod, statement });
      }
      await store.append(
        append.streamId,
        append.envelopes,
        append.revision === 0 ? 'noStream' : append.revision - 1,
      );
      appended += append.envelopes.length;
    }
    await runner.catchUp();
    const read = stored.refresh(openReadModel(readModels, incentiveStatementsProjection));

    // What the live statement showed then, asked later as known at that position: the same bytes.
    expect(seen.length).toBeGreaterThan(30);
    const adjusted = [...seen, ...beforeClose].filter((s) => s.statement.adjustments.length > 0);
    expect(adjusted.length).toBeGreaterThan(3);
    for (const s of seen) {
      const asked = statementOf(read.ledger, { ...s, planId: 'gen', knownAt: s.position }, read.plan);
      expect({ ...asked, knownAt: null }).toEqual(s.statement);
    }
    // Frozen at the close = what the live statement showed just before it, now closed at the close event.
    expect(beforeClose.filter((s) => s.statement.lines.length > 0).length).toBeGreaterThan(20);
    for (const s of beforeClose) {
      const now = statementOf(read.ledger, { ...s, planId: 'gen' }, read.plan)!;
      expect(now.status).toBe('closed');
      expect(now.frozenAt!.position > s.position).toBe(true);
      expect({ ...now, status: 'open', frozenAt: null }).toEqual(s.statement);
    }
    // The same answers recomputed from the log alone (no stored closes), as the calculator did before.
    const events: HistoryEvent[] = [];
    for await (const e of store.readAll()) {
      events.push({
        id: e.id,
        type: e.type,
        streamId: e.streamId,
        position: e.position,
        actor: String(e.metadata.actor),
        occurredAt: String(e.metadata.occurredAt),
        recordedAt: String(e.metadata.recordedAt ?? e.metadata.occurredAt),
        data: e.data,
      });
    }
    const ledger = ledgerOf(events);
    for (const s of [...seen, ...beforeClose].filter((_, i) => i % 5 === 0)) {
      const fromLog = statementOf(ledger, { ...s, planId: 'gen', knownAt: s.position });
      const fromStore = statementOf(read.ledger, { ...s, planId: 'gen', knownAt: s.position }, read.plan);
      expect(fromStore).toEqual(fromLog);
    }
    await runner.stop();
    readModels.close();
    await store.close();
  });
});
