/**
 * The live room against the real runtime (one wrangler dev: the Worker and its Durable Objects):
 * many real phones, a projector and a console over loopback. Each test names the invariant
 * (docs/design.md §3) it proves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import type { Ballot, ServerMessage } from "../../core/protocol";
import type { SessionState } from "../../core/session";
import { once } from "node:events";
import WebSocket from "ws";
import {
  command,
  createRoom,
  facilitator,
  greetingCounter,
  isError,
  JsonClient,
  Phone,
  rawYjsSocket,
  roomSocketUrl,
  storageBytes,
  until,
  viewTicketOf,
  yjsClient,
} from "./clients";
import { type RunningStack, startStack } from "./stack";

let stack: RunningStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const sessionOf = (doc: Y.Doc) => doc.getMap("live").get("session") as SessionState | undefined;
const safetyBallot = (roundId: string, rating: number | "dk", answer: "yes" | "no" = "yes"): Ballot => ({
  roundId,
  answers: { "safety.1": answer, "safety.2": "no", "safety.3": "na" },
  ratings: { domain: rating },
});

async function openRound(stackRoom: { roomId: string; facilitatorKey: string }, domainId: string) {
  const { client: console_, ticket } = await facilitator(stack, stackRoom.roomId, stackRoom.facilitatorKey);
  const done = await command(console_, { op: "open", domainId });
  expect(done.t).toBe("done");
  return { console_, ticket };
}

async function joinPhones(roomId: string, n: number): Promise<Phone[]> {
  const phones = Array.from({ length: n }, () => new Phone(stack, roomId));
  for (const p of phones) expect((await p.join()).t).toBe("welcome");
  return phones;
}

describe("a round with 25 phones (§3.1, §3.3)", () => {
  it("reveals exactly the distribution sent, and nobody saw a distribution before the reveal", async () => {
    const room = await createRoom(stack, { domainIds: ["safety", "privacy"] });
    const projector = await yjsClient(stack, room);
    const screen = await JsonClient.open(stack, room.roomId);
    await screen.request({ t: "hello", role: "screen" });
    const docSnapshots: string[] = [];
    projector.doc.on("update", () => docSnapshots.push(JSON.stringify(projector.doc.getMap("live").toJSON())));

    const phones = await joinPhones(room.roomId, 25);
    const { console_ } = await openRound(room, "safety");
    const roundId = "safety#1";
    const ratings = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, "dk", "dk", 3, 4, 4] as const;
    const acks = await Promise.all(phones.map((p, i) => p.vote(safetyBallot(roundId, ratings[i]!, i % 3 === 0 ? "no" : "yes"))));
    expect(acks.every((a) => a.t === "ack")).toBe(true);
    await until(() => screen.frames.some((f) => f.t === "state" && f.state.voted === 25), 10_000, "x of N on the projector");

    // Before the reveal: no frame to anyone and no doc state carried a value or distribution.
    const everythingSeenBefore = [...phones.flatMap((p) => p.client.raw), ...screen.raw, ...console_.raw, ...docSnapshots];
    for (const text of everythingSeenBefore) {
      expect(text).not.toMatch(/"counts"|"ratings"|"answers"|"dontKnow"/);
    }
    expect(sessionOf(projector.doc)?.domains.safety?.rounds).toEqual([]);

    expect((await command(console_, { op: "close" })).t).toBe("done");
    await until(() => (sessionOf(projector.doc)?.domains.safety?.rounds.length ?? 0) === 1, 10_000, "reveal in the doc");
    const round = sessionOf(projector.doc)!.domains.safety!.rounds[0]!;
    expect(round.respondents).toBe(25);
    expect(round.ratings.domain).toEqual({ shown: true, counts: [1, 2, 5, 9, 6], dontKnow: 2, notAvailable: 0 });
    expect(round.items["safety.1"]).toEqual({ yes: 16, no: 9, na: 0 });
    expect(round.items["safety.3"]).toEqual({ yes: 0, no: 0, na: 25 });
    // Every phone learned that the round was revealed.
    await Promise.all(phones.map((p) => p.client.next((m) => m.t === "state" && m.state.phase === "revealed", 10_000, 0)));
    projector.destroy();
  });
});

describe("the doc is written only by the room and facilitators (§3.5)", () => {
  it("drops a Yjs update from a connection without the facilitator's ticket; applies a facilitator's notes", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"] });
    const { ticket } = await facilitator(stack, room.roomId, room.facilitatorKey);
    const intruder = await yjsClient(stack, room);
    const observer = await yjsClient(stack, room);
    const before = Y.encodeStateVector(observer.doc);

    intruder.doc.getText("notes:safety").insert(0, "intruder was here");
    intruder.doc.getMap("live").set("session", { hacked: true });
    await new Promise((r) => setTimeout(r, 1000));
    expect(observer.doc.getText("notes:safety").toString()).toBe("");
    expect(Y.encodeStateVector(observer.doc)).toEqual(before);
    const fresh = await yjsClient(stack, room);
    expect(fresh.doc.getText("notes:safety").toString()).toBe("");
    expect(sessionOf(fresh.doc)?.phase).toBe("lobby");

    const writer = await yjsClient(stack, room, ticket);
    writer.doc.getText("notes:safety").insert(0, "We need a private room.");
    await until(() => observer.doc.getText("notes:safety").toString() === "We need a private room.", 10_000, "notes to sync");
    // A facilitator's client may not rewrite the projection: the room restores it.
    writer.doc.getMap("live").set("session", { hacked: true });
    await until(() => sessionOf(observer.doc)?.phase === "lobby", 10_000, "projection restored");
    for (const c of [intruder, observer, fresh, writer]) c.destroy();
  });

  it("opens the doc only to the projector's view ticket or a facilitator's write ticket, not to the join code", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"] });
    const view = viewTicketOf(room);
    // A ticket one character off (never the real one, whatever its last character is).
    const forged = `${view.slice(0, -1)}${view.endsWith("A") ? "B" : "A"}`;
    for (const ticket of ["nope", forged, ""]) {
      const { ws, frames } = await rawYjsSocket(stack, room.roomId, ticket);
      const [code] = (await once(ws, "close")) as [number];
      expect(code, ticket).toBe(4403);
      expect(frames, ticket).toEqual([]); // not one byte of the doc
    }
    // No ticket at all: the socket is open but hears nothing, not even after a doc update.
    const silent = await rawYjsSocket(stack, room.roomId, null);
    silent.ws.send(Buffer.from([0, 0, 1, 0])); // a sync request
    const { ticket: writeTicket } = await facilitator(stack, room.roomId, room.facilitatorKey);
    const noter = await yjsClient(stack, room, writeTicket);
    noter.doc.getText("notes:safety").insert(0, "before anyone showed a ticket");
    await new Promise((r) => setTimeout(r, 500));
    expect(silent.frames).toEqual([]);
    // The ticket never appears in a socket's address: wrangler's request log has none of them.
    const viewed = await yjsClient(stack, room);
    expect(viewed.doc.getText("notes:safety").toString()).toBe("before anyone showed a ticket");
    expect(stack.logs().file).not.toContain(view);
    expect(stack.logs().file).not.toContain(writeTicket);
    for (const c of [noter, viewed]) c.destroy();
    silent.ws.close();
    // A connection id that names a channel makes no Yjs socket of a JSON one (PartyServer puts the
    // id among the socket's tags): no doc frame reaches it, before or after a doc update.
    for (const pk of ["yjs", "ch-yjs", "json"]) {
      const ws = new WebSocket(roomSocketUrl(stack, room.roomId, `?_pk=${pk}`), { headers: { origin: stack.appOrigin } });
      const binary: Buffer[] = [];
      ws.on("message", (data: Buffer, isBinary: boolean) => isBinary && binary.push(data));
      await once(ws, "open");
      const { ticket } = await facilitator(stack, room.roomId, room.facilitatorKey);
      const writer = await yjsClient(stack, room, ticket);
      writer.doc.getText("notes:safety").insert(0, `note ${pk}`);
      await new Promise((r) => setTimeout(r, 500));
      expect(binary, pk).toEqual([]);
      writer.destroy();
      ws.close();
    }
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(roomSocketUrl(stack, room.roomId, "?_pk=ch:yjs&ch=yjs"), { headers: { origin: stack.appOrigin } });
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.once("open", () => resolve(101));
    });
    expect(status).toBe(400);
  });

  it("relays no awareness state from any screen: a reader's presence reaches nobody", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"] });
    const listener = await rawYjsSocket(stack, room.roomId, viewTicketOf(room));
    await until(() => listener.frames.length > 0, 10_000, "the listener's first sync");
    const talker = await rawYjsSocket(stack, room.roomId, viewTicketOf(room));
    await until(() => talker.frames.length > 0, 10_000, "the talker's first sync");
    // A well-formed awareness update (message type 1) with a state that names someone.
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: "canary-presence-4711" });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [doc.clientID]));
    talker.ws.send(encoding.toUint8Array(encoder));
    await new Promise((r) => setTimeout(r, 700));
    expect(listener.frames.filter((f) => f[0] === 1)).toEqual([]);
    expect(Buffer.concat(listener.frames).toString("latin1")).not.toContain("canary-presence-4711");
    awareness.destroy();
    listener.ws.close();
    talker.ws.close();
  });

  it("closes a Yjs socket that floods the room with data (y-partyserver applies frames of any size)", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"] });
    const { ws } = await rawYjsSocket(stack, room.roomId, viewTicketOf(room));
    const closed = once(ws, "close");
    ws.send(Buffer.alloc(100 * 1024, 7));
    const [code] = (await closed) as [number];
    expect(code).toBe(1008);
    // The room is fine: a projector still syncs.
    const projector = await yjsClient(stack, room);
    expect(sessionOf(projector.doc)?.phase).toBe("lobby");
    projector.destroy();
  });

  it("refuses facilitator commands from phones and screens, and a wrong key", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"] });
    const [phone] = await joinPhones(room.roomId, 1);
    const reply = await command(phone!.client, { op: "open", domainId: "safety" });
    expect(reply).toMatchObject({ t: "error", code: "forbidden" });
    const wrong = await JsonClient.open(stack, room.roomId);
    expect(await wrong.request({ t: "hello", role: "facilitator", key: "x".repeat(43) })).toMatchObject({ t: "error", code: "forbidden" });
  });
});

describe("ballot rules (§3.2)", () => {
  it("counts a re-sent or changed ballot once, refuses stale rounds and other domains, and locks joining", async () => {
    const room = await createRoom(stack, { domainIds: ["safety", "privacy"], k: 3 });
    const phones = await joinPhones(room.roomId, 3);
    const { console_ } = await openRound(room, "safety");
    for (const p of phones) expect((await p.vote(safetyBallot("safety#1", 2))).t).toBe("ack");
    // The same phone changes its mind twice: still one ballot, the last one.
    expect((await phones[0]!.vote(safetyBallot("safety#1", 5))).t).toBe("ack");
    expect((await phones[0]!.vote(safetyBallot("safety#1", 4))).t).toBe("ack");
    expect(await phones[1]!.vote({ roundId: "privacy#1", answers: {}, ratings: { domain: 3 } })).toMatchObject({ code: "round-closed" });
    expect(await phones[1]!.vote({ roundId: "safety#1", answers: { "privacy.1": "yes" }, ratings: {} })).toMatchObject({
      code: "bad-ballot",
    });
    expect(await phones[1]!.vote({ roundId: "safety#1", answers: {}, ratings: { domain: 6 } })).toMatchObject({ code: "bad-ballot" });

    expect((await command(console_, { op: "lock", locked: true })).t).toBe("done");
    const late = new Phone(stack, room.roomId);
    expect(await late.join()).toMatchObject({ t: "error", code: "locked" });

    const projector = await yjsClient(stack, room);
    expect((await command(console_, { op: "close" })).t).toBe("done");
    await until(() => (sessionOf(projector.doc)?.domains.safety?.rounds.length ?? 0) === 1);
    expect(sessionOf(projector.doc)!.domains.safety!.rounds[0]!.ratings.domain).toEqual({
      shown: true,
      counts: [0, 2, 0, 1, 0],
      dontKnow: 0,
      notAvailable: 0,
    });
    // After the close, a ballot for that round is refused with a clear error.
    expect(await phones[2]!.vote(safetyBallot("safety#1", 1))).toMatchObject({ t: "error", code: "round-closed" });
    projector.destroy();
  });

  it("a refused command says why as a code and its values, for the console to word (issue 13)", async () => {
    const room = await createRoom(stack, { domainIds: ["safety", "privacy"] });
    const { console_ } = await openRound(room, "safety");
    expect(await command(console_, { op: "skip", domainId: "safety" })).toMatchObject({
      t: "error",
      code: "bad-command",
      reason: "topic-open",
      vars: { topic: "safety" },
    });
    expect(await command(console_, { op: "open", domainId: "privacy" })).toMatchObject({ t: "error", reason: "round-open" });
    expect((await command(console_, { op: "close" })).t).toBe("done");
    expect(await command(console_, { op: "timer", seconds: 60 })).toMatchObject({ t: "error", reason: "timer-needs-round" });
  });
});

describe("the reveal gate (§3.4)", () => {
  it("with k − 1 valid ratings shows nothing but the count; with k it shows the distribution", async () => {
    const room = await createRoom(stack, { domainIds: ["safety", "privacy"], k: 4 });
    const phones = await joinPhones(room.roomId, 5);
    const { console_ } = await openRound(room, "safety");
    const projector = await yjsClient(stack, room);
    // Three valid ratings and two "don't know": 3 < k = 4.
    const values = [2, 3, 4, "dk", "dk"] as const;
    await Promise.all(phones.map((p, i) => p.vote(safetyBallot("safety#1", values[i]!))));
    await command(console_, { op: "close" });
    await until(() => (sessionOf(projector.doc)?.domains.safety?.rounds.length ?? 0) === 1);
    const gated = sessionOf(projector.doc)!.domains.safety!.rounds[0]!;
    expect(gated.respondents).toBe(5);
    expect(gated.ratings.domain).toEqual({ shown: false });

    await command(console_, { op: "open", domainId: "privacy" });
    const four = [1, 1, 2, 5, "dk"] as const;
    await Promise.all(phones.map((p, i) => p.vote({ roundId: "privacy#1", answers: {}, ratings: { domain: four[i]! } })));
    await command(console_, { op: "close" });
    await until(() => (sessionOf(projector.doc)?.domains.privacy?.rounds.length ?? 0) === 1);
    expect(sessionOf(projector.doc)!.domains.privacy!.rounds[0]!.ratings.domain).toEqual({
      shown: true,
      counts: [2, 1, 0, 0, 1],
      dontKnow: 1,
      notAvailable: 0,
    });
    projector.destroy();
  });
});

describe("nothing raw is persisted or logged (§3.1, §3.7)", () => {
  it("leaves no token, user agent, address, round id of a ballot or ballot field in room storage, the doc or any log", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const phones = await joinPhones(room.roomId, 4);
    // One more phone announces a browser identity and a forwarded address: neither may be kept.
    const agent = "CanaryBrowser/9.9 (canary-device-7f3a)";
    const forwarded = "203.0.113.77";
    const marked = await JsonClient.open(stack, room.roomId, {
      headers: {
        "user-agent": agent,
        "x-forwarded-for": forwarded,
        "cf-connecting-ip": forwarded,
      },
    });
    const markedWelcome = await marked.request({ t: "hello", role: "phone" });
    const { console_ } = await openRound(room, "safety");
    await Promise.all(phones.map((p, i) => p.vote(safetyBallot("safety#1", (i % 5) + 1))));
    expect((await marked.request({ t: "ballot", ballot: safetyBallot("safety#1", 2) })).t).toBe("ack");
    const projector = await yjsClient(stack, room);
    await command(console_, { op: "close" });
    await until(() => (sessionOf(projector.doc)?.domains.safety?.rounds.length ?? 0) === 1);
    await new Promise((r) => setTimeout(r, 500)); // let storage writes land on disk

    const markedToken = markedWelcome.t === "welcome" ? markedWelcome.token! : "";
    const canaries = [...phones.map((p) => p.token!), markedToken].flatMap((t) => [t, t.split(".")[0]!, t.split(".")[1]!]);
    canaries.push(agent, "canary-device-7f3a", forwarded);
    const stored = storageBytes(stack.persistDir).toString("latin1");
    const docText = JSON.stringify(projector.doc.toJSON()) + Buffer.from(Y.encodeStateAsUpdate(projector.doc)).toString("latin1");
    const { worker, file } = stack.logs();
    // wrangler's debug log does see request URLs: it must see nothing else of a person.
    expect(file).toContain("/parties/room/");
    for (const haystack of [stored, docText, worker, file]) {
      for (const canary of canaries) expect(haystack.includes(canary)).toBe(false);
      // Ballot-only fields: an aggregate has "ratings" but never a ballot's roundId or answers map.
      expect(haystack).not.toMatch(/"roundId"|"answers"/);
    }
    // Every client here connects from 127.0.0.1: its address is not in storage or the doc either.
    expect(stored).not.toContain("127.0.0.1");
    expect(docText).not.toContain("127.0.0.1");
    // The storage does hold the aggregate, so the scan looked at the right place.
    expect(stored).toContain("notAvailable");
    projector.destroy();
  });
});

describe("a restart of the runtime mid-round (§3.1, non-negotiable 4)", () => {
  it("loses no ballot and doubles none: phones re-send after reconnecting", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const phones = await joinPhones(room.roomId, 12);
    const { console_ } = await openRound(room, "safety");
    const sent = [1, 2, 3, 4, 5, 5, 4, 4, 3, 3, 3, "dk"] as const;
    await Promise.all(phones.map((p, i) => p.vote(safetyBallot("safety#1", sent[i]!))));
    // Record a consensus on nothing yet: the restart must also keep recorded state.
    console_.close();

    await stack.restart("SIGKILL");

    // Phones reconnect with their token and the ballot they kept; some send it twice.
    const welcomes = await Promise.all(phones.map((p) => p.join()));
    expect(welcomes.every((w) => w.t === "welcome" && w.ballotAccepted === true)).toBe(true);
    expect((await phones[0]!.vote(phones[0]!.ballot!)).t).toBe("ack");
    const { client: console2 } = await facilitator(stack, room.roomId, room.facilitatorKey);
    const projector = await yjsClient(stack, room);
    expect((await command(console2, { op: "close" })).t).toBe("done");
    await until(() => (sessionOf(projector.doc)?.domains.safety?.rounds.length ?? 0) === 1);
    const result = sessionOf(projector.doc)!.domains.safety!.rounds[0]!;
    expect(result.respondents).toBe(12);
    expect(result.ratings.domain).toEqual({ shown: true, counts: [1, 1, 4, 3, 2], dontKnow: 1, notAvailable: 0 });

    // A recorded consensus survives a restart too.
    expect(
      (await command(console2, { op: "record", domainId: "safety", consensus: { domain: { value: 3 } }, notes: "n", actions: "a" })).t,
    ).toBe("done");
    projector.destroy();
    await stack.restart();
    const after = await yjsClient(stack, room);
    expect(sessionOf(after.doc)!.domains.safety!.consensus).toEqual({ values: { domain: 3 }, notes: "n", actions: "a" });
    expect(sessionOf(after.doc)!.issued).toBe(12);
    after.destroy();
  });
});

describe("bad input never stops the room (§3.5, issue 3 item 5)", () => {
  it("answers oversized frames and floods with clear errors and keeps serving others", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const phones = await joinPhones(room.roomId, 3);
    const { console_ } = await openRound(room, "safety");
    const big = await phones[0]!.client.request({ t: "ping" });
    expect(big.t).toBe("pong");
    const tooLarge = phones[0]!.client.next(isError as (m: ServerMessage) => boolean);
    phones[0]!.client.sendRaw(JSON.stringify({ t: "ping", pad: "x".repeat(17 * 1024) }));
    expect(await tooLarge).toMatchObject({ code: "too-large" });

    const flooder = await JsonClient.open(stack, room.roomId);
    // (Not pings: the platform answers those without the room ever seeing them.)
    for (let i = 0; i < 45; i++) flooder.sendRaw('{"t":"hello","role":"screen"}');
    await until(() => flooder.frames.some((f) => f.t === "error" && f.code === "rate-limited"), 10_000, "rate limit");
    for (const p of phones) expect((await p.vote(safetyBallot("safety#1", 3))).t).toBe("ack");
    expect((await command(console_, { op: "close" })).t).toBe("done");
  });
});

describe("facilitator conveniences", () => {
  it("auto-closes when everyone who joined has voted, and a countdown closes the round at zero", async () => {
    const room = await createRoom(stack, { domainIds: ["safety", "privacy"], k: 3 });
    const phones = await joinPhones(room.roomId, 3);
    const { console_ } = await openRound(room, "safety");
    expect((await command(console_, { op: "auto-close", enabled: true })).t).toBe("done");
    for (const p of phones.slice(0, 2)) await p.vote(safetyBallot("safety#1", 4));
    await console_.next((m) => m.t === "state" && m.state.voted === 2, 10_000, 0);
    expect(console_.frames.filter((f) => f.t === "state").at(-1)).toMatchObject({ state: { phase: "open", voted: 2, joined: 3 } });
    await phones[2]!.vote(safetyBallot("safety#1", 4));
    await phones[2]!.client.next((m) => m.t === "state" && m.state.phase === "revealed", 10_000, 0);

    expect((await command(console_, { op: "auto-close", enabled: false })).t).toBe("done");
    expect((await command(console_, { op: "open", domainId: "privacy" })).t).toBe("done");
    expect((await command(console_, { op: "timer", seconds: 10 })).t).toBe("done");
    const deadline = (console_.frames.filter((f) => f.t === "state").at(-1) as Extract<ServerMessage, { t: "state" }>).state.deadline;
    expect(deadline).toBeGreaterThan(Date.now() + 8_000);
    await phones[0]!.client.next((m) => m.t === "state" && m.state.phase === "revealed" && m.state.domainId === "privacy", 15_000, 0);
  }, 30_000);

  it("'x of N' counts who is present: a phone that closes its browser stops counting after the grace, and auto-close fires", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const phones = await joinPhones(room.roomId, 4);
    const { console_ } = await openRound(room, "safety");
    expect((await command(console_, { op: "auto-close", enabled: true })).t).toBe("done");
    for (const p of phones.slice(0, 3)) await p.vote(safetyBallot("safety#1", 3));
    await console_.next((m) => m.t === "state" && m.state.voted === 3, 10_000, 0);
    const lastState = () => (console_.frames.filter((f) => f.t === "state").at(-1) as Extract<ServerMessage, { t: "state" }>).state;
    expect(lastState()).toMatchObject({ phase: "open", present: 4, joined: 4 });
    // The fourth participant closes the browser without voting.
    const leftAt = Date.now();
    phones[3]!.client.ws.terminate();
    await phones[0]!.client.next((m) => m.t === "state" && m.state.phase === "revealed", 25_000, 0);
    // Not before the grace: a locked screen for a moment is not leaving.
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(9_000);
  }, 45_000);

  it("tells a facilitator's doc when its edits are durably stored (the console's 'saved')", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const { ticket } = await facilitator(stack, room.roomId, room.facilitatorKey);
    const writer = await yjsClient(stack, room, ticket);
    const reader = await yjsClient(stack, room);
    const heard: { writer: string[]; reader: string[] } = { writer: [], reader: [] };
    writer.provider.on("custom-message", (m: string) => heard.writer.push(m));
    reader.provider.on("custom-message", (m: string) => heard.reader.push(m));
    writer.doc.getText("notes:safety").insert(0, "stored, and said so");
    const ownClock = () => Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
    await until(
      () =>
        heard.writer.some((m) => {
          const sv = Y.decodeStateVector(Buffer.from(JSON.parse(m).sv, "base64"));
          return (sv.get(writer.doc.clientID) ?? 0) >= ownClock();
        }),
      10_000,
      "a 'saved' that covers the edit",
    );
    expect(heard.reader).toEqual([]); // only writers are told
    writer.destroy();
    reader.destroy();
  });

  it("names a perspective only at the end and only if at least k people chose it; the rest never appear (§3.10)", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const chosen = ["clinical", "clinical", "clinical", "lived-experience", "support"] as const;
    const phones: JsonClient[] = [];
    for (const perspective of chosen) {
      const c = await JsonClient.open(stack, room.roomId);
      expect((await c.request({ t: "hello", role: "phone", perspective })).t).toBe("welcome");
      phones.push(c);
    }
    const { console_ } = await openRound(room, "safety");
    await command(console_, { op: "close" });
    const projector = await yjsClient(stack, room);
    await until(() => sessionOf(projector.doc)?.phase === "revealed");
    // Nothing during the session: a name appearing between two rounds would point at whoever
    // joined in between. Two more people with lived experience join now.
    expect(sessionOf(projector.doc)!.perspectives).toEqual([]);
    for (let i = 0; i < 2; i++) {
      const c = await JsonClient.open(stack, room.roomId);
      expect((await c.request({ t: "hello", role: "phone", perspective: "lived-experience" })).t).toBe("welcome");
    }
    await command(console_, { op: "new-round" });
    await command(console_, { op: "close" });
    await until(() => sessionOf(projector.doc)?.domains.safety?.rounds.length === 2);
    expect(sessionOf(projector.doc)!.perspectives).toEqual([]);
    await command(console_, { op: "end" });
    await until(() => sessionOf(projector.doc)?.phase === "ended");
    // At the end: clinical (3) and lived experience (1 + 2 = 3) reach k; support (1) stays unnamed.
    expect(sessionOf(projector.doc)!.perspectives).toEqual(["clinical", "lived-experience"]);
    expect(JSON.stringify(projector.doc.toJSON())).not.toContain("support");
    projector.destroy();
  });
});

/** Long enough for the runtime to hibernate an idle object (10 s of no events). */
const IDLE_MS = 13_000;
const idle = () => new Promise((r) => setTimeout(r, IDLE_MS));

