/**
 * `GET /api/rooms/:roomId/summary` and `DELETE /api/rooms/:roomId` through `app.request` in plain
 * Node, against a small HTTP server that plays the rooms and the codes directory by the contract
 * of party/main.ts and party/codes.ts. The real stack runs in tests/integration/summary.test.ts.
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CodeRequestSchema, PARTY_SECRET_HEADER, RoomRequestSchema } from "../../core/api";
import { initialSession } from "../../core/session";
import { SUMMARY_CSS } from "../../core/summary/html";
import { SummarySchema } from "../../core/summary/schema";
import { getTemplate } from "../../core/templates/index";
import app from "../../worker/index";

const SECRET = "summary-route-secret-0123456789";
const KEY = "k".repeat(43);
const ROOM = "RoomRoomRoomRoomRoom01";
const CODE = "ACDEFG";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const template = { ...getTemplate("icmec-2")!, domains: getTemplate("icmec-2")!.domains.filter((d) => ["safety", "services-aaaq"].includes(d.id)) };
const publicConfig = {
  roomId: ROOM, joinCode: CODE, title: "Ünit test: Ward 7", facility: "Clinic A", facilities: ["Clinic A", "Clinic B"], k: 3,
  template, createdDay: "2026-11-27", expiresAt: 1_900_000_000_000,
};

/** Rooms (by id → key hash) and codes; every request is recorded as "party:op". */
class FakeParty {
  readonly log: string[] = [];
  readonly rooms = new Map<string, string>();
  readonly codes = new Map<string, string>();
  resetNext = 0;
  url = "";
  private server: Server | undefined;

