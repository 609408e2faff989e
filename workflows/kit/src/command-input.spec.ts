import {
  ID_PATTERN,
  LIMITS,
  limitText,
  requireId,
  optionalText,
  requireBoolean,
  requireCalendarDate,
  requireInstant,
  requireInteger,
  requireMoney,
  requireOneOf,
  requireText,
} from './command-input';
import { InvalidCommandError } from './refusal';

const invalid = (fn: () => unknown, field: string) => {
  expect(fn).toThrow(InvalidCommandError);
  expect(fn).toThrow(expect.objectContaining({ field }));
};

describe('command input checks', () => {
  it('trims text and refuses blanks', () => {
    expect(requireText('C', 'name', '  Acme ')).toBe('Acme');
    invalid(() => requireText('C', 'name', '  '), 'name');
    expect(optionalText('C', 'note', undefined)).toBe('');
    invalid(() => optionalText('C', 'note', 5), 'note');
  });

  it('refuses a text longer than its limit, counting characters as given', () => {
    const longest = 'x'.repeat(LIMITS.prose);
    expect(requireText('C', 'reason', longest, LIMITS.prose)).toBe(longest);
    invalid(() => requireText('C', 'reason', `${longest}x`, LIMITS.prose), 'reason');
    // Blanks count, as they do over HTTP: the limit holds before trimming.
    invalid(() => requireText('C', 'reason', ` ${longest}`, LIMITS.prose), 'reason');
    invalid(() => optionalText('C', 'note', `${longest}x`, LIMITS.prose), 'note');
    // A character outside the basic plane counts once.
    expect(requireText('C', 'name', '😀'.repeat(LIMITS.phone), LIMITS.phone)).toHaveLength(2 * LIMITS.phone);
    expect(() => limitText('C', 'x', 5, 1)).not.toThrow();
    expect(() => requireText('C', 'reason', `${longest}x`, LIMITS.prose)).toThrow(
      `must be at most ${LIMITS.prose} characters`,
    );
  });

  it('takes an id as HTTP does (trimmed), refusing any other', () => {
    expect(requireId('C', 'customerId', ' cust-1 ')).toBe('cust-1');
    expect(requireId('C', 'id', `a${'b'.repeat(127)}`)).toHaveLength(128);
    for (const bad of ['', 'a b', '-a', 'a/b', `a${'b'.repeat(128)}`, 7])
      invalid(() => requireId('C', 'id', bad), 'id');
    expect(ID_PATTERN.test('opp-1.v2_x')).toBe(true);
  });

  it('checks money and its sign', () => {
    expect(requireMoney('C', 'amount', { amountMinor: 5, currency: 'EUR', extra: 1 })).toEqual({
      amountMinor: 5,
      currency: 'EUR',
    });
    invalid(() => requireMoney('C', 'amount', { amountMinor: 0, currency: 'EUR' }), 'amount');
    invalid(() => requireMoney('C', 'amount', { amountMinor: -1, currency: 'EUR' }, 'nonNegative'), 'amount');
    expect(requireMoney('C', 'delta', { amountMinor: -1, currency: 'EUR' }, 'any').amountMinor).toBe(-1);
    invalid(() => requireMoney('C', 'amount', { amountMinor: 1.5, currency: 'EUR' }), 'amount');
  });

  it('checks dates, instants, integers, booleans and enumerations', () => {
    expect(requireCalendarDate('C', 'd', '2024-02-29')).toBe('2024-02-29');
    invalid(() => requireCalendarDate('C', 'd', '2023-02-29'), 'd');
    expect(requireInstant('C', 't', '2026-03-01T09:00:00.000Z')).toBe('2026-03-01T09:00:00.000Z');
    invalid(() => requireInstant('C', 't', '2026-03-01'), 't');
    expect(requireInteger('C', 'p', 100, 0, 100)).toBe(100);
    invalid(() => requireInteger('C', 'p', 101, 0, 100), 'p');
    expect(requireBoolean('C', 'b', false)).toBe(false);
    invalid(() => requireBoolean('C', 'b', 'no'), 'b');
    expect(requireOneOf('C', 'k', 'a', ['a', 'b'])).toBe('a');
    invalid(() => requireOneOf('C', 'k', 'c', ['a', 'b']), 'k');
  });
});
