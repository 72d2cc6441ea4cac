/**
 * The compact ballot kept in a phone socket's attachment (core/ballot-codec.ts): every accepted
 * ballot survives the round trip, nothing else decodes, and the largest ballot of every built-in
 * domain fits the attachment with room to spare (docs/design.md §6.4).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBallot, encodeBallot } from "../../core/ballot-codec";
import { checkBallot, ratingKeys } from "../../core/ballots";
import { BALLOT_CODE_MAX, MAX_FACILITIES, PEER_STATE_MAX_BYTES } from "../../core/limits";
import type { Ballot, RatingValue } from "../../core/protocol";
import { maxBallotCodeLength, TemplateSchema } from "../../core/template";
import { getTemplate, templates } from "../../core/templates/index";
import { asPhone, fitsAttachment } from "../../party/room/peer-state";

const icmec = getTemplate("icmec-2")!;
const facilities = Array.from({ length: MAX_FACILITIES }, (_, i) => `Facility ${i}`);

describe("round trip", () => {
  for (const domain of icmec.domains) {
    it(`${domain.id}: decode(encode(b)) is b for every accepted ballot`, () => {
      const scale = icmec.scales[domain.rating.scale]!;
      const rating = fc.oneof(
        fc.integer({ min: 1, max: scale.points.length }),
        fc.constant<RatingValue>("dk"),
        ...(scale.notAvailableLabel ? [fc.constant<RatingValue>("na")] : []),
      );
      const ballot = fc.record({
        answers: fc.dictionary(
          fc.constantFrom(...(domain.items.length ? domain.items.map((i) => i.id) : ["none"])),
          fc.constantFrom("yes", "no", "na"),
        ),
        ratings: fc.dictionary(fc.constantFrom(...ratingKeys(domain, facilities)), rating),
      });
      fc.assert(
        fc.property(ballot, (raw) => {
          const b: Ballot = { roundId: `${domain.id}#1`, answers: domain.items.length ? raw.answers : {}, ratings: raw.ratings } as Ballot;
          const checked = checkBallot(icmec, domain, facilities, b);
          if (!checked.ok) return;
          expect(decodeBallot(domain, facilities, b.roundId, encodeBallot(domain, facilities, checked.ballot))).toEqual(checked.ballot);
        }),
        { seed: 11, numRuns: 200 },
      );
    });
  }

  it("refuses a code that does not fit the domain", () => {
    const domain = icmec.domains.find((d) => d.id === "safety")!;
    for (const code of ["", "yyyyy", "yyyyy/", "yyyy/3", "yyyyyy/3", "yyyyq/3", "yyyyy/0", "yyyyy/33", "yyyyy/3/", "yyyyy/z"]) {
      expect(decodeBallot(domain, facilities, "safety#1", code), code).toBeNull();
    }
    expect(decodeBallot(domain, facilities, "safety#1", "yn.a./d")).toEqual({
      roundId: "safety#1",
      answers: { "safety.1": "yes", "safety.2": "no", "safety.4": "na" },
      ratings: { domain: "dk" },
    });
  });
});

describe("the attachment budget", () => {
  it("every built-in domain's largest ballot, with the longest round id, nonce and perspective, fits", () => {
    for (const template of templates) {
      for (const domain of template.domains) {
        const longest = maxBallotCodeLength(domain);
        expect(longest).toBeLessThanOrEqual(BALLOT_CODE_MAX);
        const state = asPhone("n".repeat(64), "lived-experience", [{ roundId: "r".repeat(64), code: "y".repeat(longest) }]);
        expect(fitsAttachment(state)).toBe(true);
        expect(JSON.stringify(state).length).toBeLessThan(PEER_STATE_MAX_BYTES / 2);
      }
    }
  });

  it("a template whose ballot could not be held for its phone is refused when it is validated", () => {
    const tooMany = {
      ...icmec,
      domains: [{ ...icmec.domains[0]!, items: Array.from({ length: BALLOT_CODE_MAX }, (_, i) => ({ id: `x.${i}`, text: "Item" })) }],
    };
    const result = TemplateSchema.safeParse(tooMany);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join()).toMatch(/could not be held/);
    const justFits = { ...tooMany, domains: [{ ...tooMany.domains[0]!, items: tooMany.domains[0]!.items.slice(0, BALLOT_CODE_MAX - 2) }] };
    expect(TemplateSchema.safeParse(justFits).success).toBe(true);
  });
});
