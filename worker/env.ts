/**
 * @module env
 * The Worker's bindings and its settings. Settings come from `[vars]` in wrangler.toml (or
 * `--var` / `.dev.vars` locally); they are validated once per `env` object with zod and given
 * defaults here, so no route reads `env` directly. Rooms are reached through `c.var.rooms`
 * (worker/rooms.ts), never through the bindings themselves, so tests can hand in their own.
 */
import { z } from "zod";
import type { JoinCodes } from "../party/join-codes";
import type { SessionRoom } from "../party/session-room";
import { ApiError } from "./errors";
import type { Rooms } from "./rooms";

/** What the runtime hands the Worker (all vars arrive as strings, or numbers from TOML). */
export interface Env {
  /** The session rooms: one Durable Object per room, named by the room id. */
  SESSION_ROOMS: DurableObjectNamespace<SessionRoom>;
  /** The join-code directory: one Durable Object per join code, named by the code. */
  JOIN_CODES: DurableObjectNamespace<JoinCodes>;
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
  /** Join-code look-ups per network address (`[[ratelimits]]` in wrangler.toml; worker/join-limit.ts). */
  JOIN_LOOKUPS: RateLimit;
}

/** Hono's environment type for every app and route module of the Worker. */
export interface AppEnv {
  Bindings: Env;
  Variables: { rooms: Rooms };
}

/** Validated settings with defaults applied. URLs carry no trailing slash. */
export interface Settings {
  publicUrl: string | undefined;
  retentionDaySeconds: number;
}

/** Blank values (e.g. `PUBLIC_URL=` in .dev.vars) count as unset. */
const unsetIfBlank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const BaseUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));

const SettingsSchema = z.object({
  PUBLIC_URL: z.preprocess(unsetIfBlank, BaseUrl.optional()),
  RETENTION_DAY_SECONDS: z.preprocess(unsetIfBlank, z.coerce.number().int().positive().default(86400)),
});

const cache = new WeakMap<object, Settings>();

/** The settings of this deployment. Throws a 500 {@link ApiError} (naming nothing) when a variable is malformed. */
export function getSettings(env: Partial<Env> | undefined): Settings {
  const source = env ?? {};
  const cached = cache.get(source);
  if (cached) return cached;
  const parsed = SettingsSchema.safeParse(source);
  if (!parsed.success) throw new ApiError(500, "misconfigured");
  const settings: Settings = { publicUrl: parsed.data.PUBLIC_URL, retentionDaySeconds: parsed.data.RETENTION_DAY_SECONDS };
  cache.set(source, settings);
  return settings;
}

/** Base for links handed out (join, facilitator, projector): PUBLIC_URL, else the request's origin. */
export function appBaseUrl(settings: Settings, requestUrl: string): string {
  return settings.publicUrl ?? new URL(requestUrl).origin;
}

/** The origins allowed to call the API and open room sockets from a browser: the app's own, and PUBLIC_URL's. */
export function allowedOrigins(env: Partial<Env> | undefined, requestUrl: string): string[] {
  const own = new URL(requestUrl).origin;
  const publicUrl = getSettings(env).publicUrl;
  return publicUrl ? [own, new URL(publicUrl).origin] : [own];
}
