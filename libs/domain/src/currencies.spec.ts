import { CURRENCY_CODES, isKnownCurrency, minorDigits } from './currencies';

describe('currencies', () => {
  it('knows the minor units of a currency: EUR cents, JPY none, KWD fils', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('refuses a code that is no currency, naming the field', () => {
    expect(isKnownCurrency('EUX')).toBe(false);
    expect(() => minorDigits('EUX')).toThrow('currency must be a known ISO-4217 code, got "EUX"');
  });

  it('lists codes Node itself knows as currencies, each once', () => {
    const intl = new Set(Intl.supportedValuesOf('currency'));
    expect(CURRENCY_CODES.filter((c) => !intl.has(c))).toEqual([]);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
  });
});
