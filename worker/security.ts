/**
 * @module security
 * Headers on every response and the guards in front of `/api/*` (docs/design.md §3.6; the research
 * note reliability-security.md §3 behind it):
 * a strict CSP without inline scripts, no referrer (capability URLs), no framing, same-origin
 * isolation; the API refuses cross-site `Origin`s, non-JSON bodies and bodies over 16 KB (768 KB for a room's
 * creation, which may bring a community directory), and is
 * never cached.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { BODY_MAX_BYTES, CREATE_BODY_MAX_BYTES } from "../core/limits";
import { secureHeaders } from "hono/secure-headers";
import { allowedOrigins, type AppEnv } from "./env";
import { ApiError, errorJson } from "./errors";

/**
 * hono's `secureHeaders` with the CSP of reliability-security.md §3.4. Its defaults already give
 * `Referrer-Policy: no-referrer`, nosniff, COOP and CORP same-origin, HSTS and Origin-Agent-Cluster;
 * framing is refused outright (`DENY` and `frame-ancestors 'none'`).
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    // Rooms are at the app's own origin: 'self' covers their ws(s): sockets too (CSP Level 3).
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    manifestSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  crossOriginOpenerPolicy: "same-origin",
  crossOriginResourcePolicy: "same-origin",
  // A route may set a stricter header of its own (the printable summary's hash-pinned CSP).
  overwrite: false,
});

/** API answers are per request and may carry capabilities: never stored by a cache. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set("Cache-Control", "no-store");
};

/**
 * Refuses any request whose `Origin` is another site's (or `null`), whatever the method, so no
 * other page can drive the API from a visitor's browser. No `Origin` at all is allowed: that is a
 * non-browser client (curl, tests) or a same-origin GET.
 */
export const sameOriginOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header("origin");
  if (origin !== undefined && !allowedOrigins(c.env, c.req.url).includes(origin)) throw new ApiError(403, "cross-origin");
  await next();
};

function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  if (req.headers.has("transfer-encoding")) return true;
  if (length !== null) return Number(length) > 0;
  return req.body !== null;
}

/**
 * Bodies must be JSON: POST, PUT and PATCH always, DELETE when it has a body. Refusing form and
 * `text/plain` types also takes away the "simple request" route for cross-site forgery.
 */
export const jsonBodiesOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === "POST" || method === "PUT" || method === "PATCH" || (method === "DELETE" && hasBody(c.req.raw))) {
    const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") throw new ApiError(415, "unsupported-media-type");
  }
  await next();
};

const tooLarge = (c: Context<AppEnv>) => errorJson(c, 413, "too-large");
const limitSmall = bodyLimit({ maxSize: BODY_MAX_BYTES, onError: tooLarge });
/** A room's creation may bring the community directory to start from (docs/design.md §5.4). */
const limitCreate = bodyLimit({ maxSize: CREATE_BODY_MAX_BYTES, onError: tooLarge });

/**
 * 413 for bodies over {@link BODY_MAX_BYTES} ({@link CREATE_BODY_MAX_BYTES} for `POST /api/rooms`),
 * counted while streaming when no length is declared.
 */
export const limitBody: MiddlewareHandler<AppEnv> = (c, next) =>
  (c.req.method === "POST" && /^\/api\/rooms\/?$/.test(c.req.path) ? limitCreate : limitSmall)(c, next);

/** Capability pages (join, projector, facilitator links) stay out of search indexes. */
export const noIndex: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set("X-Robots-Tag", "noindex, nofollow");
};
