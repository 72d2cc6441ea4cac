/**
 * The Worker's HTTP surface, through `app.request(path, init, env)` in plain Node. Routes that
 * reach PartyKit talk to a small real HTTP server on 127.0.0.1 that plays the codes directory and
 * the rooms (the downstream contract of core/api.ts); the end-to-end run against `partykit dev` and
 * `wrangler dev` lives in tests/integration.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { renderSVG } from "uqr";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { viewTicket } from "../../core/encoding";
import {
  CodeRequestSchema,
  CreateRoomResponseSchema,
  JOIN_CODE_ALPHABET,
  PARTY_SECRET_HEADER,
  PhoneBootSchema,
  RoomRequestSchema,
  type RoomConfig,
} from "../../core/api";
import { getTemplate } from "../../core/templates/index";
import app from "../../worker/index";
import { JOIN_LOOKUP_BUDGET_MS } from "../../worker/routes/pages";

const SECRET = "test-party-secret-0123456789";

type Recorded = { party: string; room: string; headers: IncomingMessage["headers"]; raw: string; body: unknown; outcome: string };

/**
 * A stand-in for PartyKit's `codes` and `main` parties: checks the shared secret and validates
 * every body with core/api's schemas, keeps claims and rooms in maps, and records each request.
 * `resetNext` destroys that many incoming sockets without answering (as `partykit dev` does to
 * kept-alive connections); `takenNext` answers that many claims with 409.
 */
class FakeParty {
  readonly requests: Recorded[] = [];
  readonly codes = new Map<string, { roomId: string; title: string; k: number; expiresAt: number }>();
  readonly rooms = new Map<string, RoomConfig>();
  resetNext = 0;
  takenNext = 0;
  /** Answer every lookup with this (status, body) instead, to test bad downstream answers. */
  lookupOverride: { status: number; body: string } | undefined;
  /** Answer creates with this status instead (and create nothing). */
  createStatus: number | undefined;
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (raw += chunk));
      req.on("end", () => {
        const match = /^\/parties\/(codes|main)\/([^/?]+)$/.exec(req.url ?? "");
        const party = match?.[1] ?? "";
        const room = decodeURIComponent(match?.[2] ?? "");
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          body = undefined;
        }
        const record: Recorded = { party, room, headers: req.headers, raw, body, outcome: "" };
        this.requests.push(record);
        if (this.resetNext > 0) {
          this.resetNext--;
          record.outcome = "reset";
          req.socket.destroy();
          return;
        }
        const [status, answer] = this.handle(req, party, room, body);
        record.outcome = String(status);
        res.writeHead(status, { "content-type": "application/json" });
        res.end(answer);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.codes.clear();
    this.rooms.clear();
    this.resetNext = 0;
    this.takenNext = 0;
    this.lookupOverride = undefined;
    this.createStatus = undefined;
  }

  private handle(req: IncomingMessage, party: string, room: string, body: unknown): [number, string] {
    if (req.method !== "POST") return [405, "{}"];
    if (req.headers[PARTY_SECRET_HEADER] !== SECRET) return [401, '{"error":"unauthorized"}'];
    if (req.headers["content-type"] !== "application/json") return [415, "{}"];
    if (party === "codes") {
      const parsed = CodeRequestSchema.safeParse(body);
      if (!parsed.success || !/^[A-Z0-9]{6}$/.test(room)) return [400, '{"error":"bad request"}'];
      const op = parsed.data;
      const held = this.codes.get(room);
      switch (op.op) {
        case "claim":
          if (this.takenNext > 0) {
            this.takenNext--;
            return [409, '{"error":"taken"}'];
          }
          if (held && held.roomId !== op.roomId) return [409, '{"error":"taken"}'];
          this.codes.set(room, { roomId: op.roomId, title: op.title, k: op.k, expiresAt: op.expiresAt });
          return [201, '{"ok":true}'];
        case "lookup":
          if (this.lookupOverride) return [this.lookupOverride.status, this.lookupOverride.body];
          return held ? [200, JSON.stringify({ roomId: held.roomId, title: held.title, k: held.k })] : [404, '{"error":"unknown"}'];
        case "release":
          if (held?.roomId === op.roomId) this.codes.delete(room);
          return [200, '{"ok":true}'];
      }
    }
    if (party === "main") {
      const parsed = RoomRequestSchema.safeParse(body);
      if (!parsed.success || parsed.data.op !== "create" || parsed.data.config.roomId !== room) return [400, '{"error":"bad request"}'];
      if (this.createStatus) return [this.createStatus, '{"error":"failed"}'];
      if (this.rooms.has(room)) return [409, '{"error":"exists"}'];
      this.rooms.set(room, parsed.data.config);
      return [201, '{"ok":true}'];
    }
    return [404, "{}"];
  }
}

