import type { AmountFact, Deal, IncentiveLedger, PlanLedger, RoleSpell } from './incentive-history';
import { formatBp, formatMinor, formatMultiplier } from './money-format';
import {
  comparePeriods,
  periodOf,
  periodRange,
  planRate,
  roundDiv,
  splitByLargestRemainder,
  type PeriodId,
  type PlanTerms,
  type Tier,
} from './plan-rates';
import type {
  AppliedTier,
  EarningKind,
  EarningLine,
  IncentiveRole,
  LineInputs,
  UnconvertedAmount,
} from './types';

/** Which log positions an answer may see. */
export type Known = (position: string) => boolean;
export const knowsAll: Known = () => true;

/** The earnings of one plan as known at a bound: lines and unconverted amounts per person and period. */
export type Earnings = Readonly<{
  lines: Map<string, EarningLine[]>;
  unconverted: Map<string, UnconvertedAmount[]>;
}>;

export const personPeriod = (personId: string, period: PeriodId): string => `${personId}|${period}`;

const ROLES: readonly IncentiveRole[] = ['AR', 'SR', 'FR'];
/** Plan amounts are exact in 1e-6 minor units (rates have at most 6 decimals). */
const MICRO = 1_000_000n;
const BP = 10_000n;

const NO_INPUTS: LineInputs = {
  amountMinor: null,
  currency: null,
  fxRate: null,
  planAmountMinor: null,
  poolRateBp: null,
  strategicMultiplierBp: null,
  newCustomerMultiplierBp: null,
  multiplierBp: null,
  poolMinor: null,
  role: null,
  splitShareBp: null,
  achievedMinor: null,
  targetMinor: null,
  targetBonusMinor: null,
  attainmentBp: null,
  tierMode: null,
  tiers: null,
  tierResultBp: null,
};

/** The terms in force for a period as known: the last published or corrected version effective by then. */
export function termsFor(plan: PlanLedger, period: PeriodId, known: Known): PlanTermsInForce | undefined {
  let found: PlanTermsInForce | undefined;
  for (const v of plan.versions) {
    if (known(v.position) && comparePeriods(v.effectiveFrom, period) <= 0) {
      found = { terms: v.terms, eventId: v.eventId };
    }
  }
  if (found === undefined) return undefined;
  const retired = plan.retirements.some(
    (r) => known(r.position) && comparePeriods(period, r.effectiveAfter) > 0,
  );
  return retired ? undefined : found;
}
export type PlanTermsInForce = Readonly<{ terms: PlanTerms; eventId: string }>;

/** The plan's period kind (of its first version: a correction keeps the calendar). */
export function periodKindOf(plan: PlanLedger): PlanTerms['periodKind'] {
  return plan.versions[0]?.terms.periodKind ?? 'month';
}

function holderAt(
  spells: readonly RoleSpell[],
  role: IncentiveRole,
  at: string,
  known: Known,
): RoleSpell | undefined {
  let found: RoleSpell | undefined;
  for (const s of spells) {
    if (s.role === role && known(s.position) && s.at <= at) found = s;
  }
  return found;
}

type Sink = {
  lines: Map<string, EarningLine[]>;
  unconverted: Map<string, UnconvertedAmount[]>;
};

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** amount × plan rate, exact in micro-minor units, or the reason it cannot be converted. */
function toPlanMicro(
  amount: AmountFact['amount'],
  terms: PlanTerms,
): { micro: bigint; rate: string } | string {
  const c = planRate(amount.currency, terms);
  if (!c.ok) return c.reason;
  return { micro: (BigInt(amount.amountMinor) * c.num * MICRO) / c.den, rate: c.rate };
}

type DealView = {
  deal: Deal;
  signPeriod: PeriodId;
  signTerms: PlanTermsInForce;
  strategicBp: number;
  newCustomerBp: number;
  /** Role holders at signing, who earn (and give back) everything on the signing basis. */
  signers: Partial<Record<IncentiveRole, RoleSpell>>;
  terminated: AmountFact['eventId'] | null;
};

