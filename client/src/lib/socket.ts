/**
 * @module socket
 * A room's JSON socket (docs/design.md §6): one reconnecting WebSocket per page. On every (re)open it
 * sends the page's hello again, built fresh by the caller, so a phone re-sends its token and its
 * stored ballot after a network drop or a server restart. A caller may hold its hello back (the
 * phone does while its owner reads the anonymity notice): the socket is open, but the room doesn't
 * know who it is until the caller calls `rehello()`. Every inbound frame goes through
 * `parseServerMessage`; every outbound one through the `encode` it is given (core/protocol.ts).
 *
 * The reconnecting is this module's own (no library: the phone's first load is counted in bytes,
 * issue 13). It keeps the schedule the pages had with partysocket: the first connection and every
 * `reconnect()` at once, a retry after a lost or failed connection {@link retryDelay} later, a
 * connection that isn't open within {@link CONNECT_TIMEOUT_MS} given up and retried, no retry once
 * the room says it is gone. Nothing is queued while the socket is down: a queued ballot would be
 * flushed before the hello and be refused ("not-joined"); the hello itself carries the stored ballot.
 */
import { CLOSE_GONE, type ClientMessage, type ServerMessage, parseServerMessage } from "../../../core/protocol";
import { type PartyEndpoint, ROOM_PARTY } from "./config";

/**
 * connecting: first attempt; open: connected, hello sent (or held back by the caller); offline:
 * lost, retrying; gone: the session no longer exists.
 */
export type Link = "connecting" | "open" | "offline" | "gone";

/** A silent connection (mobile networks drop them without a close) is noticed within this. */
const PING_EVERY_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;
/** While the browser says it is offline, how often to look whether it still is. */
const OFFLINE_CHECK_MS = 5_000;
/** A connection not open by then is dropped and tried again. */
export const CONNECT_TIMEOUT_MS = 4_000;
/** A connection open this long counts as good: the next loss starts the retries from the first delay again. */
export const STABLE_AFTER_MS = 5_000;

/**
 * How long to wait before the `retry`-th attempt in a row (1, 2, …) after a lost or failed
 * connection: 3 s, growing by 30 % each time, at most 10 s.
 */
export const retryDelay = (retry: number): number => Math.min(3_000 * 1.3 ** (retry - 1), 10_000);

/**
 * The connection id PartyServer keeps with the socket (`_pk`, worker/room-sockets.ts accepts
 * [A-Za-z0-9_-]): one per page socket, kept across its reconnects. `getRandomValues`, unlike
 * `randomUUID`, works on a plain-http LAN address too.
 */
function connectionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export interface RoomSocket {
  /** Sends now if connected; returns false (and drops the message) otherwise. */
  send(message: ClientMessage): boolean;
  /**
   * Sends the hello (again) on the open connection: after the user picked a perspective, to
   * retry, or to let a held-back hello go. Not connected: the next open sends it anyway.
   */
  rehello(): void;
  close(): void;
}

export interface RoomSocketOptions {
  endpoint: PartyEndpoint;
  roomId: string;
  /** Built fresh for every hello; `null` holds it back (nothing is sent until `rehello()`). */
  hello: () => ClientMessage | null;
  onMessage: (message: ServerMessage) => void;
  onLink: (link: Link) => void;
  /**
   * Validates and serialises an outgoing frame: `encodeClient` (any client frame), or a phone's
   * narrower `encodePhoneMessage`, which keeps the command schemas off the phone's page.
   */
  encode: (message: ClientMessage) => string;
}

/** The reconnecting WebSocket under a {@link RoomSocket}. */
interface Connection {
  readonly open: boolean;
  send(data: string): void;
  /** Drops the connection (or the attempt, or the wait) and connects again at once. */
  reconnect(): void;
  /** Drops the connection and tries no more, until `reconnect()`. */
  close(): void;
}

/**
 * Connects to `url` now and again after every loss, as described in the module's notes. `onClose`
 * hears of every end of a connection or of an attempt, with the close code (1000 when this side
 * ended it); after {@link CLOSE_GONE} it tries no more.
 */
