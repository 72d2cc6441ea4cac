import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { STABLE_TV, isStable, summarizeRound, totalVariation } from "../../core/stats";

const K5 = { k: 5 };
const K1 = { k: 1 };

describe("published checks (docs/design.md §4)", () => {
  it("van der Eijk's A reproduces agrmt::agreement()", () => {
    const A = (v: number[]) => summarizeRound(v, 0, K1).agreementA;
    expect(A([30, 40, 210, 130, 530, 50, 10])).toBeCloseTo(0.6113333, 6);
    expect(A([2, 0, 1, 1])).toBeCloseTo(1 / 12, 6);
    expect(A([20, 20, 20, 20, 20])).toBeCloseTo(0, 6);
    expect(A([10, 30, 50, 30, 10])).toBeCloseTo(5 / 13, 6);
    expect(A([50, 30, 10, 5, 5])).toBeCloseTo(0.575, 6);
  });

  it("Tastle & Wierman's Cns", () => {
    expect(summarizeRound([30, 40, 210, 130, 530, 50, 10], 0, K1).cns).toBeCloseTo(0.7256876, 6);
  });

  it("one category: A = 1, Cns = 1; half at 1 and half at K: Cns = 0, A = −1", () => {
    const one = summarizeRound([0, 0, 7, 0, 0], 0, K1);
    expect(one.agreementA).toBe(1);
    expect(one.cns).toBe(1);
    // Pattern 10001: triplets (1,j,5) for j = 2,3,4 are all 101 → TDU = 3, TU = 0,
    // U = (3·0 − 4·3)/(3·3) = −4/3, S = 2 → A = −4/3 · (1 − 1/4) = −1. μ = 3, |1−3|/4 = ½ → Cns = 1 − 1 = 0.
    const ends = summarizeRound([5, 0, 0, 0, 5], 0, K1);
    expect(ends.agreementA).toBeCloseTo(-1, 12);
    expect(ends.cns).toBeCloseTo(0, 12);
    expect(summarizeRound([4, 0, 4], 0, K1).cns).toBeCloseTo(0, 12);
    expect(summarizeRound([4, 4], 0, K1).cns).toBeCloseTo(0, 12);
  });
});

