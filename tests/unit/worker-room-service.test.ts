/**
 * `GET /api/rooms/:roomId/template` (the room's template snapshot), and how every route that reaches
 * a room or a code turns trouble into an answer (worker/rooms.ts): a refusal into its status, a stub
 * that throws into 503 "room service unavailable", a malformed answer into 502 "room service error".
 */
import { beforeEach, describe, expect, it } from "vitest";
import { CreateRoomResponseSchema, type RoomConfig } from "../../core/api";
import { TemplateSchema } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import type { Op } from "./fake-rooms";
import { expectSecurityHeaders, sha256, REFUSALS, WorkerHarness } from "./worker-harness";

const w = new WorkerHarness();
beforeEach(() => w.reset());

const UNKNOWN_ROOM = "NoSuchRoomNoSuchRoom00";
const templatePath = (roomId: string) => `/api/rooms/${roomId}/template`;

/** A room as a test puts it there directly (no POST), with its code claimed. */
const seededConfig = (roomId: string, key: string): RoomConfig => ({
  roomId,
  joinCode: "ACDEFG",
  title: "Ward review",
  facility: null,
  facilities: [],
  k: 5,
  keyHash: sha256(key),
  secret: "s".repeat(43),
  template: getTemplate("workshop-check")!,
  createdDay: "2026-01-01",
  expiresAt: Date.now() + 86_400_000,
});

async function aRoom(domainIds?: string[]) {
  const res = await w.createRoom({ templateId: "icmec-2", title: "Ward review", ...(domainIds ? { domainIds } : {}) });
  const room = CreateRoomResponseSchema.parse(await res.json());
  w.rooms.calls.length = 0;
  return room;
}

describe("GET /api/rooms/:roomId/template", () => {
  it("answers the snapshot the room was created with (cut to its domains), uncached, without a key", async () => {
    const room = await aRoom(["safety", "protocol"]);
    const res = await w.request(templatePath(room.roomId));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders(res);
    const t = TemplateSchema.parse(await res.json());
    expect(t).toEqual(w.rooms.configs.get(room.roomId)?.template);
    expect(t.domains.map((d) => d.id)).toEqual(["protocol", "safety"]);
    expect(t).not.toEqual(getTemplate("icmec-2"));
    expect(w.rooms.calls).toEqual([{ op: "room.template", name: room.roomId, args: [] }]);
  });

  it("404 for a room that doesn't exist or was erased", async () => {
    const unknown = await w.request(templatePath(UNKNOWN_ROOM));
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "no such room", code: "no-room" }]);
    const room = await aRoom();
    expect(
      (await w.request(`/api/rooms/${room.roomId}`, { method: "DELETE", headers: { authorization: `Bearer ${room.facilitatorKey}` } }))
        .status,
    ).toBe(204);
    expect((await w.request(templatePath(room.roomId))).status).toBe(404);
  });

  it("400 for a malformed room id, without calling a room", async () => {
    for (const id of ["short", "RoomRoomRoomRoomRoom0!", "A".repeat(23)]) {
      const res = await w.request(templatePath(id));
      expect(res.status, id).toBe(400);
      expect(await res.json()).toMatchObject({ error: "invalid request", issues: [{ path: "roomId" }] });
    }
    expect(w.rooms.calls).toEqual([]);
  });

  it("502 when the room answers something that isn't a template", async () => {
    for (const value of [{ id: "icmec-2" }, "template", null]) {
      w.rooms.answerNext("room.template", { ok: true, value });
      const res = await w.request(templatePath(UNKNOWN_ROOM));
      expect([res.status, await res.json()]).toEqual([502, { error: "room service error", code: "room-service-error" }]);
    }
  });
});

describe("a room's refusal as an HTTP error", () => {
  it.each(REFUSALS)("%s → %i", async (refusal, status, error, code) => {
    const room = await aRoom();
    w.rooms.refuseNext("room.template", refusal);
    const res = await w.request(templatePath(room.roomId));
    expect([res.status, await res.json()]).toEqual([status, { error, code }]);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders(res);
  });
});

describe("a stub that throws is 503, a malformed answer 502, on every route that calls one", () => {
  const ROOM = "RoomRoomRoomRoomRoom01";
  const KEY = "k".repeat(43);
  const bearer = { authorization: `Bearer ${KEY}` };
  // [route, the call made to fail, the request]
  const routes: [string, Op, string, RequestInit?][] = [
    ["create: claim", "code.claim", "/api/rooms"],
    ["create: create", "room.create", "/api/rooms"],
    ["template", "room.template", templatePath(ROOM)],
    ["summary", "room.summary", `/api/rooms/${ROOM}/summary`, { headers: bearer }],
    ["delete: join code", "room.joinCode", `/api/rooms/${ROOM}`, { method: "DELETE", headers: bearer }],
    ["delete: erase", "room.erase", `/api/rooms/${ROOM}`, { method: "DELETE", headers: bearer }],
    ["join", "code.lookup", "/api/join/ACDEFG"],
    ["join QR", "code.lookup", "/api/join/ACDEFG/qr.svg"],
  ];
  const send = (path: string, init?: RequestInit) => (path === "/api/rooms" ? w.createRoom() : w.request(path, init));
  /** The room exists (with KEY), so that every call of a route is reached. */
  const seedRoom = () => w.rooms.seed(seededConfig(ROOM, KEY));

  it.each(routes)("%s throws: 503", async (_name, op, path, init) => {
    seedRoom();
    w.rooms.throwNext(op);
    const res = await send(path, init);
    expect([res.status, await res.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    expect(w.rooms.ops()).toContain(op);
  });

  it("getting a room's stub fails (its start-up throws): 503", async () => {
    w.rooms.room = () => Promise.reject(new Error("start-up failed"));
    for (const path of [templatePath(ROOM), `/api/rooms/${ROOM}/summary`]) {
      const res = await w.request(path, { headers: bearer });
      expect([res.status, await res.json()], path).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    }
    const create = await w.createRoom();
    expect([create.status, await create.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    expect(w.rooms.ops()).toEqual(["code.claim", "code.release"]);
  });

  it.each(routes)("%s answers nonsense: 502", async (_name, op, path, init) => {
    seedRoom();
    w.rooms.answerNext(op, { ok: "yes", value: 1 });
    const res = await send(path, init);
    expect([res.status, await res.json()]).toEqual([502, { error: "room service error", code: "room-service-error" }]);
    expect(w.rooms.ops()).toContain(op);
  });
});
