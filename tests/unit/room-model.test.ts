/**
 * The room model (party/room/model.ts) driven through its ports with a fake storage, clock and
 * sockets (room-host.ts): the life of a Durable Object without a runtime. Hibernation, restarts,
 * the alarm, countdowns across a restart, and a storage failure while closing.
 */
import { describe, expect, it } from "vitest";
import type { Ballot, ServerMessage } from "../../core/protocol";
import type { SessionState } from "../../core/session";
import { STORAGE_VERSION } from "../../core/stored";
import { KEEP_AWAKE_ALARM_MS, RESTART_GRACE_MS } from "../../party/room/model";
import { readPeerState } from "../../party/room/peer-state";
import { createdRoom, type FakePeer, FACILITATOR_KEY, RoomHost, roomConfig } from "./room-host";

const safety = (rating: number | "dk", answer: "yes" | "no" = "yes"): Ballot => ({
  roundId: "safety#1",
  answers: { "safety.1": answer, "safety.3": "na" },
  ratings: { domain: rating },
});

const sessionOf = (host: RoomHost) => host.doc.getMap("live").get("session") as SessionState;
const lastState = (peer: FakePeer) =>
  [...peer.frames].reverse().find((f): f is Extract<ServerMessage, { t: "state" }> => f.t === "state")?.state;

async function vote(host: RoomHost, peer: FakePeer, ballot: Ballot) {
  expect(await host.send(peer, { t: "ballot", ballot })).toEqual({ t: "ack", roundId: ballot.roundId, receipt: expect.any(String) });
}

describe("creating a room", () => {
  it("stores the config, the session and the doc in layout 2, and nothing for a room that was never created", async () => {
    const host = new RoomHost();
    // PartyServer notes a room's name in storage before the room starts: an uncreated room drops it.
    host.storage.data.set("__ps_name", host.name);
    await host.start();
    expect(host.storage.data.size).toBe(0);
    expect(host.model.exists).toBe(false);
    const created = await host.model.create(await roomConfig());
    expect(created).toEqual({ ok: true, value: null });
    expect([...host.storage.data.keys()].sort()).toEqual([
      "config",
      "doc",
      "domain:privacy",
      "domain:safety",
      "domain:services-aaaq",
      "session",
    ]);
    for (const v of host.storage.data.values()) expect(v).toMatchObject({ v: STORAGE_VERSION });
    expect(host.storage.alarm).toBe((await roomConfig()).expiresAt);
    // The same create again (a lost answer) is fine; another key for the same id is not.
    expect(await host.model.create(await roomConfig())).toEqual({ ok: true, value: null });
    expect(await host.model.create({ ...(await roomConfig()), keyHash: "b".repeat(64) })).toEqual({ ok: false, refusal: "exists" });
    expect(await host.model.create({ ...(await roomConfig()), roomId: "BBBBBBBBBBBBBBBBBBBBBB" })).toEqual({
      ok: false,
      refusal: "invalid",
    });
  });
});

