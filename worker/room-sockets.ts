/**
 * @module room-sockets
 * The one way into a room from outside: a WebSocket upgrade at `/parties/room/:roomId`, from a
 * browser page of this app (or from a client that sends no `Origin`, which no cross-site page can
 * be). Everything else under `/parties/` is refused here, before any room wakes: plain HTTP, other
 * parties (the join-code directory has no sockets), malformed room ids, foreign origins, URLs too
 * long to keep with the socket (core/limits.ts) and malformed connection ids. PartyServer's own
 * request headers are dropped. The Worker's own calls into rooms are RPC.
 */
import { RoomIdSchema } from "../core/api";
import { MAX_CONNECTION_ID_LENGTH, MAX_SOCKET_URL_LENGTH } from "../core/limits";

/**
 * A connection id (`_pk`) as the clients make them (the JSON socket, client/src/lib/socket.ts: 32 hex digits; the Yjs provider: a
 * nanoid). PartyServer keeps it with the socket and among its tags, so nothing else is let in.
 */
const CONNECTION_ID = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_CONNECTION_ID_LENGTH}}$`);
/** PartyServer's internal headers: only PartyServer's own router may set them, never a client. */
const PARTYSERVER_HEADER = /^x-partykit-/i;
import { allowedOrigins, type Env } from "./env";

export const ROOM_SOCKET_PREFIX = "/parties/";
/** The party name clients use (the JSON socket and the Yjs provider: `party: "room"`). */
export const ROOM_PARTY = "room";

const refuse = (status: number, error: string): Response =>
  new Response(JSON.stringify({ error }), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });

/**
 * What to do with a request under `/parties/`: null for any other path (the app handles it), a
 * refusal, or the room's answer to the upgrade.
 */
export function routeRoomSocket(req: Request, env: Env): Promise<Response> | Response | null {
  const url = new URL(req.url);
  if (!url.pathname.startsWith(ROOM_SOCKET_PREFIX)) return null;
  const [party, roomId, ...rest] = url.pathname.slice(ROOM_SOCKET_PREFIX.length).split("/");
  if (party !== ROOM_PARTY || rest.length > 0 || !RoomIdSchema.safeParse(roomId).success) return refuse(404, "not found");
  if (req.headers.get("upgrade")?.toLowerCase() !== "websocket" || req.method !== "GET")
    return refuse(426, "rooms take WebSocket connections only");
  if (req.url.length > MAX_SOCKET_URL_LENGTH) return refuse(414, "address too long");
  const connectionId = url.searchParams.get("_pk");
  if (connectionId !== null && !CONNECTION_ID.test(connectionId)) {
    return connectionId.length > MAX_CONNECTION_ID_LENGTH ? refuse(414, "address too long") : refuse(400, "malformed connection id");
  }
  // WebSockets bypass CORS, so a page on another site could open one with a visitor's browser.
  // Browsers always send `Origin` on upgrades: refuse any that is not the app's.
  const origin = req.headers.get("origin");
  let allowed: string[];
  try {
    allowed = allowedOrigins(env, req.url);
  } catch {
    return refuse(500, "server misconfigured");
  }
  if (origin !== null && !allowed.includes(origin)) return refuse(403, "origin not allowed");
  const headers = new Headers(req.headers);
  for (const name of [...headers.keys()]) if (PARTYSERVER_HEADER.test(name)) headers.delete(name);
  return env.SESSION_ROOMS.getByName(roomId!).fetch(new Request(req, { headers }));
}
