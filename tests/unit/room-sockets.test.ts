/**
 * The gate in front of the rooms' sockets (worker/room-sockets.ts `routeRoomSocket`), with a fake
 * `SESSION_ROOMS` namespace: paths outside `/parties/` are left to the app; everything but a
 * WebSocket upgrade at `/parties/room/<room id>` from the app's own origin (or no origin) is refused
 * before any room is woken; an allowed upgrade goes to the room named by its id, with its URL,
 * method and headers, except PartyServer's internal ones.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_CONNECTION_ID_LENGTH, MAX_SOCKET_URL_LENGTH } from "../../core/limits";
import type { Env } from "../../worker/env";
import { routeRoomSocket } from "../../worker/room-sockets";

const ROOM = "RoomRoomRoomRoomRoom01";
const BASE = "https://candor.test";
const ROOM_URL = `${BASE}/parties/room/${ROOM}`;

/** SESSION_ROOMS: records each name asked for and each request a room is given. */
class FakeNamespace {
  readonly names: string[] = [];
  readonly requests: Request[] = [];
  readonly answer = new Response("from the room", { headers: { "x-room": "yes" } });
  getByName(name: string) {
    this.names.push(name);
    return {
      fetch: async (req: Request) => {
        this.requests.push(req);
        return this.answer;
      },
    };
  }
}

let rooms: FakeNamespace;
beforeEach(() => (rooms = new FakeNamespace()));

const env = (vars: Record<string, unknown> = {}) => ({ SESSION_ROOMS: rooms, ...vars }) as unknown as Env;
const upgrade = (url = ROOM_URL, headers: Record<string, string> = {}, method = "GET") =>
  new Request(url, { method, headers: { upgrade: "websocket", connection: "Upgrade", ...headers } });

async function expectRefusal(res: Promise<Response> | Response | null, status: number, error: string) {
  expect(res).toBeInstanceOf(Response);
  const refusal = (await res) as Response;
  expect(refusal.status).toBe(status);
  expect(refusal.headers.get("content-type")).toBe("application/json");
  expect(refusal.headers.get("cache-control")).toBe("no-store");
  expect(refusal.headers.get("x-content-type-options")).toBe("nosniff");
  expect(await refusal.json()).toEqual({ error });
  // Refused before any room is woken.
  expect(rooms.names).toEqual([]);
  expect(rooms.requests).toEqual([]);
}

describe("routeRoomSocket: refusals", () => {
  it("null for paths outside /parties/: the app answers them", () => {
    for (const path of ["/", "/api/health", "/j/ACDEFG", "/parties", "/partiesroom/x", "/p/parties/room/x"]) {
      expect(routeRoomSocket(upgrade(`${BASE}${path}`), env()), path).toBeNull();
    }
    expect(rooms.names).toEqual([]);
  });

  it.each([
    ["the prefix alone", "/parties/"],
    ["no room id", "/parties/room"],
    ["an empty room id", "/parties/room/"],
    ["the join-code directory", "/parties/codes/ACDEFG"],
    ["another party", `/parties/main/${ROOM}`],
    ["a short id", `/parties/room/${ROOM.slice(1)}`],
    ["a long id", `/parties/room/${ROOM}A`],
    ["an id with a foreign character", `/parties/room/${ROOM.slice(1)}!`],
    ["a path below the room", `/parties/room/${ROOM}/extra`],
    ["a trailing slash", `/parties/room/${ROOM}/`],
  ])("404 for %s", async (_name, path) => {
    await expectRefusal(routeRoomSocket(upgrade(`${BASE}${path}`), env()), 404, "not found");
  });

  it("426 for anything but a GET WebSocket upgrade", async () => {
    const plain = new Request(ROOM_URL);
    await expectRefusal(routeRoomSocket(plain, env()), 426, "rooms take WebSocket connections only");
    await expectRefusal(routeRoomSocket(upgrade(ROOM_URL, { upgrade: "h2c" }), env()), 426, "rooms take WebSocket connections only");
    for (const method of ["POST", "PUT", "DELETE"]) {
      await expectRefusal(routeRoomSocket(upgrade(ROOM_URL, {}, method), env()), 426, "rooms take WebSocket connections only");
    }
  });

  it("414 for a URL or a connection id too long to keep with the socket", async () => {
    const longUrl = `${ROOM_URL}?pad=${"x".repeat(MAX_SOCKET_URL_LENGTH)}`;
    await expectRefusal(routeRoomSocket(upgrade(longUrl), env()), 414, "address too long");
    const longPk = `${ROOM_URL}?_pk=${"p".repeat(MAX_CONNECTION_ID_LENGTH + 1)}`;
    await expectRefusal(routeRoomSocket(upgrade(longPk), env()), 414, "address too long");
  });

  it.each([
    ["another site", "https://evil.example"],
    ["an opaque origin", "null"],
    ["a look-alike host", "https://candor.test.evil.example"],
    ["the own host over http", "http://candor.test"],
    ["another port", "https://candor.test:8443"],
    ["PUBLIC_URL's host over http", "http://candor.example.org"],
  ])("403 for an Origin of %s", async (_name, origin) => {
    const res = routeRoomSocket(upgrade(ROOM_URL, { origin }), env({ PUBLIC_URL: "https://candor.example.org" }));
    await expectRefusal(res, 403, "origin not allowed");
  });

  it("500 for a malformed PUBLIC_URL, naming nothing", async () => {
    const res = routeRoomSocket(upgrade(ROOM_URL, { origin: BASE }), env({ PUBLIC_URL: "ftp://s3cret" }));
    await expectRefusal(res, 500, "server misconfigured");
  });

  it("checks the path first, then the upgrade, then the length, then the origin", async () => {
    const evil = { origin: "https://evil.example" };
    await expectRefusal(routeRoomSocket(new Request(`${BASE}/parties/codes/ACDEFG`, { headers: evil }), env()), 404, "not found");
    await expectRefusal(routeRoomSocket(new Request(ROOM_URL, { headers: evil }), env()), 426, "rooms take WebSocket connections only");
    const long = `${ROOM_URL}?_pk=${"p".repeat(MAX_CONNECTION_ID_LENGTH + 1)}`;
    await expectRefusal(routeRoomSocket(upgrade(long, evil), env()), 414, "address too long");
  });
});

