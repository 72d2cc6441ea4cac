/**
 * `POST /api/rooms` against the in-memory rooms (tests/unit/fake-rooms.ts): the answer's links
 * (the key only in the facilitator URL's fragment), what the directory and the room are sent
 * (keyHash = sha256(key), never the key), defaults and retention, the template cut to the chosen
 * domains, join codes drawn again on collision, and the claimed code released when creating fails.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { type CodeClaim, CreateRoomResponseSchema, JOIN_CODE_ALPHABET } from "../../core/api";
import { viewTicket } from "../../core/encoding";
import { getTemplate } from "../../core/templates/index";
import { expectSecurityHeaders, sha256, REFUSALS, WorkerHarness } from "./worker-harness";

const w = new WorkerHarness();
beforeEach(() => w.reset());

const created = async (res: Response) => {
  expect(res.status).toBe(201);
  return CreateRoomResponseSchema.parse(await res.json());
};

describe("POST /api/rooms", () => {
  it("creates a room: 201 with every field, the key only in the facilitator URL's fragment", async () => {
    const res = await w.createRoom();
    expect(res.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders(res);
    const body = await created(res);
    expect(body.roomId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(body.joinUrl).toBe(`http://localhost/j/${body.joinCode}`);
    // The projector's view ticket: HMAC of the secret the room was created with, in the fragment.
    const config = w.rooms.configs.get(body.roomId)!;
    expect(body.projectorUrl).toBe(`http://localhost/p/${body.roomId}#view=${await viewTicket(config.secret)}`);
    expect(body.facilitatorUrl).toBe(`http://localhost/f/${body.roomId}#key=${body.facilitatorKey}`);
    const facilitator = new URL(body.facilitatorUrl);
    expect(facilitator.search).toBe("");
    expect(facilitator.pathname).not.toContain(body.facilitatorKey);
    for (const u of [body.joinUrl, body.projectorUrl]) expect(u).not.toContain(body.facilitatorKey);
  });

  it("claims the code, then creates the room with keyHash = sha256(key) and never the key itself", async () => {
    const before = Date.now();
    const body = await created(
      await w.createRoom({
        templateId: "icmec-2",
        title: "Ward review",
        facility: "North clinic",
        facilities: [{ name: "Shelter" }, { name: "North clinic", underReview: true }],
        k: 4,
      }),
    );

    expect(w.rooms.calls.map((c) => [c.op, c.name])).toEqual([
      ["code.claim", body.joinCode],
      ["room.create", body.roomId],
    ]);
    // The key reaches neither the directory nor the room: only its hash does.
    expect(JSON.stringify(w.rooms.calls)).not.toContain(body.facilitatorKey);
    const claim = w.rooms.calls[0]?.args[0] as CodeClaim;
    expect(claim).toMatchObject({ roomId: body.roomId, title: "Ward review", k: 4 });
    expect(w.rooms.codes.get(body.joinCode)?.roomId).toBe(body.roomId);

    const config = w.rooms.configs.get(body.roomId);
    if (!config) throw new Error("room not created");
    expect(config.keyHash).toBe(sha256(body.facilitatorKey));
    expect(config.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(config.secret).not.toBe(body.facilitatorKey);
    expect(config).toMatchObject({ roomId: body.roomId, joinCode: body.joinCode, title: "Ward review", facility: "North clinic", k: 4 });
    // As sent: the facility under review is rated where the list puts it, and nobody is "yours".
    expect(config.facilities).toEqual([{ name: "Shelter" }, { name: "North clinic", underReview: true }]);
    expect(config.createdDay).toBe(new Date().toISOString().slice(0, 10));
    expect(config.expiresAt).toBe(claim.expiresAt);
    expect(config.expiresAt).toBeGreaterThanOrEqual(before + 30 * 86400 * 1000);
    // Rounded up to the hour: no finer time is stored (core/times.ts).
    expect(config.expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 86400 * 1000 + 3600_000);
    expect(config.expiresAt % 3600_000).toBe(0);
    expect(config.template.domains).toHaveLength(12);
  });

  it("defaults: all domains, k = 5, no facility (never the title); RETENTION_DAY_SECONDS scales the expiry", async () => {
    const before = Date.now();
    const body = await created(
      await w.createRoom({ templateId: "workshop-check", title: "Tuesday", retentionDays: 3 }, { RETENTION_DAY_SECONDS: "2" }),
    );
    const config = w.rooms.configs.get(body.roomId);
    expect(config?.k).toBe(5);
    expect(config?.facility).toBeNull();
    expect(config?.facilities).toEqual([]);
    expect(config?.template).toEqual(getTemplate("workshop-check"));
    expect(config?.expiresAt).toBeGreaterThanOrEqual(before + 3 * 2 * 1000);
    expect(config?.expiresAt).toBeLessThanOrEqual(Date.now() + 3 * 2 * 1000 + 2000 / 24);
    // The organizer is told the same end, to say when the session erases itself.
    expect(body.expiresAt).toBe(config?.expiresAt);
  });

  it("cuts the template to the chosen domains, in the template's order, keeping the scales", async () => {
    const body = await created(
      await w.createRoom({ templateId: "icmec-2", title: "Short", domainIds: ["services-aaaq", "protocol", "safety"] }),
    );
    const t = w.rooms.configs.get(body.roomId)?.template;
    expect(t?.domains.map((d) => d.id)).toEqual(["protocol", "safety", "services-aaaq"]);
    expect(Object.keys(t?.scales ?? {}).sort()).toEqual(["aaaq3", "likert5"]);
    expect(t?.id).toBe("icmec-2");
  });

  it("404s an unknown template without calling anything", async () => {
    const res = await w.createRoom({ templateId: "nope", title: "x" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "unknown template", code: "unknown-template" });
    expect(w.rooms.calls).toEqual([]);
  });
});

describe("join codes", () => {
  it("draws a new code when the directory says the code is taken", async () => {
    w.rooms.answerNext("code.claim", false, 2);
    const body = await created(await w.createRoom());
    const claims = w.rooms.calls.filter((c) => c.op === "code.claim");
    expect(claims).toHaveLength(3);
    expect(claims[2]?.name).toBe(body.joinCode);
    expect(w.rooms.codes.get(body.joinCode)?.roomId).toBe(body.roomId);
    expect(w.rooms.ops().at(-1)).toBe("room.create");
  });

  it("a code another room holds really is refused: the claim goes to a fresh code", async () => {
    const first = await created(await w.createRoom({ templateId: "icmec-2", title: "First" }));
    // Force a collision: every code the next creation draws is first claimed by the first room.
    const taken = w.rooms.code.bind(w.rooms);
    let collided = 0;
    w.rooms.code = (code) => {
      if (collided < 2 && !w.rooms.codes.has(code)) {
        collided++;
        w.rooms.codes.set(code, { roomId: first.roomId, title: "First", k: 5, expiresAt: Date.now() + 60_000 });
      }
      return taken(code);
    };
    const second = await created(await w.createRoom({ templateId: "icmec-2", title: "Second" }));
    expect(collided).toBe(2);
    expect(w.rooms.codes.get(second.joinCode)?.roomId).toBe(second.roomId);
    expect([...w.rooms.codes.values()].filter((c) => c.roomId === first.roomId)).toHaveLength(3);
  });

  it("gives up with 503 after five taken codes, and creates no room", async () => {
    w.rooms.answerNext("code.claim", false, 5);
    const res = await w.createRoom();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: "no free join code, try again", code: "no-free-code" });
    expect(w.rooms.ops()).toEqual(Array(5).fill("code.claim"));
    expect(w.rooms.configs.size).toBe(0);
  });

  it("a directory failing or answering a non-boolean: 503 / 502, and no room", async () => {
    w.rooms.throwNext("code.claim");
    const down = await w.createRoom();
    expect([down.status, await down.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    w.rooms.answerNext("code.claim", "yes");
    const odd = await w.createRoom();
    expect([odd.status, await odd.json()]).toEqual([502, { error: "room service error", code: "room-service-error" }]);
    expect(w.rooms.ops()).toEqual(["code.claim", "code.claim"]);
    expect(w.rooms.configs.size).toBe(0);
  });
});

describe("when the room can't be created, the claimed code is released", () => {
  const released = () => {
    expect(w.rooms.ops()).toEqual(["code.claim", "room.create", "code.release"]);
    const [claim, create, release] = w.rooms.calls;
    expect(release?.name).toBe(claim?.name);
    expect(release?.args).toEqual([create?.name]);
    expect(w.rooms.codes.size).toBe(0);
    expect(w.rooms.configs.size).toBe(0);
  };

  it("the room's stub throws: 503", async () => {
    w.rooms.throwNext("room.create");
    const res = await w.createRoom();
    expect([res.status, await res.json()]).toEqual([503, { error: "room service unavailable", code: "unavailable" }]);
    expectSecurityHeaders(res);
    released();
  });

  it.each([
    ["a string", "ok"],
    ["a value where null belongs", { ok: true, value: 1 }],
    ["an unknown refusal", { ok: false, refusal: "nope" }],
  ])("the room answers %s: 502", async (_name, answer) => {
    w.rooms.answerNext("room.create", answer);
    const res = await w.createRoom();
    expect([res.status, await res.json()]).toEqual([502, { error: "room service error", code: "room-service-error" }]);
    released();
  });

  it.each(REFUSALS)("the room refuses %s: %i", async (refusal, status, error, code) => {
    w.rooms.refuseNext("room.create", refusal);
    const res = await w.createRoom();
    expect([res.status, await res.json()]).toEqual([status, { error, code }]);
    released();
  });

  it("a release that fails too doesn't hide the room's answer", async () => {
    w.rooms.refuseNext("room.create", "exists");
    w.rooms.throwNext("code.release");
    const res = await w.createRoom();
    expect([res.status, await res.json()]).toEqual([409, { error: "room exists", code: "room-exists" }]);
    expect(w.rooms.ops()).toEqual(["code.claim", "room.create", "code.release"]);
  });
});