describe("hibernation (docs/design.md §6.4): the room leaves memory, the ballots stay", () => {
  it("keeps an open round's ballots in the phones' sockets through hibernation; pings don't wake it; phones never get a Yjs frame", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const phones = await joinPhones(room.roomId, 6);
    const { console_ } = await openRound(room, "safety");
    const sent = [5, 4, 4, 2, 3, "dk"] as const;
    await Promise.all(phones.map((p, i) => p.vote(safetyBallot("safety#1", sent[i]!))));
    const yjs = await greetingCounter(stack, room);
    expect(yjs.greetings()).toBe(1);
    await idle();
    // Keep-alive pings are answered by the platform, without starting the object.
    for (const p of phones) p.client.sendRaw('{"t":"ping"}');
    await until(() => phones.every((p) => p.client.frames.some((f) => f.t === "pong")), 10_000, "pongs");
    await new Promise((r) => setTimeout(r, 500));
    expect(yjs.greetings()).toBe(1);
    // A command wakes it: a new object, which greets the Yjs socket again...
    const projector = await yjsClient(stack, room);
    expect((await command(console_, { op: "close" })).t).toBe("done");
    await until(() => yjs.greetings() >= 2, 10_000, "the woken room's greeting");
    // ...and which still had every ballot: they were in the phones' socket attachments.
    await until(() => sessionOf(projector.doc)?.domains.safety?.rounds.length === 1, 10_000, "reveal");
    const result = sessionOf(projector.doc)!.domains.safety!.rounds[0]!;
    expect(result.respondents).toBe(6);
    expect(result.ratings.domain).toEqual({ shown: true, counts: [0, 1, 1, 2, 1], dontKnow: 1, notAvailable: 0 });
    for (const p of phones) expect(p.client.raw.length).toBe(p.client.frames.length); // every frame was JSON
    yjs.close();
    projector.destroy();
  }, 60_000);

  it("stays awake while it holds a ballot whose phone has gone, so that ballot is counted too", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const phones = await joinPhones(room.roomId, 3);
    const { console_ } = await openRound(room, "safety");
    await Promise.all(phones.map((p, i) => p.vote(safetyBallot("safety#1", i + 3))));
    const yjs = await greetingCounter(stack, room);
    // One phone goes away for good (browser closed): its ballot now lives in the room's memory only.
    phones[2]!.client.close();
    await until(() => phones[2]!.client.closed !== null, 10_000, "the socket to close");
    await idle();
    const projector = await yjsClient(stack, room);
    expect((await command(console_, { op: "close" })).t).toBe("done");
    await until(() => sessionOf(projector.doc)?.domains.safety?.rounds.length === 1, 10_000, "reveal");
    expect(yjs.greetings()).toBe(1); // it never left memory
    const result = sessionOf(projector.doc)!.domains.safety!.rounds[0]!;
    expect(result.respondents).toBe(3);
    expect(result.ratings.domain).toEqual({ shown: true, counts: [0, 0, 1, 1, 1], dontKnow: 0, notAvailable: 0 });
    yjs.close();
    projector.destroy();
  }, 60_000);

  it("a phone that comes back on a new socket during the round takes its ballot over, counted once", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const phones = await joinPhones(room.roomId, 3);
    const { console_ } = await openRound(room, "safety");
    await Promise.all(phones.map((p) => p.vote(safetyBallot("safety#1", 4))));
    // The first phone's network changes: a new socket says hello with its pass and its ballot,
    // while the old one is still open; then it changes its mind on the new socket.
    const old = phones[0]!.client;
    expect((await phones[0]!.join()).t).toBe("welcome");
    expect((await phones[0]!.vote(safetyBallot("safety#1", 1))).t).toBe("ack");
    await idle(); // hibernates: the ballots come back from the attachments only
    old.close();
    const projector = await yjsClient(stack, room);
    expect((await command(console_, { op: "close" })).t).toBe("done");
    await until(() => sessionOf(projector.doc)?.domains.safety?.rounds.length === 1, 10_000, "reveal");
    const result = sessionOf(projector.doc)!.domains.safety!.rounds[0]!;
    expect(result.respondents).toBe(3);
    expect(result.ratings.domain).toEqual({ shown: true, counts: [1, 0, 0, 2, 0], dontKnow: 0, notAvailable: 0 });
    projector.destroy();
  }, 60_000);
});
