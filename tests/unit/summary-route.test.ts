/**
 * `GET /api/rooms/:roomId/summary` and `DELETE /api/rooms/:roomId` through `app.request` in plain
 * Node, against the in-memory rooms and directory (tests/unit/fake-rooms.ts), which check the
 * facilitator key against the room's hash as the real room does. The real stack runs in
 * tests/integration/summary.test.ts.
 */
import { fromLegacyNames } from "../../core/facilities";
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { RoomConfig } from "../../core/api";
import { SUMMARY_CSS } from "../../core/summary/html";
import { SummarySchema } from "../../core/summary/schema";
import { getTemplate } from "../../core/templates/index";
import { sha256, WorkerHarness } from "./worker-harness";

const KEY = "k".repeat(43);
const ROOM = "RoomRoomRoomRoomRoom01";
const CODE = "ACDEFG";

const icmec = getTemplate("icmec-2")!;
const config: RoomConfig = {
  roomId: ROOM,
  joinCode: CODE,
  title: "Ünit test: Ward 7",
  facility: "Clinic A",
  facilities: fromLegacyNames(["Clinic A", "Clinic B"], "Clinic A"),
  k: 3,
  keyHash: sha256(KEY),
  secret: "s".repeat(43),
  template: { ...icmec, domains: icmec.domains.filter((d) => ["safety", "services-aaaq"].includes(d.id)) },
  createdDay: "2026-11-27",
  expiresAt: 1_900_000_000_000,
};

const w = new WorkerHarness();
beforeEach(() => {
  w.reset();
  w.rooms.seed(config);
});

const bearer = (key = KEY) => ({ authorization: `Bearer ${key}` });
const get = (path: string, headers: Record<string, string> = bearer()) => w.request(path, { headers });
const del = (path: string, headers: Record<string, string> = bearer()) => w.request(path, { method: "DELETE", headers });
const summaryPath = (format?: string) => `/api/rooms/${ROOM}/summary${format ? `?format=${format}` : ""}`;
const roomPath = `/api/rooms/${ROOM}`;

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
    // The key goes to the room (which checks it) and nowhere else: not into the report.
    expect(body).not.toContain(KEY);
    expect(w.rooms.calls).toEqual([{ op: "room.summary", name: ROOM, args: [KEY] }]);
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
    const [, style] = /<style>([\s\S]*?)<\/style>/.exec(await res.text()) ?? [];
    expect(createHash("sha256").update(style!, "utf8").digest("base64")).toBe(hash);
    for (const other of [await get(summaryPath("csv")), await get(summaryPath("html"), {})]) {
      expect(other.headers.get("content-security-policy")).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';/);
    }
  });

  it("401 without a usable Authorization header, 403 for a wrong key, 404 for an unknown room", async () => {
    const unusable: Record<string, string>[] = [
      {},
      { authorization: `Basic ${KEY}` },
      { authorization: "Bearer" },
      { authorization: "Bearer a b" },
    ];
    for (const headers of unusable) {
      const res = await get(summaryPath(), headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toEqual({ error: "facilitator key required", code: "key-required" });
    }
    // A key over 200 characters can't be right: refused without asking the room.
    expect((await get(summaryPath(), bearer("x".repeat(201)))).status).toBe(403);
    expect(w.rooms.calls).toEqual([]);
    const wrong = await get(summaryPath(), bearer("w".repeat(43)));
    expect([wrong.status, await wrong.json()]).toEqual([403, { error: "wrong facilitator key", code: "wrong-key" }]);
    const unknown = await get("/api/rooms/NoSuchRoomNoSuchRoom00/summary");
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "no such room", code: "no-room" }]);
  });

  it("400 for a bad format or room id, as JSON errors, without calling the room", async () => {
    for (const path of [
      summaryPath("pdf"),
      `${summaryPath("csv")}&format=md`,
      "/api/rooms/short/summary",
      "/api/rooms/RoomRoomRoomRoomRoom0!/summary",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: expect.any(String), issues: expect.any(Array) });
    }
    expect(w.rooms.calls).toEqual([]);
  });

  it("403 for a cross-site Origin, without calling the room", async () => {
    const res = await get(summaryPath(), { ...bearer(), origin: "https://evil.example" });
    expect([res.status, await res.json()]).toEqual([403, { error: "cross-origin request refused", code: "cross-origin" }]);
    expect(w.rooms.calls).toEqual([]);
  });

  it("502 when the room's answer is not a summary input; 503 when it fails or is unreadable", async () => {
    w.rooms.answerNext("room.summary", { ok: true, value: { config: { roomId: ROOM }, session: {}, notes: {} } });
    const odd = await get(summaryPath());
    expect([odd.status, await odd.json()]).toEqual([502, { error: "room service error", code: "room-service-error" }]);
    w.rooms.throwNext("room.summary");
    w.rooms.refuseNext("room.summary", "unreadable");
    for (let i = 0; i < 2; i++) {
      const down = await get(summaryPath());
      expect([down.status, await down.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    }
  });
});

