/**
 * @module stats
 * Statistics of one revealed round (docs/design.md §4). Pure functions over a frequency vector
 * `counts[i]` = ratings of category i+1 on a 1..K scale; "don't know" is kept apart and never
 * enters a statistic. Ordinal data, so medians and spreads, never a bare mean.
 */

export type RoundStatus = "insufficient" | "split" | "strong" | "consensus" | "none";

export interface RoundStats {
  /** Number of categories (5, or 3 for AAAQ). */
  K: number;
  /** Valid ratings = sum(counts). */
  n: number;
  dontKnow: number;
  /** Length K; counts[i] = ratings of category i+1. */
  counts: number[];
  /** Categories 1..K; low < high only for even n with two different middle values ("between"). */
  median: { low: number; high: number } | null;
  /** All tied modal categories, ascending; [] if n = 0. */
  modes: number[];
  /** Hyndman–Fan type 2 quartiles; may be x.5 when averaging at a discontinuity. */
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  /** Adjacent pair (low, low+1) with the most ratings; tie rule in {@link bestAdjacentPair}. */
  bestPair: { low: number; high: number; count: number } | null;
  /** van der Eijk's agreement A, −1..1. */
  agreementA: number | null;
  /** Tastle & Wierman consensus, 0..1. */
  cns: number | null;
  /** Ratings two or more categories away from the median (from the nearer end if "between"). */
  dissent: number;
  status: RoundStatus;
}

export interface StatsOptions {
  /** Anonymity threshold: fewer valid ratings than this → "insufficient". */
  k: number;
  /** Don't-know share of respondents above which the round is "insufficient" (default 1/3, strict >). */
  dontKnowShare?: number;
  /** Share an adjacent pair must hold for "consensus" (default 0.75, ≥). */
  pairShare?: number;
  /** Share one category must hold for "strong" (default 0.75, ≥). */
  strongShare?: number;
  /** Share of ratings ≥ 2 categories from the pair below which "consensus" holds (default 0.15, strict <). */
  farShare?: number;
  /** Share each end must hold for "split" (default 1/3, ≥). */
  splitShare?: number;
}

/** Total-variation distance at or below which two rounds count as "stable". */
export const STABLE_TV = 0.15;

export function isStable(tv: number): boolean {
  return tv <= STABLE_TV;
}

/**
 * Total-variation distance ½·Σ|aᵢ/A − bᵢ/B| between two distributions, after normalising each by
 * its own total (rounds may have different n). Computed as Σ|aᵢ·B − bᵢ·A| / (2·A·B) so integer
 * counts give the correctly rounded value (an exact 3/20 compares equal to {@link STABLE_TV}).
 * Null if either side is empty.
 */
export function totalVariation(a: number[], b: number[]): number | null {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  for (const x of [...a, ...b]) {
    if (!Number.isFinite(x) || x < 0) throw new RangeError(`invalid count: ${x}`);
  }
  const A = sum(a);
  const B = sum(b);
  if (A === 0 || B === 0) return null;
  let diff = 0;
  for (const [i, x] of a.entries()) diff += Math.abs(x * B - (b[i] ?? 0) * A);
  return diff / (2 * A * B);
}

