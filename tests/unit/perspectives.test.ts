import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perspectivesPresent, type PerspectiveName } from "../../core/perspectives";
import { PERSPECTIVES, type Perspective } from "../../core/protocol";
import { SessionStateSchema, initialSession } from "../../core/session";

/** A crowd: `{clinical: 5, support: 1}` → five "clinical" and one "support". */
function crowd(counts: Partial<Record<Perspective, number>>): Perspective[] {
  return Object.entries(counts).flatMap(([p, n]) => Array<Perspective>(n ?? 0).fill(p as Perspective));
}

describe("perspectivesPresent (docs/design.md §3.10)", () => {
  it("names a perspective only when at least k people chose it", () => {
    expect(perspectivesPresent(crowd({ clinical: 5 }), 5)).toEqual(["clinical"]);
    expect(perspectivesPresent(crowd({ clinical: 4 }), 5)).toEqual([]);
    expect(perspectivesPresent(crowd({ clinical: 3 }), 3)).toEqual(["clinical"]);
    expect(perspectivesPresent(crowd({ clinical: 2 }), 3)).toEqual([]);
    expect(perspectivesPresent([], 3)).toEqual([]);
  });

  it("names every perspective that reaches k", () => {
    expect(perspectivesPresent(crowd({ support: 6, clinical: 5, administration: 7 }), 5)).toEqual([
      "administration",
      "clinical",
      "support",
    ]);
  });

  it("merges small perspectives into 'other', named once the merged group reaches k", () => {
    expect(perspectivesPresent(crowd({ clinical: 5, administration: 3, support: 2 }), 5)).toEqual(["clinical", "other"]);
    expect(perspectivesPresent(crowd({ administration: 2, support: 2, external: 1 }), 5)).toEqual(["other"]);
  });

  it("does not name 'other' when the merged group is below k", () => {
    expect(perspectivesPresent(crowd({ clinical: 5, administration: 2, support: 2 }), 5)).toEqual(["clinical"]);
    expect(perspectivesPresent(crowd({ administration: 1, support: 1 }), 3)).toEqual([]);
  });

  it("never names 'prefer-not', and does not let it fill up 'other'", () => {
    expect(perspectivesPresent(crowd({ "prefer-not": 12 }), 3)).toEqual([]);
    expect(perspectivesPresent(crowd({ "prefer-not": 5, clinical: 5 }), 5)).toEqual(["clinical"]);
    expect(perspectivesPresent(crowd({ "prefer-not": 5, administration: 2, support: 2 }), 5)).toEqual([]);
  });

  it("never singles out one person with lived experience", () => {
    // alone with a large named group: not named and no 'other' either
    expect(perspectivesPresent(crowd({ "lived-experience": 1, clinical: 10 }), 3)).toEqual(["clinical"]);
    // merged into 'other' at most
    const out = perspectivesPresent(crowd({ "lived-experience": 1, administration: 2, clinical: 5 }), 3);
    expect(out).toEqual(["clinical", "other"]);
    expect(out).not.toContain("lived-experience");
  });

  it("reads any iterable, e.g. a Map's values", () => {
    const byConnection = new Map<string, Perspective>(crowd({ external: 3 }).map((p, i) => [`c${i}`, p]));
    expect(perspectivesPresent(byConnection.values(), 3)).toEqual(["external"]);
  });

  it("fits the session state's perspectives field", () => {
    const s = { ...initialSession(["a"]), perspectives: perspectivesPresent(crowd({ clinical: 3, support: 2, external: 1 }), 3) };
    expect(s.perspectives).toEqual(["clinical", "other"]);
    expect(() => SessionStateSchema.parse(s)).not.toThrow();
  });

  describe("properties", () => {
    const countsArb = fc.record(
      Object.fromEntries(PERSPECTIVES.map((p) => [p, fc.nat({ max: 9 })])) as Record<Perspective, fc.Arbitrary<number>>,
    );
    const kArb = fc.integer({ min: 3, max: 8 });

    it("names exactly the perspectives with ≥ k people, plus 'other' iff the rest (prefer-not aside) reach k", () => {
      fc.assert(
        fc.property(countsArb, kArb, (counts, k) => {
          const out = perspectivesPresent(crowd(counts), k);
          const real = PERSPECTIVES.filter((p) => p !== "prefer-not");
          const expected: PerspectiveName[] = real.filter((p) => counts[p] >= k).sort();
          const rest = real.filter((p) => counts[p] < k).reduce((a, p) => a + counts[p], 0);
          if (rest >= k) expected.push("other");
          expect(out).toEqual(expected);
          expect(out).not.toContain("prefer-not");
          expect(new Set(out).size).toBe(out.length);
          if (counts["lived-experience"] < k) expect(out).not.toContain("lived-experience");
        }),
      );
    });

    it("does not depend on the order people joined in", () => {
      const arb = countsArb.chain((counts) => {
        const people = crowd(counts);
        return fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }));
      });
      fc.assert(
        fc.property(arb, kArb, ([people, shuffled], k) => {
          expect(perspectivesPresent(shuffled, k)).toEqual(perspectivesPresent(people, k));
        }),
      );
    });
  });
});
