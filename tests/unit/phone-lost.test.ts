/**
 * What a phone says when its round stopped before its answers counted (client/src/phone/lost.ts):
 * "not counted", "your changes were not counted", or "may not have been counted" when it can't
 * tell; nothing when what it sent was acknowledged.
 */
import { describe, expect, it } from "vitest";
import { missedRound } from "../../client/src/phone/lost";
import type { Ballot } from "../../core/protocol";

const ballot = (roundId: string, rating: number): Ballot => ({ roundId, answers: {}, ratings: { domain: rating } });

describe("missedRound", () => {
  it("nothing to say while the round is open, or when what was sent was acknowledged", () => {
    const sent = ballot("safety#1", 3);
    expect(missedRound({ sent, draft: sent }, "safety#1", null, null)).toBeNull();
    expect(missedRound({ sent, draft: sent, receipts: { "safety#1": "r" } }, null, "safety#1", null)).toBeNull();
    expect(missedRound({}, null, null, null)).toBeNull();
  });

  it("a draft never sent: not counted", () => {
    expect(missedRound({ draft: ballot("safety#1", 2) }, null, null, null)).toMatchObject({ roundId: "safety#1", lost: "answers" });
  });

  it("sent but never acknowledged: not counted, unless the ack still arrives", () => {
    const sent = ballot("safety#1", 4);
    expect(missedRound({ sent, draft: sent }, null, null, null)).toEqual({ roundId: "safety#1", lost: "answers", ifAcked: null });
  });

  it("an earlier ballot counted (a receipt), later changes not sent: the changes were not counted", () => {
    const missed = missedRound(
      { sent: ballot("safety#1", 4), draft: ballot("safety#1", 2), receipts: { "safety#1": "r" } },
      null,
      "safety#1",
      null,
    );
    expect(missed).toEqual({ roundId: "safety#1", lost: "changes", ifAcked: "changes" });
  });

  it("a ballot that may have reached the room on a connection that dropped: can't tell", () => {
    const sent = ballot("safety#1", 4);
    expect(missedRound({ sent, draft: sent }, null, null, "safety#1")?.lost).toBe("unsure");
  });

  it("judges the round that stopped, not the one now open", () => {
    expect(missedRound({ draft: ballot("safety#1", 2) }, "privacy#1", null, null)?.roundId).toBe("safety#1");
  });
});
