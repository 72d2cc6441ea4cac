/**
 * @module env
 * The Worker's bindings and its settings. Settings come from `[vars]` in wrangler.toml, `.dev.vars`
 * locally and `wrangler secret put` in production; they are validated once per `env` object with
 * zod and given defaults here, so no route reads `env` directly.
 */
import { z } from "zod";
import { ApiError } from "./errors";

/** What the runtime hands the Worker (all vars arrive as strings, or numbers from TOML). */
export interface Env {
  /**
   * Server-to-server base URL of the PartyKit deployment, used for the Worker's own calls into
   * rooms and the join-code directory. Default `http://127.0.0.1:1999` (`partykit dev`).
   */
  PARTY_URL?: string;
  /**
   * Base URL browsers use to reach PartyKit (sockets). Returned by `GET /api/config` and allowed in
   * the CSP `connect-src` (as its http(s) and ws(s) origins). Default: `PARTY_URL`.
   */
  PARTY_PUBLIC_URL?: string;
  /**
   * Shared secret the Worker sends to PartyKit in the `x-candor-secret` header; the rooms trust no
   * other HTTP caller. A secret: `.dev.vars` locally, `wrangler secret put PARTY_SECRET` in
   * production. No default: without it, endpoints that call a room answer 503.
   */
  PARTY_SECRET?: string;
  /**
   * Public base URL of the app (e.g. `https://candor.example.org`), used for join, facilitator and
   * projector links and accepted as an allowed `Origin` besides the request's own origin. Default:
   * the origin of the incoming request.
   */
  PUBLIC_URL?: string;
  /**
   * Length of one "retention day" in seconds: a room expires `retentionDays × RETENTION_DAY_SECONDS`
   * after creation. A test/dev knob (set e.g. `2` to watch expiry happen); default 86400.
   */
  RETENTION_DAY_SECONDS?: string | number;
  /** The built client (`dist/client`), bound by `[assets] binding = "ASSETS"`. */
  ASSETS: Fetcher;
}

/** Hono's environment type for every app and route module of the Worker. */
export interface AppEnv {
  Bindings: Env;
}

/** Validated settings with defaults applied. URLs carry no trailing slash. */
export interface Settings {
  partyUrl: string;
  partyPublicUrl: string;
  partySecret: string | undefined;
  publicUrl: string | undefined;
  retentionDaySeconds: number;
}

/** Blank values (e.g. `PUBLIC_URL=` in .dev.vars) count as unset. */
const unsetIfBlank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const BaseUrl = z
  .url({ protocol: /^https?$/ })
  .transform((u) => u.replace(/\/+$/, ""));

const SettingsSchema = z.object({
  PARTY_URL: z.preprocess(unsetIfBlank, BaseUrl.default("http://127.0.0.1:1999")),
  PARTY_PUBLIC_URL: z.preprocess(unsetIfBlank, BaseUrl.optional()),
  PARTY_SECRET: z.preprocess(unsetIfBlank, z.string().optional()),
  PUBLIC_URL: z.preprocess(unsetIfBlank, BaseUrl.optional()),
  RETENTION_DAY_SECONDS: z.preprocess(unsetIfBlank, z.coerce.number().int().positive().default(86400)),
});

const cache = new WeakMap<object, Settings>();

/**
 * The settings of this deployment. Throws a 500 {@link ApiError} (without details: they could
 * contain the secret) when a variable is malformed.
 */
export function getSettings(env: Partial<Env> | undefined): Settings {
  const source = env ?? {};
  const cached = cache.get(source);
  if (cached) return cached;
  const parsed = SettingsSchema.safeParse(source);
  if (!parsed.success) throw new ApiError(500, "server misconfigured");
  const s = parsed.data;
  const settings: Settings = {
    partyUrl: s.PARTY_URL,
    partyPublicUrl: s.PARTY_PUBLIC_URL ?? s.PARTY_URL,
    partySecret: s.PARTY_SECRET,
    publicUrl: s.PUBLIC_URL,
    retentionDaySeconds: s.RETENTION_DAY_SECONDS,
  };
  cache.set(source, settings);
  return settings;
}

/** Base for links handed out (join, facilitator, projector): PUBLIC_URL, else the request's origin. */
export function appBaseUrl(settings: Settings, requestUrl: string): string {
  return settings.publicUrl ?? new URL(requestUrl).origin;
}
