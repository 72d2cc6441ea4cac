/**
 * No word is dropped (issue 9): the facilitators' notes and action items reach the summary
 * whenever they were typed: before or after the topic was recorded, with or without a recorded
 * value, on a skipped topic, and through a hibernation.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Ballot } from "../../core/protocol";
import { SummaryInputSchema } from "../../core/summary/schema";
import { buildSummary } from "../../core/summary/build";
import { createdRoom, FACILITATOR_KEY, type RoomHost } from "./room-host";

/** Types into a topic's notes as a console does: an edit of the doc's text. */
const type = (host: RoomHost, name: string, text: string) => host.doc.getText(name).insert(host.doc.getText(name).length, text);

async function summaryOf(host: RoomHost) {
  const answer = await host.model.summary(FACILITATOR_KEY);
  if (!answer.ok) throw new Error(answer.refusal);
  return buildSummary(SummaryInputSchema.parse(answer.value));
}

const safety = (roundId: string, rating: number): Ballot => ({ roundId, answers: {}, ratings: { domain: rating } });

describe("notes and action items reach the summary whenever they are typed", () => {
  it("after 'record consensus', with a value and with 'no consensus', on a skipped topic, and through a hibernation", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    for (const [i, p] of phones.entries()) await host.send(p.peer, { t: "ballot", ballot: safety("safety#1", 2 + (i % 2)) });
    await command({ op: "close" });
    type(host, "notes:safety", "Before recording. ");
    await command({ op: "record", domainId: "safety", consensus: { domain: { value: 2 } } });
    type(host, "notes:safety", "After recording.");
    type(host, "actions:safety", "- Ask the board for a night-shift interpreter");
    // A topic recorded as "no consensus", and one skipped, also keep what is typed afterwards.
    await command({ op: "record", domainId: "privacy", consensus: { domain: { value: null } } });
    type(host, "notes:privacy", "We could not agree on the waiting room.");
    await command({ op: "skip", domainId: "services-aaaq" });
    type(host, "actions:services-aaaq", "- Map the referral network before next time");

    const check = async () => {
      const s = await summaryOf(host);
      const d = (id: string) => s.domains.find((x) => x.id === id)!;
      expect(d("safety").notes).toBe("Before recording. After recording.");
      expect(d("safety").actions).toBe("- Ask the board for a night-shift interpreter");
      expect(d("privacy").notes).toBe("We could not agree on the waiting room.");
      expect(d("services-aaaq").actions).toBe("- Map the referral network before next time");
    };
    await check();
    await host.hibernate();
    await check();
  });

  it("text deleted after recording stays deleted: the doc's text is the group's latest word", async () => {
    const { host, command } = await createdRoom();
    type(host, "notes:safety", "A name that should not be here");
    await command({ op: "record", domainId: "safety", consensus: { domain: { value: 3 } } });
    host.doc.getText("notes:safety").delete(0, host.doc.getText("notes:safety").length);
    expect((await summaryOf(host)).domains.find((d) => d.id === "safety")!.notes).toBe("");
  });
});

describe("saving the doc", () => {
  it("waits for the disk before answering with the state vector of what it stored", async () => {
    const { host } = await createdRoom();
    type(host, "notes:safety", "kept");
    const syncsBefore = host.storage.syncs;
    const stored = await host.model.saveDoc();
    expect(host.storage.syncs).toBe(syncsBefore + 1);
    expect(stored).toEqual(Y.encodeStateVector(host.doc));
    const erased = await host.model.erase(FACILITATOR_KEY);
    expect(erased.ok).toBe(true);
    expect(await host.model.saveDoc()).toBeNull();
  });
});

describe("notes sent with 'record' by a client without the doc", () => {
  it("join the doc's text, so the summary and every console show them; what was typed is never deleted", async () => {
    const { host, command } = await createdRoom();
    await command({ op: "record", domainId: "safety", consensus: { domain: { value: 3 } }, notes: "From a script", actions: "- Act" });
    expect(host.doc.getText("notes:safety").toString()).toBe("From a script");
    const safety = (await summaryOf(host)).domains.find((d) => d.id === "safety")!;
    expect([safety.notes, safety.actions]).toEqual(["From a script", "- Act"]);

    type(host, "notes:privacy", "Typed in the console");
    let updates = 0;
    host.doc.on("update", () => updates++);
    await command({ op: "record", domainId: "privacy", consensus: { domain: { value: 4 } }, notes: "Typed in the console" });
    expect(host.doc.getText("notes:privacy").toString()).toBe("Typed in the console");
    expect(updates).toBe(1); // the projection's write only; the notes were left as typed

    // Other words than the typed ones are added after them; an empty text deletes nothing.
    type(host, "actions:privacy", "- Typed by a co-facilitator");
    await command({ op: "record", domainId: "privacy", consensus: { domain: { value: 4 } }, notes: "", actions: "- From a script" });
    expect(host.doc.getText("notes:privacy").toString()).toBe("Typed in the console");
    expect(host.doc.getText("actions:privacy").toString()).toBe("- Typed by a co-facilitator\n- From a script");
    const privacy = (await summaryOf(host)).domains.find((d) => d.id === "privacy")!;
    expect(privacy.actionItems.map((a) => a.text)).toEqual(["Typed by a co-facilitator", "From a script"]);
  });
});

describe("the group's decision that a topic needs improvement", () => {
  it("is kept through a hibernation, reaches the summary, and is not sent to phones", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    for (const [i, p] of phones.entries()) await host.send(p.peer, { t: "ballot", ballot: safety("safety#1", 3 + (i % 2)) });
    await command({ op: "close" });
    const framesBefore = phones.map((p) => p.peer.frames.length);
    await command({ op: "mark", domainId: "safety", improve: true });
    expect(phones.map((p) => p.peer.frames.length)).toEqual(framesBefore);
    await host.hibernate();
    const s = await summaryOf(host);
    expect(s.domains.find((d) => d.id === "safety")!.improvement).toMatchObject({ needed: true, marked: true });
    expect(s.plan.topics.map((t) => t.domainId)).toEqual(["safety"]);
  });
});