describe("summarizeRound, 5-point scale, worked by hand", () => {
  it("(0,1,3,1,0): tied pairs around the median → lowest; consensus", () => {
    // sorted 2,3,3,3,4. Median x3 = 3. Type 2: n/4 = 1.25 → x2 = 3; 3n/4 = 3.75 → x4 = 3.
    // Pairs (1,2)=1 (2,3)=4 (3,4)=4 (4,5)=1: (2,3) and (3,4) both contain 3 → lowest, (2,3).
    // Status: lower two = 1 (3·1 < 5, no split); top 3 (4·3 < 3·5) and no pair holds all 5 → not strong;
    // (2,3): 4·4 = 16 ≥ 15 and far (≤0 or ≥5) = 0 → consensus. Dissent (≤1 or ≥5) = 0.
    const s = summarizeRound([0, 1, 3, 1, 0], 0, K5);
    expect(s).toMatchObject({
      K: 5,
      n: 5,
      dontKnow: 0,
      counts: [0, 1, 3, 1, 0],
      median: { low: 3, high: 3 },
      modes: [3],
      q1: 3,
      q3: 3,
      min: 2,
      max: 4,
      bestPair: { low: 2, high: 3, count: 4 },
      dissent: 0,
      status: "consensus",
    });
  });

  it("(1,0,6,1,0): exactly 75% in one category → strong", () => {
    // sorted 1,3,3,3,3,3,3,4 (n = 8). Median x4 = x5 = 3. n/4 = 2 → (x2+x3)/2 = 3; 6 → (x6+x7)/2 = 3.
    // Pairs (1,2)=1 (2,3)=6 (3,4)=7 (4,5)=1 → (3,4). 4·6 = 24 ≥ 3·8 → strong. Dissent: the 1 → 1.
    const s = summarizeRound([1, 0, 6, 1, 0], 0, K5);
    expect(s).toMatchObject({
      median: { low: 3, high: 3 },
      q1: 3,
      q3: 3,
      min: 1,
      max: 4,
      bestPair: { low: 3, high: 4, count: 7 },
      dissent: 1,
      status: "strong",
    });
  });

  it("(0,2,4,1,1): pair exactly 75%, far 12.5% → consensus; half-way quartiles", () => {
    // sorted 2,2,3,3,3,3,4,5. Median x4 = x5 = 3. n/4 = 2 → (x2+x3)/2 = (2+3)/2 = 2.5;
    // 3n/4 = 6 → (x6+x7)/2 = (3+4)/2 = 3.5. Pairs (1,2)=2 (2,3)=6 (3,4)=5 (4,5)=2 → (2,3).
    // Not split (lower 2: 6 < 8); not strong (top 4: 16 < 24; 6 ≠ 8).
    // (2,3): 4·6 = 24 ≥ 24; far from (2,3) = category 5 = 1, 20·1 = 20 < 3·8 = 24 → consensus.
    // Dissent from 3 (≤1 or ≥5) = 1.
    const s = summarizeRound([0, 2, 4, 1, 1], 0, K5);
    expect(s).toMatchObject({
      median: { low: 3, high: 3 },
      modes: [3],
      q1: 2.5,
      q3: 3.5,
      min: 2,
      max: 5,
      bestPair: { low: 2, high: 3, count: 6 },
      dissent: 1,
      status: "consensus",
    });
  });

  it("far share exactly 15% is not 'fewer than 15%' → none; 10% → consensus", () => {
    // (0,5,10,2,3), n = 20: pair (2,3) = 15, 4·15 = 60 ≥ 60; far (category 5) = 3, 20·3 = 60 is not < 60.
    // Pair (3,4) = 12 < 75%. Not split (lower 5: 15 < 20), not strong (10: 40 < 60) → none.
    // sorted: 2×5, 3×10, 4×2, 5×3. Median x10 = x11 = 3. n/4 = 5 → (x5+x6)/2 = 2.5; 15 → (x15+x16)/2 = 3.5.
    // Dissent from 3 (≤1 or ≥5) = 3.
    const s = summarizeRound([0, 5, 10, 2, 3], 0, K5);
    expect(s).toMatchObject({
      median: { low: 3, high: 3 },
      q1: 2.5,
      q3: 3.5,
      bestPair: { low: 2, high: 3, count: 15 },
      dissent: 3,
      status: "none",
    });
    // (0,5,10,3,2): far = 2, 20·2 = 40 < 60 → consensus.
    expect(summarizeRound([0, 5, 10, 3, 2], 0, K5).status).toBe("consensus");
  });

  it("(1,1,2,1,1): exactly ⅓ at each end → split; one more in the middle → none", () => {
    // sorted 1,2,3,3,4,5. Median x3 = x4 = 3. n/4 = 1.5 → x2 = 2; 4.5 → x5 = 4.
    // Pairs (1,2)=2 (2,3)=3 (3,4)=3 (4,5)=2: (2,3) and (3,4) contain 3 → lowest (2,3).
    // Lower two = 2, 3·2 = 6 ≥ 6; upper two = 2 → split. Dissent (≤1 or ≥5) = 2.
    const s = summarizeRound([1, 1, 2, 1, 1], 0, K5);
    expect(s).toMatchObject({
      median: { low: 3, high: 3 },
      q1: 2,
      q3: 4,
      min: 1,
      max: 5,
      bestPair: { low: 2, high: 3, count: 3 },
      dissent: 2,
      status: "split",
    });
    // A: layer 1 = pattern 11111 (m = 1, weight 5/6), no 110/011/101 triplet → 0;
    // layer 2 = (0,0,1,0,0), one category → 1, weight 1/6 → A = 1/6.
    expect(s.agreementA).toBeCloseTo(1 / 6, 12);
    // (1,1,3,1,1), n = 7: 3·2 = 6 < 7 → no split; top 3: 12 < 21; best pair 4: 16 < 21 → none.
    expect(summarizeRound([1, 1, 3, 1, 1], 0, K5).status).toBe("none");
  });

  it("(0,2,0,2,0): even n, different middle values → 'between 2 and 4'", () => {
    // sorted 2,2,4,4. Median x2 = 2, x3 = 4. n/4 = 1 → (x1+x2)/2 = 2; 3 → (x3+x4)/2 = 4.
    // All four pairs hold 2. 2·centre of the median = 6; |2a+1−6| = 3,1,1,3 → (2,3) and (3,4) tie → (2,3).
    // Dissent: ≤0 or ≥6 → 0. Lower two 2 (3·2 ≥ 4) and upper two 2 → split.
    const s = summarizeRound([0, 2, 0, 2, 0], 0, { k: 4 });
    expect(s).toMatchObject({
      median: { low: 2, high: 4 },
      modes: [2, 4],
      q1: 2,
      q3: 4,
      min: 2,
      max: 4,
      bestPair: { low: 2, high: 3, count: 2 },
      dissent: 0,
      status: "split",
    });
  });

  it("(0,0,3,3,0): 'between 3 and 4'; 100% within one adjacent pair → strong", () => {
    // sorted 3,3,3,4,4,4: x3 = 3, x4 = 4. n/4 = 1.5 → x2 = 3; 4.5 → x5 = 4. Pair (3,4) = 6 = n → strong.
    const s = summarizeRound([0, 0, 3, 3, 0], 0, K5);
    expect(s).toMatchObject({
      median: { low: 3, high: 4 },
      modes: [3, 4],
      q1: 3,
      q3: 4,
      bestPair: { low: 3, high: 4, count: 6 },
      dissent: 0,
      status: "strong",
    });
  });

  it("bestPair prefers the pair containing the median over the lowest tied pair", () => {
    // (3,0,1,2,1), n = 7: sorted 1,1,1,3,4,4,5, median x4 = 3. n/4 = 1.75 → x2 = 1; 5.25 → x6 = 4.
    // Pairs (1,2)=3 (2,3)=1 (3,4)=3 (4,5)=3. |2a+1−6| = 3,·,1,3 → (3,4), not the lowest (1,2).
    // Dissent from 3: categories 1 and 5 → 3 + 1 = 4. Lower 3 (9 ≥ 7), upper 3 → split.
    const s = summarizeRound([3, 0, 1, 2, 1], 0, K5);
    expect(s).toMatchObject({
      median: { low: 3, high: 3 },
      modes: [1],
      q1: 1,
      q3: 4,
      min: 1,
      max: 5,
      bestPair: { low: 3, high: 4, count: 3 },
      dissent: 4,
      status: "split",
    });
    // Median 'between 3 and 4' (n = 8: sorted 1,1,1,3,4,4,4,5, x4 = 3, x5 = 4): pairs (3,4) and (4,5)
    // both hold 4; (3,4) is the median's own pair (|7−7| = 0 vs |9−7| = 2).
    expect(summarizeRound([3, 0, 1, 3, 1], 0, K5).bestPair).toEqual({ low: 3, high: 4, count: 4 });
    // 'between 2 and 4' with only the outer pairs tied (|3−6| = |9−6| = 3) → the lower one, (1,2).
    const outer = summarizeRound([1, 3, 0, 2, 2], 0, K5);
    expect(outer.median).toEqual({ low: 2, high: 4 });
    expect(outer.bestPair).toEqual({ low: 1, high: 2, count: 4 });
  });

  it("insufficient: n < k, and don't-know exactly ⅓ vs above ⅓ of respondents", () => {
    expect(summarizeRound([0, 0, 4, 0, 0], 0, K5).status).toBe("insufficient"); // 4 < 5
    expect(summarizeRound([0, 0, 5, 0, 0], 0, K5).status).toBe("strong"); // 5 = k
    // 10 ratings + 5 don't know: 5 of 15 is exactly ⅓, not more → still counts (3·5 = 15, not > 15)
    expect(summarizeRound([0, 0, 10, 0, 0], 5, K5).status).toBe("strong");
    // 10 + 6: 3·6 = 18 > 16 → insufficient; statistics are still computed
    const s = summarizeRound([0, 0, 10, 0, 0], 6, K5);
    expect(s.status).toBe("insufficient");
    expect(s).toMatchObject({ n: 10, dontKnow: 6, median: { low: 3, high: 3 }, agreementA: 1 });
  });

  it("n = 0", () => {
    expect(summarizeRound([0, 0, 0, 0, 0], 3, K5)).toEqual({
      K: 5,
      n: 0,
      dontKnow: 3,
      counts: [0, 0, 0, 0, 0],
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
    });
  });

  it("thresholds are configurable and compared exactly", () => {
    // far 3 of 20 is below farShare 0.2 → consensus
    expect(summarizeRound([0, 5, 10, 2, 3], 0, { k: 5, farShare: 0.2 }).status).toBe("consensus");
    // strongShare 0.5: 3 of 6 in one category (not split: lower two hold 1)
    expect(summarizeRound([0, 1, 3, 1, 1], 0, { k: 5, strongShare: 0.5 }).status).toBe("strong");
    // dontKnowShare 0.5: 6 don't-know of 16 respondents is no longer too many
    expect(summarizeRound([0, 0, 10, 0, 0], 6, { k: 5, dontKnowShare: 0.5 }).status).toBe("strong");
  });

  it("does not keep a reference to the caller's array", () => {
    const counts = [0, 1, 3, 1, 0];
    const s = summarizeRound(counts, 0, K5);
    counts[0] = 99;
    expect(s.counts).toEqual([0, 1, 3, 1, 0]);
  });
});