describe("hibernation and restarts (docs/design.md §6.4)", () => {
  it("a wake from hibernation finds every ballot in the phones' attachments and counts it once", async () => {
    const { host, phones, command, console_ } = await createdRoom({ phones: 5 });
    await command({ op: "open", domainId: "safety" });
    const ratings = [5, 4, 4, 2, "dk"] as const;
    for (const [i, p] of phones.entries()) await vote(host, p.peer, safety(ratings[i]!, i < 2 ? "no" : "yes"));
    // One phone changes its mind: its attachment holds only the latest ballot.
    await vote(host, phones[3]!.peer, safety(3));
    for (const p of phones) expect(readPeerState(p.peer.state)).toMatchObject({ role: "phone", ballots: [{ roundId: "safety#1" }] });
    // Nothing of a ballot reached storage.
    expect(host.storage.dump()).not.toMatch(/safety#1|"answers"|"code"|\.{2}/);

    await host.hibernate();
    expect(host.starts).toBe(2);
    expect(host.model.liveState()).toMatchObject({ phase: "open", voted: 5, joined: 5 });
    expect(await command({ op: "close" })).toMatchObject({ t: "done" });
    const round = sessionOf(host).domains.safety!.rounds[0]!;
    expect(round.respondents).toBe(5);
    expect(round.ratings.domain).toEqual({ shown: true, counts: [0, 0, 1, 2, 1], dontKnow: 1, notAvailable: 0 });
    expect(round.items["safety.1"]).toEqual({ yes: 3, no: 2, na: 0 });
    // The round is over: no copy of any ballot is left in any attachment.
    for (const p of phones) expect(readPeerState(p.peer.state)).toEqual({ v: 1, role: "phone", nonce: expect.any(String) });
    expect(lastState(console_)).toMatchObject({ phase: "revealed" });
  });

  it("after a restart (every socket gone) phones re-send: nothing lost, nothing doubled", async () => {
    const { host, phones, command } = await createdRoom({ phones: 4 });
    await command({ op: "open", domainId: "safety" });
    const sent = phones.map((_, i) => safety(i + 2));
    for (const [i, p] of phones.entries()) await vote(host, p.peer, sent[i]!);
    await host.restart();
    expect(host.model.liveState()).toMatchObject({ phase: "open", voted: 0, joined: 4 });
    for (const [i, p] of phones.entries()) {
      p.peer = host.connect();
      const w = await host.send(p.peer, { t: "hello", role: "phone", token: p.token, ballot: sent[i]! });
      expect(w).toMatchObject({ t: "welcome", ballotAccepted: true });
    }
    await vote(host, phones[0]!.peer, sent[0]!); // sent twice
    const console2 = host.connect();
    await host.send(console2, { t: "hello", role: "facilitator", key: FACILITATOR_KEY });
    expect(await host.send(console2, { t: "cmd", id: "x", cmd: { op: "close" } })).toEqual({ t: "done", id: "x" });
    expect(sessionOf(host).domains.safety!.rounds[0]).toMatchObject({
      respondents: 4,
      ratings: { domain: { shown: true, counts: [0, 1, 1, 1, 1] } },
    });
  });

  it("a ballot whose phone has gone keeps the room awake until the round closes or the phone comes back", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    for (const p of phones) await vote(host, p.peer, safety(4));
    expect(host.awake).toBe(false);
    host.disconnect(phones[0]!.peer);
    expect(host.awake).toBe(true);
    // The alarm ticks at least this often meanwhile: an event, so the object is not evicted as idle.
    await Promise.resolve();
    expect(host.storage.alarm).toBeLessThanOrEqual(host.now + KEEP_AWAKE_ALARM_MS);
    const tick = host.storage.alarm!;
    await host.alarm();
    expect(host.model.liveState().voted).toBe(3);
    expect(host.storage.alarm).toBeGreaterThan(tick);
    // The phone comes back on a new socket without re-sending: its ballot moves into it.
    const back = host.connect();
    expect(await host.send(back, { t: "hello", role: "phone", token: phones[0]!.token })).toMatchObject({
      t: "welcome",
      ballotAccepted: false,
    });
    expect(host.awake).toBe(false);
    expect(readPeerState(back.state)).toMatchObject({ ballots: [{ roundId: "safety#1" }] });
    // ...so it survives hibernation too.
    await host.hibernate();
    expect(host.model.liveState().voted).toBe(3);
    host.disconnect(phones[1]!.peer);
    expect(await command({ op: "close" })).toMatchObject({ t: "done" });
    expect(host.awake).toBe(false);
    expect(sessionOf(host).domains.safety!.rounds[0]!.respondents).toBe(3);
  });

  it("a socket that closes while the room sleeps hands its ballot to memory on wake", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    for (const p of phones) await vote(host, p.peer, safety(2));
    await host.model.saveDoc();
    // The room is asleep; the runtime wakes it for the close event (the socket is no longer open).
    phones[2]!.peer.closed = { code: 1006 };
    await host.start();
    host.disconnect(phones[2]!.peer);
    expect(host.awake).toBe(true);
    expect(await command({ op: "close" })).toMatchObject({ t: "done" });
    expect(sessionOf(host).domains.safety!.rounds[0]!.respondents).toBe(3);
  });
});

