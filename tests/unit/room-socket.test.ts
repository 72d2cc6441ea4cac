/**
 * The pages' room socket (client/src/lib/socket.ts) against a scripted WebSocket and fake timers:
 * it connects at once with a connection id, says hello on every open, retries a lost connection on
 * the schedule the pages always had (3 s, growing by 30 %, at most 10 s; from the first delay again
 * after a connection that held), gives up an attempt that doesn't open within 4 s, never retries a
 * room that is gone, reconnects at once when asked (a silent connection, the network back), and
 * stops for good when closed. The browser's and the network's real behaviour is in the e2e tests
 * (phone.test.ts, forgiving.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CONNECT_TIMEOUT_MS, type Link, openRoomSocket, type RoomSocket, retryDelay, STABLE_AFTER_MS } from "../../client/src/lib/socket";
import { CLOSE_GONE, type ClientMessage, encodeClient } from "../../core/protocol";

/** A WebSocket whose life the test decides: `accept()`, `receive()`, `drop()`. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  closedBy: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    if (this.readyState !== FakeSocket.OPEN) throw new Error("send on a socket that is not open");
    this.sent.push(data);
  }
  close(code: number) {
    this.closedBy = code;
    this.readyState = FakeSocket.CLOSED;
  }
  accept() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code });
  }
}

const HELLO: ClientMessage = { t: "hello", role: "screen" };
let links: Link[];
let socket: RoomSocket;
const window_ = new EventTarget();
const document_ = Object.assign(new EventTarget(), { visibilityState: "visible" });
const navigator_ = { onLine: true };

const latest = () => FakeSocket.all.at(-1)!;
const hellos = (s: FakeSocket) => s.sent.filter((f) => JSON.parse(f).t === "hello").length;

function open(hello: () => ClientMessage | null = () => HELLO): RoomSocket {
  links = [];
  socket = openRoomSocket({
    encode: encodeClient,
    endpoint: { host: "candor.test", protocol: "wss" },
    roomId: "AAAAAAAAAAAAAAAAAAAAAA",
    hello,
    onMessage: () => {},
    onLink: (l) => links.push(l),
  });
  return socket;
}

beforeEach(() => {
  FakeSocket.all = [];
  navigator_.onLine = true;
  vi.useFakeTimers();
  vi.stubGlobal("WebSocket", FakeSocket);
  vi.stubGlobal("window", window_);
  vi.stubGlobal("document", document_);
  vi.stubGlobal("navigator", navigator_);
});
afterEach(() => {
  socket?.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the room socket", () => {
  it("connects at once to the room's address with a connection id, and says hello on every open", () => {
    open();
    expect(FakeSocket.all).toHaveLength(1);
    const url = new URL(latest().url);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe("wss://candor.test/parties/room/AAAAAAAAAAAAAAAAAAAAAA");
    expect(url.searchParams.get("_pk")).toMatch(/^[0-9a-f]{32}$/);
    latest().accept();
    expect(links).toEqual(["open"]);
    expect(hellos(latest())).toBe(1);
    expect(socket.send({ t: "ping" })).toBe(true);

    const id = url.searchParams.get("_pk");
    latest().drop();
    vi.advanceTimersByTime(retryDelay(1));
    expect(FakeSocket.all).toHaveLength(2);
    // The same connection id after a reconnect: PartyServer sees one client.
    expect(new URL(latest().url).searchParams.get("_pk")).toBe(id);
    latest().accept();
    expect(hellos(latest())).toBe(1);
    expect(links).toEqual(["open", "offline", "open"]);
  });

  it("retries a lost connection after 3 s, then 30 % longer each time up to 10 s, and from 3 s again after one that held", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => Math.round(retryDelay(n)))).toEqual([3000, 3900, 5070, 6591, 8568, 10000, 10000, 10000]);
    open();
    latest().drop();
    for (let retry = 1; retry <= 7; retry++) {
      const before = FakeSocket.all.length;
      vi.advanceTimersByTime(retryDelay(retry) - 1);
      expect(FakeSocket.all).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.all).toHaveLength(before + 1);
      latest().drop();
    }
    // A connection that held long enough: the next loss waits the first delay again.
    vi.advanceTimersByTime(retryDelay(8));
    latest().accept();
    vi.advanceTimersByTime(STABLE_AFTER_MS);
    latest().drop();
    const before = FakeSocket.all.length;
    vi.advanceTimersByTime(retryDelay(1));
    expect(FakeSocket.all).toHaveLength(before + 1);
  });

  it("a connection that drops before it held keeps the grown delay", () => {
    open();
    latest().drop();
    vi.advanceTimersByTime(retryDelay(1));
    latest().accept();
    vi.advanceTimersByTime(STABLE_AFTER_MS - 1);
    latest().drop();
    const before = FakeSocket.all.length;
    vi.advanceTimersByTime(retryDelay(2) - 1);
    expect(FakeSocket.all).toHaveLength(before);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(before + 1);
  });

  it("gives up an attempt that is not open within 4 s and tries again", () => {
    open();
    const first = latest();
    vi.advanceTimersByTime(CONNECT_TIMEOUT_MS);
    expect(first.closedBy).toBe(1000);
    expect(links).toEqual(["offline"]);
    vi.advanceTimersByTime(retryDelay(1));
    expect(FakeSocket.all).toHaveLength(2);
  });

  it("never retries a room that is gone", () => {
    open();
    latest().accept();
    latest().drop(CLOSE_GONE);
    expect(links).toEqual(["open", "gone"]);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it("a silent connection (no pong) is dropped and reconnected at once", () => {
    open();
    const first = latest();
    first.accept();
    vi.advanceTimersByTime(25_000); // the ping goes out
    expect(first.sent.map((f) => JSON.parse(f).t)).toEqual(["hello", "ping"]);
    vi.advanceTimersByTime(10_000); // no answer
    expect(first.closedBy).toBe(1000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(links).toEqual(["open", "offline"]);
  });

  it("any frame proves the connection alive", () => {
    open();
    latest().accept();
    vi.advanceTimersByTime(25_000);
    latest().receive({ t: "pong" });
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it("offline: drops the socket and waits; online: reconnects at once", () => {
    open();
    latest().accept();
    navigator_.onLine = false;
    window_.dispatchEvent(new Event("offline"));
    expect(latest().closedBy).toBe(1000);
    expect(links.at(-1)).toBe("offline");
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    navigator_.onLine = true;
    window_.dispatchEvent(new Event("online"));
    expect(FakeSocket.all).toHaveLength(2);
    latest().accept();
    expect(links.at(-1)).toBe("open");
  });

  it("sends nothing while down and queues nothing for later; a held-back hello goes out on rehello()", () => {
    let ready = false;
    open(() => (ready ? HELLO : null));
    expect(socket.send({ t: "ping" })).toBe(false);
    latest().accept();
    expect(latest().sent).toEqual([]);
    ready = true;
    socket.rehello();
    expect(hellos(latest())).toBe(1);
  });

  it("closed: ends the connection and never comes back", () => {
    open();
    latest().accept();
    socket.close();
    expect(latest().closedBy).toBe(1000);
    vi.advanceTimersByTime(60_000);
    window_.dispatchEvent(new Event("online"));
    expect(FakeSocket.all).toHaveLength(1);
    expect(links).toEqual(["open"]);
  });
});
