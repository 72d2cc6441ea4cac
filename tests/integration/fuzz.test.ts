/**
 * 2 000 malformed or random socket messages and HTTP requests against the real runtimes: each
 * gets a typed error (socket) or a 4xx JSON answer (HTTP), and afterwards the room still accepts
 * a valid ballot and reveals it correctly (issue 3, "Tests that must exist").
 */
import fc from "fast-check";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseClientMessage, type ServerMessage } from "../../core/protocol";
import { command, createRoom, facilitator, JsonClient, Phone, roomSocketUrl, until, yjsClient } from "./clients";
import { type RunningStack, startStack } from "./stack";

let stack: RunningStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SOCKETS = 100;
const PER_SOCKET = 20; // under the per-connection burst, so every frame reaches validation

/** Frames that look like protocol messages but are wrong in one way or many. */
const nearMiss = fc.oneof(
  fc.record({ t: fc.constantFrom("hello", "ballot", "cmd", "ping", "nope"), role: fc.string(), key: fc.string() }, { requiredKeys: ["t"] }),
  fc.record({
    t: fc.constant("ballot"),
    ballot: fc.record({
      roundId: fc.string(),
      answers: fc.dictionary(fc.string(), fc.string()),
      ratings: fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string())),
    }),
  }),
  fc.record({
    t: fc.constant("cmd"),
    id: fc.string(),
    cmd: fc.record({ op: fc.constantFrom("open", "close", "record", "timer", "zap"), domainId: fc.string(), seconds: fc.integer() }),
  }),
  fc.record({ t: fc.constant("hello"), role: fc.constant("phone"), token: fc.string({ minLength: 30, maxLength: 90 }) }),
);
const frame = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json().map((j) => j),
  nearMiss.map((o) => JSON.stringify(o)),
  fc.constantFrom("", "{", "null", "[]", '{"__proto__":{"t":"ping"}}', '{"t":"ping","extra":1}', "x".repeat(20_000)),
);

const isReply = (m: ServerMessage) => m.t !== "state";

describe("2 000 random socket frames", () => {
  it("each gets a typed answer, and the room then still takes a ballot and reveals it", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const frames = fc.sample(frame, { numRuns: SOCKETS * PER_SOCKET, seed: 20261127 });
    let typedErrors = 0;
    await Promise.all(
      Array.from({ length: SOCKETS }, async (_, s) => {
        const client = await JsonClient.open(stack, room.roomId);
        for (let i = 0; i < PER_SOCKET; i++) {
          const text = frames[s * PER_SOCKET + i]!;
          const from = client.frames.length;
          client.sendRaw(text);
          const reply = await client.next(isReply, 10_000, from);
          const local = parseClientMessage(text);
          if (!local.ok) {
            // Invalid here means invalid there, with the same typed code.
            expect(reply).toMatchObject({ t: "error", code: local.code });
            typedErrors++;
          }
        }
        client.close();
      }),
    );
    expect(typedErrors).toBeGreaterThan(1500);

    // Binary frames on the JSON channel are refused with a typed error too.
    const binary = await JsonClient.open(stack, room.roomId);
    const reply = binary.next(isReply);
    binary.sendRaw(Buffer.from([0, 1, 2, 3]));
    expect(await reply).toMatchObject({ t: "error", code: "bad-message" });

    // The room is unharmed.
    const phones = [new Phone(stack, room.roomId), new Phone(stack, room.roomId), new Phone(stack, room.roomId)];
    for (const p of phones) expect((await p.join()).t).toBe("welcome");
    const { client: console_ } = await facilitator(stack, room.roomId, room.facilitatorKey);
    expect((await command(console_, { op: "open", domainId: "safety" })).t).toBe("done");
    for (const [i, p] of phones.entries()) {
      expect((await p.vote({ roundId: "safety#1", answers: {}, ratings: { domain: i + 2 } })).t).toBe("ack");
    }
    const projector = await yjsClient(stack, room);
    expect((await command(console_, { op: "close" })).t).toBe("done");
    await until(
      () =>
        (projector.doc.getMap("live").get("session") as { domains: Record<string, { rounds: unknown[] }> }).domains.safety!.rounds
          .length === 1,
    );
    const session = projector.doc.getMap("live").get("session") as {
      domains: Record<string, { rounds: { ratings: Record<string, unknown> }[] }>;
    };
    expect(session.domains.safety!.rounds[0]!.ratings.domain).toEqual({
      shown: true,
      counts: [0, 1, 1, 1, 0],
      dontKnow: 0,
      notAvailable: 0,
    });
    projector.destroy();
  });
});

describe("random HTTP requests", () => {
  const request = fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
    path: fc.oneof(
      fc.constantFrom("/api/rooms", "/api/join/", "/api/templates/", "/api/rooms/x/summary", "/api/health", "/api/nope"),
      fc.string({ maxLength: 30 }).map((s) => `/api/join/${encodeURIComponent(s)}`),
      fc.string({ maxLength: 30 }).map((s) => `/api/templates/${encodeURIComponent(s)}`),
    ),
    contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"),
    body: fc.oneof(fc.json(), fc.string({ maxLength: 100 }), fc.constant('{"templateId":"icmec-2","title":"x","k":2}')),
  });

  it("answers every one with JSON and never a 5xx; rooms take no HTTP request from outside", async () => {
    const requests = fc.sample(request, { numRuns: 400, seed: 7 });
    for (const r of requests) {
      const init: RequestInit = { method: r.method, headers: { "content-type": r.contentType } };
      if (r.method !== "GET") init.body = r.body;
      const res = await fetch(`${stack.url}${r.path}`, init);
      expect(res.status, `${r.method} ${r.path}`).toBeLessThan(500);
      expect(res.headers.get("content-type") ?? "").toContain("application/json");
      const body = (await res.json()) as Record<string, unknown>;
      if (res.status >= 400) expect(typeof body.error).toBe("string");
    }
    // Rooms are reached by RPC from the Worker; from outside, only a socket upgrade gets through.
    const room = await createRoom(stack, { domainIds: ["safety"] });
    for (const [path, status] of [
      [`/parties/room/${room.roomId}`, 426],
      [`/parties/join-codes/${room.joinCode}`, 404],
      [`/parties/main/${room.roomId}`, 404],
      ["/parties/room/not-a-room-id", 404],
    ] as const) {
      for (const method of ["GET", "POST"]) {
        const res = await fetch(`${stack.url}${path}`, { method, ...(method === "POST" ? { body: '{"op":"lookup"}' } : {}) });
        expect(res.status, `${method} ${path}`).toBe(status);
        expect(typeof ((await res.json()) as { error: unknown }).error).toBe("string");
      }
    }
  });

  it("refuses a WebSocket upgrade from a foreign Origin (cross-site WebSocket hijacking)", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"] });
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(roomSocketUrl(stack, room.roomId), { headers: { origin: "https://evil.example" } });
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.once("open", () => resolve(101));
    });
    expect(status).toBe(403);
  });
});