const party = new FakeParty();

/** The built client as the ASSETS binding sees it: a few pages, everything else 404. */
const assetRequests: string[] = [];
/** The headers of the last request to ASSETS. */
let assetHeaders = new Headers();
/** A page as vite builds it (shortened): the head, then the app's mount point. */
const pageHtml = (page: string) =>
  `<!doctype html>\n<html lang="en">\n  <head>\n    <title>${page}</title>\n  </head>\n  <body>\n    <div id="app"></div>\n  </body>\n</html>\n`;
const ASSETS = {
  async fetch(input: Request | string): Promise<Response> {
    const url = new URL(typeof input === "string" ? input : input.url);
    assetRequests.push(url.pathname);
    assetHeaders = new Headers(typeof input === "string" ? undefined : input.headers);
    const pages: Record<string, string> = { "/": "index", "/phone": "phone", "/projector": "projector", "/console": "console" };
    const page = pages[url.pathname];
    if (page) {
      const html = pageHtml(page);
      return new Response(html, {
        headers: { "content-type": "text/html", "content-length": String(Buffer.byteLength(html)), etag: `"${page}-etag"`, "cache-control": "public, max-age=0, must-revalidate" },
      });
    }
    if (url.pathname === "/assets/app.js") return new Response("export {}", { headers: { "content-type": "text/javascript" } });
    return new Response("not found", { status: 404 });
  },
} as unknown as Fetcher;

function testEnv(overrides: Record<string, unknown> = {}) {
  return { PARTY_URL: party.url, PARTY_SECRET: SECRET, ASSETS, ...overrides };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

async function createRoom(body: unknown = { templateId: "icmec-2", title: "Ward review" }, env = testEnv()) {
  return app.request("/api/rooms", json(body), env);
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function expectSecurityHeaders(res: Response, partyOrigin = party.url) {
  const ws = partyOrigin.replace(/^http/, "ws");
  expect(res.headers.get("content-security-policy")).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
      `connect-src 'self' ${partyOrigin} ${ws}; font-src 'self'; manifest-src 'self'; base-uri 'none'; ` +
      "form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  );
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
}

beforeAll(() => party.start());
afterAll(() => party.stop());
beforeEach(() => {
  party.reset();
  assetRequests.length = 0;
});

describe("meta and templates", () => {
  it("GET /api/health answers ok, uncached, with the security headers", async () => {
    const res = await app.request("/api/health", {}, testEnv());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders(res);
  });

  it("GET /api/config gives the public PartyKit URL, which the CSP allows as http(s) and ws(s)", async () => {
    const res = await app.request("/api/config", {}, testEnv({ PARTY_PUBLIC_URL: "https://candor.example.partykit.dev/" }));
    expect(await res.json()).toEqual({ partyUrl: "https://candor.example.partykit.dev" });
    expect(res.headers.get("content-security-policy")).toContain(
      "connect-src 'self' https://candor.example.partykit.dev wss://candor.example.partykit.dev;",
    );
    const fallback = await app.request("/api/config", {}, testEnv());
    expect(await fallback.json()).toEqual({ partyUrl: party.url });
  });

  it("lists the two built-in templates", async () => {
    const res = await app.request("/api/templates", {}, testEnv());
    expect(res.status).toBe(200);
    const list = (await res.json()) as { id: string; title: string; domains: number }[];
    expect(list.map((t) => [t.id, t.domains])).toEqual([
      ["icmec-2", 12],
      ["workshop-check", getTemplate("workshop-check")?.domains.length],
    ]);
    for (const t of list) expect(t.title).toEqual(expect.any(String));
  });

  it("serves one template's JSON and 404s an unknown one", async () => {
    const res = await app.request("/api/templates/icmec-2", {}, testEnv());
    expect(res.status).toBe(200);
    const t = (await res.json()) as { id: string; domains: { id: string; items: unknown[]; rating: { scale: string } }[] };
    expect(t.id).toBe("icmec-2");
    expect(t.domains).toHaveLength(12);
    expect(t.domains[0]?.rating.scale).toBe("likert5");

    const missing = await app.request("/api/templates/nope", {}, testEnv());
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "unknown template" });
    expectSecurityHeaders(missing);
  });

  it("answers unknown API paths with a JSON 404 and wrong methods with a JSON 405 and Allow", async () => {
    const missing = await app.request("/api/nope", {}, testEnv());
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found" });
    expect(missing.headers.get("cache-control")).toBe("no-store");

    const put = await app.request("/api/health", { method: "PUT", headers: { "content-type": "application/json" }, body: "{}" }, testEnv());
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD");
    expect(await put.json()).toEqual({ error: "method not allowed" });

    const get = await app.request("/api/rooms", {}, testEnv());
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expectSecurityHeaders(get);

    const del = await app.request("/api/join/ACDEFG", { method: "DELETE" }, testEnv());
    expect(del.status).toBe(405);
  });
});