/**
 * Each deal's lines, unconverted amounts and attainment credits as last computed, with the signature of
 * what they were computed from (the deal's fact counts, whether it was the customer's first win, the plan's
 * versions and retirements). The ledger only grows, so an unchanged signature means unchanged lines: a
 * close recomputes only the deals that changed since the last one. Valid only for bounds that know every
 * fact of the ledger (the projection's freeze, where the ledger holds exactly the log before the close).
 */
export type EarningsCache = Map<string, CachedDeal>;
type CachedDeal = Readonly<{ signature: string; sink: Sink; credits: Map<string, Credit[]> }>;

function signatureOf(deal: Deal, isNew: boolean, plan: PlanLedger): string {
  return (
    `${deal.roles.length},${deal.changes.length},${deal.disputes.length},${deal.writeOffs.length},` +
    `${deal.payments.length},${deal.terminations.length},${isNew},${plan.versions.length},${plan.retirements.length}`
  );
}

/** Appends one deal's lists to the plan's, key by key (the same order as pushing them directly). */
function merge<T>(into: Map<string, T[]>, from: Map<string, T[]>): void {
  for (const [key, list] of from) for (const value of list) push(into, key, value);
}

/**
 * Every earning of one plan as known at `known`: signing, collection and clawback lines per deal and role
 * holder, attainment per person and period with a target. Pure: the same ledger and bound give the same
 * lines (with a `cache`, the deals unchanged since it was filled are taken from it: the same lines).
 */
export function computeEarnings(
  ledger: IncentiveLedger,
  plan: PlanLedger,
  known: Known = knowsAll,
  cache?: EarningsCache,
  /** Only the periods in this range are wanted: a deal with no fact in it is skipped (what-if). */
  within?: Readonly<{ from: PeriodId; to: PeriodId }>,
): Earnings {
  const sink: Sink = { lines: new Map(), unconverted: new Map() };
  const kind = periodKindOf(plan);
  const credits = new Map<string, Credit[]>();
  const firstWinOf = firstWins(ledger, known);
  const instants =
    within === undefined ? undefined : { from: periodRange(within.from).from, to: periodRange(within.to).to };
  for (const deal of ledger.deals.values()) {
    if (!known(deal.won.position)) continue;
    if (instants !== undefined && !hasFactWithin(deal, instants)) continue;
    const isNew = firstWinOf.get(deal.customerId) === deal.contractId;
    if (cache === undefined) {
      dealEarnings(deal, plan, kind, isNew, known, sink, credits);
      continue;
    }
    const signature = signatureOf(deal, isNew, plan);
    let cached = cache.get(deal.contractId);
    if (cached?.signature !== signature) {
      cached = { signature, sink: { lines: new Map(), unconverted: new Map() }, credits: new Map() };
      dealEarnings(deal, plan, kind, isNew, known, cached.sink, cached.credits);
      cache.set(deal.contractId, cached);
    }
    merge(sink.lines, cached.sink.lines);
    merge(sink.unconverted, cached.sink.unconverted);
    merge(credits, cached.credits);
  }
  attainment(plan, known, sink, credits);
  return sink;
}

/**
 * Every line of a deal lies in the period of one of its facts (signing, a change, a dispute, a write-off,
 * a payment, a termination), and so does its credit toward attainment.
 */
function hasFactWithin(deal: Deal, within: Readonly<{ from: string; to: string }>): boolean {
  // Business times are ISO instants (`toISOString`): string order is time order.
  const inside = (at: string): boolean => at >= within.from && at < within.to;
  if (inside(deal.won.at)) return true;
  for (const list of [deal.changes, deal.disputes, deal.writeOffs, deal.payments, deal.terminations]) {
    for (const f of list) if (inside(f.at)) return true;
  }
  return false;
}

