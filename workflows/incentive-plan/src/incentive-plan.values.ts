import { InvalidValueError } from '@ltc/domain';

// The plan's values and the exact arithmetic every incentive figure uses: integer minor units, basis
// points and decimal-string FX rates, multiplied exactly in BigInt and rounded once, half away from zero.

export type PeriodKind = 'month' | 'quarter';
export const PERIOD_KINDS = ['month', 'quarter'] as const satisfies readonly PeriodKind[];
/** '2026-11' for a month, '2026-Q4' for a quarter; periods are UTC calendar periods. */
export type PeriodId = string;
/** Integer basis points: 1 % = 100, a 1.5x multiplier = 15000. */
export type Bp = number;
export const BP_ONE = 10000;
/** An attainment band: from `fromBp` (inclusive) to `toBp` (exclusive; `null` = open), paid at `rateBp`. */
export type Tier = { fromBp: Bp; toBp: Bp | null; rateBp: Bp };
export const SPLIT_ROLES = ['AR', 'SR', 'FR'] as const;
export type SplitRole = (typeof SPLIT_ROLES)[number];
export type Split = { AR: Bp; SR: Bp; FR: Bp };

export type PlanTerms = {
  name: string;
  /** Plan currency, ISO-4217. */
  currency: string;
  periodKind: PeriodKind;
  /** 1 unit of the key currency = this many units of the plan currency, decimal string, <= 6 decimals ("1.085"). */
  fxRates: Record<string, string>;
  pool: {
    /** On the signed (contract) amount, earned in the signing period (0 = none). */
    signedRateBp: Bp;
    /** On each payment, earned in the payment's period (0 = none). */
    collectedRateBp: Bp;
    /** 10000 = x1; customers of segment 'strategic'. */
    strategicMultiplierBp: Bp;
    /** 10000 = x1; a customer with no earlier won deal ("blank market"); compounds with strategic. */
    newCustomerMultiplierBp: Bp;
  };
  /** Sums to 10000. */
  split: Split;
  attainment: {
    /** 'whole': each role holder credited with the whole deal; 'split': by split share. */
    credit: 'whole' | 'split';
    mode: 'marginal' | 'cliff';
    tiers: Tier[];
  };
  clawback: {
    /** A contract terminated within N days of signing reverses signing earnings + credit. */
    terminationWindowDays: number;
    /** A write-off reverses signing-basis earnings on the written-off part. */
    writeOffReversesSigning: boolean;
  };
  /** Who is paid by this plan: person ids (the person streams' ids). */
  participants: string[];
};

// ---------------------------------------------------------------------------------------------------
// Period ids

const MONTH_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

export type ParsedPeriod = Readonly<{ id: PeriodId; kind: PeriodKind; year: number; index: number }>;