describe("routeRoomSocket: allowed upgrades", () => {
  it.each([
    ["no Origin (a non-browser client)", {}, {}],
    ["the request's own origin", { origin: BASE }, {}],
    ["PUBLIC_URL's origin", { origin: "https://candor.example.org" }, { PUBLIC_URL: "https://candor.example.org/" }],
    ["the own origin while PUBLIC_URL is set", { origin: BASE }, { PUBLIC_URL: "https://candor.example.org" }],
  ])("%s: passed to the room named by its id, as it came", async (_name, headers, vars) => {
    const req = upgrade(ROOM_URL, headers);
    const res = await routeRoomSocket(req, env(vars));
    expect(res).toBe(rooms.answer);
    expect(rooms.names).toEqual([ROOM]);
    expect(rooms.requests).toHaveLength(1);
    const passed = rooms.requests[0]!;
    expect([passed.url, passed.method]).toEqual([req.url, req.method]);
    expect([...passed.headers]).toEqual([...req.headers]);
  });

  it("drops PartyServer's internal headers, which only its own router may set", async () => {
    const req = upgrade(ROOM_URL, { "x-partykit-props": "{bad", "X-PartyKit-Room": "another-room", "x-other": "kept" });
    await routeRoomSocket(req, env());
    const passed = rooms.requests[0]!;
    expect([...passed.headers.keys()].filter((k) => k.startsWith("x-partykit"))).toEqual([]);
    expect(passed.headers.get("x-other")).toBe("kept");
    expect(passed.headers.get("upgrade")).toBe("websocket");
  });

  it.each(["yjs", "ch-yjs"])("a connection id of the id alphabet (%s) passes", async (pk) => {
    expect(await routeRoomSocket(upgrade(`${ROOM_URL}?_pk=${pk}`), env())).toBe(rooms.answer);
  });

  it.each(["ch:yjs", "a b", "é", "x/y", ""])(
    "a connection id outside [A-Za-z0-9_-] (%j) is refused 400 before any room wakes",
    async (pk) => {
      const res = (await routeRoomSocket(upgrade(`${ROOM_URL}?_pk=${encodeURIComponent(pk)}`), env())) as Response;
      expect(res.status).toBe(400);
      expect(rooms.names).toEqual([]);
    },
  );

  it("takes the upgrade header in any case, and lengths right at the limits", async () => {
    const pk = "p".repeat(MAX_CONNECTION_ID_LENGTH);
    const prefix = `${ROOM_URL}?_pk=${pk}&pad=`;
    const url = prefix + "x".repeat(MAX_SOCKET_URL_LENGTH - prefix.length);
    expect(url).toHaveLength(MAX_SOCKET_URL_LENGTH);
    expect(await routeRoomSocket(upgrade(url, { upgrade: "WebSocket" }), env())).toBe(rooms.answer);
    expect(rooms.names).toEqual([ROOM]);
    expect(rooms.requests[0]?.url).toBe(url);
  });
});
