import { ImportChecker, lineCommandId, type CommandTypes } from './import-line';

const types: CommandTypes = new Map([
  ['RegisterCustomer', new Map([['customer', (id: string) => `customer-${id}`]])],
  [
    'CastGateVote',
    new Map([
      ['opportunity', (id: string) => `opportunity-${id}`],
      ['contract', (id: string) => `contract-${id}`],
    ]),
  ],
]);
const now = '2026-12-02T09:00:00.000Z';
const checker = () => new ImportChecker(types, () => now, 300_000);
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'RegisterCustomer',
    target: 'acme',
    body: { name: 'ACME', segment: 'strategic' },
    actor: 'ann',
    occurredAt: '2025-01-06T09:00:00+01:00',
    ...fields,
  });

describe('ImportChecker', () => {
  it('accepts a line: its stream, its business time in UTC and a key from its number and content', () => {
    const checked = checker().check(line({}), 3);
    expect(checked).toEqual({
      ok: true,
      command: expect.objectContaining({
        line: 3,
        kind: 'customer',
        streamId: 'customer-acme',
        occurredAt: '2025-01-06T08:00:00.000Z',
        commandId: expect.stringMatching(/^import:[0-9a-f]{32}$/),
      }),
    });
    // The same line at another number is another command; the same line at the same number is not.
    const again = checker().check(line({}), 3);
    const moved = checker().check(line({}), 4);
    const id = (c: typeof checked) => (c.ok ? c.command.commandId : '');
    expect(id(again)).toBe(id(checked));
    expect(id(moved)).not.toBe(id(checked));
    expect(lineCommandId(3, { a: 1 })).not.toBe(lineCommandId(3, { a: 2 }));
  });

  it('takes a line id as its key', () => {
    const checked = checker().check(line({ id: 'crm-000042' }), 1);
    expect(checked.ok && checked.command.commandId).toBe('crm-000042');
    expect(checker().check(line({ id: 'short' }), 1)).toMatchObject({
      ok: false,
      refusal: { code: 'INVALID_LINE' },
    });
  });

  it.each([
    ['not JSON', '{"type":', 'MALFORMED_LINE'],
    ['an array', '[1]', 'MALFORMED_LINE'],
    ['an unknown field', line({ when: 'now' }), 'INVALID_LINE'],
    ['an unknown type', line({ type: 'Teleport' }), 'UNKNOWN_COMMAND'],
    ['a bad target', line({ target: 'a b' }), 'INVALID_LINE'],
    ['a body that is no object', line({ body: 'x' }), 'INVALID_LINE'],
    ['no actor', line({ actor: undefined }), 'INVALID_LINE'],
    ['a day for an instant', line({ occurredAt: '2025-01-06' }), 'INVALID_VALUE'],
    ['a future instant', line({ occurredAt: '2026-12-02T09:05:00.001Z' }), 'OCCURRED_AT_IN_FUTURE'],
    ['a gate vote without its kind', line({ type: 'CastGateVote', target: 'o-1', body: {} }), 'INVALID_LINE'],
  ])('refuses %s with its code and the line number', (_, text, code) => {
    expect(checker().check(text, 7)).toMatchObject({ ok: false, refusal: { line: 7, code } });
  });

  it('refuses business time going back on a stream within the file, not across streams', () => {
    const c = checker();
    expect(c.check(line({ occurredAt: '2025-02-01T00:00:00Z' }), 1).ok).toBe(true);
    expect(c.check(line({ target: 'globex', occurredAt: '2025-01-01T00:00:00Z' }), 2).ok).toBe(true);
    expect(c.check(line({ occurredAt: '2025-01-31T23:59:59Z' }), 3)).toMatchObject({
      ok: false,
      refusal: { line: 3, code: 'OCCURRED_AT_BEFORE_STREAM', rule: 'occurredAt.notBeforeStream' },
    });
    const vote = { type: 'CastGateVote', target: 'o-1', kind: 'contract', body: {} };
    expect(c.check(line(vote), 4)).toMatchObject({ ok: true, command: { streamId: 'contract-o-1' } });
  });
});
