/**
 * `GET /api/join/:code` (which room a typed code opens) and `GET /api/join/:code/qr.svg` (the join
 * link as a QR code), against the in-memory directory (tests/unit/fake-rooms.ts).
 */
import { renderSVG } from "uqr";
import { beforeEach, describe, expect, it } from "vitest";
import { CreateRoomResponseSchema } from "../../core/api";
import { expectSecurityHeaders, WorkerHarness } from "./worker-harness";

const w = new WorkerHarness();
beforeEach(() => w.reset());

async function aRoom(overrides: Record<string, unknown> = {}) {
  const res = await w.createRoom({ templateId: "icmec-2", title: "Ward review" }, overrides);
  const room = CreateRoomResponseSchema.parse(await res.json());
  w.rooms.calls.length = 0;
  return room;
}

/** The path data of an SVG QR code: its modules. */
const modules = (svg: string) => /<path[^>]* d="([^"]+)"/.exec(svg)?.[1];

describe("GET /api/join/:code", () => {
  it("answers the room, its title, k and whether joining is open; codes are normalised before the lookup", async () => {
    const room = await aRoom();
    const res = await w.request(`/api/join/${room.joinCode}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ roomId: room.roomId, title: "Ward review", k: 5, joiningOpen: true });
    expectSecurityHeaders(res);
    const typed = `${room.joinCode.slice(0, 3)}-${room.joinCode.slice(3)}`.toLowerCase();
    const loose = await w.request(`/api/join/${typed}`);
    expect(await loose.json()).toEqual({ roomId: room.roomId, title: "Ward review", k: 5, joiningOpen: true });
    expect(w.rooms.calls.map((c) => [c.op, c.name])).toEqual([
      ["code.lookup", room.joinCode],
      ["room.door", room.roomId],
      ["code.lookup", room.joinCode],
      ["room.door", room.roomId],
    ]);
  });

  it("says joining is closed when the room's door is shut (locked or ended), and 404 when the room is gone", async () => {
    const room = await aRoom();
    w.rooms.shut.add(room.roomId);
    expect(await (await w.request(`/api/join/${room.joinCode}`)).json()).toMatchObject({ joiningOpen: false });
    w.rooms.refuseNext("room.door", "no-room");
    expect((await w.request(`/api/join/${room.joinCode}`)).status).toBe(404);
  });

  it("404 for an unknown code or a released one, 400 for something that is not a code", async () => {
    const unknown = await w.request("/api/join/ACDEFG");
    expect([unknown.status, await unknown.json()]).toEqual([404, { error: "unknown join code", code: "unknown-join-code" }]);

    const room = await aRoom();
    await w.request(`/api/rooms/${room.roomId}`, { method: "DELETE", headers: { authorization: `Bearer ${room.facilitatorKey}` } });
    expect((await w.request(`/api/join/${room.joinCode}`)).status).toBe(404);
    w.rooms.calls.length = 0;

    for (const bad of ["ABC", "ACDEFGH", "0OOOOO", "ab%20cd"]) {
      const res = await w.request(`/api/join/${bad}`);
      expect(res.status, bad).toBe(400);
      const body = (await res.json()) as { error: string; issues: { path: string }[] };
      expect(body.error).toBe("invalid request");
      expect(body.issues[0]?.path).toBe("code");
    }
    expect(w.rooms.calls).toEqual([]);
  });

  it("502 when the directory answers something that isn't a room, 503 when it fails", async () => {
    for (const answer of [{ roomId: "short" }, { roomId: "AAAAAAAAAAAAAAAAAAAAAA", title: "x", k: 2 }, "room", { ok: true }]) {
      w.rooms.answerNext("code.lookup", answer);
      const res = await w.request("/api/join/ACDEFG");
      expect([res.status, await res.json()]).toEqual([502, { error: "room service error", code: "room-service-error" }]);
    }
    w.rooms.throwNext("code.lookup");
    const down = await w.request("/api/join/ACDEFG");
    expect([down.status, await down.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
  });
});

describe("GET /api/join/:code/qr.svg", () => {
  it("an SVG QR code of the join URL, with a role and a text alternative", async () => {
    const room = await aRoom();
    const res = await w.request(`/api/join/${room.joinCode.toLowerCase()}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expectSecurityHeaders(res);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`aria-label="QR code to join with code ${room.joinCode}"`);
    // The same modules as the reference encoder gives for the join URL.
    expect(modules(svg)).toBe(modules(renderSVG(room.joinUrl, { ecc: "M", border: 4, pixelSize: 8 })));
    expect(modules(svg)?.length).toBeGreaterThan(100);
    expect(w.rooms.calls.map((c) => [c.op, c.name])).toEqual([["code.lookup", room.joinCode]]);
  });

  it("encodes PUBLIC_URL's join link when it is set", async () => {
    const room = await aRoom();
    const res = await w.request(`/api/join/${room.joinCode}/qr.svg`, {}, { PUBLIC_URL: "https://candor.example.org/" });
    const expected = renderSVG(`https://candor.example.org/j/${room.joinCode}`, { ecc: "M", border: 4, pixelSize: 8 });
    expect(modules(await res.text())).toBe(modules(expected));
  });

  it("404 (as JSON) for an unknown code, 400 for a non-code", async () => {
    const res = await w.request("/api/join/ACDEFG/qr.svg");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: "unknown join code", code: "unknown-join-code" });
    expect((await w.request("/api/join/nope/qr.svg")).status).toBe(400);
  });
});

describe("join-code look-ups are rate-limited per network address, and no address is kept (worker/join-limit.ts)", () => {
  it("past the limit, the API answers 429 with Retry-After and asks the directory nothing; other addresses go on", async () => {
    const room = await aRoom();
    w.limiter.limitPerKey = 3;
    const from = (ip: string) => ({ headers: { "cf-connecting-ip": ip } });
    for (let i = 0; i < 3; i++) expect((await w.request(`/api/join/${room.joinCode}`, from("198.51.100.7"))).status).toBe(200);
    const refused = await w.request(`/api/join/ACDEFG`, from("198.51.100.7"));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(await refused.json()).toEqual({
      error: "too many join attempts from this network; try again in a few seconds",
      code: "too-many-joins",
    });
    expect((await w.request(`/api/join/${room.joinCode}/qr.svg`, from("198.51.100.7"))).status).toBe(429);
    expect(w.rooms.calls.filter((c) => c.op === "code.lookup")).toHaveLength(3);
    expect((await w.request(`/api/join/${room.joinCode}`, from("203.0.113.9"))).status).toBe(200);
    expect(w.limiter.keys).toEqual([...Array(5).fill("198.51.100.7"), "203.0.113.9"]);
  });

  it("the join link's page goes out without its data block when the address is past the limit", async () => {
    const room = await aRoom();
    w.limiter.limitPerKey = 1;
    const first = await (await w.request(`/j/${room.joinCode}`)).text();
    expect(first).toContain("candor-join");
    const second = await w.request(`/j/${room.joinCode}`);
    expect(second.status).toBe(200);
    expect(await second.text()).not.toContain("candor-join");
  });
});
