import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateRound, checkBallot, ratingKeys } from "../../core/ballots";
import type { Answer, Ballot, RatingValue } from "../../core/protocol";
import { RoundResultSchema, type ItemTally, type RatingResult } from "../../core/session";
import type { Domain, Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";

function template(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}
const icmec = template("icmec-2");
const workshop = template("workshop-check");

function domainOf(t: Template, id: string): Domain {
  const d = t.domains.find((x) => x.id === id);
  if (!d) throw new Error(`no domain ${id}`);
  return d;
}
const protocol = domainOf(icmec, "protocol");
const privacy = domainOf(icmec, "privacy");
const mhs = domainOf(icmec, "mental-health-staff");
const aaaq = domainOf(icmec, "services-aaaq");
const preparation = domainOf(workshop, "preparation");

const FACILITIES = ["Own clinic", "District hospital", "Shelter"] as const;

const ballot = (over: Partial<Ballot> = {}): Ballot => ({ roundId: "x#1", answers: {}, ratings: {}, ...over });
/** One ballot per value, each with only a "domain" rating. */
const rated = (...values: RatingValue[]): Ballot[] => values.map((v) => ballot({ ratings: { domain: v } }));

function accepted(t: Template, d: Domain, facilities: readonly string[], b: Ballot): Ballot {
  const r = checkBallot(t, d, facilities, b);
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r.ballot;
}
function refusal(t: Template, d: Domain, facilities: readonly string[], b: Ballot): string {
  const r = checkBallot(t, d, facilities, b);
  if (r.ok) throw new Error("expected a refusal");
  return r.message;
}

describe("ratingKeys", () => {
  it("is just 'domain' for an ordinary domain, whatever the facilities", () => {
    expect(ratingKeys(protocol, [])).toEqual(["domain"]);
    expect(ratingKeys(protocol, FACILITIES)).toEqual(["domain"]);
  });

  it("is one index per facility, in order, on a per-facility domain", () => {
    expect(aaaq.rating.perFacility).toBe(true);
    expect(ratingKeys(aaaq, FACILITIES)).toEqual(["0", "1", "2"]);
    expect(ratingKeys(aaaq, ["Only"])).toEqual(["0"]);
    expect(ratingKeys(aaaq, [])).toEqual([]);
  });
});

describe("checkBallot", () => {
  it("accepts a valid ballot and returns it unchanged", () => {
    const b = ballot({
      roundId: "protocol#1",
      answers: { "protocol.1": "yes", "protocol.5": "yes", "protocol.6": "no", "protocol.11": "na" },
      ratings: { domain: 4 },
    });
    const r = checkBallot(icmec, protocol, [], b);
    expect(r).toEqual({ ok: true, ballot: b });
  });

  it("accepts an empty ballot, 'dk' and every scale point", () => {
    expect(checkBallot(icmec, privacy, [], ballot()).ok).toBe(true);
    for (const v of [1, 2, 3, 4, 5, "dk"] as const) {
      expect(checkBallot(icmec, privacy, [], ballot({ ratings: { domain: v } })).ok).toBe(true);
    }
  });

  it("refuses an answer to an item of another domain or an unknown item", () => {
    expect(refusal(icmec, protocol, [], ballot({ answers: { "privacy.1": "yes" } }))).toContain("privacy.1");
    expect(refusal(icmec, protocol, [], ballot({ answers: { "protocol.1": "yes", "protocol.99": "no" } }))).toContain("protocol.99");
  });

  it("refuses an answer keyed like an Object.prototype member", () => {
    for (const key of ["constructor", "toString", "hasOwnProperty"]) {
      const answers: Record<string, Answer> = {};
      Object.defineProperty(answers, key, { value: "yes", enumerable: true });
      expect(checkBallot(icmec, protocol, [], ballot({ answers })).ok).toBe(false);
    }
  });

  it("refuses an unknown rating key", () => {
    expect(refusal(icmec, protocol, [], ballot({ ratings: { "0": 3 } }))).toMatch(/unknown rating 0/);
    // a per-facility domain has no "domain" key, and no index past the last facility
    expect(refusal(icmec, aaaq, FACILITIES, ballot({ ratings: { domain: 2 } }))).toMatch(/unknown rating domain/);
    expect(refusal(icmec, aaaq, FACILITIES, ballot({ ratings: { "3": 2 } }))).toMatch(/unknown rating 3/);
    expect(checkBallot(icmec, aaaq, [], ballot({ ratings: { "0": 2 } })).ok).toBe(false);
  });

  it("refuses a rating above the domain's scale", () => {
    expect(refusal(icmec, protocol, [], ballot({ ratings: { domain: 6 } }))).toMatch(/off the 1–5 scale/);
    expect(refusal(icmec, protocol, [], ballot({ ratings: { domain: 9 } }))).toMatch(/off the 1–5 scale/);
    expect(checkBallot(icmec, protocol, [], ballot({ ratings: { domain: 5 } })).ok).toBe(true);
    // the 3-point scales: AAAQ and the workshop template
    expect(refusal(icmec, aaaq, FACILITIES, ballot({ ratings: { "0": 4 } }))).toMatch(/off the 1–3 scale/);
    expect(checkBallot(icmec, aaaq, FACILITIES, ballot({ ratings: { "0": 3 } })).ok).toBe(true);
    expect(checkBallot(workshop, preparation, [], ballot({ ratings: { domain: 4 } })).ok).toBe(false);
    expect(checkBallot(workshop, preparation, [], ballot({ ratings: { domain: 3 } })).ok).toBe(true);
  });

  it("refuses 'na' on a scale without 'not available' (likert5, workshop)", () => {
    expect(refusal(icmec, protocol, [], ballot({ ratings: { domain: "na" } }))).toMatch(/not available/);
    expect(checkBallot(workshop, preparation, [], ballot({ ratings: { domain: "na" } })).ok).toBe(false);
  });

  it("accepts 'na' (service not available), 'dk' and points on the AAAQ per-facility domain", () => {
    const b = ballot({ roundId: "services-aaaq#1", ratings: { "0": "na", "1": 3, "2": "dk" } });
    expect(checkBallot(icmec, aaaq, FACILITIES, b)).toEqual({ ok: true, ballot: b });
    // rating only some facilities is fine
    expect(checkBallot(icmec, aaaq, FACILITIES, ballot({ ratings: { "1": 1 } })).ok).toBe(true);
  });

  describe("gated follow-ups (protocol.5 gates protocol.6–10)", () => {
    const followUps = ["protocol.6", "protocol.7", "protocol.8", "protocol.9", "protocol.10"];
    const withGate = (gate: Answer | undefined): Ballot => {
      const answers: Record<string, Answer> = { "protocol.1": "yes", "protocol.11": "no" };
      if (gate) answers["protocol.5"] = gate;
      for (const id of followUps) answers[id] = "yes";
      return ballot({ answers, ratings: { domain: 3 } });
    };

    it("keeps the follow-ups when the gate is Yes", () => {
      expect(Object.keys(accepted(icmec, protocol, [], withGate("yes")).answers).sort()).toEqual(
        ["protocol.1", "protocol.11", "protocol.5", ...followUps].sort(),
      );
    });

    it.each(["no", "na", undefined] as const)("drops the follow-ups (not the ballot) when the gate is %s", (gate) => {
      const out = accepted(icmec, protocol, [], withGate(gate));
      for (const id of followUps) expect(out.answers).not.toHaveProperty(id);
      expect(out.answers["protocol.1"]).toBe("yes");
      expect(out.answers["protocol.11"]).toBe("no");
      expect(out.answers["protocol.5"]).toBe(gate);
      expect(out.ratings).toEqual({ domain: 3 });
    });

    it("does not modify the ballot it was given", () => {
      const b = withGate("no");
      const before = structuredClone(b);
      accepted(icmec, protocol, [], b);
      expect(b).toEqual(before);
    });

    it("a dropped follow-up never reaches the item tallies", () => {
      const ballots = Array.from({ length: 6 }, () => accepted(icmec, protocol, [], { ...withGate("no"), ratings: { domain: 3 } }));
      const r = aggregateRound(icmec, protocol, [], ballots, 5, 1);
      for (const id of followUps) expect(r.items).not.toHaveProperty(id);
      expect(r.items["protocol.5"]).toEqual({ yes: 0, no: 6, na: 0 });
    });
  });

  describe("gates of mental-health-staff (.1 Yes → .2–.5; .6 No → .7)", () => {
    const all = (a1: Answer, a6: Answer): Ballot =>
      ballot({
        answers: {
          "mental-health-staff.1": a1,
          "mental-health-staff.2": "yes",
          "mental-health-staff.3": "no",
          "mental-health-staff.4": "yes",
          "mental-health-staff.5": "na",
          "mental-health-staff.6": a6,
          "mental-health-staff.7": "yes",
          "mental-health-staff.8": "yes",
        },
      });
    const kept = (b: Ballot) => Object.keys(accepted(icmec, mhs, [], b).answers).sort();

    it("keeps .7 only when .6 is No, whatever .1 says", () => {
      expect(kept(all("yes", "no"))).toHaveLength(8);
      expect(kept(all("yes", "yes"))).not.toContain("mental-health-staff.7");
      expect(kept(all("yes", "yes"))).toHaveLength(7);
      expect(kept(all("no", "no"))).toContain("mental-health-staff.7");
    });

    it("drops the staff questions (.2–.5) when .1 is not Yes, and keeps the service's (.6–.8)", () => {
      const service = ["mental-health-staff.1", "mental-health-staff.6", "mental-health-staff.7", "mental-health-staff.8"];
      expect(kept(all("no", "no"))).toEqual(service);
      expect(kept(all("na", "no"))).toEqual(service);
      expect(kept(all("no", "yes"))).toEqual(service.filter((id) => id !== "mental-health-staff.7"));
    });
  });
});

describe("aggregateRound: the differencing rule per cell (a re-vote by the same voters)", () => {
  const k = 5;
  const first = aggregateRound(icmec, privacy, [], rated(1, 4, 4, 4, 4, 4), k, 1);

  it("withholds a re-vote where one voter moved from a rating to 'don't know': it would show what they rated", () => {
    expect(first.ratings.domain).toEqual({ shown: true, counts: [1, 0, 0, 5, 0], dontKnow: 0, notAvailable: 0 });
    // Same six ballots, so the voters-who-left rule sees nothing; the rating's valid n went 6 → 5.
    const again = aggregateRound(icmec, privacy, [], rated("dk", 4, 4, 4, 4, 4), k, 2, first);
    expect(again).toEqual({ round: 2, respondents: 6, withheld: "would-single-out", ratings: { domain: { shown: false } }, items: {} });
    // The other way round too: one "don't know" becoming a rating.
    const withDk = aggregateRound(icmec, privacy, [], rated("dk", 4, 4, 4, 4, 4, 4), k, 1);
    expect(aggregateRound(icmec, privacy, [], rated(1, 4, 4, 4, 4, 4, 4), k, 2, withDk).withheld).toBe("would-single-out");
  });

  it("withholds a re-vote where an item was answered by fewer people, below k apart", () => {
    const withItem = (n: number) =>
      Array.from({ length: 6 }, (_, i) => ballot({ answers: i < n ? { "privacy.1": "yes" } : {}, ratings: { domain: 4 } }));
    const before = aggregateRound(icmec, privacy, [], withItem(6), k, 1);
    expect(before.items["privacy.1"]).toEqual({ yes: 6, no: 0, na: 0 });
    expect(aggregateRound(icmec, privacy, [], withItem(5), k, 2, before).withheld).toBe("would-single-out");
  });

  it("shows a re-vote where the same people filled every cell, however they changed, or where k or more left a cell", () => {
    const changed = aggregateRound(icmec, privacy, [], rated(4, 4, 4, 4, 4, 5), k, 2, first);
    expect(changed.withheld).toBeUndefined();
    expect(changed.ratings.domain).toEqual({ shown: true, counts: [0, 0, 0, 5, 1], dontKnow: 0, notAvailable: 0 });
    const ten = aggregateRound(icmec, privacy, [], rated(1, 1, 1, 1, 1, 4, 4, 4, 4, 4), k, 1);
    const fiveLeft = aggregateRound(icmec, privacy, [], rated("dk", "dk", "dk", "dk", "dk", 4, 4, 4, 4, 4), k, 2, ten);
    expect(fiveLeft.withheld).toBeUndefined();
    expect(fiveLeft.ratings.domain).toMatchObject({ shown: true, counts: [0, 0, 0, 5, 0], dontKnow: 5 });
  });
});

describe("aggregateRound", () => {
  it("tallies a hand-worked round", () => {
    const ballots: Ballot[] = [
      ballot({ answers: { "privacy.1": "yes", "privacy.2": "no" }, ratings: { domain: 1 } }),
      ballot({ answers: { "privacy.1": "yes", "privacy.2": "na" }, ratings: { domain: 2 } }),
      ballot({ answers: { "privacy.1": "no", "privacy.2": "yes" }, ratings: { domain: 2 } }),
      ballot({ answers: { "privacy.1": "yes" }, ratings: { domain: 4 } }),
      ballot({ answers: { "privacy.1": "na" }, ratings: { domain: 5 } }),
      ballot({ answers: { "privacy.1": "yes" }, ratings: { domain: "dk" } }),
      ballot({ answers: {}, ratings: {} }),
    ];
    const r = aggregateRound(icmec, privacy, [], ballots, 5, 2);
    expect(r).toEqual({
      round: 2,
      respondents: 7,
      ratings: { domain: { shown: true, counts: [1, 2, 0, 1, 1], dontKnow: 1, notAvailable: 0 } },
      items: { "privacy.1": { yes: 4, no: 1, na: 1 } },
    });
    expect(() => RoundResultSchema.parse(r)).not.toThrow();
  });

  it("has one count per scale point (3 on the workshop scale)", () => {
    const r = aggregateRound(workshop, preparation, [], rated(1, 3, 3, 2), 3, 1);
    expect(r.ratings.domain).toEqual({ shown: true, counts: [1, 1, 2], dontKnow: 0, notAvailable: 0 });
  });

  it("reads the ballots from any iterable, e.g. a Map's values", () => {
    const box = new Map(rated(3, 3, 4, 5, 1).map((b, i) => [`nonce${i}`, b] as const));
    const r = aggregateRound(icmec, privacy, [], box.values(), 5, 1);
    expect(r.respondents).toBe(5);
    expect(r.ratings.domain).toEqual({ shown: true, counts: [1, 0, 2, 1, 1], dontKnow: 0, notAvailable: 0 });
  });

  it("an empty round releases nothing but respondents 0", () => {
    expect(aggregateRound(icmec, privacy, [], [], 5, 1)).toEqual({
      round: 1,
      respondents: 0,
      ratings: { domain: { shown: false } },
      items: {},
    });
  });

  describe("reveal gate (docs/design.md §3.4)", () => {
    it("hides the rating, don't-know included, with k − 1 valid ratings", () => {
      const r = aggregateRound(icmec, privacy, [], rated(3, 4, 4, 5, "dk", "dk"), 5, 1);
      // exactly {shown:false}: no counts, no dontKnow, no notAvailable
      expect(r.ratings.domain).toStrictEqual({ shown: false });
      expect(r.respondents).toBe(6);
    });

    it("shows it with exactly k valid ratings", () => {
      const r = aggregateRound(icmec, privacy, [], rated(3, 4, 4, 5, 1, "dk"), 5, 1);
      expect(r.ratings.domain).toEqual({ shown: true, counts: [1, 0, 1, 2, 1], dontKnow: 1, notAvailable: 0 });
    });

    it("follows the room's k (3, the minimum)", () => {
      expect(aggregateRound(icmec, privacy, [], rated(2, 2), 3, 1).ratings.domain).toEqual({ shown: false });
      expect(aggregateRound(icmec, privacy, [], rated(2, 2, 2), 3, 1).ratings.domain).toEqual({
        shown: true,
        counts: [0, 3, 0, 0, 0],
        dontKnow: 0,
        notAvailable: 0,
      });
    });

    it("does not count don't-know toward k, however many there are", () => {
      const r = aggregateRound(icmec, privacy, [], rated(1, 2, 3, 4, ...Array<RatingValue>(20).fill("dk")), 5, 1);
      expect(r.ratings.domain).toStrictEqual({ shown: false });
    });

    it("does not count 'not available' toward k on AAAQ", () => {
      const ballots = [1, 2, 3, 3, "na", "na", "na"].map((v) => ballot({ ratings: { "0": v as RatingValue } }));
      const r = aggregateRound(icmec, aaaq, ["Own"], ballots, 5, 1);
      expect(r.ratings["0"]).toStrictEqual({ shown: false });
    });

    it("releases an item's tally only when at least k answered it", () => {
      const ballots: Ballot[] = [
        ...Array.from({ length: 4 }, () => ballot({ answers: { "privacy.1": "yes", "privacy.2": "no" }, ratings: { domain: 4 } })),
        ballot({ answers: { "privacy.1": "no" }, ratings: { domain: 2 } }),
      ];
      const r = aggregateRound(icmec, privacy, [], ballots, 5, 1);
      expect(r.items).toEqual({ "privacy.1": { yes: 4, no: 1, na: 0 } });
      expect(Object.keys(r.items)).not.toContain("privacy.2");
      // with k = 4, privacy.2 passes too
      expect(aggregateRound(icmec, privacy, [], ballots, 4, 1).items["privacy.2"]).toEqual({ yes: 0, no: 4, na: 0 });
    });

    it("releases no item tally from a round whose rating stayed hidden", () => {
      // 6 answered privacy.1 (≥ k = 5) but only 2 gave a valid rating (< k): nothing is released.
      const ballots = Array.from({ length: 6 }, (_, i) =>
        ballot({ answers: { "privacy.1": "yes" }, ratings: { domain: i < 2 ? 3 : "dk" } }),
      );
      const r = aggregateRound(icmec, privacy, [], ballots, 5, 1);
      expect(r.ratings.domain).toStrictEqual({ shown: false });
      expect(r.items).toStrictEqual({});
      expect(r.respondents).toBe(6);
    });

    it("gates each facility on its own", () => {
      const ballots: Ballot[] = [
        ballot({ ratings: { "0": 3, "1": 2, "2": "dk" } }),
        ballot({ ratings: { "0": 3, "1": 2, "2": "dk" } }),
        ballot({ ratings: { "0": 2, "1": "na", "2": 1 } }),
        ballot({ ratings: { "0": 1, "1": 1 } }),
        ballot({ ratings: { "0": "na", "1": 3 } }),
        ballot({ ratings: { "0": 3, "1": 3 } }),
      ];
      const r = aggregateRound(icmec, aaaq, FACILITIES, ballots, 5, 1);
      expect(Object.keys(r.ratings).sort()).toEqual(["0", "1", "2"]);
      expect(r.ratings).not.toHaveProperty("domain");
      expect(r.ratings["0"]).toEqual({ shown: true, counts: [1, 1, 3], dontKnow: 0, notAvailable: 1 });
      expect(r.ratings["1"]).toEqual({ shown: true, counts: [1, 2, 2], dontKnow: 0, notAvailable: 1 });
      expect(r.ratings["2"]).toStrictEqual({ shown: false });
      expect(() => RoundResultSchema.parse(r)).not.toThrow();
    });
  });

  describe("properties", () => {
    const items = privacy.items.map((i) => i.id);
    const ratingArb: fc.Arbitrary<RatingValue | undefined> = fc.constantFrom(1, 2, 3, 4, 5, "dk" as const, undefined);
    const ballotArb: fc.Arbitrary<Ballot> = fc
      .record({
        rating: ratingArb,
        answers: fc.dictionary(fc.constantFrom(...items), fc.constantFrom<Answer>("yes", "no", "na"), { maxKeys: items.length }),
      })
      .map(({ rating, answers }) => ballot({ answers, ratings: rating === undefined ? {} : { domain: rating } }));
    const ballotsArb = fc.array(ballotArb, { maxLength: 30 });
    const kArb = fc.integer({ min: 3, max: 8 });

    it("counts equal a hand tally, respondents = ballots, and every released cell passed the gate", () => {
      fc.assert(
        fc.property(ballotsArb, kArb, (ballots, k) => {
          const counts = [0, 0, 0, 0, 0];
          let dk = 0;
          const tallies: Record<string, ItemTally> = {};
          for (const b of ballots) {
            const v = b.ratings.domain;
            if (v === "dk") dk++;
            else if (typeof v === "number") counts[v - 1]! += 1;
            for (const [id, a] of Object.entries(b.answers)) {
              const t = (tallies[id] ??= { yes: 0, no: 0, na: 0 });
              t[a]++;
            }
          }
          const n = counts.reduce((a, b) => a + b, 0);
          const expectedRating: RatingResult = n >= k ? { shown: true, counts, dontKnow: dk, notAvailable: 0 } : { shown: false };
          const expectedItems = n >= k ? Object.fromEntries(Object.entries(tallies).filter(([, t]) => t.yes + t.no + t.na >= k)) : {};

          const r = aggregateRound(icmec, privacy, [], ballots, k, 1);
          expect(r.respondents).toBe(ballots.length);
          expect(r.ratings).toStrictEqual({ domain: expectedRating });
          expect(r.items).toStrictEqual(expectedItems);
          RoundResultSchema.parse(r);
        }),
      );
    });

    it("does not depend on the order of the ballots", () => {
      const permuted = ballotsArb.chain((bs) =>
        fc.tuple(fc.constant(bs), fc.shuffledSubarray(bs, { minLength: bs.length, maxLength: bs.length })),
      );
      fc.assert(
        fc.property(permuted, kArb, ([bs, shuffled], k) => {
          expect(aggregateRound(icmec, privacy, [], shuffled, k, 1)).toStrictEqual(aggregateRound(icmec, privacy, [], bs, k, 1));
        }),
      );
    });

    it("per facility: each facility's counts are its own hand tally", () => {
      const facilityRating = fc.constantFrom<RatingValue | undefined>(1, 2, 3, "dk", "na", undefined);
      const aaaqBallot = fc.tuple(facilityRating, facilityRating).map(([a, b]) => {
        const ratings: Record<string, RatingValue> = {};
        if (a !== undefined) ratings["0"] = a;
        if (b !== undefined) ratings["1"] = b;
        return ballot({ ratings });
      });
      fc.assert(
        fc.property(fc.array(aaaqBallot, { maxLength: 25 }), kArb, (ballots, k) => {
          const r = aggregateRound(icmec, aaaq, ["A", "B"], ballots, k, 1);
          for (const key of ["0", "1"]) {
            const values = ballots.map((b) => b.ratings[key]);
            const counts = [1, 2, 3].map((p) => values.filter((v) => v === p).length);
            const n = counts.reduce((a, b) => a + b, 0);
            const expected: RatingResult =
              n >= k
                ? {
                    shown: true,
                    counts,
                    dontKnow: values.filter((v) => v === "dk").length,
                    notAvailable: values.filter((v) => v === "na").length,
                  }
                : { shown: false };
            expect(r.ratings[key]).toStrictEqual(expected);
          }
        }),
      );
    });
  });
});
