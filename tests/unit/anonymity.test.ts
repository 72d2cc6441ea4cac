/**
 * Anonymity, second pass (docs/design.md §3.10, §3.11; docs/privacy.md), at the room level with
 * the real room model: the perspective oracle (extra passes kept from before the lock, a repeated
 * end) and the differencing of two rounds of one topic. Each attack is played out in full.
 */
import { describe, expect, it } from "vitest";
import type { Ballot, Perspective, ServerMessage } from "../../core/protocol";
import type { SessionState } from "../../core/session";
import { buildSummary } from "../../core/summary/build";
import { toMarkdown } from "../../core/summary/markdown";
import { SummaryInputSchema } from "../../core/summary/schema";
import { createdRoom, FACILITATOR_KEY, type FakePeer, type RoomHost } from "./room-host";

const sessionOf = (host: RoomHost) => host.doc.getMap("live").get("session") as SessionState;
type Welcome = Extract<ServerMessage, { t: "welcome" }>;

async function join(host: RoomHost, perspective?: Perspective, extra: { token?: string; perspectiveSig?: string } = {}) {
  const peer = host.connect();
  const welcome = (await host.send(peer, { t: "hello", role: "phone", ...(perspective ? { perspective } : {}), ...extra })) as Welcome;
  expect(welcome.t).toBe("welcome");
  return { peer, welcome };
}

describe("perspectives are released once, and only from passes that had them while joining was open (§3.10)", () => {
  it("the attack: k − 1 extra passes kept from before the lock, given a perspective after it, and a repeated end", async () => {
    const { host, command } = await createdRoom({ phones: 0, k: 3 });
    await join(host, "lived-experience"); // one real person with lived experience
    for (let i = 0; i < 3; i++) await join(host, "clinical");
    // The facilitator quietly takes two passes while joining is open, with no perspective.
    const extras = [await join(host), await join(host)];
    expect(await command({ op: "lock", locked: true })).toMatchObject({ t: "done" });
    // After the lock they claim lived experience: refused, and the room says so.
    for (const x of extras) {
      const again = (await host.send(x.peer, {
        t: "hello",
        role: "phone",
        token: x.welcome.token!,
        perspective: "lived-experience",
      })) as Welcome;
      expect(again).toMatchObject({ t: "welcome", perspectiveRefused: true });
      expect(again.perspectiveSig).toBeUndefined();
    }
    await command({ op: "open", domainId: "safety" });
    await command({ op: "close" });
    expect(await command({ op: "end" })).toMatchObject({ t: "done" });
    // One person is not a group: lived experience is not named, and no "other" either (1 < k).
    expect(sessionOf(host).perspectives).toEqual(["clinical"]);
    // After the end: new claims refused, a second end refused; the released list never changes.
    for (const x of extras) {
      const late = x.peer;
      expect(await host.send(late, { t: "hello", role: "phone", token: x.welcome.token!, perspective: "lived-experience" })).toMatchObject({
        perspectiveRefused: true,
      });
    }
    expect(await command({ op: "end" })).toMatchObject({ t: "error", message: expect.stringMatching(/already ended/) });
    expect(sessionOf(host).perspectives).toEqual(["clinical"]);
  });

  it("a perspective may change while joining is open; once signed it survives a restart and the lock", async () => {
    const { host, command } = await createdRoom({ phones: 0, k: 3 });
    const people: { token: string; perspective: Perspective; sig: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const { welcome } = await join(host, "support");
      people.push({ token: welcome.token!, perspective: "support", sig: welcome.perspectiveSig! });
    }
    // The first changes their mind before the lock: a new signature for the new perspective.
    const changed = await join(host, "external", { token: people[0]!.token, perspectiveSig: people[0]!.sig });
    expect(changed.welcome.perspectiveSig).toBeDefined();
    expect(changed.welcome.perspectiveSig).not.toBe(people[0]!.sig);
    people[0] = { ...people[0]!, perspective: "external", sig: changed.welcome.perspectiveSig! };
    await command({ op: "lock", locked: true });
    await host.restart(); // memory gone: the perspectives come back with the phones' signatures
    const console2 = host.connect();
    await host.send(console2, { t: "hello", role: "facilitator", key: FACILITATOR_KEY });
    for (const p of people) {
      const back = await join(host, p.perspective, { token: p.token, perspectiveSig: p.sig });
      expect(back.welcome.perspectiveRefused).toBeUndefined();
    }
    // A forged or borrowed signature does not pass: it is another pass's, or another perspective's.
    const forged = await join(host, "lived-experience", { token: people[1]!.token, perspectiveSig: people[1]!.sig });
    expect(forged.welcome.perspectiveRefused).toBe(true);
    for (const op of [{ op: "open", domainId: "safety" }, { op: "close" }, { op: "end" }] as const) {
      await host.send(console2, { t: "cmd", id: op.op, cmd: op });
    }
    // support: 2 (the third changed to external before the lock); external: 1. Neither reaches k = 3,
    // and merged (3) they are named as "other".
    expect(sessionOf(host).perspectives).toEqual(["other"]);
  });
});

