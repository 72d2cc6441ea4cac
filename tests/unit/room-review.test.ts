/**
 * Cases a privacy review of the room found (party/room/*): each test failed before its fix.
 * A socket closed for flooding, a pass on two sockets, a repeated end after a wake, a client
 * writing outside the notes, a ballot that arrives while a close is being stored, a second pass
 * on one socket, and a burst of passes after every wake.
 */
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { Ballot } from "../../core/protocol";
import type { SessionState } from "../../core/session";
import { readPeerState } from "../../party/room/peer-state";
import { createdRoom, FakePeer, type RoomHost } from "./room-host";

const safety = (rating: number): Ballot => ({ roundId: "safety#1", answers: {}, ratings: { domain: rating } });
const sessionOf = (host: RoomHost) => host.doc.getMap("live").get("session") as SessionState;

/** A socket the runtime has closed: sending to it throws, as workerd's does. */
class ClosedSocket extends FakePeer {
  override send(): void {
    throw new TypeError("Can't call WebSocket send() after close().");
  }
}

describe("a socket that can no longer be sent to", () => {
  it("does not make commands fail or keep phones from hearing the state", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    const screen = new ClosedSocket();
    host.peers.add(screen);
    screen.setState({ v: 1, role: "screen" });
    await host.start(); // the room wakes and finds the screen among its watchers
    expect(await command({ op: "open", domainId: "safety" })).toMatchObject({ t: "done" });
    for (const p of phones) expect(p.peer.frames.some((f) => f.t === "state" && f.state.phase === "open")).toBe(true);
    expect(await command({ op: "timer", seconds: 60 })).toMatchObject({ t: "done" });
    expect(host.storage.alarm).toBe(host.model.liveState().deadline);
  });

  it("a socket closed for flooding is no longer sent to", async () => {
    const { host, command } = await createdRoom({ phones: 1 });
    const flooder = host.connect();
    await host.send(flooder, { t: "hello", role: "screen" });
    for (let i = 0; i < 90; i++) await host.model.message(flooder, '{"t":"hello","role":"screen"}');
    expect(flooder.closed?.code).toBe(1008);
    const before = flooder.frames.length;
    expect(await command({ op: "open", domainId: "safety" })).toMatchObject({ t: "done" });
    expect(flooder.frames.length).toBe(before);
  });
});

describe("one pass, two sockets (the QR code scanned twice)", () => {
  it("only the socket that sent the latest ballot carries it; after a wake the latest counts; nothing outlives the round", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "open", domainId: "safety" });
    const tab2 = host.connect();
    await host.send(tab2, { t: "hello", role: "phone", token: phones[0]!.token });
    await host.send(tab2, { t: "ballot", ballot: safety(1) });
    await host.send(phones[0]!.peer, { t: "ballot", ballot: safety(5) }); // the first tab changes it
    await host.send(phones[1]!.peer, { t: "ballot", ballot: safety(3) });
    await host.send(phones[2]!.peer, { t: "ballot", ballot: safety(3) });
    expect(readPeerState(tab2.state)).not.toHaveProperty("ballots");
    await host.hibernate();
    expect(await command({ op: "close" })).toMatchObject({ t: "done" });
    expect(sessionOf(host).domains.safety!.rounds[0]!.ratings.domain).toEqual({
      shown: true,
      counts: [0, 0, 2, 0, 1],
      dontKnow: 0,
      notAvailable: 0,
    });
    for (const p of [tab2, ...phones.map((x) => x.peer)]) expect(readPeerState(p.state)).not.toHaveProperty("ballots");
  });

  it("a socket keeps the pass it said hello with", async () => {
    const { host, phones } = await createdRoom({ phones: 2 });
    expect(await host.send(phones[0]!.peer, { t: "hello", role: "phone", token: phones[1]!.token })).toMatchObject({ code: "bad-message" });
    expect(await host.send(phones[0]!.peer, { t: "hello", role: "phone", token: phones[0]!.token })).toMatchObject({ t: "welcome" });
  });
});