function dealEarnings(
  deal: Deal,
  plan: PlanLedger,
  kind: PlanTerms['periodKind'],
  isNew: boolean,
  known: Known,
  sink: Sink,
  credits: Map<string, Credit[]>,
): void {
  const signPeriod = periodOf(kind, deal.won.at);
  const signTerms = termsFor(plan, signPeriod, known);
  if (signTerms !== undefined) {
    const view = dealView(deal, signPeriod, signTerms, isNew, known);
    signingBasis(view, kind, known, sink, credits);
  }
  collections(deal, plan, kind, known, sink, isNew);
}

function firstWins(ledger: IncentiveLedger, known: Known): Map<string, string> {
  const first = new Map<string, Deal>();
  for (const d of ledger.deals.values()) {
    if (!known(d.won.position)) continue;
    const f = first.get(d.customerId);
    if (
      f === undefined ||
      d.won.at < f.won.at ||
      (d.won.at === f.won.at && d.won.position < f.won.position)
    ) {
      first.set(d.customerId, d);
    }
  }
  return new Map([...first].map(([c, d]) => [c, d.contractId]));
}

function dealView(
  deal: Deal,
  signPeriod: PeriodId,
  signTerms: PlanTermsInForce,
  isNew: boolean,
  known: Known,
): DealView {
  const t = signTerms.terms;
  const signers: Partial<Record<IncentiveRole, RoleSpell>> = {};
  for (const role of ROLES) {
    const h = holderAt(deal.roles, role, deal.won.at, known);
    if (h !== undefined) signers[role] = h;
  }
  const windowMs = t.clawback.terminationWindowDays * 86_400_000;
  const termination = deal.terminations.find(
    (x) => known(x.position) && Date.parse(x.at) - Date.parse(deal.won.at) <= windowMs,
  );
  return {
    deal,
    signPeriod,
    signTerms,
    strategicBp: deal.strategic ? t.pool.strategicMultiplierBp : 10000,
    newCustomerBp: isNew ? t.pool.newCustomerMultiplierBp : 10000,
    signers,
    terminated: termination?.eventId ?? null,
  };
}

type PoolArgs = {
  kind: EarningKind;
  period: PeriodId;
  deal: Deal;
  terms: PlanTermsInForce;
  rateBp: number;
  strategicBp: number;
  newCustomerBp: number;
  holders: Partial<Record<IncentiveRole, RoleSpell>>;
  amounts: readonly AmountFact[];
  /** Distinguishes several lines of one kind on a deal (a payment, a change). */
  source: string;
  extraEventIds: readonly string[];
};