describe("POST /api/rooms", () => {
  it("creates a room: 201 with every field, the key only in the facilitator URL's fragment", async () => {
    const res = await createRoom();
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders(res);
    const body = CreateRoomResponseSchema.parse(await res.json());
    expect(body.roomId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(body.joinUrl).toBe(`http://localhost/j/${body.joinCode}`);
    // The projector's view ticket: HMAC of the room secret the room was created with, in the fragment.
    const create = party.requests.find((r) => (r.body as { op: string }).op === "create")!.body as { config: { secret: string } };
    const config = create.config;
    expect(body.projectorUrl).toBe(`http://localhost/p/${body.roomId}#view=${await viewTicket(config.secret)}`);
    expect(body.facilitatorUrl).toBe(`http://localhost/f/${body.roomId}#key=${body.facilitatorKey}`);
    const facilitator = new URL(body.facilitatorUrl);
    expect(facilitator.search).toBe("");
    expect(facilitator.pathname).not.toContain(body.facilitatorKey);
    for (const u of [body.joinUrl, body.projectorUrl]) expect(u).not.toContain(body.facilitatorKey);
  });

  it("claims the code, then creates the room with keyHash = sha256(key) and never the key itself", async () => {
    const before = Date.now();
    const res = await createRoom({ templateId: "icmec-2", title: "Ward review", facility: "North clinic", facilities: ["Shelter"], k: 4 });
    const body = CreateRoomResponseSchema.parse(await res.json());

    expect(party.requests.map((r) => [r.party, r.room, (r.body as { op: string }).op])).toEqual([
      ["codes", body.joinCode, "claim"],
      ["main", body.roomId, "create"],
    ]);
    for (const r of party.requests) {
      expect(r.headers[PARTY_SECRET_HEADER]).toBe(SECRET);
      expect(r.headers["content-type"]).toBe("application/json");
      // The key appears nowhere the room or the directory can see: not in a body, URL or header.
      expect(r.raw).not.toContain(body.facilitatorKey);
      expect(JSON.stringify(r.headers)).not.toContain(body.facilitatorKey);
    }
    const claim = party.requests[0]?.body as { roomId: string; title: string; expiresAt: number };
    expect(claim).toMatchObject({ roomId: body.roomId, title: "Ward review", k: 4 });

    const config = party.rooms.get(body.roomId);
    if (!config) throw new Error("room not created");
    expect(config.keyHash).toBe(sha256(body.facilitatorKey));
    expect(config.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(config.secret).not.toBe(body.facilitatorKey);
    expect(config).toMatchObject({ roomId: body.roomId, joinCode: body.joinCode, title: "Ward review", facility: "North clinic", k: 4 });
    expect(config.facilities).toEqual(["North clinic", "Shelter"]);
    expect(config.createdDay).toBe(new Date().toISOString().slice(0, 10));
    expect(config.expiresAt).toBe(claim.expiresAt);
    expect(config.expiresAt).toBeGreaterThanOrEqual(before + 30 * 86400 * 1000);
    expect(config.expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 86400 * 1000);
    expect(config.template.domains).toHaveLength(12);
  });

  it("defaults: all domains, k = 5, the title as the first facility; RETENTION_DAY_SECONDS scales the expiry", async () => {
    const before = Date.now();
    const res = await createRoom({ templateId: "workshop-check", title: "Tuesday", retentionDays: 3 }, testEnv({ RETENTION_DAY_SECONDS: "2" }));
    const body = CreateRoomResponseSchema.parse(await res.json());
    const config = party.rooms.get(body.roomId);
    expect(config?.k).toBe(5);
    expect(config?.facility).toBeNull();
    expect(config?.facilities).toEqual(["Tuesday"]);
    expect(config?.template).toEqual(getTemplate("workshop-check"));
    expect(config?.expiresAt).toBeGreaterThanOrEqual(before + 3 * 2 * 1000);
    expect(config?.expiresAt).toBeLessThanOrEqual(Date.now() + 3 * 2 * 1000);
  });

  it("cuts the template to the chosen domains, in the template's order, keeping the scales", async () => {
    const res = await createRoom({ templateId: "icmec-2", title: "Short", domainIds: ["services-aaaq", "protocol", "safety"] });
    const body = CreateRoomResponseSchema.parse(await res.json());
    const t = party.rooms.get(body.roomId)?.template;
    expect(t?.domains.map((d) => d.id)).toEqual(["protocol", "safety", "services-aaaq"]);
    expect(Object.keys(t?.scales ?? {}).sort()).toEqual(["aaaq3", "likert5"]);
    expect(t?.id).toBe("icmec-2");
  });

  it("draws a new join code when the directory answers 409", async () => {
    party.takenNext = 2;
    const res = await createRoom();
    expect(res.status).toBe(201);
    const body = CreateRoomResponseSchema.parse(await res.json());
    const claims = party.requests.filter((r) => r.party === "codes");
    expect(claims.map((r) => r.outcome)).toEqual(["409", "409", "201"]);
    expect(claims[2]?.room).toBe(body.joinCode);
    expect(party.codes.get(body.joinCode)?.roomId).toBe(body.roomId);
  });

  it("gives up with 503 after five taken codes, and creates no room", async () => {
    party.takenNext = 5;
    const res = await createRoom();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "no free join code, try again" });
    expect(party.requests.filter((r) => r.party === "codes")).toHaveLength(5);
    expect(party.rooms.size).toBe(0);
  });

  it("retries a call whose connection was reset", async () => {
    party.resetNext = 1;
    const res = await createRoom();
    expect(res.status).toBe(201);
    expect(party.requests.map((r) => r.outcome)).toEqual(["reset", "201", "201"]);
    expect(party.rooms.size).toBe(1);
  });

  it("404s an unknown template", async () => {
    const res = await createRoom({ templateId: "nope", title: "x" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "unknown template" });
    expect(party.requests).toHaveLength(0);
  });

  it.each([
    ["missing title", { templateId: "icmec-2" }, "title"],
    ["blank title", { templateId: "icmec-2", title: "   " }, "title"],
    ["k below 3", { templateId: "icmec-2", title: "x", k: 2 }, "k"],
    ["unknown domain", { templateId: "icmec-2", title: "x", domainIds: ["protocol", "astrology"] }, "domainIds.1"],
    ["extra key", { templateId: "icmec-2", title: "x", admin: true }, ""],
    ["array body", [1, 2], ""],
  ])("400 with issues for a bad body: %s", async (_name, input, path) => {
    const res = await createRoom(input);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe("invalid request");
    expect(body.issues.map((i) => i.path)).toContain(path);
    for (const i of body.issues) expect(i.message).toEqual(expect.any(String));
    expect(party.requests).toHaveLength(0);
  });

  it("names the unrecognised key", async () => {
    const res = await createRoom({ templateId: "icmec-2", title: "x", admin: true });
    const body = (await res.json()) as { issues: { message: string }[] };
    expect(body.issues[0]?.message).toContain("admin");
  });

  it("400 for malformed JSON, without the parser's text", async () => {
    const res = await createRoom('{"templateId": "icmec-2", ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "malformed JSON" });
  });

  it("413 for a 17 KB body", async () => {
    const res = await createRoom({ templateId: "icmec-2", title: "x", pad: "a".repeat(17 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "request body too large" });
    expectSecurityHeaders(res);
    expect(party.requests).toHaveLength(0);
  });

  it("413 also when the declared length is too large", async () => {
    const res = await app.request(
      "/api/rooms",
      { ...json({ templateId: "icmec-2", title: "x", pad: "a".repeat(17 * 1024) }), headers: { "content-type": "application/json", "content-length": String(17 * 1024 + 40) } },
      testEnv(),
    );
    expect(res.status).toBe(413);
  });

  it.each([
    ["a form", "application/x-www-form-urlencoded"],
    ["text/plain", "text/plain"],
    ["multipart", "multipart/form-data; boundary=x"],
  ])("415 for %s", async (_name, type) => {
    const res = await app.request("/api/rooms", { method: "POST", headers: { "content-type": type }, body: "templateId=icmec-2&title=x" }, testEnv());
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: "content type must be application/json" });
    expect(party.requests).toHaveLength(0);
  });

  it("415 without a content type; a charset parameter is fine", async () => {
    const none = await app.request("/api/rooms", { method: "POST", body: "{}" }, testEnv());
    expect(none.status).toBe(415);
    const charset = await app.request(
      "/api/rooms",
      { method: "POST", headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify({ templateId: "icmec-2", title: "x" }) },
      testEnv(),
    );
    expect(charset.status).toBe(201);
  });

  it("403 for a cross-site Origin, on every API route; the own origin and PUBLIC_URL's are allowed", async () => {
    const evil = { origin: "https://evil.example" };
    const post = await app.request("/api/rooms", json({ templateId: "icmec-2", title: "x" }, evil), testEnv());
    expect(post.status).toBe(403);
    expect(await post.json()).toEqual({ error: "cross-origin request refused" });
    expectSecurityHeaders(post);
    expect(party.requests).toHaveLength(0);
    for (const path of ["/api/health", "/api/templates", "/api/join/ACDEFG", "/api/nope"]) {
      expect((await app.request(path, { headers: evil }, testEnv())).status).toBe(403);
    }
    expect((await app.request("/api/health", { headers: { origin: "null" } }, testEnv())).status).toBe(403);
    expect((await app.request("/api/health", { headers: { origin: "http://localhost.evil.example" } }, testEnv())).status).toBe(403);

    const own = await app.request("/api/rooms", json({ templateId: "icmec-2", title: "x" }, { origin: "http://localhost" }), testEnv());
    expect(own.status).toBe(201);
    const pub = await app.request(
      "/api/rooms",
      json({ templateId: "icmec-2", title: "x" }, { origin: "https://candor.example.org" }),
      testEnv({ PUBLIC_URL: "https://candor.example.org/" }),
    );
    expect(pub.status).toBe(201);
    const body = CreateRoomResponseSchema.parse(await pub.json());
    expect(body.joinUrl).toBe(`https://candor.example.org/j/${body.joinCode}`);
  });

  it("503 JSON without PARTY_SECRET", async () => {
    const res = await createRoom(undefined, testEnv({ PARTY_SECRET: undefined }));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "room service not configured" });
    expect(party.requests).toHaveLength(0);
  });

  it("503 JSON when PartyKit is down (after retrying)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await createRoom(undefined, testEnv({ PARTY_URL: `http://127.0.0.1:${port}` }));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "room service unavailable" });
    expectSecurityHeaders(res, `http://127.0.0.1:${port}`);
  });

  it.each([
    [500, 503, "room service unavailable"],
    [400, 502, "room service error"],
  ])("when the room answers %i: %i, and the claimed code is released", async (roomStatus, status, error) => {
    party.createStatus = roomStatus;
    const res = await createRoom();
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error });
    expect(party.requests.map((r) => (r.body as { op: string }).op)).toEqual(["claim", "create", "release"]);
    expect(party.requests[2]?.room).toBe(party.requests[0]?.room);
    expect(party.codes.size).toBe(0);
  });
});

