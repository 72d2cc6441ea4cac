/**
 * A self-paced set on the real runtime (`wrangler dev`, docs/design.md §1.2): several topics open
 * at once, each phone's ballots for all of them held in its one socket attachment. They survive a
 * reconnect on a new socket and a hibernation of the room, a restart of the runtime (phones
 * re-send), and nothing of a ballot reaches storage, the doc or a log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Ballot, LiveState } from "../../core/protocol";
import type { SessionState } from "../../core/session";
import { command, createRoom, facilitator, greetingCounter, Phone, storageBytes, until, yjsClient } from "./clients";
import { type RunningStack, startStack } from "./stack";

let stack: RunningStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SET = ["privacy", "conduct", "safety"];
const sessionOf = (doc: Y.Doc) => doc.getMap("live").get("session") as SessionState | undefined;
const ballot = (domainId: string, rating: number | "dk"): Ballot => ({
  roundId: `${domainId}#1`,
  answers: { [`${domainId}.1`]: rating === "dk" ? "na" : rating > 2 ? "yes" : "no" },
  ratings: { domain: rating },
});
/** Long enough for the runtime to hibernate an idle object (10 s of no events). */
const IDLE_MS = 13_000;

async function openSet(room: { roomId: string; facilitatorKey: string }) {
  const { client } = await facilitator(stack, room.roomId, room.facilitatorKey);
  expect((await command(client, { op: "open-set", domainIds: SET })).t).toBe("done");
  return client;
}
async function join(roomId: string, n: number): Promise<Phone[]> {
  const phones = Array.from({ length: n }, () => new Phone(stack, roomId));
  for (const p of phones) expect((await p.join()).t).toBe("welcome");
  return phones;
}
const lastState = (frames: { t: string }[]): LiveState | undefined =>
  (frames.filter((f) => f.t === "state" || f.t === "welcome").at(-1) as { state: LiveState } | undefined)?.state;

