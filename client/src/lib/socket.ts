/**
 * @module socket
 * A room's JSON socket (DESIGN §6): one reconnecting WebSocket per page. On every (re)open it
 * sends the page's hello again, built fresh by the caller, so a phone re-sends its token and its
 * stored ballot after a network drop or a server restart. Every inbound frame goes through
 * `parseServerMessage`; every outbound one through `encodeClient`.
 */
import PartySocket from "partysocket";
import { type ClientMessage, type ServerMessage, encodeClient, parseServerMessage } from "../../../core/protocol";
import type { PartyEndpoint } from "./config";

/** connecting: first attempt; open: hello sent; offline: lost, retrying; gone: the session no longer exists. */
export type Link = "connecting" | "open" | "offline" | "gone";

/** Close code of a room that does not exist (never created, deleted or expired). */
export const CLOSE_GONE = 4404;
/** A silent connection (mobile networks drop them without a close) is noticed within this. */
const PING_EVERY_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;

export interface RoomSocket {
  /** Sends now if connected; returns false (and drops the message) otherwise. */
  send(message: ClientMessage): boolean;
  /** Sends the hello again on the open connection (e.g. after the user picked a perspective). */
  rehello(): void;
  close(): void;
}

export interface RoomSocketOptions {
  endpoint: PartyEndpoint;
  roomId: string;
  hello: () => ClientMessage;
  onMessage: (message: ServerMessage) => void;
  onLink: (link: Link) => void;
}

export function openRoomSocket(opts: RoomSocketOptions): RoomSocket {
  const socket = new PartySocket({
    host: opts.endpoint.host,
    protocol: opts.endpoint.protocol,
    room: opts.roomId,
    party: "main",
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

  socket.addEventListener("open", () => {
    send(opts.hello());
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

  // Phones sleep and wake: reconnect at once on wake instead of waiting out the back-off.
  const onOnline = () => {
    if (!gone && socket.readyState !== WebSocket.OPEN) socket.reconnect();
  };
  window.addEventListener("online", onOnline);

  return {
    send,
    rehello: () => void send(opts.hello()),
    close: () => {
      gone = true;
      stopHeartbeat();
      window.removeEventListener("online", onOnline);
      socket.close();
    },
  };
}
