import { InvalidValueError } from './errors';

// ISO 4217 active currency codes (fund codes and precious metals left out), grouped by how many minor
// units a major unit has: EUR 2 (cents), JPY 0, KWD 3. An amount in minor units converts with these.
const BY_DIGITS: Readonly<Record<0 | 2 | 3, string>> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD ' +
    'CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD ' +
    'HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD ' +
    'MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON ' +
    'RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD ' +
    'TZS UAH USD UYU UZS VES WST XCD XCG YER ZAR ZMW ZWG',
  3: 'BHD IQD JOD KWD LYD OMR TND',
};

const DIGITS: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_DIGITS).flatMap(([digits, codes]) => codes.split(' ').map((c) => [c, Number(digits)])),
);

/** Every known currency code, sorted. */
export const CURRENCY_CODES: readonly string[] = [...DIGITS.keys()].sort();

export const isKnownCurrency = (code: unknown): code is string =>
  typeof code === 'string' && DIGITS.has(code);

/** How many decimal digits the minor unit of `code` has (EUR 2, JPY 0, KWD 3). */
export function minorDigits(code: string): number {
  const digits = DIGITS.get(code);
  if (digits === undefined)
    throw new InvalidValueError('currency', `must be a known ISO-4217 code, got "${code}"`);
  return digits;
}
