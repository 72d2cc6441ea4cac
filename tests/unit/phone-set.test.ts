/**
 * A phone's own ballots in a self-paced set (client/src/phone/set-ballots.ts): how far each topic
 * has got, who may answer a re-voted topic, and what is dropped (and said) when topics close.
 */
import { describe, expect, it } from "vitest";
import { mayAnswer, pruneSet, topicProgress, withBallot } from "../../client/src/phone/set-ballots";
import type { Ballot } from "../../core/protocol";

const ballot = (roundId: string, rating: number): Ballot => ({ roundId, answers: {}, ratings: { domain: rating } });

describe("topicProgress", () => {
  it("not started, started, sending, answered, changed", () => {
    const sent = ballot("safety#1", 3);
    expect(topicProgress({}, "safety#1", false)).toBe("not-started");
    expect(topicProgress({ setDrafts: [sent] }, "safety#1", false)).toBe("started");
    expect(topicProgress({ setSent: [sent], setDrafts: [sent] }, "safety#1", false)).toBe("sending");
    expect(topicProgress({ setSent: [sent], setDrafts: [sent] }, "safety#1", true)).toBe("answered");
    expect(topicProgress({ setSent: [sent], setDrafts: [ballot("safety#1", 4)] }, "safety#1", true)).toBe("changed");
    // Another topic's ballot says nothing about this one.
    expect(topicProgress({ setSent: [sent] }, "privacy#1", true)).toBe("not-started");
  });

  it("withBallot keeps one ballot per round", () => {
    const list = withBallot(withBallot([], ballot("safety#1", 3)), ballot("privacy#1", 2));
    expect(withBallot(list, ballot("safety#1", 5)).map((b) => [b.roundId, b.ratings.domain])).toEqual([
      ["privacy#1", 2],
      ["safety#1", 5],
    ]);
  });
});

describe("mayAnswer", () => {
  it("a re-voted topic only with the receipt of the round it re-votes (§3.11)", () => {
    const topic = { domainId: "safety", roundId: "safety#2", voted: 0, revoteOf: "safety#1" };
    expect(mayAnswer({}, topic)).toBe(false);
    expect(mayAnswer({ receipts: { "safety#1": "r".repeat(16) } }, topic)).toBe(true);
    expect(mayAnswer({}, { ...topic, revoteOf: null })).toBe(true);
  });
});

describe("pruneSet", () => {
  it("keeps the open topics' ballots, drops the others, and says what of them was not counted", () => {
    const safety = ballot("safety#1", 3);
    const privacy = ballot("privacy#1", 2);
    const stored = { setSent: [safety, privacy], setDrafts: [safety, privacy], receipts: { "safety#1": "r".repeat(16) } };
    // Only safety is still open: privacy's ballot, never acknowledged, was not counted.
    const out = pruneSet(stored, new Set(["safety#1"]), new Set(["safety#1"]));
    expect(out).toEqual({ setSent: [safety], setDrafts: [safety], lost: "answers", changed: true });
    // Everything acknowledged and unchanged when the set closes: nothing to say.
    const acked = pruneSet({ ...stored, receipts: { "safety#1": "r", "privacy#1": "r" } }, new Set(), new Set(["safety#1", "privacy#1"]));
    expect(acked).toEqual({ setSent: [], setDrafts: [], lost: null, changed: true });
    // Nothing closed: nothing changes.
    expect(pruneSet(stored, new Set(["safety#1", "privacy#1"]), new Set()).changed).toBe(false);
  });
});