describe("differencing between rounds of a topic (§3.11)", () => {
  const safety = (roundId: string, rating: number, receipt?: string): Ballot => ({
    roundId,
    answers: {},
    ratings: { domain: rating },
    ...(receipt ? { receipt } : {}),
  });

  async function vote(host: RoomHost, peer: FakePeer, ballot: Ballot) {
    return (await host.send(peer, { t: "ballot", ballot })) as Extract<ServerMessage, { t: "ack" | "error" }>;
  }

  it("a late joiner can't vote in a re-vote, so the two results can't be subtracted to find their rating", async () => {
    const { host, phones, command } = await createdRoom({ phones: 5, k: 3 });
    await command({ op: "open", domainId: "safety" });
    const receipts: string[] = [];
    for (const [i, p] of phones.entries()) {
      const ack = await vote(host, p.peer, safety("safety#1", [3, 3, 4, 4, 5][i]!));
      expect(ack).toMatchObject({ t: "ack" });
      receipts.push((ack as { receipt: string }).receipt);
    }
    await command({ op: "close" });
    expect(sessionOf(host).domains.safety!.rounds[0]!.ratings.domain).toMatchObject({ shown: true });
    // Someone arrives after the first result is on the screen, and the group votes again.
    const late = await join(host);
    await command({ op: "new-round" });
    expect(host.model.liveState().revoteOf).toBe("safety#1");
    expect(await vote(host, late.peer, safety("safety#2", 1))).toMatchObject({ t: "error", code: "not-in-earlier-round" });
    // A receipt only works for its own pass and round.
    expect(await vote(host, late.peer, safety("safety#2", 1, receipts[0]))).toMatchObject({ code: "not-in-earlier-round" });
    expect(await vote(host, phones[1]!.peer, safety("safety#2", 3, receipts[0]))).toMatchObject({ code: "not-in-earlier-round" });
    for (const [i, p] of phones.entries())
      expect(await vote(host, p.peer, safety("safety#2", [3, 3, 4, 4, 5][i]!, receipts[i]))).toMatchObject({ t: "ack" });
    await command({ op: "close" });
    // The re-vote is shown: its voters are exactly the first round's.
    expect(sessionOf(host).domains.safety!.rounds[1]).toMatchObject({
      respondents: 5,
      ratings: { domain: { shown: true, counts: [0, 0, 2, 2, 1] } },
    });
  });

  it("a pass that didn't vote in the first round can't join the re-vote either", async () => {
    const { host, phones, command } = await createdRoom({ phones: 4, k: 3 });
    await command({ op: "open", domainId: "safety" });
    for (const p of phones.slice(0, 3)) await vote(host, p.peer, safety("safety#1", 4));
    await command({ op: "close" });
    await command({ op: "new-round" });
    expect(await vote(host, phones[3]!.peer, safety("safety#2", 1))).toMatchObject({ code: "not-in-earlier-round" });
  });

  it("a re-vote that fewer than k of the first round's voters left is withheld; k or more, or none, and it is shown", async () => {
    const { host, phones, command } = await createdRoom({ phones: 6, k: 3 });
    let receipts = new Map<FakePeer, string>();
    const roundOf = async (voters: typeof phones, rating: number) => {
      const { roundId } = host.model.liveState();
      const next = new Map<FakePeer, string>();
      for (const p of voters) {
        const ack = await vote(host, p.peer, safety(roundId!, rating, receipts.get(p.peer)));
        expect(ack).toMatchObject({ t: "ack" });
        next.set(p.peer, (ack as { receipt: string }).receipt);
      }
      await command({ op: "close" });
      return next;
    };
    await command({ op: "open", domainId: "safety" });
    receipts = await roundOf(phones, 3); // round 1: 6 voters, shown
    await command({ op: "new-round" });
    await roundOf(phones.slice(0, 5), 3); // round 2: one left → withheld
    const withheld = sessionOf(host).domains.safety!.rounds[1]!;
    expect(withheld).toEqual({ round: 2, respondents: 5, withheld: "would-single-out", ratings: { domain: { shown: false } }, items: {} });
    // Round 3 re-votes round 1 again (the last shown one): the receipts of round 1 still count.
    await command({ op: "new-round" });
    expect(host.model.liveState().revoteOf).toBe("safety#1");
    receipts = await roundOf(phones, 4); // all 6: shown
    expect(sessionOf(host).domains.safety!.rounds[2]).toMatchObject({ ratings: { domain: { shown: true, counts: [0, 0, 0, 6, 0] } } });
    await command({ op: "new-round" });
    expect(host.model.liveState().revoteOf).toBe("safety#3");
    await roundOf(phones.slice(0, 3), 5); // 3 of 6 left: as many as k, shown
    expect(sessionOf(host).domains.safety!.rounds[3]).toMatchObject({ ratings: { domain: { shown: true, counts: [0, 0, 0, 0, 3] } } });

    // The summary says what happened to round 2, and gives no number of it.
    const s = await host.model.summary(FACILITATOR_KEY);
    const summary = buildSummary(SummaryInputSchema.parse((s as { value: unknown }).value));
    const md = toMarkdown(summary);
    expect(md).toMatch(/Round 2: 5 respondents; withheld/);
    expect(summary.domains.find((d) => d.id === "safety")!.rounds[1]).toMatchObject({ withheld: "would-single-out", items: [] });
  });

  it("auto-close in a re-vote fires when everyone who may vote has voted", async () => {
    const { host, phones, command } = await createdRoom({ phones: 4, k: 3 });
    await command({ op: "open", domainId: "safety" });
    const receipts: string[] = [];
    for (const p of phones.slice(0, 3)) receipts.push(((await vote(host, p.peer, safety("safety#1", 2))) as { receipt: string }).receipt);
    await command({ op: "close" });
    await command({ op: "auto-close", enabled: true });
    await command({ op: "new-round" });
    for (const [i, p] of phones.slice(0, 3).entries()) await vote(host, p.peer, safety("safety#2", 2, receipts[i]));
    expect(host.model.liveState().phase).toBe("revealed");
  });
});