/** `2026-11` (month 11) or `2026-Q4` (quarter 4); anything else is an InvalidValueError on `field`. */
export function parsePeriodId(value: unknown, field = 'period'): ParsedPeriod {
  if (typeof value === 'string') {
    const month = MONTH_ID.exec(value);
    if (month) return { id: value, kind: 'month', year: Number(month[1]), index: Number(month[2]) };
    const quarter = QUARTER_ID.exec(value);
    if (quarter) return { id: value, kind: 'quarter', year: Number(quarter[1]), index: Number(quarter[2]) };
  }
  return bad(field, `must be a period id such as 2026-11 (month) or 2026-Q4 (quarter), got ${show(value)}`);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const formatPeriod = (kind: PeriodKind, year: number, index: number): PeriodId =>
  kind === 'month' ? `${pad(year, 4)}-${pad(index, 2)}` : `${pad(year, 4)}-Q${index}`;
const firstMonth = (p: ParsedPeriod): number => (p.kind === 'month' ? p.index : (p.index - 1) * 3 + 1);
const monthStart = (year: number, month: number): string =>
  new Date(Date.UTC(year, month - 1, 1)).toISOString();

/** The UTC calendar period of `kind` that holds the instant (or day `YYYY-MM-DD`). */
export function periodOf(kind: PeriodKind, isoInstant: string): PeriodId {
  const time = Date.parse(isoInstant);
  if (typeof isoInstant !== 'string' || Number.isNaN(time)) {
    return bad('instant', `must be an ISO-8601 instant, got ${show(isoInstant)}`);
  }
  const at = new Date(time);
  const month = at.getUTCMonth() + 1;
  return formatPeriod(kind, at.getUTCFullYear(), kind === 'month' ? month : Math.ceil(month / 3));
}

/** The period's instants: `from` inclusive, `to` exclusive (the next period's `from`). */
export function periodRange(id: PeriodId): Readonly<{ from: string; to: string }> {
  const p = parsePeriodId(id);
  const first = firstMonth(p);
  const months = p.kind === 'month' ? 1 : 3;
  return { from: monthStart(p.year, first), to: monthStart(p.year, first + months) };
}

/** The period after `id`, of the same kind (`2026-12` → `2027-01`, `2026-Q4` → `2027-Q1`). */
export function nextPeriod(id: PeriodId): PeriodId {
  const p = parsePeriodId(id);
  const last = p.kind === 'month' ? 12 : 4;
  return p.index === last ? formatPeriod(p.kind, p.year + 1, 1) : formatPeriod(p.kind, p.year, p.index + 1);
}

/** Orders periods by their start, then by their end (a month before the quarter that starts with it). */
export function comparePeriods(a: PeriodId, b: PeriodId): number {
  const ra = periodRange(a);
  const rb = periodRange(b);
  return ra.from.localeCompare(rb.from) || ra.to.localeCompare(rb.to);
}

// ---------------------------------------------------------------------------------------------------
// Terms

const CURRENCY = /^[A-Z]{3}$/;
const DECIMAL_RATE = /^\d{1,12}(\.\d{1,6})?$/;
const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** The largest rate or multiplier a plan takes: x100 (1,000,000 bp). */
export const MAX_BP = 1_000_000;

function bad(field: string, reason: string): never {
  throw new InvalidValueError(field, reason);
}
function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}
function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(field, 'must be an object');
  return value as Record<string, unknown>;
}
function bp(value: unknown, field: string): Bp {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    bad(field, `must be a whole number of basis points (1 % = 100), got ${show(value)}`);
  }
  if (value < 0) bad(field, `must not be negative, got ${value}`);
  if (value > MAX_BP) bad(field, `must be at most ${MAX_BP} basis points, got ${value}`);
  return value;
}
function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) bad(field, `must be one of ${allowed.join(', ')}, got ${show(value)}`);
  return value as T;
}
function currency(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CURRENCY.test(value)) {
    bad(field, `must be an ISO-4217 code such as EUR, got ${show(value)}`);
  }
  return value;
}

/** Whether a plan rate is a positive decimal string with at most 6 decimals. */
export function isPlanRate(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_RATE.test(value) && /[1-9]/.test(value);
}

function tiers(value: unknown, field: string): Tier[] {
  if (!Array.isArray(value) || value.length === 0) bad(field, 'must be a non-empty list of attainment bands');
  const list = value as unknown[];
  return list.map((raw, i) => {
    const at = `${field}[${i}]`;
    const t = record(raw, at);
    const fromBp = bp(t['fromBp'], `${at}.fromBp`);
    const last = i === list.length - 1;
    if (last && t['toBp'] !== null) bad(`${at}.toBp`, 'must be null: the last band is open');
    const toBp = last ? null : bp(t['toBp'], `${at}.toBp`);
    const rateBp = bp(t['rateBp'], `${at}.rateBp`);
    if (i === 0 && fromBp !== 0) bad(`${at}.fromBp`, `must be 0: the first band starts at 0, got ${fromBp}`);
    if (toBp !== null && toBp <= fromBp) bad(`${at}.toBp`, `must be above fromBp ${fromBp}, got ${toBp}`);
    if (i > 0) {
      const prevTo = (list[i - 1] as Record<string, unknown>)['toBp'];
      if (fromBp < (prevTo as number)) {
        bad(`${at}.fromBp`, `overlaps the band before, which ends at ${show(prevTo)}: got ${fromBp}`);
      }
      if (fromBp > (prevTo as number)) {
        bad(
          `${at}.fromBp`,
          `leaves a gap after the band before, which ends at ${show(prevTo)}: got ${fromBp}`,
        );
      }
    }
    return { fromBp, toBp, rateBp };
  });
}

/**
 * Checks plan terms from the outside world and returns them clean (only the known fields). Every rule
 * broken is an InvalidValueError naming the field (`terms.split`, `terms.attainment.tiers[1].fromBp`).
 */
