/**
 * @module socket
 * A room's JSON socket (docs/design.md §6): one reconnecting WebSocket per page. On every (re)open it
 * sends the page's hello again, built fresh by the caller, so a phone re-sends its token and its
 * stored ballot after a network drop or a server restart. A caller may hold its hello back (the
 * phone does while its owner reads the anonymity notice): the socket is open, but the room doesn't
 * know who it is until the caller calls `rehello()`. Every inbound frame goes through
 * `parseServerMessage`; every outbound one through `encodeClient`.
 */
import PartySocket from "partysocket";
import { CLOSE_GONE, type ClientMessage, type ServerMessage, encodeClient, parseServerMessage } from "../../../core/protocol";
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
}

export function openRoomSocket(opts: RoomSocketOptions): RoomSocket {
  const socket = new PartySocket({
    host: opts.endpoint.host,
    protocol: opts.endpoint.protocol,
    room: opts.roomId,
    party: ROOM_PARTY,
    // Never queue while offline: a queued ballot would be flushed before the hello and be refused
    // ("not-joined"). The hello itself carries the stored ballot instead.
    maxEnqueuedMessages: 0,
    maxReconnectionDelay: 10_000,
    shouldReconnectOnClose: (e) => e.code !== CLOSE_GONE,
  });
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let gone = false;

  const send = (message: ClientMessage): boolean => {
    if (socket.readyState !== WebSocket.OPEN) return false;
    return socket.send(encodeClient(message));
  };

  const stopHeartbeat = () => {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
  };

  const sendHello = () => {
    const hello = opts.hello();
    if (hello) send(hello);
  };

  socket.addEventListener("open", () => {
    sendHello();
    opts.onLink("open");
    stopHeartbeat();
    pingTimer = setInterval(() => {
      if (!send({ t: "ping" })) return;
      clearTimeout(pongTimer);
      pongTimer = setTimeout(() => socket.reconnect(), PONG_TIMEOUT_MS);
    }, PING_EVERY_MS);
  });

  socket.addEventListener("message", (event: MessageEvent) => {
    clearTimeout(pongTimer); // any frame proves the connection is alive
    const parsed = parseServerMessage(event.data);
    if (!parsed.ok) {
      console.warn("ignored an invalid frame from the room:", parsed.message);
      return;
    }
    if (parsed.value.t !== "pong") opts.onMessage(parsed.value);
  });

  socket.addEventListener("close", (event) => {
    stopHeartbeat();
    if (event.code === CLOSE_GONE) {
      gone = true;
      socket.close();
      opts.onLink("gone");
    } else if (!gone) {
      opts.onLink("offline");
    }
  });

  // The browser knows about a lost network long before a heartbeat would (a silently dropped
  // socket can look open for half a minute): say "offline" at once and drop the socket, so nothing
  // more is sent into it. No retries while offline; `online` reconnects at once (a retry waiting
  // out partysocket's back-off would hold it up to 10 s). In case `online` never comes (a wrong
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
    if (socket.readyState !== WebSocket.OPEN) resume();
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
