/**
 * @module routes/meta
 * `GET /api/health` and `GET /api/config` (what a client needs to open its sockets).
 */
import { Hono } from "hono";
import { getSettings, type AppEnv } from "../env";

export const meta = new Hono<AppEnv>()
  .get("/health", (c) => c.json({ ok: true as const }))
  .get("/config", (c) => c.json({ partyUrl: getSettings(c.env).partyPublicUrl }));