export function validatePlanTerms(value: unknown, field = 'terms'): PlanTerms {
  const t = record(value, field);
  const name = t['name'];
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    bad(`${field}.name`, 'must be a non-empty text of at most 200 characters');
  }
  const planCurrency = currency(t['currency'], `${field}.currency`);
  const periodKind = oneOf(t['periodKind'], `${field}.periodKind`, PERIOD_KINDS);

  const fx = record(t['fxRates'] ?? {}, `${field}.fxRates`);
  const fxRates: Record<string, string> = {};
  for (const [code, rate] of Object.entries(fx).sort(([a], [b]) => a.localeCompare(b))) {
    currency(code, `${field}.fxRates.${code}`);
    if (!isPlanRate(rate)) {
      bad(
        `${field}.fxRates.${code}`,
        `must be a positive decimal string with at most 6 decimals, got ${show(rate)}`,
      );
    }
    if (code === planCurrency && !/^1(\.0*)?$/.test(rate)) {
      bad(`${field}.fxRates.${code}`, `is the plan currency: its rate is 1, got ${show(rate)}`);
    }
    fxRates[code] = rate;
  }

  const p = record(t['pool'], `${field}.pool`);
  const pool = {
    signedRateBp: bp(p['signedRateBp'], `${field}.pool.signedRateBp`),
    collectedRateBp: bp(p['collectedRateBp'], `${field}.pool.collectedRateBp`),
    strategicMultiplierBp: bp(p['strategicMultiplierBp'], `${field}.pool.strategicMultiplierBp`),
    newCustomerMultiplierBp: bp(p['newCustomerMultiplierBp'], `${field}.pool.newCustomerMultiplierBp`),
  };

  const s = record(t['split'], `${field}.split`);
  const split: Split = {
    AR: bp(s['AR'], `${field}.split.AR`),
    SR: bp(s['SR'], `${field}.split.SR`),
    FR: bp(s['FR'], `${field}.split.FR`),
  };
  const splitSum = split.AR + split.SR + split.FR;
  if (splitSum !== BP_ONE) {
    bad(
      `${field}.split`,
      `must sum to 10000 (100 %): AR ${split.AR} + SR ${split.SR} + FR ${split.FR} = ${splitSum}`,
    );
  }

  const a = record(t['attainment'], `${field}.attainment`);
  const attainment = {
    credit: oneOf(a['credit'], `${field}.attainment.credit`, ['whole', 'split'] as const),
    mode: oneOf(a['mode'], `${field}.attainment.mode`, ['marginal', 'cliff'] as const),
    tiers: tiers(a['tiers'], `${field}.attainment.tiers`),
  };

  const c = record(t['clawback'], `${field}.clawback`);
  const window = c['terminationWindowDays'];
  if (typeof window !== 'number' || !Number.isSafeInteger(window) || window < 0 || window > 3660) {
    bad(
      `${field}.clawback.terminationWindowDays`,
      `must be a whole number of days from 0 to 3660, got ${show(window)}`,
    );
  }
  const reverses = c['writeOffReversesSigning'];
  if (typeof reverses !== 'boolean') {
    bad(`${field}.clawback.writeOffReversesSigning`, `must be true or false, got ${show(reverses)}`);
  }

  const people = t['participants'];
  if (!Array.isArray(people) || people.length === 0) {
    bad(`${field}.participants`, 'must be a non-empty list of person ids');
  }
  const participants = (people as unknown[]).map((id, i) => {
    if (typeof id !== 'string' || !PERSON_ID.test(id)) {
      bad(`${field}.participants[${i}]`, `must be a person id, got ${show(id)}`);
    }
    return id;
  });
  if (new Set(participants).size !== participants.length) {
    bad(`${field}.participants`, 'must name each person once');
  }

  return {
    name: name.trim(),
    currency: planCurrency,
    periodKind,
    fxRates,
    pool,
    split,
    attainment,
    clawback: { terminationWindowDays: window, writeOffReversesSigning: reverses },
    participants,
  };
}

// ---------------------------------------------------------------------------------------------------
// Exact amounts

/** An exact fraction `num / den` (den > 0). */
export type Ratio = Readonly<{ num: bigint; den: bigint }>;

export const ratioOfBp = (value: Bp): Ratio => ({ num: BigInt(value), den: BigInt(BP_ONE) });