describe("join", () => {
  async function aRoom() {
    return CreateRoomResponseSchema.parse(await (await createRoom({ templateId: "icmec-2", title: "Ward review" })).json());
  }

  it("GET /api/join/:code → the room and its title; codes are normalised", async () => {
    const room = await aRoom();
    const res = await app.request(`/api/join/${room.joinCode}`, {}, testEnv());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ roomId: room.roomId, title: "Ward review", k: 5 });
    expectSecurityHeaders(res);
    const typed = `${room.joinCode.slice(0, 3)}-${room.joinCode.slice(3)}`.toLowerCase();
    const loose = await app.request(`/api/join/${typed}`, {}, testEnv());
    expect(await loose.json()).toEqual({ roomId: room.roomId, title: "Ward review", k: 5 });
    expect(party.requests.at(-1)?.room).toBe(room.joinCode);
  });

  it("404 for an unknown code, 400 for something that is not a code", async () => {
    const unknown = await app.request("/api/join/ACDEFG", {}, testEnv());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "unknown join code" });

    for (const bad of ["ABC", "ACDEFGH", "0OOOOO", "ab%20cd"]) {
      const res = await app.request(`/api/join/${bad}`, {}, testEnv());
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as { error: string; issues: { path: string }[] };
      expect(body.error).toBe("invalid request");
      expect(body.issues[0]?.path).toBe("code");
    }
    expect(party.requests.filter((r) => (r.body as { op: string }).op === "lookup")).toHaveLength(1);
  });

  it("502 when the directory answers something that isn't a room", async () => {
    party.lookupOverride = { status: 200, body: '{"roomId":"short"}' };
    const res = await app.request("/api/join/ACDEFG", {}, testEnv());
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: "room service error" });
  });

  it("retries a lookup after a connection reset", async () => {
    const room = await aRoom();
    party.requests.length = 0;
    party.resetNext = 2;
    const res = await app.request(`/api/join/${room.joinCode}`, {}, testEnv());
    expect(res.status).toBe(200);
    expect(party.requests.map((r) => r.outcome)).toEqual(["reset", "reset", "200"]);
  });

  it("GET /api/join/:code/qr.svg → an SVG QR code of the join URL", async () => {
    const room = await aRoom();
    const res = await app.request(`/api/join/${room.joinCode.toLowerCase()}/qr.svg`, {}, testEnv());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expectSecurityHeaders(res);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`aria-label="QR code to join with code ${room.joinCode}"`);
    // The same modules as the reference encoder gives for the join URL.
    const expected = renderSVG(room.joinUrl, { ecc: "M", border: 4, pixelSize: 8 });
    const d = (s: string) => /<path[^>]* d="([^"]+)"/.exec(s)?.[1];
    expect(d(svg)).toBe(d(expected));
    expect(d(svg)?.length).toBeGreaterThan(100);
  });

  it("qr.svg: 404 for an unknown code, 400 for a non-code", async () => {
    const res = await app.request("/api/join/ACDEFG/qr.svg", {}, testEnv());
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await app.request("/api/join/nope/qr.svg", {}, testEnv())).status).toBe(400);
  });
});

