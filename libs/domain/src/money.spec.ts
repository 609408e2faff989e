import { addMoney, compareMoney, isMoney, money, subtractMoney } from './money';
import { InvalidValueError } from './errors';

describe('Money', () => {
  it('keeps integer minor units and the currency', () => {
    expect(money(123_45, 'EUR')).toEqual({ amountMinor: 12345, currency: 'EUR' });
  });

  it.each([
    [1.5, 'EUR'],
    [Number.MAX_SAFE_INTEGER + 1, 'EUR'],
    [Number.NaN, 'EUR'],
    [100, 'eur'],
    [100, 'EURO'],
  ])('refuses %p %p', (amount, currency) => {
    expect(() => money(amount, currency)).toThrow(InvalidValueError);
  });

  it('adds, subtracts and compares in one currency only', () => {
    const a = money(1000, 'CNY');
    const b = money(250, 'CNY');
    expect(addMoney(a, b).amountMinor).toBe(1250);
    expect(subtractMoney(a, b).amountMinor).toBe(750);
    expect(compareMoney(a, b)).toBeGreaterThan(0);
    expect(() => addMoney(a, money(1, 'USD'))).toThrow(/cannot combine CNY with USD/);
  });

  it('recognises stored money', () => {
    expect(isMoney({ amountMinor: 5, currency: 'USD' })).toBe(true);
    expect(isMoney({ amountMinor: 5.5, currency: 'USD' })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });
});