/** `"1.085"` → 1085/1000, exactly. */
export function ratioOfRate(rate: string): Ratio {
  if (!DECIMAL_RATE.test(rate))
    bad('rate', `must be a decimal string with at most 6 decimals, got ${show(rate)}`);
  const [whole, fraction = ''] = rate.split('.');
  return { num: BigInt(`${whole}${fraction}`), den: 10n ** BigInt(fraction.length) };
}

/** `num / den` rounded to an integer, half away from zero (den > 0). */
export function roundHalfAwayFromZero(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  const rounded = (2n * magnitude + den) / (2n * den);
  return negative ? -rounded : rounded;
}

/** `amountMinor × r1 × r2 × …`, exact, rounded once to the minor unit, half away from zero. */
export function applyRatios(amountMinor: number, ratios: readonly Ratio[]): number {
  let num = BigInt(amountMinor);
  let den = 1n;
  for (const r of ratios) {
    num *= r.num;
    den *= r.den;
  }
  return Number(roundHalfAwayFromZero(num, den));
}

/** The plan rate of a currency: 1 for the plan currency, the plan's fixed rate, or none. */
export function planRateOf(currencyCode: string, terms: PlanTerms): string | undefined {
  return currencyCode === terms.currency ? '1' : terms.fxRates[currencyCode];
}

export type PlanConversion =
  | Readonly<{ ok: true; amountMinor: number; rate: string }>
  | Readonly<{ ok: false; currency: string; reason: string }>;

const noRate = (currencyCode: string, terms: PlanTerms): PlanConversion => ({
  ok: false,
  currency: currencyCode,
  reason: `the plan "${terms.name}" has no ${currencyCode} rate to ${terms.currency}`,
});

/**
 * An amount in plan currency at the plan's fixed rate, rounded once (half away from zero); a currency
 * without a rate is a `{ ok: false }` answer for the read model to report, never a throw or a drop.
 * Both currencies' minor units are taken as hundredths (the plan rate is applied to minor units).
 */
export function convertToPlan(amountMinor: number, currencyCode: string, terms: PlanTerms): PlanConversion {
  const rate = planRateOf(currencyCode, terms);
  if (rate === undefined) return noRate(currencyCode, terms);
  return { ok: true, amountMinor: applyRatios(amountMinor, [ratioOfRate(rate)]), rate };
}

/**
 * A deal's bonus pool in plan currency: amount × plan FX rate × pool rate × each multiplier, exact,
 * rounded ONCE to the cent half away from zero (no intermediate rounding of the converted amount).
 */
export function bonusPool(
  amountMinor: number,
  currencyCode: string,
  rateBp: Bp,
  multipliersBp: readonly Bp[],
  terms: PlanTerms,
): PlanConversion {
  const rate = planRateOf(currencyCode, terms);
  if (rate === undefined) return noRate(currencyCode, terms);
  const ratios = [ratioOfRate(rate), ratioOfBp(rateBp), ...multipliersBp.map(ratioOfBp)];
  return { ok: true, amountMinor: applyRatios(amountMinor, ratios), rate };
}

/**
 * The AR/SR/FR shares of a pool (minor units) by largest remainder: each share's exact part is floored,
 * then the cents left over go one each to the largest fractional remainders (ties in AR, SR, FR order).
 * The shares always sum exactly to the pool; a negative pool (a clawback) splits as the mirror of its
 * magnitude, so a reversal takes back exactly what was paid.
 */
export function splitByLargestRemainder(poolMinor: number, split: Split): Split {
  if (!Number.isSafeInteger(poolMinor))
    bad('poolMinor', `must be a whole number of minor units, got ${poolMinor}`);
  const sign = poolMinor < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(poolMinor));
  const total = BigInt(SPLIT_ROLES.reduce((sum, role) => sum + split[role], 0));
  if (total <= 0n) bad('split', 'must have a positive total');
  const parts = SPLIT_ROLES.map((role, order) => {
    const exact = magnitude * BigInt(split[role]);
    return { role, order, floor: exact / total, remainder: exact % total };
  });
  let left = magnitude - parts.reduce((sum, p) => sum + p.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.order - b.order : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left === 0n) break;
    part.floor += 1n;
    left -= 1n;
  }
  const share = (role: SplitRole): number => Number(sign * parts.find((p) => p.role === role)!.floor);
  return { AR: share('AR'), SR: share('SR'), FR: share('FR') };
}