  async start() {
    this.server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        if (this.resetNext > 0) return this.resetNext--, req.socket.destroy();
        const [, party = "", room = ""] = /^\/parties\/(main|codes)\/([^/]+)$/.exec(req.url ?? "") ?? [];
        const send = (status: number, body?: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(body === undefined ? undefined : JSON.stringify(body));
        };
        if (req.headers[PARTY_SECRET_HEADER] !== SECRET) return send(403, { error: "forbidden" });
        if (party === "codes") {
          const op = CodeRequestSchema.parse(JSON.parse(raw));
          this.log.push(`codes:${op.op}:${room}`);
          if (op.op === "release" && this.codes.get(room) === op.roomId) this.codes.delete(room);
          return send(204);
        }
        const op = RoomRequestSchema.parse(JSON.parse(raw));
        this.log.push(`main:${op.op}`);
        const hash = this.rooms.get(room);
        if (op.op === "create") return send(400);
        if (!hash) return send(404, { error: "no such room" });
        if (sha256(op.key) !== hash) return send(403, { error: "wrong facilitator key" });
        if (op.op === "summary") return send(200, { config: publicConfig, session: initialSession(template.domains.map((d) => d.id)), notes: {} });
        this.rooms.delete(room);
        return send(204);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop() {
    this.server?.closeAllConnections();
    return new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const party = new FakeParty();
beforeAll(() => party.start());
afterAll(() => party.stop());
beforeEach(() => {
  party.log.length = 0;
  party.resetNext = 0;
  party.rooms.set(ROOM, sha256(KEY));
  party.codes.set(CODE, ROOM);
});

const env = () => ({ PARTY_URL: party.url, PARTY_SECRET: SECRET, ASSETS: { fetch: async () => new Response("asset") } });
const bearer = (key = KEY) => ({ authorization: `Bearer ${key}` });
const get = (path: string, headers: Record<string, string> = bearer()) => app.request(path, { headers }, env());
const del = (path: string, headers: Record<string, string> = bearer()) => app.request(path, { method: "DELETE", headers }, env());
const summaryPath = (format?: string) => `/api/rooms/${ROOM}/summary${format ? `?format=${format}` : ""}`;

describe("GET /api/rooms/:roomId/summary", () => {
  it.each([
    ["json", "application/json; charset=utf-8", "attachment"],
    ["csv", "text/csv; charset=utf-8; header=present", "attachment"],
    ["md", "text/markdown; charset=utf-8", "attachment"],
    ["html", "text/html; charset=utf-8", "inline"],
  ])("%s: 200, its media type and file name, never cached", async (format, type, disposition) => {
    const res = await get(summaryPath(format));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("content-disposition")).toBe(`${disposition}; filename="candor-unit-test-ward-7-2026-11-27.${format}"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const body = await res.text();
    expect(body).toContain(format === "csv" ? "services-aaaq" : "Ward 7");
    // The key travels in a header to the Worker and in a body to the room; never in a URL.
    expect(body).not.toContain(KEY);
    expect(party.log).toEqual(["main:summary"]);
  });

  it("defaults to JSON that validates against the schema", async () => {
    const res = await get(summaryPath());
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const s = SummarySchema.parse(await res.json());
    expect(s.domains.map((d) => d.id)).toEqual(["safety", "services-aaaq"]);
  });

  it("HTML gets its own CSP: only its stylesheet, by hash; everything else keeps the app's CSP", async () => {
    const res = await get(summaryPath("html"));
    const hash = createHash("sha256").update(SUMMARY_CSS, "utf8").digest("base64");
    expect(res.headers.get("content-security-policy")).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    const html = await res.text();
    const [, style] = /<style>([\s\S]*?)<\/style>/.exec(html) ?? [];
    expect(createHash("sha256").update(style!, "utf8").digest("base64")).toBe(hash);
    for (const other of [await get(summaryPath("csv")), await get(summaryPath("html"), {})]) {
      expect(other.headers.get("content-security-policy")).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';/);
    }
  });

  it("401 without a usable Authorization header, 403 for a wrong key, 404 for an unknown room", async () => {
    const unusable: Record<string, string>[] = [{}, { authorization: `Basic ${KEY}` }, { authorization: "Bearer" }, { authorization: "Bearer a b" }];
    for (const headers of unusable) {
      const res = await get(summaryPath(), headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toEqual({ error: "facilitator key required" });
    }
    expect(party.log).toEqual([]);
    const wrong = await get(summaryPath(), bearer("w".repeat(43)));
    expect([wrong.status, await wrong.json()]).toEqual([403, { error: "wrong facilitator key" }]);
    const unknown = await get("/api/rooms/NoSuchRoomNoSuchRoom00/summary");
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "no such room" }]);
    expect((await get(summaryPath(), bearer("x".repeat(201)))).status).toBe(403);
  });

  it("400 for a bad format or room id, as JSON errors, without calling the room", async () => {
    for (const path of [summaryPath("pdf"), `${summaryPath("csv")}&format=md`, "/api/rooms/short/summary", "/api/rooms/RoomRoomRoomRoomRoom0!/summary"]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: expect.any(String), issues: expect.any(Array) });
    }
    expect(party.log).toEqual([]);
  });

  it("refuses a cross-site Origin, and retries a connection the room server reset", async () => {
    expect((await get(summaryPath(), { ...bearer(), origin: "https://evil.example" })).status).toBe(403);
    party.resetNext = 2;
    expect((await get(summaryPath("csv"))).status).toBe(200);
  });
});

describe("DELETE /api/rooms/:roomId", () => {
  it("reads the join code, frees it, erases the room: 204; then the summary is 404", async () => {
    const res = await del(`/api/rooms/${ROOM}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(party.log).toEqual(["main:summary", `codes:release:${CODE}`, "main:delete"]);
    expect(party.codes.has(CODE)).toBe(false);
    expect(party.rooms.has(ROOM)).toBe(false);
    expect((await get(summaryPath())).status).toBe(404);
    expect((await del(`/api/rooms/${ROOM}`)).status).toBe(404);
  });

  it("401 / 403 / 400 without erasing or freeing anything", async () => {
    expect((await del(`/api/rooms/${ROOM}`, {})).status).toBe(401);
    expect((await del(`/api/rooms/${ROOM}`, bearer("w".repeat(43)))).status).toBe(403);
    expect((await del("/api/rooms/short")).status).toBe(400);
    expect(party.log).toEqual(["main:summary"]);
    expect(party.rooms.has(ROOM) && party.codes.has(CODE)).toBe(true);
  });

  it("leaves other routes alone: creating a room still works, other methods on a room are JSON errors", async () => {
    const other = await app.request(`/api/rooms/${ROOM}`, { method: "PUT", headers: bearer() }, env());
    expect(other.status).toBeGreaterThanOrEqual(404);
    expect(await other.json()).toMatchObject({ error: expect.any(String) });
    expect(party.log).toEqual([]);
  });
});