/** Summarises one closed round. Throws RangeError on invalid input. */
export function summarizeRound(counts: number[], dontKnow: number, opts: StatsOptions): RoundStats {
  const K = counts.length;
  if (K < 2) throw new RangeError(`need at least 2 categories, got ${K}`);
  for (const c of counts) {
    if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`counts must be non-negative integers, got ${c}`);
  }
  if (!Number.isSafeInteger(dontKnow) || dontKnow < 0) {
    throw new RangeError(`dontKnow must be a non-negative integer, got ${dontKnow}`);
  }
  if (!Number.isSafeInteger(opts.k) || opts.k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${opts.k}`);
  const dontKnowShare = ratio(opts.dontKnowShare ?? 1 / 3, "dontKnowShare");
  const pairShare = ratio(opts.pairShare ?? 0.75, "pairShare");
  const strongShare = ratio(opts.strongShare ?? 0.75, "strongShare");
  const farShare = ratio(opts.farShare ?? 0.15, "farShare");
  const splitShare = ratio(opts.splitShare ?? 1 / 3, "splitShare");

  const cs = [...counts];
  const c = (cat: number): number => cs[cat - 1] ?? 0; // by category 1..K; 0 outside the scale
  const n = sum(cs);

  if (n === 0) {
    return {
      K,
      n,
      dontKnow,
      counts: cs,
      median: null,
      modes: [],
      q1: null,
      q3: null,
      min: null,
      max: null,
      bestPair: null,
      agreementA: null,
      cns: null,
      dissent: 0,
      status: "insufficient",
    };
  }

  const nth = (r: number): number => orderStatistic(cs, r);
  const median = { low: nth(Math.ceil(n / 2)), high: nth(Math.floor(n / 2) + 1) };
  const top = Math.max(...cs);
  const modes = categories(K).filter((cat) => c(cat) === top);
  const dissent = farFrom(c, K, median.low, median.high);
  const bestPair = bestAdjacentPair(c, K, median);

  // Status (docs/design.md §4), first match wins. Shares are exact fractions p/q: x ≥ share·n ⇔ x·q ≥ p·n.
  const atLeast = (x: number, of: number, [p, q]: Ratio): boolean => x * q >= p * of;
  const exceeds = (x: number, of: number, [p, q]: Ratio): boolean => x * q > p * of;
  let status: RoundStatus;
  const side = K >= 4 ? 2 : 1; // "lower two / upper two" on 5 points; lowest / highest on 3
  const lower = categories(side).reduce((s, cat) => s + c(cat), 0);
  const upper = categories(side).reduce((s, i) => s + c(K + 1 - i), 0);
  if (n < opts.k || exceeds(dontKnow, n + dontKnow, dontKnowShare)) {
    status = "insufficient";
  } else if (atLeast(lower, n, splitShare) && atLeast(upper, n, splitShare)) {
    status = "split";
  } else if (atLeast(top, n, strongShare) || bestPair.count === n) {
    status = "strong";
  } else if (
    categories(K - 1).some((a) => {
      const pair = c(a) + c(a + 1);
      return atLeast(pair, n, pairShare) && !atLeast(farFrom(c, K, a, a + 1), n, farShare);
    })
  ) {
    status = "consensus";
  } else {
    status = "none";
  }

  const nonEmpty = categories(K).filter((cat) => c(cat) > 0);
  return {
    K,
    n,
    dontKnow,
    counts: cs,
    median,
    modes,
    q1: quantileType2(cs, n, 1, 4),
    q3: quantileType2(cs, n, 3, 4),
    min: nonEmpty[0] ?? null,
    max: nonEmpty[nonEmpty.length - 1] ?? null,
    bestPair,
    agreementA: agreementA(cs),
    cns: consensusCns(cs),
    dissent,
    status,
  };
}

/**
 * van der Eijk's (2001) agreement A, as R package agrmt's `agreement(V)` (default `old = FALSE`).
 * The distribution is peeled into layers: each layer takes the smallest non-zero count m from every
 * non-empty category, so it is a uniform "pattern" of 0/1 categories. A pattern's agreement is
 * A = U·(1 − (S−1)/(K−1)), S = non-empty categories, U = unimodality from triplets (i<j<l):
 * TU counts 110 and 011, TDU counts 101, U = ((K−2)·TU − (K−1)·TDU) / ((K−2)·(TU+TDU)).
 * One category → 1; no counted triplet (e.g. all categories filled) → 0. Overall A is the
 * layer-size-weighted mean. For K = 2 (agrmt refuses K < 3) this gives 1 or 0, which is the limit
 * of the same formula (S = 2 makes 1 − (S−1)/(K−1) = 0).
 */
function agreementA(counts: number[]): number {
  const n = sum(counts);
  let rest = [...counts];
  let total = 0;
  while (rest.some((v) => v > 0)) {
    const m = Math.min(...rest.filter((v) => v > 0));
    const pattern = rest.map((v) => (v > 0 ? 1 : 0));
    total += ((m * sum(pattern)) / n) * patternAgreement(pattern);
    rest = rest.map((v) => (v > 0 ? v - m : 0));
  }
  return total;
}

function patternAgreement(p: number[]): number {
  const K = p.length;
  const S = sum(p);
  if (S === 1) return 1;
  let tu = 0;
  let tdu = 0;
  for (let i = 0; i < K; i++) {
    for (let j = i + 1; j < K; j++) {
      for (let l = j + 1; l < K; l++) {
        const t = `${p[i]}${p[j]}${p[l]}`;
        if (t === "101") tdu++;
        else if (t === "110" || t === "011") tu++;
      }
    }
  }
  if (tu + tdu === 0) return 0;
  const u = ((K - 2) * tu - (K - 1) * tdu) / ((K - 2) * (tu + tdu));
  return u * (1 - (S - 1) / (K - 1));
}

/**
 * Tastle & Wierman (2007) consensus Cns = 1 + Σ pᵢ·log2(1 − |i − μ|/d), μ the mean rating, d = K − 1
 * (the scale's width, not the observed range), empty categories skipped (0·log 0 := 0).
 * 1 when everyone agrees, 0 when split evenly between the two ends.
 */
function consensusCns(counts: number[]): number {
  const n = sum(counts);
  const d = counts.length - 1;
  const mu = counts.reduce((s, v, i) => s + v * (i + 1), 0) / n;
  let cns = 1;
  counts.forEach((v, i) => {
    if (v > 0) cns += (v / n) * Math.log2(1 - Math.abs(i + 1 - mu) / d);
  });
  return cns;
}

/**
 * Hyndman & Fan (1996) type 2: the inverse of the empirical CDF, averaging at discontinuities.
 * With j = n·p: if j is a whole number, (x_j + x_{j+1})/2, else x_⌈j⌉. Computed as n·num/den in
 * integers so p = 1/4, 3/4 hit the discontinuities exactly.
 */
function quantileType2(counts: number[], n: number, num: number, den: number): number {
  const np = n * num;
  if (np % den === 0) {
    const j = np / den;
    return (orderStatistic(counts, j) + orderStatistic(counts, j + 1)) / 2;
  }
  return orderStatistic(counts, Math.ceil(np / den));
}

/** The r-th smallest rating (1-based r), as a category 1..K. */
function orderStatistic(counts: number[], r: number): number {
  let cum = 0;
  for (let i = 0; i < counts.length; i++) {
    cum += counts[i] ?? 0;
    if (cum >= r) return i + 1;
  }
  return counts.length;
}

/**
 * Adjacent pair (a, a+1) with the most ratings. Ties go to the pair whose centre a+½ is closest
 * to the median's centre (low+high)/2, then to the lowest pair. So a pair containing the median
 * wins; for a median "between a and a+1" exactly that pair wins; for "between a and b" (b > a+1,
 * categories in between are empty) (a, a+1) and (b−1, b) beat the pairs further out.
 */
function bestAdjacentPair(
  c: (cat: number) => number,
  K: number,
  median: { low: number; high: number },
): { low: number; high: number; count: number } {
  let best = { low: 1, high: 2, count: -1 };
  let bestDist = Infinity;
  for (const a of categories(K - 1)) {
    const count = c(a) + c(a + 1);
    const dist = Math.abs(2 * a + 1 - (median.low + median.high)); // 2·|centre − median centre|
    if (count > best.count || (count === best.count && dist < bestDist)) {
      best = { low: a, high: a + 1, count };
      bestDist = dist;
    }
  }
  return best;
}

/** Ratings two or more categories outside [lo, hi]: categories ≤ lo − 2 or ≥ hi + 2. */
function farFrom(c: (cat: number) => number, K: number, lo: number, hi: number): number {
  return categories(K).reduce((s, cat) => (cat <= lo - 2 || cat >= hi + 2 ? s + c(cat) : s), 0);
}

type Ratio = [num: number, den: number];

/**
 * A share in [0, 1] as an exact fraction (best rational approximation by continued fractions,
 * denominator ≤ 10⁶), so thresholds such as 1/3 or 0.15 are compared in integer arithmetic and a
 * count exactly on the boundary is never lost to float rounding.
 */
function ratio(share: number, name: string): Ratio {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${share}`);
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let x = share;
  for (;;) {
    const a = Math.floor(x);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > 1e6) return [h0, k0];
    if (x === a || Math.abs(h1 / k1 - share) < 1e-12) return [h1, k1];
    x = 1 / (x - a);
  }
}

function categories(K: number): number[] {
  return Array.from({ length: K }, (_, i) => i + 1);
}

function sum(xs: number[]): number {
  return xs.reduce((s, v) => s + v, 0);
}
