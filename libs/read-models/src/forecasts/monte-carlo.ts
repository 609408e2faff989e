import { percentile } from '../shared/statistics';
import { roundMinor } from './horizon';
import { learnHistory, oddsOf, type LearnedHistory } from './historical';
import type { PipelineAt } from './pipeline';
import { contributionOf, totalsOf } from './weighted';
import type { ForecastHorizon, MonteCarloForecast } from './types';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;

export type MonteCarloOptions = Readonly<{ seed?: number; trials?: number; history?: LearnedHistory }>;

/**
 * Seeded simulation of the amount won in the horizon: in each trial every open deal wins with its
 * historical P(win | stage, segment) and, if it wins, closes at a time drawn from its stage's
 * time-to-close distribution; only whether that time lands in the horizon counts, so each deal and trial
 * is one draw against P(win) × P(in horizon | win), the same distribution as the two draws. Deals that
 * cannot win in the horizon are left out of the loop. The PRNG is mulberry32, inlined: this loop runs
 * deals × trials times. A deal's contribution is its amount times
 * the share of trials in which it was won in the horizon; `meanMinor` is the exact mean of the trial
 * totals (it differs from `expectedMinor` only by the per-deal rounding).
 */
export function monteCarlo(
  pipeline: PipelineAt,
  horizon: ForecastHorizon,
  options: MonteCarloOptions = {},
): MonteCarloForecast {
  const seed = options.seed ?? DEFAULT_SEED;
  const trials = options.trials ?? DEFAULT_TRIALS;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError('trials must be a positive integer');
  const odds = oddsOf(pipeline, horizon, options.history ?? learnHistory(pipeline.closed, pipeline.asOf));
  const live = odds.flatMap((o, i) => (o.win * o.inHorizon > 0 ? [i] : []));
  const n = live.length;
  const chance = Float64Array.from(
    live,
    (i) => (odds[i] as (typeof odds)[number]).win * (odds[i] as (typeof odds)[number]).inHorizon,
  );
  const amount = Float64Array.from(live, (i) => (odds[i] as (typeof odds)[number]).deal.amountMinor);
  const liveHits = new Int32Array(n);
  const totals = new Float64Array(trials);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  for (let trial = 0; trial < trials; trial++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (next() >= (chance[i] as number)) continue;
      total += amount[i] as number;
      liveHits[i] = (liveHits[i] as number) + 1;
    }
    totals[trial] = total;
  }
  totals.sort();
  const sorted = Array.from(totals);
  const sum = sorted.reduce((s, v) => s + v, 0);
  const q = (p: number) => pipeline.alreadyWonMinor + roundMinor(percentile(sorted, p) ?? 0);
  const hits = new Int32Array(odds.length);
  live.forEach((deal, i) => (hits[deal] = liveHits[i] as number));
  const contributions = odds.map((o, i) => {
    const share = (hits[i] as number) / trials;
    return contributionOf(o.deal, share, `won in the horizon in ${hits[i]} of ${trials} trials (${o.why})`);
  });
  return {
    method: 'monte-carlo',
    ...totalsOf(pipeline, contributions),
    seed,
    trials,
    p10Minor: q(10),
    p50Minor: q(50),
    p90Minor: q(90),
    meanMinor: pipeline.alreadyWonMinor + roundMinor(sum / trials),
    contributions,
  };
}
