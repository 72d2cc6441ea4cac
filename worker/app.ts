/**
 * @module app
 * Candor's Worker as a Hono app: the JSON API under `/api` (docs/design.md §7) and the built
 * client. Rooms are Durable Objects in the same Worker; routes reach them through `c.var.rooms`
 * (worker/rooms.ts), which {@link createApp}'s caller provides: the entry (worker/index.ts) from the
 * bindings, tests from their own stand-ins.
 */
import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { AppEnv } from "./env";
import { errorJson, onError, onNotFound } from "./errors";
import { join } from "./routes/join";
import { serveAsset, serveJoinLink, servePage } from "./routes/pages";
import { rooms } from "./routes/rooms";
import { summary } from "./routes/summary";
import { templates } from "./routes/templates";
import type { Rooms } from "./rooms";
import { jsonBodiesOnly, limitBody, noIndex, noStore, sameOriginOnly, securityHeaders } from "./security";

const api = new Hono<AppEnv>();
api.use(noStore, sameOriginOnly, jsonBodiesOnly, limitBody);
api.use(
  methodNotAllowed({
    app: api,
    onMethodNotAllowed: (c, allowed) => errorJson(c, 405, "method-not-allowed", undefined, { Allow: allowed.join(", ") }),
  }),
);
api.get("/health", (c) => c.json({ ok: true as const }));
api.route("/templates", templates); // GET  /api/templates, /api/templates/:id
api.route("/rooms", rooms); //      POST /api/rooms, GET /api/rooms/:roomId/template
api.route("/rooms", summary); //    GET  /api/rooms/:roomId/summary, DELETE /api/rooms/:roomId
api.route("/join", join); //        GET  /api/join/:code, /api/join/:code/qr.svg
api.all("*", onNotFound);

export function createApp(rooms: (env: AppEnv["Bindings"]) => Rooms): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("rooms", rooms(c.env));
    await next();
  });
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(securityHeaders);
  app.route("/api", api);
  app.use("/j/*", noIndex);
  app.use("/p/*", noIndex);
  app.use("/f/*", noIndex);
  app.get("/j/:code", serveJoinLink("/phone")); //   join link (QR code), with its room embedded
  app.get("/join", servePage("/phone")); //          type a code
  app.get("/p/:roomId", servePage("/projector")); // projector
  app.get("/f/:roomId", servePage("/console")); //   facilitator console (key in the fragment)
  app.get("/toolkit", servePage("/toolkit")); //     the toolkit's guidance, resources, definitions
  app.get("*", serveAsset); //                       home page, scripts, styles, icons
  app.all("*", (c) => errorJson(c, 405, "method-not-allowed", undefined, { Allow: "GET, HEAD" }));
  return app;
}
