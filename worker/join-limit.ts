/**
 * @module join-limit
 * Join codes are short (25^6 ≈ 2.4·10^8), so looking them up is rate-limited per network address,
 * or a script could try them all (docs/design.md §3.6). The counting is the platform's rate limiting
 * binding (`JOIN_LOOKUPS` in wrangler.toml): counters held at the edge for the period only. Candor
 * stores no address, logs none, and keys nothing else by one.
 */
import type { Context } from "hono";
import type { AppEnv } from "./env";
import { ApiError } from "./errors";

/** The address Cloudflare saw (it sets this header); locally there is none, and all count as one. */
const addressOf = (c: Context<AppEnv>): string => c.req.header("cf-connecting-ip") ?? "local";

/** True when this request may look a code up now. */
export async function mayLookUpCode(c: Context<AppEnv>): Promise<boolean> {
  const { success } = await c.env.JOIN_LOOKUPS.limit({ key: addressOf(c) });
  return success;
}

/** Throws the 429 a phone waits out and retries (with a Retry-After of the limiter's period). */
export async function limitCodeLookups(c: Context<AppEnv>): Promise<void> {
  if (!(await mayLookUpCode(c))) throw new ApiError(429, "too-many-joins", undefined, { "Retry-After": "10" });
}