describe("summarizeRound, 3-point AAAQ scale, worked by hand", () => {
  it("(2,5,1): pair (1,2) holds 7/8 → consensus; quartile half-way", () => {
    // sorted 1,1,2,2,2,2,2,3. Median x4 = x5 = 2. n/4 = 2 → (x2+x3)/2 = 1.5; 6 → (x6+x7)/2 = 2.
    // Pairs (1,2)=7 (2,3)=6. Split needs ⅓ at 1 and at 3: 3·2 = 6 < 8 → no. Strong: 4·5 = 20 < 24, 7 ≠ 8.
    // (1,2): 28 ≥ 24, far (≥4) = 0 → consensus. Dissent from 2 (≤0 or ≥4) = 0.
    const s = summarizeRound([2, 5, 1], 0, K5);
    expect(s).toMatchObject({
      K: 3,
      n: 8,
      median: { low: 2, high: 2 },
      modes: [2],
      q1: 1.5,
      q3: 2,
      min: 1,
      max: 3,
      bestPair: { low: 1, high: 2, count: 7 },
      dissent: 0,
      status: "consensus",
    });
  });

  it("(1,6,1): exactly 75% at 2 → strong; A = 5/8, Cns = 3/4", () => {
    // sorted 1,2,2,2,2,2,2,3: median 2, q1 = (x2+x3)/2 = 2, q3 = (x6+x7)/2 = 2. 4·6 = 24 ≥ 24 → strong.
    // A: layer 1 = pattern 111 (m = 1, weight 3/8), no counted triplet → 0; layer 2 = (0,5,0) → 1,
    // weight 5/8 → A = 5/8. Cns: μ = 2, d = 2; categories 1 and 3 have |x−μ|/d = ½ → log2 = −1,
    // Cns = 1 − 2·(1/8) = 3/4.
    const s = summarizeRound([1, 6, 1], 0, K5);
    expect(s).toMatchObject({ median: { low: 2, high: 2 }, q1: 2, q3: 2, status: "strong", dissent: 0 });
    expect(s.agreementA).toBeCloseTo(5 / 8, 12);
    expect(s.cns).toBeCloseTo(3 / 4, 12);
  });

  it("(2,2,2): exactly ⅓ at 1 and at 3 → split; Cns = 1/3", () => {
    // sorted 1,1,2,2,3,3: median x3 = x4 = 2; n/4 = 1.5 → x2 = 1; 4.5 → x5 = 3.
    // Cns: μ = 2, 1 + ⅓·(−1) + ⅓·0 + ⅓·(−1) = ⅓. A: pattern 111 → 0.
    const s = summarizeRound([2, 2, 2], 0, K5);
    expect(s).toMatchObject({ median: { low: 2, high: 2 }, q1: 1, q3: 3, status: "split", dissent: 0 });
    expect(s.cns).toBeCloseTo(1 / 3, 12);
    expect(s.agreementA).toBeCloseTo(0, 12);
  });

  it("(3,0,3): 'between 1 and 3'; A = −1, Cns = 0; split", () => {
    // sorted 1,1,1,3,3,3: x3 = 1, x4 = 3. q1: 1.5 → x2 = 1; q3: 4.5 → x5 = 3.
    // Pairs (1,2)=3 (2,3)=3, |2a+1−4| = 1,1 → lowest (1,2). Dissent: nearest end is 0 away → 0.
    // A: pattern 101, TDU = 1, U = (1·0 − 2·1)/(1·1) = −2, S = 2 → −2·(1 − ½) = −1.
    const s = summarizeRound([3, 0, 3], 0, K5);
    expect(s).toMatchObject({
      median: { low: 1, high: 3 },
      modes: [1, 3],
      q1: 1,
      q3: 3,
      bestPair: { low: 1, high: 2, count: 3 },
      dissent: 0,
      status: "split",
    });
    expect(s.agreementA).toBeCloseTo(-1, 12);
    expect(s.cns).toBeCloseTo(0, 12);
  });

  it("(2,3,2): nothing reaches a threshold → none", () => {
    // n = 7: ends 2 each, 3·2 = 6 < 7 → no split; top 3: 12 < 21; pairs 5: 20 < 21 → none.
    expect(summarizeRound([2, 3, 2], 0, K5).status).toBe("none");
  });
});

