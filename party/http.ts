/**
 * @module http
 * The room's HTTP surface is server-to-server only: the Worker calls it with the shared secret.
 * These helpers check that secret before a room wakes and keep error bodies neutral (PartyKit
 * would otherwise echo exception text to the caller).
 */
import { PARTY_SECRET_HEADER } from "../core/api";
import { constantTimeEqual } from "./crypto";

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export const jsonError = (error: string, status: number): Response => json({ error }, status);

/** Rejects any caller without the Worker's secret; returns null when the caller may proceed. */
export function refuseUnlessWorker(req: Request, env: Record<string, unknown>): Response | null {
  const expected = typeof env.PARTY_SECRET === "string" ? env.PARTY_SECRET : "";
  const given = req.headers.get(PARTY_SECRET_HEADER) ?? "";
  if (!expected) return jsonError("room service not configured", 503);
  if (!constantTimeEqual(given, expected)) return jsonError("forbidden", 403);
  if (req.method !== "POST") return jsonError("method not allowed", 405);
  return null;
}

/**
 * WebSockets bypass CORS, so a page on another site could open a socket with a visitor's
 * browser. Browsers always send `Origin` on upgrades; refuse any that is not the app's.
 */
export function refuseForeignOrigin(req: Request, env: Record<string, unknown>): Response | null {
  const origin = req.headers.get("origin");
  if (!origin) return null; // not a browser: nothing a cross-site page could abuse
  const allowed = String(env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return allowed.includes(origin) ? null : jsonError("origin not allowed", 403);
}

export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new RangeError("too large");
  return JSON.parse(text);
}
