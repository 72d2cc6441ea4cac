/**
 * What the Worker's app tests share: the Hono app (worker/app.ts, never the runtime entry, which
 * needs `cloudflare:workers`) built with a {@link FakeRooms}, a stand-in for the ASSETS binding,
 * request helpers, and the security headers every answer carries.
 */
import { createHash } from "node:crypto";
import { expect } from "vitest";
import type { RoomRefusal } from "../../core/api";
import type { ApiErrorCode } from "../../core/refusals";
import { createApp } from "../../worker/app";
import { FakeRooms } from "./fake-rooms";

/** Each refusal a room can answer with, and the HTTP status and error the Worker turns it into. */
/** A room's refusal, the HTTP status it becomes, and the error body's `error` and `code`. */
export const REFUSALS: [RoomRefusal, number, string, ApiErrorCode][] = [
  ["no-room", 404, "no such room", "no-room"],
  ["wrong-key", 403, "wrong facilitator key", "wrong-key"],
  ["exists", 409, "room exists", "room-exists"],
  ["invalid", 502, "room service error", "room-service-error"],
  ["unreadable", 503, "room service unavailable", "unavailable"],
];

export const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** A page as vite builds it (shortened): the head, then the app's mount point. */
export const pageHtml = (page: string) =>
  `<!doctype html>\n<html lang="en">\n  <head>\n    <title>${page}</title>\n  </head>\n  <body>\n    <div id="app"></div>\n  </body>\n</html>\n`;

/** The built client as the ASSETS binding sees it: a few pages and a script, everything else 404. */
export class FakeAssets {
  /** The paths asked for, in order. */
  readonly requests: string[] = [];
  /** The headers of the last request. */
  lastHeaders = new Headers();
  /** The headers of the last request for each path. */
  readonly headersOf = new Map<string, Headers>();
  /** The build's map of the phone's strings (vite.config.ts); null (the default) for a build without one. */
  phoneStrings: Record<string, string> | null = null;

  readonly fetch = async (input: Request | string): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input.url);
    this.requests.push(url.pathname);
    this.lastHeaders = new Headers(typeof input === "string" ? undefined : input.headers);
    this.headersOf.set(url.pathname, this.lastHeaders);
    if (url.pathname === "/phone-strings.json" && this.phoneStrings) return Response.json(this.phoneStrings);
    const pages: Record<string, string> = {
      "/": "index",
      "/phone": "phone",
      "/projector": "projector",
      "/console": "console",
      "/toolkit": "toolkit",
    };
    const page = pages[url.pathname];
    if (page) {
      const html = pageHtml(page);
      return new Response(html, {
        headers: {
          "content-type": "text/html",
          "content-length": String(Buffer.byteLength(html)),
          etag: `"${page}-etag"`,
          "cache-control": "public, max-age=0, must-revalidate",
        },
      });
    }
    if (url.pathname === "/assets/app.js") return new Response("export {}", { headers: { "content-type": "text/javascript" } });
    return new Response("not found", { status: 404 });
  };
}

/**
 * The rate limiting binding (`JOIN_LOOKUPS`) as the platform's works for a fixed window: `limit`
 * look-ups per key, then refusals; `keys` records every key it was asked about.
 */
export class FakeLimiter {
  readonly keys: string[] = [];
  readonly #used = new Map<string, number>();
  constructor(public limitPerKey = 200) {}
  async limit({ key }: { key: string }): Promise<{ success: boolean }> {
    this.keys.push(key);
    const used = (this.#used.get(key) ?? 0) + 1;
    this.#used.set(key, used);
    return { success: used <= this.limitPerKey };
  }
}

/** The app with fresh fakes; call `reset()` before each test. */
export class WorkerHarness {
  rooms = new FakeRooms();
  assets = new FakeAssets();
  limiter = new FakeLimiter();
  readonly app = createApp(() => this.rooms);

  reset(): void {
    this.rooms = new FakeRooms();
    this.assets = new FakeAssets();
    this.limiter = new FakeLimiter();
  }

  env(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return { ASSETS: this.assets, JOIN_LOOKUPS: this.limiter, ...overrides };
  }

  async request(path: string, init: RequestInit = {}, overrides: Record<string, unknown> = {}): Promise<Response> {
    return this.app.request(path, init, this.env(overrides));
  }

  createRoom(body: unknown = { templateId: "icmec-2", title: "Ward review" }, overrides: Record<string, unknown> = {}): Promise<Response> {
    return this.request("/api/rooms", postJson(body), overrides);
  }
}

/** A JSON POST; a string body is sent as it is. */
export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

/** The app's CSP: rooms are at the app's own origin, so `connect-src` is only `'self'`. */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

export function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get("content-security-policy")).toBe(APP_CSP);
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
}