describe("a self-paced set on the real runtime", () => {
  it("keeps every phone's ballots for several topics through a reconnect and a hibernation; nothing of them is stored or logged", async () => {
    const room = await createRoom(stack, { domainIds: SET, k: 3 });
    const phones = await join(room.roomId, 5);
    const console_ = await openSet(room);
    // Each phone in its own order; some topics left out by some phones.
    const plan: [number, string, number | "dk"][] = [
      [0, "privacy", 4],
      [0, "safety", 2],
      [1, "safety", 3],
      [1, "conduct", 5],
      [1, "privacy", 4],
      [2, "conduct", 4],
      [2, "privacy", 5],
      [3, "privacy", 1],
      [3, "conduct", "dk"],
      [3, "safety", 3],
      [4, "safety", 4],
      [4, "conduct", 3],
    ];
    for (const [i, domainId, rating] of plan) expect((await phones[i]!.vote(ballot(domainId, rating))).t).toBe("ack");
    await until(
      () =>
        lastState(console_.frames)
          ?.set.map((x) => x.voted)
          .join() === "4,4,4",
      10_000,
      "the console's per-topic counts",
    );

    // Phone 0's network changes: a new socket says hello with its pass; its ballots move over,
    // and it changes its privacy rating there.
    const old = phones[0]!.client;
    phones[0]!.ballot = undefined;
    expect((await phones[0]!.join()).t).toBe("welcome");
    expect((await phones[0]!.vote(ballot("privacy", 3))).t).toBe("ack");
    old.close();

    // Nothing of a ballot is in storage while the set is open.
    await new Promise((r) => setTimeout(r, 500));
    const during = storageBytes(stack.persistDir).toString("latin1");
    expect(during).not.toMatch(/"roundId"|"answers"|"ballots"|privacy#1|safety#1|conduct#1/);

    const yjs = await greetingCounter(stack, room);
    expect(yjs.greetings()).toBe(1);
    await new Promise((r) => setTimeout(r, IDLE_MS)); // hibernates: ballots only in the attachments
    const projector = await yjsClient(stack, room);
    expect((await command(console_, { op: "close" })).t).toBe("done");
    await until(() => yjs.greetings() >= 2, 10_000, "the woken room's greeting");
    await until(() => SET.every((id) => sessionOf(projector.doc)?.domains[id]?.rounds.length === 1), 10_000, "every topic's result");
    const domains = sessionOf(projector.doc)!.domains;
    expect(domains.privacy!.rounds[0]).toMatchObject({
      respondents: 4,
      ratings: { domain: { shown: true, counts: [1, 0, 1, 1, 1], dontKnow: 0, notAvailable: 0 } },
    });
    expect(domains.conduct!.rounds[0]).toMatchObject({
      respondents: 4,
      ratings: { domain: { shown: true, counts: [0, 0, 1, 1, 1], dontKnow: 1, notAvailable: 0 } },
    });
    expect(domains.safety!.rounds[0]).toMatchObject({
      respondents: 4,
      ratings: { domain: { shown: true, counts: [0, 1, 2, 1, 0], dontKnow: 0, notAvailable: 0 } },
    });
    expect(sessionOf(projector.doc)).toMatchObject({ phase: "revealed", domainId: "privacy" });

    // Nothing of a ballot in storage, the doc or any log: only the aggregates.
    await new Promise((r) => setTimeout(r, 500));
    const stored = storageBytes(stack.persistDir).toString("latin1");
    const docText = JSON.stringify(projector.doc.toJSON()) + Buffer.from(Y.encodeStateAsUpdate(projector.doc)).toString("latin1");
    const { worker, file } = stack.logs();
    const tokens = phones.flatMap((p) => [p.token!, p.token!.split(".")[0]!]);
    for (const haystack of [stored, docText, worker, file]) {
      expect(haystack).not.toMatch(/"roundId"|"answers"|"ballots"/);
      for (const token of tokens) expect(haystack.includes(token)).toBe(false);
    }
    expect(stored).toContain("notAvailable"); // the scan looked where the aggregates are
    yjs.close();
    projector.destroy();
  }, 90_000);

  it("loses no ballot of any topic through a restart of the runtime: phones re-send each one, counted once", async () => {
    const room = await createRoom(stack, { domainIds: SET, k: 3 });
    const phones = await join(room.roomId, 4);
    const console_ = await openSet(room);
    const kept: Ballot[][] = phones.map((_, i) => [
      ballot("safety", i + 1),
      ballot("privacy", 5 - i),
      ...(i < 3 ? [ballot("conduct", 3)] : []),
    ]);
    for (const [i, p] of phones.entries()) for (const b of kept[i]!) expect((await p.vote(b)).t).toBe("ack");
    console_.close();

    await stack.restart("SIGKILL");

    for (const [i, p] of phones.entries()) {
      p.ballot = undefined;
      expect((await p.join()).t).toBe("welcome");
      // As the phone does after a welcome: every ballot it keeps for an open topic, once more.
      for (const b of kept[i]!) expect((await p.vote(b)).t).toBe("ack");
    }
    expect((await phones[0]!.vote(kept[0]![0]!)).t).toBe("ack"); // one sent twice
    const { client: console2 } = await facilitator(stack, room.roomId, room.facilitatorKey);
    const projector = await yjsClient(stack, room);
    expect((await command(console2, { op: "close" })).t).toBe("done");
    await until(() => SET.every((id) => sessionOf(projector.doc)?.domains[id]?.rounds.length === 1), 10_000, "every topic's result");
    const domains = sessionOf(projector.doc)!.domains;
    expect(domains.safety!.rounds[0]).toMatchObject({ respondents: 4, ratings: { domain: { counts: [1, 1, 1, 1, 0] } } });
    expect(domains.privacy!.rounds[0]).toMatchObject({ respondents: 4, ratings: { domain: { counts: [0, 1, 1, 1, 1] } } });
    expect(domains.conduct!.rounds[0]).toMatchObject({ respondents: 3, ratings: { domain: { counts: [0, 0, 3, 0, 0] } } });
    projector.destroy();
  }, 90_000);
});
