/**
 * Self-paced sets (docs/design.md §1.2): several topics open at once, each with its own round id,
 * k gate and re-vote rule, within one phone socket's attachment. The rules (core/commands.ts,
 * core/self-paced.ts), the room that holds the ballots (party/room/model.ts, live-round.ts) and
 * the stored layout before sets (core/stored.ts, layout 3).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyCommand, type CommandContext } from "../../core/commands";
import { BALLOT_CODE_MAX } from "../../core/limits";
import type { Ballot, Command, ServerMessage } from "../../core/protocol";
import { setBallotBytes, setFits } from "../../core/self-paced";
import { initialSession, openRounds, roundIdOf, type SessionState, SessionStateSchema } from "../../core/session";
import { loadRoom, STORAGE_VERSION } from "../../core/stored";
import { type Template, TemplateSchema } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import { readPeerState } from "../../party/room/peer-state";
import { RESTART_GRACE_MS } from "../../party/room/model";
import { createdRoom, FACILITATOR_KEY, type FakePeer, RoomHost } from "./room-host";

const icmec = getTemplate("icmec-2")!;
const ALL = icmec.domains.map((d) => d.id);
const SET = ["privacy", "safety", "services-aaaq"];
const FACILITIES = ["Own", "Clinic", "Shelter"];

function ctx(ballots: Record<string, Ballot[]> = {}, template: Template = icmec, k = 3): CommandContext {
  return { template, facilities: FACILITIES, k, now: 0, ballots: (roundId) => ballots[roundId] ?? [] };
}
function ok(state: SessionState, cmd: Command, c: CommandContext = ctx()): SessionState {
  const out = applyCommand(state, cmd, c);
  if (!out.ok) throw new Error(`refused ${cmd.op}: ${out.reason}`);
  expect(() => SessionStateSchema.parse(out.state)).not.toThrow();
  return out.state;
}
function refused(state: SessionState, cmd: Command, c: CommandContext = ctx()): string {
  const out = applyCommand(state, cmd, c);
  if (out.ok) throw new Error(`expected ${cmd.op} to be refused`);
  return out.reason;
}
const rated = (roundId: string, rating: number): Ballot => ({ roundId, answers: {}, ratings: { domain: rating } });
const many = (roundId: string, ratings: number[]) => ratings.map((r) => rated(roundId, r));

describe("opening a set", () => {
  it("opens every listed topic, each on its own next round, and nothing else", () => {
    let s = initialSession(ALL);
    // safety already has a round: its next is round 2, the others' round 1.
    s = ok(s, { op: "open", domainId: "safety" });
    s = ok(s, { op: "close" }, ctx({ "safety#1": many("safety#1", [3, 4, 5]) }));
    s = ok(s, { op: "open-set", domainIds: SET });
    expect(s).toMatchObject({ phase: "open", domainId: null, openSet: SET });
    expect(openRounds(s).map((r) => r.roundId)).toEqual(["privacy#1", "safety#2", "services-aaaq#1"]);
    for (const id of SET) expect(s.domains[id]!.status).toBe("voting");
    expect(s.domains.protocol!.status).toBe("pending");
  });

  it("is refused whole for an unknown or repeated topic, an open round, or an ended session", () => {
    const s = initialSession(ALL);
    expect(refused(s, { op: "open-set", domainIds: ["privacy", "nope"] })).toBe("unknown-topic");
    expect(refused(s, { op: "open-set", domainIds: ["privacy", "__proto__"] })).toBe("unknown-topic");
    expect(refused(s, { op: "open-set", domainIds: ["privacy", "privacy"] })).toBe("topic-twice");
    const open = ok(s, { op: "open-set", domainIds: SET });
    expect(refused(open, { op: "open-set", domainIds: ["protocol"] })).toBe("round-open");
    expect(refused(open, { op: "open", domainId: "protocol" })).toBe("round-open");
    const ended = ok(s, { op: "end" });
    expect(refused(ended, { op: "open-set", domainIds: SET })).toBe("ended");
  });

  it("all 12 icmec-2 topics fit one phone's attachment together, even at round 999", () => {
    const worst = ALL.map((id) => ({ domainId: id, roundId: roundIdOf(id, 999) }));
    expect(setBallotBytes(icmec, worst)).toBeLessThanOrEqual(BALLOT_CODE_MAX);
    expect(ok(initialSession(ALL), { op: "open-set", domainIds: ALL }, ctx()).openSet).toEqual(ALL);
  });

  it("is refused when the topics' longest ballots could not be held together, and each alone still opens", () => {
    // Two topics of half the budget each: either fits alone (the template check), not both.
    const items = (p: string) => Array.from({ length: Math.floor(BALLOT_CODE_MAX / 2) }, (_, i) => ({ id: `${p}.${i}`, text: "Item" }));
    const base = icmec.domains[0]!;
    const big = TemplateSchema.parse({
      ...icmec,
      domains: [
        { ...base, id: "a", items: items("a") },
        { ...base, id: "b", items: items("b") },
      ],
    });
    const s = initialSession(["a", "b"]);
    expect(setFits(big, [{ domainId: "a", roundId: "a#1" }])).toBe(true);
    expect(refused(s, { op: "open-set", domainIds: ["a", "b"] }, ctx({}, big))).toBe("set-too-large");
    expect(ok(s, { op: "open-set", domainIds: ["a"] }, ctx({}, big)).openSet).toEqual(["a"]);
  });
});

describe("closing a set", () => {
  it("stores each topic's aggregate with its own k gate, drops the set and shows its first topic", () => {
    let s = ok(initialSession(ALL), { op: "open-set", domainIds: SET });
    const out = applyCommand(s, { op: "close" }, ctx({ "privacy#1": many("privacy#1", [2, 3, 4]), "safety#1": many("safety#1", [5, 5]) }));
    if (!out.ok) throw new Error(out.reason);
    expect(out.roundEnded).toBe(true);
    s = out.state;
    expect(s).toMatchObject({ phase: "revealed", domainId: "privacy", round: 1 });
    expect(s.openSet).toBeUndefined();
    expect(s.domains.privacy!.rounds[0]).toMatchObject({ respondents: 3, ratings: { domain: { shown: true, counts: [0, 1, 1, 1, 0] } } });
    // Two ratings are below k = 3: nothing but the fact that it was hidden.
    expect(s.domains.safety!.rounds[0]).toEqual({ round: 1, respondents: 2, ratings: { domain: { shown: false } }, items: {} });
    expect(s.domains["services-aaaq"]!.rounds[0]!.respondents).toBe(0);
    for (const id of SET) expect(s.domains[id]!.status).toBe("revealed");
    // Then one by one, as in the one-topic flow: show, record, mark.
    s = ok(s, { op: "show", domainId: "safety" });
    expect(s).toMatchObject({ phase: "revealed", domainId: "safety" });
    s = ok(s, { op: "record", domainId: "privacy", consensus: { domain: { value: 3 } } });
    expect(s.domains.privacy!.status).toBe("recorded");
  });

  it("gives each topic exactly the result it would have had opened alone (k = 3 and 5, any mix of ballots)", () => {
    const ratings = [1, 2, 3, 4, 5] as const;
    for (const k of [3, 5]) {
      for (let n = 0; n < 8; n++) {
        const byRound: Record<string, Ballot[]> = {};
        SET.forEach((id, t) => {
          const roundId = `${id}#1`;
          const count = (n + t * 3) % 8; // some topics below k, some above
          byRound[roundId] = Array.from(
            { length: count },
            (_, i): Ballot =>
              id === "services-aaaq"
                ? { roundId, answers: {}, ratings: { "0": ((i + t) % 3) + 1, "1": "dk", "2": "na" } }
                : { roundId, answers: { [`${id}.1`]: i % 2 ? "yes" : "no" }, ratings: { domain: ratings[(i * (t + 2)) % 5]! } },
          );
        });
        const together = ok(ok(initialSession(ALL), { op: "open-set", domainIds: SET }), { op: "close" }, ctx(byRound, icmec, k));
        for (const id of SET) {
          let alone = ok(initialSession(ALL), { op: "open", domainId: id });
          alone = ok(alone, { op: "close" }, ctx(byRound, icmec, k));
          expect(together.domains[id]).toEqual(alone.domains[id]);
        }
      }
    }
  });

  it("keeps the re-vote rule per topic: a set that re-votes a shown topic withholds it when fewer than k dropped out", () => {
    let s = initialSession(ALL);
    s = ok(s, { op: "open", domainId: "safety" });
    s = ok(s, { op: "close" }, ctx({ "safety#1": many("safety#1", [3, 3, 4, 4, 5]) }));
    s = ok(s, { op: "open-set", domainIds: ["safety", "privacy"] });
    // Four of five re-vote safety: comparing the two would single one out. Privacy is new: no rule.
    s = ok(s, { op: "close" }, ctx({ "safety#2": many("safety#2", [3, 3, 4, 4]), "privacy#1": many("privacy#1", [1, 2, 2, 3]) }));
    expect(s.domains.safety!.rounds[1]).toMatchObject({ round: 2, respondents: 4, withheld: "would-single-out" });
    expect(s.domains.privacy!.rounds[0]).toMatchObject({ respondents: 4, ratings: { domain: { shown: true } } });
  });

  it("can't record or skip a topic of the open set; cancel takes the set back only while no ballot has arrived", () => {
    const s = ok(initialSession(ALL), { op: "open-set", domainIds: SET });
    expect(refused(s, { op: "record", domainId: "safety", consensus: { domain: { value: 3 } } })).toBe("topic-open");
    expect(refused(s, { op: "skip", domainId: "privacy" })).toBe("topic-open");
    expect(ok(s, { op: "skip", domainId: "protocol" }).domains.protocol!.status).toBe("skipped");
    expect(refused(s, { op: "cancel" }, ctx({ "safety#1": many("safety#1", [3]) }))).toBe("has-ballots");
    const back = ok(s, { op: "cancel" });
    expect(back).toEqual(initialSession(ALL));
  });
});

describe("stored layout 3 (before sets)", () => {
  it("is read with one topic open as the one-topic flow, and rewritten in the current layout", async () => {
    const raw = JSON.parse(readFileSync("tests/fixtures/room-storage-v2.json", "utf8"), (_k, v) =>
      v && typeof v === "object" && typeof v.$bytes === "string" ? new Uint8Array(Buffer.from(v.$bytes, "base64")) : v,
    ) as Record<string, { v: number; value: Record<string, unknown> }>;
    const records = new Map<string, unknown>(Object.entries(raw).map(([k, r]) => [k, { ...r, v: 3 }]));
    const head = raw.session!.value;
    records.set("session", { v: 3, value: { ...head, phase: "open", domainId: "safety", round: 1, headcount: null } });
    const loaded = loadRoom(records);
    if (loaded.status !== "ok") throw new Error(JSON.stringify(loaded));
    expect(loaded.migrated).toBe(true);
    expect(loaded.session.openSet).toBeUndefined();
    expect(openRounds(loaded.session)).toEqual([{ domainId: "safety", round: 1, roundId: "safety#1" }]);
    const host = new RoomHost();
    for (const [k, v] of records) host.storage.data.set(k, v);
    await host.start();
    expect(host.model.liveState()).toMatchObject({ phase: "open", roundId: "safety#1", set: [] });
    expect(host.storage.data.get("session")).toMatchObject({ v: STORAGE_VERSION });
  });
});

// --- the room ----------------------------------------------------------------------------------

const privacy = (rating: number): Ballot => ({ roundId: "privacy#1", answers: { "privacy.1": "yes" }, ratings: { domain: rating } });
const safety = (rating: number): Ballot => ({ roundId: "safety#1", answers: { "safety.1": "no" }, ratings: { domain: rating } });
const aaaq = (rating: number): Ballot => ({ roundId: "services-aaaq#1", answers: {}, ratings: { "0": rating, "1": "dk", "2": "na" } });

async function vote(host: RoomHost, peer: FakePeer, ballot: Ballot) {
  expect(await host.send(peer, { t: "ballot", ballot })).toEqual({ t: "ack", roundId: ballot.roundId, receipt: expect.any(String) });
}
const lastState = (peer: FakePeer) =>
  [...peer.frames].reverse().find((f): f is Extract<ServerMessage, { t: "state" }> => f.t === "state")?.state;

describe("the room with a set open", () => {
  it("holds each phone's ballots for several topics in its attachment, through hibernation, and counts per topic", async () => {
    const { host, phones, command } = await createdRoom({ phones: 4 });
    expect(await command({ op: "open-set", domainIds: SET })).toMatchObject({ t: "done" });
    expect(host.model.liveState()).toMatchObject({
      phase: "open",
      domainId: null,
      roundId: null,
      voted: 0,
      set: [
        { domainId: "privacy", roundId: "privacy#1", voted: 0, revoteOf: null },
        { domainId: "safety", roundId: "safety#1", voted: 0, revoteOf: null },
        { domainId: "services-aaaq", roundId: "services-aaaq#1", voted: 0, revoteOf: null },
      ],
    });
    // Each phone in its own order; phone 0 changes its privacy answer afterwards.
    const [a, b, c, d] = phones.map((p) => p.peer) as [FakePeer, FakePeer, FakePeer, FakePeer];
    await vote(host, a, safety(2));
    await vote(host, a, privacy(5));
    await vote(host, b, privacy(4));
    await vote(host, b, aaaq(3));
    await vote(host, b, safety(3));
    await vote(host, c, aaaq(2));
    await vote(host, c, privacy(3));
    await vote(host, d, privacy(2));
    await vote(host, a, privacy(1));
    expect(readPeerState(a.state)).toMatchObject({ ballots: [{ roundId: "safety#1" }, { roundId: "privacy#1" }] });
    expect(readPeerState(b.state)).toMatchObject({
      ballots: [{ roundId: "privacy#1" }, { roundId: "services-aaaq#1" }, { roundId: "safety#1" }],
    });
    // A ballot for a topic outside the set is refused plainly.
    expect(await host.send(d, { t: "ballot", ballot: { roundId: "protocol#1", answers: {}, ratings: { domain: 3 } } })).toMatchObject({
      t: "error",
      code: "round-closed",
      message: expect.stringMatching(/not one of the open topics/),
    });
    expect(host.storage.dump()).not.toMatch(/privacy#1|safety#1|services-aaaq#1|"answers"|"code"/);

    await host.hibernate();
    expect(host.model.liveState().set.map((t) => t.voted)).toEqual([4, 2, 2]);
    expect(await command({ op: "close" })).toMatchObject({ t: "done" });
    const session = host.doc.getMap("live").get("session") as SessionState;
    expect(session.domains.privacy!.rounds[0]).toMatchObject({
      respondents: 4,
      ratings: { domain: { shown: true, counts: [1, 1, 1, 1, 0] } },
      items: { "privacy.1": { yes: 4, no: 0, na: 0 } },
    });
    // Two ballots, k = 3: hidden, per topic.
    expect(session.domains.safety!.rounds[0]).toMatchObject({ respondents: 2, ratings: { domain: { shown: false } }, items: {} });
    expect(session.domains["services-aaaq"]!.rounds[0]).toMatchObject({ respondents: 2 });
    for (const p of phones) expect(readPeerState(p.peer.state)).toEqual({ v: 1, role: "phone", nonce: expect.any(String) });
  });

  it("takes ballots back from a phone that went and came again, and keeps them as orphans meanwhile", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open-set", domainIds: SET });
    const [a] = phones;
    await vote(host, a!.peer, privacy(4));
    await vote(host, a!.peer, safety(4));
    host.disconnect(a!.peer);
    expect(host.awake).toBe(true);
    const back = host.connect();
    expect(await host.send(back, { t: "hello", role: "phone", token: a!.token })).toMatchObject({ t: "welcome" });
    expect(host.awake).toBe(false);
    expect(readPeerState(back.state)).toMatchObject({ ballots: [{ roundId: "privacy#1" }, { roundId: "safety#1" }] });
    // After a restart (every socket gone) the phone re-sends each of its ballots: counted once.
    await host.restart();
    a!.peer = host.connect();
    await host.send(a!.peer, { t: "hello", role: "phone", token: a!.token });
    await vote(host, a!.peer, privacy(4));
    await vote(host, a!.peer, safety(4));
    await vote(host, a!.peer, safety(4));
    expect(host.model.liveState().set.map((t) => t.voted)).toEqual([1, 1, 0]);
  });

  it("after a restart, neither closes by itself nor takes the set back on the first phones' re-sent ballots", async () => {
    const { host, phones, command } = await createdRoom({ phones: 5, k: 3 });
    await command({ op: "auto-close", enabled: true });
    await command({ op: "open-set", domainIds: ["privacy", "safety"] });
    for (const p of phones.slice(0, 4)) {
      await vote(host, p.peer, privacy(4));
      await vote(host, p.peer, safety(4));
    }
    await host.restart();
    // The first phone back re-sends: it alone is present, and has answered everything.
    const [first, ...rest] = phones.slice(0, 4);
    first!.peer = host.connect();
    await host.send(first!.peer, { t: "hello", role: "phone", token: first!.token });
    await vote(host, first!.peer, privacy(4));
    await vote(host, first!.peer, safety(4));
    expect(host.model.liveState().phase).toBe("open");
    // The console comes back too (its socket went with the restart).
    const f = host.connect();
    expect(await host.send(f, { t: "hello", role: "facilitator", key: FACILITATOR_KEY })).toMatchObject({ t: "welcome" });
    expect(await host.send(f, { t: "cmd", id: "c", cmd: { op: "cancel" } })).toMatchObject({
      t: "error",
      message: expect.stringMatching(/just restarted/),
    });
    for (const p of rest) {
      p.peer = host.connect();
      await host.send(p.peer, { t: "hello", role: "phone", token: p.token });
      await vote(host, p.peer, privacy(4));
      await vote(host, p.peer, safety(4));
    }
    expect(host.model.liveState().set.map((t) => t.voted)).toEqual([4, 4]);
    host.now += RESTART_GRACE_MS;
    expect(await host.send(f, { t: "cmd", id: "d", cmd: { op: "close" } })).toMatchObject({ t: "done" });
    const session = host.doc.getMap("live").get("session") as SessionState;
    expect(session.domains.privacy!.rounds[0]).toMatchObject({
      respondents: 4,
      ratings: { domain: { shown: true, counts: [0, 0, 0, 4, 0] } },
    });
  });

  it("a countdown applies to the set: at zero every topic closes with what it has", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open-set", domainIds: ["privacy", "safety"] });
    expect(await command({ op: "timer", seconds: 60 })).toMatchObject({ t: "done" });
    expect(host.storage.alarm).toBe(host.model.liveState().deadline);
    for (const p of phones) await vote(host, p.peer, privacy(4));
    await vote(host, phones[0]!.peer, safety(2));
    host.now = host.model.liveState().deadline!;
    await host.alarm();
    const session = host.doc.getMap("live").get("session") as SessionState;
    expect(session.phase).toBe("revealed");
    expect(session.domains.privacy!.rounds[0]).toMatchObject({ respondents: 3, ratings: { domain: { shown: true } } });
    expect(session.domains.safety!.rounds[0]).toMatchObject({ respondents: 1, ratings: { domain: { shown: false } } });
  });

  it("auto-closes once everyone present has answered every open topic, not before", async () => {
    const { host, phones, command, console_ } = await createdRoom({ phones: 3 });
    await command({ op: "auto-close", enabled: true });
    await command({ op: "open-set", domainIds: ["privacy", "safety"] });
    for (const p of phones) await vote(host, p.peer, privacy(3));
    await vote(host, phones[0]!.peer, safety(3));
    await vote(host, phones[1]!.peer, safety(3));
    expect(host.model.liveState().phase).toBe("open");
    await vote(host, phones[2]!.peer, safety(3));
    expect(host.model.liveState()).toMatchObject({ phase: "revealed", domainId: "privacy", set: [] });
    expect(lastState(console_)).toMatchObject({ phase: "revealed" });
  });
});