describe("the one alarm: retention, countdown, staying awake (docs/design.md §6.4)", () => {
  it("erases everything when retention ends, closes every socket with 4404, and a second run is harmless", async () => {
    const { host, phones, console_ } = await createdRoom({ phones: 2 });
    await host.alarm(); // the retention alarm set at creation
    expect(host.storage.data.size).toBe(0);
    expect(host.storage.alarm).toBeNull();
    for (const p of [console_, ...phones.map((x) => x.peer)]) expect(p.closed?.code).toBe(4404);
    expect(host.doc.getMap("live").size).toBe(0);
    await host.model.alarm();
    await host.model.saveDoc();
    expect(host.storage.data.size).toBe(0);
    expect(await host.model.summary(FACILITATOR_KEY)).toEqual({ ok: false, refusal: "no-room" });
  });

  it("closes the round when its countdown ends, then goes back to the retention alarm", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    expect(await command({ op: "timer", seconds: 60 })).toMatchObject({ t: "done" });
    const deadline = host.model.liveState().deadline!;
    expect(host.storage.alarm).toBe(deadline);
    for (const p of phones) await vote(host, p.peer, safety(5));
    await host.alarm();
    expect(host.model.liveState().phase).toBe("revealed");
    expect(sessionOf(host).domains.safety!.rounds[0]!.respondents).toBe(3);
    expect(host.storage.alarm).toBe((await roomConfig()).expiresAt);
  });

  it("a countdown that ran out during a restart waits for phones to come back and re-send", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    await command({ op: "timer", seconds: 30 });
    const sent = phones.map(() => safety(3));
    for (const [i, p] of phones.entries()) await vote(host, p.peer, sent[i]!);
    host.now += 45_000; // the deadline passes while the runtime is down
    await host.restart();
    expect(host.model.liveState().deadline).toBe(host.now + RESTART_GRACE_MS);
    expect(host.storage.alarm).toBe(host.now + RESTART_GRACE_MS);
    for (const [i, p] of phones.entries()) {
      p.peer = host.connect();
      expect(await host.send(p.peer, { t: "hello", role: "phone", token: p.token, ballot: sent[i]! })).toMatchObject({
        ballotAccepted: true,
      });
    }
    await host.alarm();
    expect(sessionOf(host).domains.safety!.rounds[0]).toMatchObject({
      respondents: 3,
      ratings: { domain: { shown: true, counts: [0, 0, 3, 0, 0] } },
    });
  });

  it("a wake from hibernation (sockets still open) does not delay a countdown", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    await command({ op: "timer", seconds: 30 });
    for (const p of phones) await vote(host, p.peer, safety(1));
    const deadline = host.model.liveState().deadline!;
    host.now = deadline + 5;
    await host.hibernate();
    expect(host.model.liveState().deadline).toBe(deadline);
    await host.alarm();
    expect(host.model.liveState().phase).toBe("revealed");
  });
});

describe("a failed write changes nothing and loses no ballot (docs/design.md §6.5)", () => {
  it("closing with storage down: the round stays open with every ballot, the error names the command; a retry reveals all", async () => {
    const { host, phones, console_ } = await createdRoom({ phones: 4 });
    await host.send(console_, { t: "cmd", id: "open-1", cmd: { op: "open", domainId: "safety" } });
    for (const p of phones) await vote(host, p.peer, safety(4));
    host.storage.failPuts = 1;
    const refused = await host.send(console_, { t: "cmd", id: "close-1", cmd: { op: "close" } });
    expect(refused).toMatchObject({ t: "error", code: "unavailable", id: "close-1" });
    expect(host.model.liveState()).toMatchObject({ phase: "open", voted: 4 });
    for (const p of phones) expect(readPeerState(p.peer.state)).toMatchObject({ ballots: [{ roundId: "safety#1" }] });
    expect(sessionOf(host).domains.safety!.rounds).toEqual([]);
    // The phones were never told the round closed.
    for (const p of phones) expect(lastState(p.peer)?.phase).toBe("open");
    expect(await host.send(console_, { t: "cmd", id: "close-2", cmd: { op: "close" } })).toEqual({ t: "done", id: "close-2" });
    expect(sessionOf(host).domains.safety!.rounds[0]).toMatchObject({ respondents: 4, ratings: { domain: { counts: [0, 0, 0, 4, 0] } } });
  });

  it("opening with storage down opens nothing; joining with storage down issues no pass", async () => {
    const { host, console_ } = await createdRoom({ phones: 1 });
    host.storage.failPuts = 1;
    expect(await host.send(console_, { t: "cmd", id: "o", cmd: { op: "open", domainId: "safety" } })).toMatchObject({
      code: "unavailable",
      id: "o",
    });
    expect(host.model.liveState().phase).toBe("lobby");
    host.storage.failPuts = 1;
    const late = host.connect();
    expect(await host.send(late, { t: "hello", role: "phone" })).toMatchObject({ t: "error", code: "unavailable" });
    expect(host.model.liveState().joined).toBe(1);
  });
});

