/**
 * The benchmark's Worker entry (scripts/bench/wrangler.bench.toml): Candor's own Worker and
 * Durable Objects, unchanged, plus `EchoRoom`, a bare echo room for the baseline of
 * docs/design.md §8. Both run in one `wrangler dev` (one workerd), so the echo and the rooms share
 * the runtime, the machine and the load generator. Never deployed; the production entry is
 * worker/index.ts.
 */
import { type Connection, Server, type WSMessage } from "partyserver";
import type { Env } from "../../worker/env";
import candor from "../../worker/index";

export { JoinCodes, SessionRoom } from "../../worker/index";

/**
 * A PartyServer room that sends every message straight back, hibernation on like SessionRoom:
 * the same platform path (PartyServer, hibernatable sockets) with none of the room's work.
 */
export class EchoRoom extends Server {
  static override options = { hibernate: true };

  override onMessage(connection: Connection, message: WSMessage): void {
    connection.send(message);
  }
}

interface BenchEnv extends Env {
  ECHO_ROOMS: DurableObjectNamespace<EchoRoom>;
}

/** Echo sockets: `/parties/echo-room/<name>`. The app's own gate refuses every party but `room`. */
const ECHO_PREFIX = "/parties/echo-room/";

export default {
  fetch(req, env, ctx) {
    const { pathname } = new URL(req.url);
    if (pathname.startsWith(ECHO_PREFIX)) {
      const name = pathname.slice(ECHO_PREFIX.length);
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) return new Response("not found", { status: 404 });
      if (req.method !== "GET" || req.headers.get("upgrade")?.toLowerCase() !== "websocket") {
        return new Response("echo rooms take WebSocket connections only", { status: 426 });
      }
      return env.ECHO_ROOMS.getByName(name).fetch(req);
    }
    return candor.fetch(req, env, ctx);
  },
} satisfies ExportedHandler<BenchEnv>;
