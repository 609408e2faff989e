import { callsInForce, callShown, type RecordedForecastCall } from './calls';
import { ForecastFactsFolder } from './facts';

let n = 0;
/** A call event as the log holds it: made (business time) at `occurredAt`, recorded at `recordedAt`. */
function made(line: string, change: Record<string, unknown>, occurredAt: string, recordedAt = occurredAt) {
  n += 1;
  const [scope, subject, period] = line.split('.') as ['own' | 'team', string, string];
  return {
    id: `e${n}`,
    type: 'ForecastCallMade',
    streamId: `forecast-call-${line}`,
    position: String(n).padStart(20, '0'),
    actor: 'x',
    occurredAt,
    recordedAt,
    data: {
      scope,
      personId: scope === 'own' ? subject : null,
      team: scope === 'team' ? subject : null,
      period,
      currency: 'EUR',
      commitMinor: 0,
      bestCaseMinor: 0,
      note: '',
      by: scope === 'own' ? subject : 'bob',
      ...change,
    },
  };
}

describe('forecast calls in force', () => {
  const folder = new ForecastFactsFolder();
  // ann calls 100 on Oct 5, then 80 on Oct 12; bob calls 500 for east on Oct 6; cy's call of Oct 7 is a
  // late entry recorded Oct 20; sam calls for next quarter.
  for (const event of [
    made('own.ann.2026-Q4', { commitMinor: 100, bestCaseMinor: 150 }, '2026-10-05T09:00:00.000Z'),
    made('team.east.2026-Q4', { commitMinor: 500, bestCaseMinor: 700 }, '2026-10-06T09:00:00.000Z'),
    made(
      'own.cy.2026-Q4',
      { commitMinor: 40, bestCaseMinor: 40 },
      '2026-10-07T09:00:00.000Z',
      '2026-10-20T09:00:00.000Z',
    ),
    made(
      'own.ann.2026-Q4',
      { commitMinor: 80, bestCaseMinor: 150, note: 'slips' },
      '2026-10-12T09:00:00.000Z',
    ),
    made('own.sam.2027-Q1', { commitMinor: 9, bestCaseMinor: 9 }, '2026-10-08T09:00:00.000Z'),
  ]) {
    folder.apply(event);
  }
  const { calls } = folder.facts;
  const commits = (list: RecordedForecastCall[]) => list.map((c) => [c.line, c.commitMinor]);

  it('keeps every call, the superseded ones too', () => expect(calls).toHaveLength(5));

  it('gives per line the latest call made by the instant', () => {
    expect(commits(callsInForce(calls, { at: '2026-10-10T00:00:00.000Z', period: '2026-Q4' }))).toEqual([
      ['own.ann.2026-Q4', 100],
      ['own.cy.2026-Q4', 40],
      ['team.east.2026-Q4', 500],
    ]);
    // Oct 12: ann's second call (80) supersedes her first (100).
    expect(commits(callsInForce(calls, { at: '2026-10-12T09:00:00.000Z', period: '2026-Q4' }))).toEqual([
      ['own.ann.2026-Q4', 80],
      ['own.cy.2026-Q4', 40],
      ['team.east.2026-Q4', 500],
    ]);
  });

  it('leaves out a call recorded after knownAt (a late entry is no hindsight for W)', () => {
    const at = '2026-10-10T00:00:00.000Z';
    const asKnown = callsInForce(calls, { at, knownAt: { instant: at }, period: '2026-Q4' });
    expect(commits(asKnown)).toEqual([
      ['own.ann.2026-Q4', 100],
      ['team.east.2026-Q4', 500],
    ]);
    // A log position bound reads alike: the first three events only.
    const byPosition = callsInForce(calls, { at, knownAt: { position: calls[2]!.position as never } });
    expect(byPosition.map((c) => c.line)).toEqual(['own.ann.2026-Q4', 'own.cy.2026-Q4', 'team.east.2026-Q4']);
  });

  it('shows a rep their own line and a manager their reps and team', () => {
    const at = '2026-10-31T00:00:00.000Z';
    expect(commits(callsInForce(calls, { at, visibleTo: { people: ['ann'], teams: [] } }))).toEqual([
      ['own.ann.2026-Q4', 80],
    ]);
    const bob = callsInForce(calls, { at, visibleTo: { people: ['bob', 'ann', 'sam'], teams: ['east'] } });
    expect(bob.map((c) => c.line)).toEqual(['own.ann.2026-Q4', 'own.sam.2027-Q1', 'team.east.2026-Q4']);
  });

  it('shows a call without its log bookkeeping', () => {
    expect(callShown(calls[3]!)).toEqual({
      callId: 'e4',
      by: 'ann',
      scope: 'own',
      personId: 'ann',
      team: null,
      period: '2026-Q4',
      currency: 'EUR',
      commitMinor: 80,
      bestCaseMinor: 150,
      note: 'slips',
      occurredAt: '2026-10-12T09:00:00.000Z',
      recordedAt: '2026-10-12T09:00:00.000Z',
    });
  });

  it('counts an imported call as known when it occurred, in a backtest; a late entry only once recorded', () => {
    const imported = new ForecastFactsFolder();
    // fay's call of Oct 7 came in with the history import on Oct 20 (metadata.imported); cy's is a late entry.
    imported.apply(
      made('own.fay.2026-Q4', { commitMinor: 70 }, '2026-10-07T09:00:00.000Z', '2026-10-20T09:00:00.000Z'),
      { metadata: { imported: true } as never },
    );
    imported.apply(
      made('own.cy.2026-Q4', { commitMinor: 40 }, '2026-10-07T09:00:00.000Z', '2026-10-20T09:00:00.000Z'),
      { metadata: {} as never },
    );
    const at = '2026-10-10T00:00:00.000Z';
    const query = { at, knownAt: { instant: at }, period: '2026-Q4' };
    expect(imported.facts.calls.map((c) => [c.line, c.imported])).toEqual([
      ['own.fay.2026-Q4', true],
      ['own.cy.2026-Q4', false],
    ]);
    expect(commits(callsInForce(imported.facts.calls, query))).toEqual([]);
    expect(
      commits(callsInForce(imported.facts.calls, { ...query, importedKnownWhenOccurred: true })),
    ).toEqual([['own.fay.2026-Q4', 70]]);
    // Not before it occurred, even imported.
    const oct6 = '2026-10-06T00:00:00.000Z';
    expect(
      callsInForce(imported.facts.calls, {
        at: oct6,
        knownAt: { instant: oct6 },
        importedKnownWhenOccurred: true,
      }),
    ).toEqual([]);
  });
});