describe("DELETE /api/rooms/:roomId", () => {
  it("reads the join code (checking the key), frees it, then erases the room: 204; then the room is gone", async () => {
    const res = await del(roomPath);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(w.rooms.calls).toEqual([
      { op: "room.joinCode", name: ROOM, args: [KEY] },
      { op: "code.release", name: CODE, args: [ROOM] },
      { op: "room.erase", name: ROOM, args: [KEY] },
    ]);
    expect(w.rooms.codes.has(CODE)).toBe(false);
    expect(w.rooms.configs.has(ROOM)).toBe(false);
    expect((await get(summaryPath())).status).toBe(404);
    expect((await del(roomPath)).status).toBe(404);
    expect((await w.request(`/api/join/${CODE}`)).status).toBe(404);
  });

  it("401 / 403 / 400 without freeing or erasing anything", async () => {
    expect((await del(roomPath, {})).status).toBe(401);
    const wrong = await del(roomPath, bearer("w".repeat(43)));
    expect([wrong.status, await wrong.json()]).toEqual([403, { error: "wrong facilitator key", code: "wrong-key" }]);
    expect((await del("/api/rooms/short")).status).toBe(400);
    expect(w.rooms.ops()).toEqual(["room.joinCode"]);
    expect(w.rooms.configs.has(ROOM)).toBe(true);
    expect(w.rooms.codes.get(CODE)?.roomId).toBe(ROOM);
  });

  it("404 for an unknown room, freeing nothing", async () => {
    const res = await del("/api/rooms/NoSuchRoomNoSuchRoom00");
    expect([res.status, await res.json()]).toEqual([404, { error: "no such room", code: "no-room" }]);
    expect(w.rooms.ops()).toEqual(["room.joinCode"]);
    expect(w.rooms.codes.has(CODE)).toBe(true);
  });

  it("freeing the code fails: 503 and the room is not erased", async () => {
    w.rooms.throwNext("code.release");
    const res = await del(roomPath);
    expect([res.status, await res.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    expect(w.rooms.ops()).toEqual(["room.joinCode", "code.release"]);
    expect(w.rooms.configs.has(ROOM)).toBe(true);
  });

  it("erasing fails after the code was freed: 503, and a retried DELETE still finds the code and finishes", async () => {
    w.rooms.throwNext("room.erase");
    const res = await del(roomPath);
    expect([res.status, await res.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    expect(w.rooms.codes.has(CODE)).toBe(false);
    expect(w.rooms.configs.has(ROOM)).toBe(true);
    w.rooms.calls.length = 0;
    expect((await del(roomPath)).status).toBe(204);
    expect(w.rooms.calls.map((c) => [c.op, c.name])).toEqual([
      ["room.joinCode", ROOM],
      ["code.release", CODE],
      ["room.erase", ROOM],
    ]);
    expect(w.rooms.configs.has(ROOM)).toBe(false);
  });

  it("other methods on a room are a JSON 405 that calls nothing", async () => {
    const other = await w.request(roomPath, { method: "PUT", headers: { ...bearer(), "content-type": "application/json" }, body: "{}" });
    expect(other.status).toBe(405);
    expect(other.headers.get("allow")).toBe("DELETE");
    expect(await other.json()).toEqual({ error: "method not allowed", code: "method-not-allowed" });
    expect(w.rooms.calls).toEqual([]);
  });
});
