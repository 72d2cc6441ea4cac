/**
 * @module worker
 * Candor's Worker entry: one Worker, one `wrangler dev`, one `wrangler deploy` (docs/design.md §6).
 * Room sockets (`/parties/room/:roomId`) go to the room's Durable Object after the gate in
 * room-sockets.ts; everything else to the Hono app. The Durable Object classes are exported here
 * because the runtime finds them in the Worker's main module.
 */
import type { CodeRpc, RoomRpc } from "../core/api";
import { createApp } from "./app";
import type { Env } from "./env";
import { routeRoomSocket } from "./room-sockets";
import type { Rooms } from "./rooms";

export { JoinCodes } from "../party/join-codes";
export { SessionRoom } from "../party/session-room";

/**
 * The bindings as the app's {@link Rooms}. Plain stubs: a room starts itself when a call needs it
 * (party/session-room.ts), so a call for a room that doesn't exist starts and stores nothing.
 */
const roomsOf = (env: Env): Rooms => ({
  room: async (roomId) => env.SESSION_ROOMS.getByName(roomId) as unknown as RoomRpc,
  code: (code) => env.JOIN_CODES.getByName(code) as unknown as CodeRpc,
});

const app = createApp(roomsOf);

export default {
  fetch(req, env, ctx) {
    return routeRoomSocket(req, env) ?? app.fetch(req, env, ctx);
  },
} satisfies ExportedHandler<Env>;