describe("every answer to a command carries its id", () => {
  it("refused, forbidden, malformed and rate-limited commands are all named", async () => {
    const { host, phones, console_ } = await createdRoom({ phones: 1 });
    expect(await host.send(console_, { t: "cmd", id: "a", cmd: { op: "close" } })).toMatchObject({
      t: "error",
      code: "bad-command",
      id: "a",
    });
    expect(await host.send(phones[0]!.peer, { t: "cmd", id: "b", cmd: { op: "end" } })).toMatchObject({
      t: "error",
      code: "forbidden",
      id: "b",
    });
    await host.model.message(console_, JSON.stringify({ t: "cmd", id: "c", cmd: { op: "explode" } }));
    expect(console_.last()).toMatchObject({ t: "error", code: "bad-message", id: "c" });
    for (let i = 0; i < 40; i++)
      await host.model.message(console_, JSON.stringify({ t: "cmd", id: `d${i}`, cmd: { op: "lock", locked: true } }));
    const limited = console_.frames.filter((f) => f.t === "error" && f.code === "rate-limited");
    expect(limited.length).toBeGreaterThan(0);
    for (const f of limited) expect(f).toMatchObject({ id: expect.stringMatching(/^d\d+$/) });
  });

  it("a refused command's frame names its reason and values, which the console words (issue 13)", async () => {
    const { host, console_ } = await createdRoom();
    expect(await host.send(console_, { t: "cmd", id: "a", cmd: { op: "show", domainId: "safety" } })).toEqual({
      t: "error",
      code: "bad-command",
      id: "a",
      reason: "no-results",
      vars: { topic: "safety" },
      message: expect.any(String),
    });
    expect(await host.send(console_, { t: "cmd", id: "b", cmd: { op: "close" } })).toEqual({
      t: "error",
      code: "bad-command",
      id: "b",
      reason: "no-round-open",
      message: "no round is open",
    });
  });

  it("a socket keeps the role it first said hello as", async () => {
    const { host, phones } = await createdRoom({ phones: 1 });
    expect(await host.send(phones[0]!.peer, { t: "hello", role: "facilitator", key: FACILITATOR_KEY })).toMatchObject({
      code: "bad-message",
    });
    expect(readPeerState(phones[0]!.peer.state).role).toBe("phone");
  });
});

describe("the door: whether a newcomer may still join (the join answer carries it)", () => {
  it("open until the facilitator locks joining or ends the session; no room, no door", async () => {
    const { host, command } = await createdRoom();
    expect(host.model.door()).toEqual({ ok: true, value: { open: true } });
    await command({ op: "lock", locked: true });
    expect(host.model.door()).toEqual({ ok: true, value: { open: false } });
    await command({ op: "lock", locked: false });
    expect(host.model.door()).toEqual({ ok: true, value: { open: true } });
    await command({ op: "end" });
    expect(host.model.door()).toEqual({ ok: true, value: { open: false } });
    const empty = new RoomHost("BBBBBBBBBBBBBBBBBBBBBB");
    await empty.start();
    expect(empty.model.door()).toEqual({ ok: false, refusal: "no-room" });
  });
});