describe("perspectives are released once", () => {
  it("a second end after a wake, with one person gone, is refused and names the same perspectives", async () => {
    const { host, command } = await createdRoom({ phones: 0, k: 3 });
    const peers: FakePeer[] = [];
    for (const perspective of ["lived-experience", "lived-experience", "lived-experience", "clinical", "clinical", "clinical"] as const) {
      const peer = host.connect();
      await host.send(peer, { t: "hello", role: "phone", perspective });
      peers.push(peer);
    }
    await command({ op: "open", domainId: "safety" });
    await command({ op: "close" });
    expect(await command({ op: "end" })).toMatchObject({ t: "done" });
    expect(sessionOf(host).perspectives).toEqual(["clinical", "lived-experience"]);
    host.disconnect(peers[0]!);
    await host.hibernate();
    expect(await command({ op: "end" })).toMatchObject({
      t: "error",
      code: "bad-command",
      message: expect.stringMatching(/already ended/),
    });
    expect(sessionOf(host).perspectives).toEqual(["clinical", "lived-experience"]);
  });
});

describe("a writer that writes outside the notes", () => {
  it("has its extra projection keys removed and its socket closed when it adds a top-level name", async () => {
    const { host } = await createdRoom({ phones: 0 });
    const writer = new FakePeer();
    // As y-partyserver applies a client's update: with the connection as the transaction origin.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(host.doc));
    client.getMap("live").set("extra", "x".repeat(1000));
    client.getText("notes:safety").insert(0, "fine");
    Y.applyUpdate(host.doc, Y.encodeStateAsUpdate(client), writer);
    expect(host.doc.getMap("live").has("extra")).toBe(false);
    expect(writer.closed).toBeNull();
    client.getArray("anything").push(["x".repeat(1000)]);
    Y.applyUpdate(host.doc, Y.encodeStateAsUpdate(client), writer);
    expect(writer.closed?.code).toBe(1008);
    // Later edits by others are not blamed for it.
    const other = new FakePeer();
    client.getText("notes:safety").insert(4, "!");
    Y.applyUpdate(host.doc, Y.encodeStateAsUpdate(client), other);
    expect(other.closed).toBeNull();
    expect(host.doc.getText("notes:safety").toString()).toBe("fine!");
  });
});

describe("a ballot that arrives while a close is being stored", () => {
  it("waits for the outcome: if the close fails, the ballot is accepted, not refused as closed", async () => {
    const { host, phones, console_ } = await createdRoom({ phones: 3 });
    await host.send(console_, { t: "cmd", id: "o", cmd: { op: "open", domainId: "safety" } });
    await host.send(phones[0]!.peer, { t: "ballot", ballot: safety(2) });
    await host.send(phones[1]!.peer, { t: "ballot", ballot: safety(2) });
    host.storage.failPuts = 1;
    const closing = host.model.message(console_, JSON.stringify({ t: "cmd", id: "c", cmd: { op: "close" } }));
    const late = host.model.message(phones[2]!.peer, JSON.stringify({ t: "ballot", ballot: safety(4) }));
    await Promise.all([closing, late]);
    expect(console_.last()).toMatchObject({ t: "error", code: "unavailable", id: "c" });
    expect(phones[2]!.peer.frames.filter((f) => f.t === "ack" || f.t === "error").at(-1)).toMatchObject({ t: "ack", roundId: "safety#1" });
    expect(host.model.liveState()).toMatchObject({ phase: "open", voted: 3 });
  });
});

describe("passes after a wake", () => {
  it("a room that has handed out passes does not get a fresh burst of 300 every time it wakes", async () => {
    const { host } = await createdRoom({ phones: 1 });
    await host.hibernate();
    let welcomed = 0;
    for (let i = 0; i < 150; i++) {
      const p = host.connect();
      if ((await host.send(p, { t: "hello", role: "phone" }))?.t === "welcome") welcomed++;
    }
    expect(welcomed).toBe(100); // 10 s of refill at 10 passes a second
  });
});