describe("input validation", () => {
  it.each([
    [[5], "one category"],
    [[], "no categories"],
    [[1, -1, 2], "negative"],
    [[1, 1.5, 1], "fraction"],
    [[1, Number.NaN, 1], "NaN"],
    [[1, Number.POSITIVE_INFINITY, 1], "infinite"],
  ])("rejects counts %j (%s)", (counts) => {
    expect(() => summarizeRound(counts, 0, K5)).toThrow(RangeError);
  });

  it("rejects bad dontKnow, k and shares", () => {
    expect(() => summarizeRound([1, 2, 3], -1, K5)).toThrow(RangeError);
    expect(() => summarizeRound([1, 2, 3], 0.5, K5)).toThrow(RangeError);
    expect(() => summarizeRound([1, 2, 3], 0, { k: 0 })).toThrow(RangeError);
    expect(() => summarizeRound([1, 2, 3], 0, { k: 1.5 })).toThrow(RangeError);
    expect(() => summarizeRound([1, 2, 3], 0, { k: 5, pairShare: 1.5 })).toThrow(RangeError);
    expect(() => summarizeRound([1, 2, 3], 0, { k: 5, farShare: Number.NaN })).toThrow(RangeError);
  });
});

describe("totalVariation", () => {
  it("identical or proportional distributions → 0", () => {
    expect(totalVariation([1, 2, 3, 0, 0], [1, 2, 3, 0, 0])).toBe(0);
    expect(totalVariation([1, 2, 3], [2, 4, 6])).toBe(0); // different totals are normalised
  });

  it("disjoint supports → 1", () => {
    expect(totalVariation([3, 0, 0], [0, 0, 5])).toBe(1);
  });

  it("hand-worked", () => {
    // (1,1,2,0,0)/4 vs (0,1,2,1,0)/4: ½·(¼ + 0 + 0 + ¼ + 0) = ¼
    expect(totalVariation([1, 1, 2, 0, 0], [0, 1, 2, 1, 0])).toBeCloseTo(0.25, 12);
    // (1,3,0)/4 = (.25,.75,0) vs (0,3,3)/6 = (0,.5,.5): ½·(.25 + .25 + .5) = .5
    expect(totalVariation([1, 3, 0], [0, 3, 3])).toBeCloseTo(0.5, 12);
  });

  it("exactly 0.15 is stable, more is not", () => {
    // (17,3)/20 vs (20,0)/20: ½·(.15 + .15) = .15 exactly
    const tv = totalVariation([17, 3], [20, 0]);
    expect(tv).toBe(STABLE_TV);
    expect(isStable(tv ?? 1)).toBe(true);
    expect(isStable(totalVariation([16, 4], [20, 0]) ?? 0)).toBe(false);
  });

  it("empty → null; length mismatch or bad counts throw", () => {
    expect(totalVariation([0, 0, 0], [1, 2, 3])).toBeNull();
    expect(totalVariation([1, 2, 3], [0, 0, 0])).toBeNull();
    expect(() => totalVariation([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => totalVariation([1, -2], [1, 2])).toThrow(RangeError);
  });
});

describe("properties", () => {
  const round = fc.record({
    counts: fc.integer({ min: 2, max: 7 }).chain((K) => fc.array(fc.nat({ max: 12 }), { minLength: K, maxLength: K })),
    dontKnow: fc.nat({ max: 8 }),
    k: fc.integer({ min: 1, max: 6 }),
  });
  const eps = 1e-12;

  it("invariants hold for any round", () => {
    fc.assert(
      fc.property(round, ({ counts, dontKnow, k }) => {
        const s = summarizeRound(counts, dontKnow, { k });
        const n = counts.reduce((a, b) => a + b, 0);
        expect(s.n).toBe(n);
        expect(s.status === "insufficient").toBe(n < k || 3 * dontKnow > n + dontKnow);
        if (n === 0) return;
        const { median, q1, q3, min, max, bestPair, agreementA, cns } = s;
        if (!median || q1 === null || q3 === null || min === null || max === null || !bestPair) {
          throw new Error("missing statistic");
        }
        expect(min).toBeLessThanOrEqual(q1);
        expect(q1).toBeLessThanOrEqual(median.low);
        expect(median.low).toBeLessThanOrEqual(median.high);
        expect(median.high).toBeLessThanOrEqual(q3);
        expect(q3).toBeLessThanOrEqual(max);
        expect(agreementA).toBeGreaterThanOrEqual(-1 - eps);
        expect(agreementA).toBeLessThanOrEqual(1 + eps);
        expect(cns).toBeGreaterThanOrEqual(-eps);
        expect(cns).toBeLessThanOrEqual(1 + eps);
        expect(s.dissent).toBeGreaterThanOrEqual(0);
        expect(s.dissent).toBeLessThanOrEqual(n);
        for (let a = 1; a < counts.length; a++) {
          expect(bestPair.count).toBeGreaterThanOrEqual((counts[a - 1] ?? 0) + (counts[a] ?? 0));
        }
        for (const m of s.modes) expect(counts[m - 1]).toBe(Math.max(...counts));
      }),
    );
  });

  it("mirroring the scale mirrors the median and keeps A, Cns, dissent and status", () => {
    fc.assert(
      fc.property(round, ({ counts, dontKnow, k }) => {
        const s = summarizeRound(counts, dontKnow, { k });
        const r = summarizeRound([...counts].reverse(), dontKnow, { k });
        const K = counts.length;
        expect(r.median).toEqual(s.median && { low: K + 1 - s.median.high, high: K + 1 - s.median.low });
        expect(r.agreementA ?? 0).toBeCloseTo(s.agreementA ?? 0, 9);
        expect(r.cns ?? 0).toBeCloseTo(s.cns ?? 0, 9);
        expect(r.dissent).toBe(s.dissent);
        expect(r.status).toBe(s.status);
      }),
    );
  });
});