function connect(url: string, on: { open(): void; message(data: unknown): void; close(code: number): void }): Connection {
  let ws: WebSocket | null = null;
  /** Failed or lost connections since the last good one: what the next wait grows with. */
  let retries = 0;
  let stopped = false;
  let connectTimer: ReturnType<typeof setTimeout> | undefined;
  let stableTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Ends the current connection or attempt, if any, without hearing its own close event. */
  const drop = (): boolean => {
    clearTimeout(connectTimer);
    clearTimeout(stableTimer);
    const current = ws;
    ws = null;
    if (!current) return false;
    current.onopen = current.onmessage = current.onclose = null;
    if (current.readyState === WebSocket.CONNECTING || current.readyState === WebSocket.OPEN) current.close(1000);
    return true;
  };

  const lost = (code: number) => {
    drop();
    const gone = code === CLOSE_GONE;
    if (gone) stopped = true;
    on.close(code);
    if (stopped) return;
    retries += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(start, retryDelay(retries));
  };

  function start() {
    clearTimeout(retryTimer);
    drop();
    const socket = new WebSocket(url);
    ws = socket;
    connectTimer = setTimeout(() => lost(1006), CONNECT_TIMEOUT_MS);
    socket.onopen = () => {
      clearTimeout(connectTimer);
      stableTimer = setTimeout(() => (retries = 0), STABLE_AFTER_MS);
      on.open();
    };
    socket.onmessage = (event) => on.message(event.data);
    // A failed attempt fires "error" and then "close": the close is enough.
    socket.onclose = (event) => lost(event.code);
  }

  start();
  return {
    get open() {
      return ws?.readyState === WebSocket.OPEN;
    },
    send: (data) => ws?.send(data),
    reconnect: () => {
      stopped = false;
      retries = 0;
      if (drop()) on.close(1000);
      start();
    },
    close: () => {
      stopped = true;
      clearTimeout(retryTimer);
      if (drop()) on.close(1000);
    },
  };
}

export function openRoomSocket(opts: RoomSocketOptions): RoomSocket {
  const url = `${opts.endpoint.protocol}://${opts.endpoint.host}/parties/${ROOM_PARTY}/${encodeURIComponent(opts.roomId)}?_pk=${connectionId()}`;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let gone = false;

  const send = (message: ClientMessage): boolean => {
    if (!socket.open) return false;
    socket.send(opts.encode(message));
    return true;
  };

  const stopHeartbeat = () => {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
  };

  const sendHello = () => {
    const hello = opts.hello();
    if (hello) send(hello);
  };

  const socket = connect(url, {
    open: () => {
      sendHello();
      opts.onLink("open");
      stopHeartbeat();
      pingTimer = setInterval(() => {
        if (!send({ t: "ping" })) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => socket.reconnect(), PONG_TIMEOUT_MS);
      }, PING_EVERY_MS);
    },
    message: (data) => {
      clearTimeout(pongTimer); // any frame proves the connection is alive
      const parsed = parseServerMessage(data);
      if (!parsed.ok) {
        console.warn("ignored an invalid frame from the room:", parsed.message);
        return;
      }
      if (parsed.value.t !== "pong") opts.onMessage(parsed.value);
    },
    close: (code) => {
      stopHeartbeat();
      if (code === CLOSE_GONE) {
        gone = true;
        opts.onLink("gone");
      } else if (!gone) {
        opts.onLink("offline");
      }
    },
  });

  // The browser knows about a lost network long before a heartbeat would (a silently dropped
  // socket can look open for half a minute): say "offline" at once and drop the socket, so nothing
  // more is sent into it. No retries while offline; `online` reconnects at once (a retry waiting
  // out the back-off would hold it up to 10 s). In case `online` never comes (a wrong
  // "offline", an event missed while asleep), the network is looked at again every few seconds.
  let offlineTimer: ReturnType<typeof setInterval> | undefined;
  const resume = () => {
    clearInterval(offlineTimer);
    offlineTimer = undefined;
    if (!gone) socket.reconnect();
  };
  const onOffline = () => {
    if (gone) return;
    stopHeartbeat();
    socket.close();
    opts.onLink("offline");
    clearInterval(offlineTimer);
    offlineTimer = setInterval(() => {
      if (navigator.onLine) resume();
    }, OFFLINE_CHECK_MS);
  };
  // Back online (or woken up on another network): a fresh connection now, whose hello re-sends
  // the stored ballot.
  const onOnline = () => resume();
  // A phone that was asleep: reconnect now if the socket is down, else check it is still alive.
  const onVisible = () => {
    if (gone || document.visibilityState !== "visible" || !navigator.onLine) return;
    if (!socket.open) resume();
    else if (send({ t: "ping" })) {
      clearTimeout(pongTimer);
      pongTimer = setTimeout(() => socket.reconnect(), PONG_TIMEOUT_MS);
    }
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  document.addEventListener("visibilitychange", onVisible);
  if (!navigator.onLine) onOffline();

  return {
    send,
    rehello: sendHello,
    close: () => {
      gone = true;
      stopHeartbeat();
      clearInterval(offlineTimer);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onVisible);
      socket.close();
    },
  };
}