describe("pages and assets", () => {
  it.each([
    ["/j/ACDEFG", "/phone"],
    ["/join", "/phone"],
    ["/p/AAAAAAAAAAAAAAAAAAAAAA", "/projector"],
    ["/f/AAAAAAAAAAAAAAAAAAAAAA", "/console"],
  ])("%s serves %s.html with the security headers", async (path, asset) => {
    const res = await app.request(path, {}, testEnv());
    expect(res.status).toBe(200);
    expect(assetRequests).toEqual([asset]);
    expect(await res.text()).toContain(`<title>${asset.slice(1)}</title>`);
    expectSecurityHeaders(res);
    if (path !== "/join") expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    // The join link's page is per code (it embeds the room): never cached. The others keep the assets' header.
    expect(res.headers.get("cache-control")).toBe(path.startsWith("/j/") ? "no-store" : "public, max-age=0, must-revalidate");
  });

  it("passes everything else to the assets, with the security headers, 404s included", async () => {
    const home = await app.request("/", {}, testEnv());
    expect(home.status).toBe(200);
    expectSecurityHeaders(home);
    const script = await app.request("/assets/app.js", {}, testEnv());
    expect(script.headers.get("content-type")).toBe("text/javascript");
    expectSecurityHeaders(script);
    const missing = await app.request("/nope.png", {}, testEnv());
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect(assetRequests).toEqual(["/", "/assets/app.js", "/nope.png"]);
  });

  it("HEAD works for pages; other methods are 405", async () => {
    const head = await app.request("/j/ACDEFG", { method: "HEAD" }, testEnv());
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const post = await app.request("/j/ACDEFG", { method: "POST" }, testEnv());
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expectSecurityHeaders(post);
  });

  it("an unexpected failure is a JSON 500 that leaks nothing", async () => {
    const broken = { fetch: () => Promise.reject(new Error("secret detail at /srv/x")) } as unknown as Fetcher;
    const res = await app.request("/", {}, testEnv({ ASSETS: broken }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "internal error" });
    expectSecurityHeaders(res);
  });

  it("a malformed setting is a JSON 500 that names nothing", async () => {
    const res = await app.request("/api/config", {}, testEnv({ PARTY_URL: "not a url", PARTY_SECRET: "s3cret" }));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: "server misconfigured" });
    expect(text).not.toContain("s3cret");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("the join link's page carries its room (GET /j/:code)", () => {
  const BLOCK = /<script type="application\/json" id="candor-join">([^<]*)<\/script>/;
  const ROOM_ID = "AAAAAAAAAAAAAAAAAAAAAA";

  /** The data block's parsed content, or null when the page has none; checks it sits in the head. */
  function bootOf(html: string): unknown {
    const m = BLOCK.exec(html);
    if (!m) {
      expect(html).not.toContain("candor-join");
      return null;
    }
    expect(html.indexOf(m[0])).toBeLessThan(html.indexOf("</head>"));
    expect(html.replace(m[0], "")).toBe(pageHtml("phone")); // nothing else changed
    return JSON.parse(m[1]!);
  }

  it("a known code: the room and the public PartyKit URL, valid for the phone's schema, no-store, with the CSP", async () => {
    const room = CreateRoomResponseSchema.parse(await (await createRoom({ templateId: "icmec-2", title: "Ward review", k: 4 })).json());
    party.requests.length = 0;
    const res = await app.request(`/j/${room.joinCode}`, {}, testEnv({ PARTY_PUBLIC_URL: "https://candor.example.partykit.dev" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    // The body is not the file any more: no stale validator, and a length (if any) that fits.
    expect(res.headers.get("etag")).toBeNull();
    expectSecurityHeaders(res, "https://candor.example.partykit.dev");
    const html = await res.text();
    const length = res.headers.get("content-length");
    if (length !== null) expect(Number(length)).toBe(Buffer.byteLength(html));
    const boot = PhoneBootSchema.parse(bootOf(html));
    expect(boot).toEqual({ roomId: room.roomId, title: "Ward review", k: 4, partyUrl: "https://candor.example.partykit.dev" });
    expect(party.requests.map((r) => [r.party, r.room, r.body])).toEqual([["codes", room.joinCode, { op: "lookup" }]]);
    expect(assetRequests.at(-1)).toBe("/phone");
  });

  it("codes are normalised as the phone does; without PARTY_PUBLIC_URL the block has PARTY_URL", async () => {
    party.codes.set("ACDEFG", { roomId: ROOM_ID, title: "Ward review", k: 5, expiresAt: Date.now() + 60_000 });
    const res = await app.request("/j/acd-efg", {}, testEnv());
    expect(bootOf(await res.text())).toEqual({ roomId: ROOM_ID, title: "Ward review", k: 5, partyUrl: party.url });
  });

  it("escapes the title so it can't end the block: </script>, <!--, quotes, &, $-patterns, U+2028 and U+2029", async () => {
    const title = `</script><script>alert(1)</script> "quoted" <!-- & $& $' \u2028 \u2029 </SCRIPT >`;
    party.codes.set("ACDEFG", { roomId: ROOM_ID, title, k: 5, expiresAt: Date.now() + 60_000 });
    const html = await (await app.request("/j/ACDEFG", {}, testEnv())).text();
    // One script element, ours; the title's markup never reaches the HTML as markup.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain("alert(1)</script>");
    expect(html).not.toContain("<!--");
    expect(html).not.toMatch(/[\u2028\u2029]/);
    const m = BLOCK.exec(html);
    expect(m?.[1]).toMatch(/^[\x20-\x7e]*$/); // plain ASCII, no < > & left
    expect(m?.[1]).not.toMatch(/[<>&]/);
    expect(m?.[1]).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    // ...and reads back as exactly the title.
    expect(PhoneBootSchema.parse(bootOf(html)).title).toBe(title);
  });

  it("an unknown code: the page without the block (the phone then says the code is unknown)", async () => {
    const res = await app.request("/j/ACDEFG", {}, testEnv());
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(bootOf(await res.text())).toBeNull();
    expect(party.requests.map((r) => r.outcome)).toEqual(["404"]);
  });

  it("something that is not a code: the page without the block, and no lookup", async () => {
    for (const path of ["/j/nope", "/j/0OOOOO", "/j/ACDEFGH"]) {
      const res = await app.request(path, {}, testEnv());
      expect(res.status, path).toBe(200);
      expect(bootOf(await res.text())).toBeNull();
    }
    expect(party.requests).toHaveLength(0);
  });

  it("PartyKit down, failing, answering nonsense or not configured: the page without the block", async () => {
    party.codes.set("ACDEFG", { roomId: ROOM_ID, title: "Ward review", k: 5, expiresAt: Date.now() + 60_000 });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const envs = [
      testEnv({ PARTY_URL: `http://127.0.0.1:${port}` }),
      testEnv({ PARTY_SECRET: undefined }),
      testEnv({ PARTY_URL: "not a url" }),
    ];
    for (const env of envs) {
      const res = await app.request("/j/ACDEFG", {}, env);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(bootOf(await res.text())).toBeNull();
    }
    for (const answer of [{ status: 500, body: "{}" }, { status: 200, body: '{"roomId":"short"}' }, { status: 200, body: "not json" }]) {
      party.lookupOverride = answer;
      expect(bootOf(await (await app.request("/j/ACDEFG", {}, testEnv())).text())).toBeNull();
    }
  });

  it("PartyKit hanging: the page goes out without the block once the lookup's budget is spent", async () => {
    const hanging = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const res = await app.request("/j/ACDEFG", {}, testEnv({ PARTY_URL: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}` }));
      const took = Date.now() - started;
      expect(bootOf(await res.text())).toBeNull();
      expect(took).toBeGreaterThanOrEqual(JOIN_LOOKUP_BUDGET_MS - 50);
      expect(took).toBeLessThan(JOIN_LOOKUP_BUDGET_MS + 2_000);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it("asks the assets for the whole file (no conditional or range headers); HEAD makes no lookup", async () => {
    party.codes.set("ACDEFG", { roomId: ROOM_ID, title: "Ward review", k: 5, expiresAt: Date.now() + 60_000 });
    const res = await app.request("/j/ACDEFG", { headers: { "if-none-match": '"phone-etag"', "if-modified-since": new Date().toUTCString(), range: "bytes=0-10", "accept-language": "en" } }, testEnv());
    expect(res.status).toBe(200);
    expect(bootOf(await res.text())).not.toBeNull();
    expect([...assetHeaders.keys()].filter((k) => k.startsWith("if-") || k === "range")).toEqual([]);
    expect(assetHeaders.get("accept-language")).toBe("en");

    party.requests.length = 0;
    const head = await app.request("/j/ACDEFG", { method: "HEAD" }, testEnv());
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get("cache-control")).toBe("no-store");
    expect(party.requests).toHaveLength(0);
  });
});