/** The pool on the exact plan amount, rounded once; then the shares by largest remainder to the holders. */
function poolLines(
  a: PoolArgs,
  sink: Sink,
): { poolMinor: number; shares: Partial<Record<IncentiveRole, number>> } | null {
  const t = a.terms.terms;
  let micro = 0n;
  const rates: string[] = [];
  let amountMinor = 0;
  for (const x of a.amounts) {
    const p = toPlanMicro(x.amount, t);
    if (typeof p === 'string') {
      for (const role of ROLES) {
        const h = a.holders[role];
        if (h === undefined || !t.participants.includes(h.personId)) continue;
        push(sink.unconverted, personPeriod(h.personId, a.period), {
          dealId: a.deal.contractId,
          kind: a.kind,
          amountMinor: x.amount.amountMinor,
          currency: x.amount.currency,
          eventId: x.eventId,
          reason: p,
        });
      }
      continue;
    }
    micro += p.micro;
    rates.push(p.rate);
    amountMinor += x.amount.amountMinor;
  }
  if (rates.length === 0) return null;
  const multiplierBp = (a.strategicBp * a.newCustomerBp) / 10000;
  const poolMinor = roundDiv(
    micro * BigInt(a.rateBp) * BigInt(a.strategicBp) * BigInt(a.newCustomerBp),
    MICRO * BP * BP * BP,
  );
  const shares = splitByLargestRemainder(poolMinor, t.split);
  const planAmountMinor = roundDiv(micro, MICRO);
  const currency = a.amounts[0]?.amount.currency ?? t.currency;
  for (const role of ROLES) {
    const h = a.holders[role];
    if (h === undefined || !t.participants.includes(h.personId)) continue;
    const share = shares[role];
    push(sink.lines, personPeriod(h.personId, a.period), {
      lineId: `${a.kind}:${a.deal.contractId}:${role}:${a.source}`,
      kind: a.kind,
      personId: h.personId,
      period: a.period,
      dealId: a.deal.contractId,
      amountMinor: share,
      inputs: {
        ...NO_INPUTS,
        amountMinor,
        currency,
        fxRate: rates.join(' / '),
        planAmountMinor,
        poolRateBp: a.rateBp,
        strategicMultiplierBp: a.strategicBp,
        newCustomerMultiplierBp: a.newCustomerBp,
        multiplierBp,
        poolMinor,
        role,
        splitShareBp: t.split[role],
      },
      formula:
        `${formatMinor(amountMinor)} ${currency} × ${rates.join(' / ')} = ${formatMinor(planAmountMinor)} ${t.currency}` +
        ` × ${formatBp(a.rateBp)} × ${formatMultiplier(a.strategicBp)} × ${formatMultiplier(a.newCustomerBp)}` +
        ` = pool ${formatMinor(poolMinor)}; ${role} ${formatBp(t.split[role])} = ${formatMinor(share)}`,
      eventIds: unique([...a.amounts.map((x) => x.eventId), h.eventId, a.terms.eventId, ...a.extraEventIds]),
    });
  }
  return { poolMinor, shares };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

type Credit = {
  period: PeriodId;
  personId: string;
  planMicroScaled: bigint;
  eventIds: string[];
  dealId: string;
};

function signingBasis(
  v: DealView,
  kind: PlanTerms['periodKind'],
  known: Known,
  sink: Sink,
  credits: Map<string, Credit[]>,
): void {
  const { deal, signTerms } = v;
  const t = signTerms.terms;
  const catchUps = deal.changes.filter((c) => known(c.position) && c.kind === 'cumulative-catch-up');
  const disputes = deal.disputes.filter((d) => known(d.position));
  const base = {
    deal,
    terms: signTerms,
    rateBp: t.pool.signedRateBp,
    strategicBp: v.strategicBp,
    newCustomerBp: v.newCustomerBp,
    holders: v.signers,
  };
  const reversal = new Map<IncentiveRole, number>();
  const add = (role: IncentiveRole, n: number): void =>
    void reversal.set(role, (reversal.get(role) ?? 0) + n);
  const earned = (r: ReturnType<typeof poolLines>): void => {
    if (r !== null) for (const role of ROLES) add(role, r.shares[role] ?? 0);
  };
  const wonAndCatchUps = [deal.won, ...catchUps];
  if (t.pool.signedRateBp > 0) {
    earned(
      poolLines(
        {
          ...base,
          kind: 'signing',
          period: v.signPeriod,
          amounts: wonAndCatchUps,
          source: 'signed',
          extraEventIds: [],
        },
        sink,
      ),
    );
  }
  const later: { fact: AmountFact; kind: EarningKind; source: string }[] = [];
  for (const c of deal.changes) {
    if (known(c.position) && c.kind === 'prospective' && c.amount.amountMinor !== 0) {
      later.push({ fact: c, kind: c.amount.amountMinor > 0 ? 'signing' : 'clawback', source: c.eventId });
    }
  }
  for (const d of disputes)
    later.push({ fact: d, kind: d.amount.amountMinor > 0 ? 'signing' : 'clawback', source: d.eventId });
  if (t.clawback.writeOffReversesSigning) {
    for (const w of deal.writeOffs) {
      if (known(w.position)) {
        later.push({
          fact: { ...w, amount: { ...w.amount, amountMinor: -w.amount.amountMinor } },
          kind: 'clawback',
          source: w.eventId,
        });
      }
    }
  }
  if (t.pool.signedRateBp > 0) {
    for (const l of later) {
      earned(
        poolLines(
          {
            ...base,
            kind: l.kind,
            period: periodOf(kind, l.fact.at),
            amounts: [l.fact],
            source: l.source,
            extraEventIds: [],
          },
          sink,
        ),
      );
    }
  }
  if (v.terminated !== null) terminationClawback(v, kind, sink, reversal);
  // Credit toward attainment: the signed amount with catch-ups and dispute credits in the signing period,
  // prospective changes in theirs; none at all for a deal terminated inside the clawback window.
  if (v.terminated !== null) return;
  const creditFacts: { fact: AmountFact; period: PeriodId }[] = [
    ...wonAndCatchUps.map((fact) => ({ fact, period: v.signPeriod })),
    ...disputes.map((fact) => ({ fact, period: v.signPeriod })),
    ...deal.changes
      .filter((c) => known(c.position) && c.kind === 'prospective')
      .map((fact) => ({ fact, period: periodOf(kind, fact.at) })),
  ];
  for (const { fact, period } of creditFacts) {
    const p = toPlanMicro(fact.amount, t);
    if (typeof p === 'string') continue;
    const weights = new Map<string, bigint>();
    for (const role of ROLES) {
      const h = v.signers[role];
      if (h === undefined) continue;
      const w = t.attainment.credit === 'whole' ? BP : BigInt(t.split[role]);
      weights.set(h.personId, t.attainment.credit === 'whole' ? BP : (weights.get(h.personId) ?? 0n) + w);
    }
    for (const [personId, w] of weights) {
      push(credits, personPeriod(personId, period), {
        period,
        personId,
        planMicroScaled: p.micro * w,
        eventIds: [fact.eventId, signTerms.eventId],
        dealId: deal.contractId,
      });
    }
  }
}

/** A termination inside the window gives back every signing-basis share the holder earned on the deal. */
function terminationClawback(
  v: DealView,
  kind: PlanTerms['periodKind'],
  sink: Sink,
  reversal: Map<IncentiveRole, number>,
): void {
  const t = v.signTerms.terms;
  const termination = v.deal.terminations.find((x) => x.eventId === v.terminated);
  if (termination === undefined) return;
  const period = periodOf(kind, termination.at);
  for (const role of ROLES) {
    const h = v.signers[role];
    const back = reversal.get(role) ?? 0;
    if (h === undefined || back === 0 || !t.participants.includes(h.personId)) continue;
    push(sink.lines, personPeriod(h.personId, period), {
      lineId: `clawback:${v.deal.contractId}:${role}:${termination.eventId}`,
      kind: 'clawback',
      personId: h.personId,
      period,
      dealId: v.deal.contractId,
      amountMinor: -back,
      inputs: { ...NO_INPUTS, role, splitShareBp: t.split[role], poolRateBp: t.pool.signedRateBp },
      formula: `terminated within ${t.clawback.terminationWindowDays} days of signing: ${role} gives back the ${formatMinor(back)} earned on the signing basis`,
      eventIds: [termination.eventId, v.deal.won.eventId, h.eventId, v.signTerms.eventId],
    });
  }
}

function collections(
  deal: Deal,
  plan: PlanLedger,
  kind: PlanTerms['periodKind'],
  known: Known,
  sink: Sink,
  isNew: boolean,
): void {
  for (const pay of deal.payments) {
    if (!known(pay.position)) continue;
    const period = periodOf(kind, pay.at);
    const terms = termsFor(plan, period, known);
    if (terms === undefined || terms.terms.pool.collectedRateBp <= 0) continue;
    const holders: Partial<Record<IncentiveRole, RoleSpell>> = {};
    for (const role of ROLES) {
      const h = holderAt(deal.roles, role, pay.at, known);
      if (h !== undefined) holders[role] = h;
    }
    poolLines(
      {
        kind: 'collection',
        period,
        deal,
        terms,
        rateBp: terms.terms.pool.collectedRateBp,
        strategicBp: deal.strategic ? terms.terms.pool.strategicMultiplierBp : 10000,
        newCustomerBp: isNew ? terms.terms.pool.newCustomerMultiplierBp : 10000,
        holders,
        amounts: [pay],
        source: pay.eventId,
        extraEventIds: [],
      },
      sink,
    );
  }
}

/** The latest target set for each person and period, as known. */
function targetsOf(plan: PlanLedger, known: Known): Map<string, PlanLedger['targets'][number]> {
  const out = new Map<string, PlanLedger['targets'][number]>();
  for (const t of plan.targets) if (known(t.position)) out.set(personPeriod(t.personId, t.period), t);
  return out;
}

function attainment(plan: PlanLedger, known: Known, sink: Sink, credits: Map<string, Credit[]>): void {
  for (const [key, target] of targetsOf(plan, known)) {
    const inForce = termsFor(plan, target.period, known);
    if (inForce === undefined || !inForce.terms.participants.includes(target.personId)) continue;
    const { mode, tiers } = inForce.terms.attainment;
    const list = credits.get(key) ?? [];
    // achieved in micro-minor × bp (the credit weight); attainment = achieved / (target × 1e6 × 1e4)
    const achieved = list.reduce((s, c) => s + c.planMicroScaled, 0n);
    const denominator = BigInt(target.targetMinor) * MICRO * BP;
    const r = tierResult(achieved, denominator, mode, tiers);
    const amountMinor =
      target.targetMinor > 0
        ? roundDiv(BigInt(target.targetBonusMinor) * r.numerator, denominator * BP * BP)
        : 0;
    const achievedMinor = roundDiv(achieved, MICRO * BP);
    const attainmentBp = target.targetMinor > 0 ? roundDiv(achieved * BP, denominator) : 0;
    const tierResultBp = target.targetMinor > 0 ? roundDiv(r.numerator, denominator * BP) : 0;
    push(sink.lines, key, {
      lineId: `attainment:-:-:${target.period}`,
      kind: 'attainment',
      personId: target.personId,
      period: target.period,
      dealId: null,
      amountMinor,
      inputs: {
        ...NO_INPUTS,
        achievedMinor,
        targetMinor: target.targetMinor,
        targetBonusMinor: target.targetBonusMinor,
        attainmentBp,
        tierMode: mode,
        tiers: r.applied,
        tierResultBp,
      },
      formula:
        `attainment ${formatMinor(achievedMinor)} / ${formatMinor(target.targetMinor)} = ${formatBp(attainmentBp)}; ` +
        `${mode} tiers ${r.applied.map((a) => `${formatBp(a.portionBp)} at ${formatBp(a.rateBp)}`).join(' + ') || 'none'}` +
        ` = ${formatBp(tierResultBp)} of the target bonus ${formatMinor(target.targetBonusMinor)} = ${formatMinor(amountMinor)}`,
      eventIds: unique([target.eventId, inForce.eventId, ...list.flatMap((c) => c.eventIds)]),
    });
  }
}

/**
 * Σ portion × rate as an exact numerator over (denominator × 1e4 × 1e4), where attainment in bp =
 * achieved × 1e4 / denominator. Marginal: each band's part at its own rate; cliff: the whole at the rate
 * of the band reached.
 */
export function tierResult(
  achieved: bigint,
  denominator: bigint,
  mode: 'marginal' | 'cliff',
  tiers: readonly Tier[],
): { numerator: bigint; applied: AppliedTier[] } {
  if (denominator <= 0n) return { numerator: 0n, applied: [] };
  const scaled = achieved * BP; // attainment in bp × denominator
  const applied: AppliedTier[] = [];
  let numerator = 0n;
  for (const tier of tiers) {
    const from = BigInt(tier.fromBp) * denominator;
    const to = tier.toBp === null ? null : BigInt(tier.toBp) * denominator;
    if (mode === 'marginal') {
      const top = to === null || scaled < to ? scaled : to;
      const part = top > from ? top - from : 0n;
      if (part === 0n) continue;
      numerator += part * BigInt(tier.rateBp);
      applied.push({ ...tier, portionBp: roundDiv(part, denominator) });
    } else if (scaled >= from && (to === null || scaled < to)) {
      const whole = scaled > 0n ? scaled : 0n;
      numerator = whole * BigInt(tier.rateBp);
      applied.push({ ...tier, portionBp: roundDiv(whole, denominator) });
    }
  }
  return { numerator, applied };
}
