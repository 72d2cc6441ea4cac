/**
 * The room API over real HTTP: the Worker in workerd (wrangler dev) calling its rooms (Durable
 * Objects in the same runtime). Create → join → template, the error contract, and headers on
 * every response.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateRoomResponseSchema, PhoneBootSchema } from "../../core/api";
import { CREATE_BODY_MAX_BYTES } from "../../core/limits";
import { createRoom, JsonClient, until } from "./clients";
import { type RunningStack, startStack } from "./stack";

/** The SQLite database files of every Durable Object the runtime persisted. */
function objectFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".sqlite")) found.push(p);
    }
  };
  walk(dir);
  return found;
}

let stack: RunningStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("create → join → template", () => {
  it("creates a room whose join code leads to it and whose template has all 12 domains and every item", async () => {
    const res = await post(
      "/api/rooms",
      JSON.stringify({
        templateId: "icmec-2",
        title: "St. Elsewhere review",
        facility: "St. Elsewhere",
        facilities: [{ name: "St. Elsewhere", yours: true, underReview: true }, { name: "City Clinic" }],
      }),
    );
    expect(res.status).toBe(201);
    const created = CreateRoomResponseSchema.parse(await res.json());
    expect(created.joinUrl).toBe(`${stack.url}/j/${created.joinCode}`);
    expect(created.facilitatorUrl).toBe(`${stack.url}/f/${created.roomId}#key=${created.facilitatorKey}`);
    // The projector link carries its view ticket in the fragment, like the console link its key.
    expect(created.projectorUrl).toMatch(new RegExp(`^${stack.url}/p/${created.roomId}#view=[A-Za-z0-9_-]{22}$`));
    expect(created.facilitatorKey.length).toBeGreaterThanOrEqual(43); // ≥ 256 bits in base64url

    const join = await fetch(`${stack.url}/api/join/${created.joinCode.toLowerCase()}`);
    expect(join.status).toBe(200);
    expect(await join.json()).toEqual({ roomId: created.roomId, title: "St. Elsewhere review", k: 5, joiningOpen: true });

    const template = (await (await fetch(`${stack.url}/api/templates/icmec-2`)).json()) as { domains: { items: unknown[] }[] };
    expect(template.domains.map((d) => d.items.length)).toEqual([11, 5, 13, 4, 9, 8, 8, 7, 5, 8, 4, 0]);

    // The room is live: a phone joins and learns the session's facilities and their roles.
    const phone = await JsonClient.open(stack, created.roomId);
    expect(await phone.request({ t: "hello", role: "phone" })).toMatchObject({
      t: "welcome",
      meta: { title: "St. Elsewhere review", facilities: ["St. Elsewhere", "City Clinic"], roles: { yours: 0, underReview: 0 }, k: 5 },
    });
    const qr = await fetch(`${stack.url}/api/join/${created.joinCode}/qr.svg`);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(await qr.text()).toContain("<svg");
  });

  it("the join link's page carries the room in a JSON data block, under the strict CSP, never cached", async () => {
    const title = `Ward \u2028 </script><script>alert(1)</script> "review" <!-- &`;
    const created = await createRoom(stack, { templateId: "icmec-2", title, k: 4 });
    for (const encoding of ["identity", "gzip, deflate, br"]) {
      const res = await fetch(`${stack.url}/j/${created.joinCode}`, { headers: { "accept-encoding": encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("etag")).toBeNull();
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self';");
      const html = await res.text();
      // The only script without a src is the data block, inside the head; the title can't break out.
      const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g);
      expect(inline).toEqual(['<script type="application/json" id="candor-join">']);
      expect(html.match(/<\/script>/g)).toHaveLength(2); // the entry script's and the block's
      const block = /<script type="application\/json" id="candor-join">([^<]*)<\/script>/.exec(html);
      expect(html.indexOf(block![0])).toBeLessThan(html.indexOf("</head>"));
      expect(PhoneBootSchema.parse(JSON.parse(block![1]!))).toEqual({ roomId: created.roomId, title, k: 4, joiningOpen: true });
      expect(html).toContain('<div id="app"></div>');
    }
    // An unknown code: the same page without the block (the phone then asks /api/join and says so).
    const unknown = await fetch(`${stack.url}/j/ACDEFG`);
    expect(unknown.status).toBe(200);
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const html = await unknown.text();
    expect(html).not.toContain("candor-join");
    expect(html).toContain('<div id="app"></div>');
  });

  it("serves a custom template added as data", async () => {
    const list = (await (await fetch(`${stack.url}/api/templates`)).json()) as { id: string }[];
    expect(list.map((t) => t.id)).toEqual(["icmec-2", "workshop-check"]);
    const room = await createRoom(stack, { templateId: "workshop-check" });
    expect(room.joinCode).toMatch(/^[A-Z0-9]{6}$/);
  });
});

describe("bad input gets a clear JSON error and changes nothing", () => {
  const cases: [string, () => Promise<Response>, number][] = [
    ["missing title", () => post("/api/rooms", JSON.stringify({ templateId: "icmec-2" })), 400],
    ["k below 3", () => post("/api/rooms", JSON.stringify({ templateId: "icmec-2", title: "t", k: 2 })), 400],
    ["unknown domain", () => post("/api/rooms", JSON.stringify({ templateId: "icmec-2", title: "t", domainIds: ["nope"] })), 400],
    ["unknown template", () => post("/api/rooms", JSON.stringify({ templateId: "nope", title: "t" })), 404],
    ["malformed JSON", () => post("/api/rooms", "{"), 400],
    ["form content type", () => post("/api/rooms", "a=b", { "content-type": "application/x-www-form-urlencoded" }), 415],
    [
      "cross-site origin",
      () => post("/api/rooms", JSON.stringify({ templateId: "icmec-2", title: "t" }), { origin: "https://evil.example" }),
      403,
    ],
    [
      "create body over 768 KB (room for a directory, core/limits.ts)",
      () => post("/api/rooms", JSON.stringify({ templateId: "icmec-2", title: "x".repeat(CREATE_BODY_MAX_BYTES) })),
      413,
    ],
    ["not a join code", () => fetch(`${stack.url}/api/join/00000O`), 400],
    ["unknown join code", () => fetch(`${stack.url}/api/join/ACDEFG`), 404],
    ["unknown template id", () => fetch(`${stack.url}/api/templates/nope`), 404],
  ];
  for (const [name, call, status] of cases) {
    it(`${name} → ${status}`, async () => {
      const res = await call();
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: unknown; issues?: unknown };
      expect(typeof body.error).toBe("string");
      if (status === 400 && name !== "malformed JSON" && name !== "not a join code") expect(Array.isArray(body.issues)).toBe(true);
    });
  }

  it("a refused create claims no join code and creates no room", async () => {
    // Every Durable Object that ever stored anything has a database file under the persist dir.
    const objects = () => objectFiles(stack.persistDir).length;
    await createRoom(stack, { domainIds: ["safety"] }); // the count moves when something is created
    const before = objects();
    expect(before).toBeGreaterThanOrEqual(2);
    await post("/api/rooms", JSON.stringify({ templateId: "icmec-2", title: "t", k: 99 }));
    await post("/api/rooms", JSON.stringify({ templateId: "nope", title: "t" }));
    await post("/api/rooms", JSON.stringify({ templateId: "icmec-2", title: "t", domainIds: ["nope"] }));
    await new Promise((r) => setTimeout(r, 300));
    expect(objects()).toBe(before);
  });

  it("asking for a room that does not exist stores nothing (no object is started for it)", async () => {
    await createRoom(stack, { domainIds: ["safety"] });
    await new Promise((r) => setTimeout(r, 300));
    const before = new Set(objectFiles(stack.persistDir));
    const ghost = "GhostGhostGhostGhost01";
    expect((await fetch(`${stack.url}/api/rooms/${ghost}/template`)).status).toBe(404);
    const auth = { authorization: `Bearer ${"k".repeat(43)}` };
    expect((await fetch(`${stack.url}/api/rooms/${ghost}/summary`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${stack.url}/api/rooms/${ghost}`, { method: "DELETE", headers: auth })).status).toBe(404);
    const socket = await JsonClient.open(stack, ghost);
    await until(() => socket.closed !== null, 5_000, "the socket to a room that doesn't exist to close");
    expect(socket.closed?.code).toBe(4404);
    await new Promise((r) => setTimeout(r, 300));
    // Looking costs a read, for which the local runtime makes a database holding only its own
    // note of the object's name (miniflare's table; production has none). Nothing of ours is in
    // it: no key-value table at all, so neither PartyServer's note of the name nor a room's key.
    const added = objectFiles(stack.persistDir).filter((f) => !before.has(f));
    expect(added.length).toBeLessThanOrEqual(1);
    for (const file of added) {
      const wal = `${file}-wal`;
      const bytes =
        readFileSync(file).toString("latin1") + (statSync(wal, { throwIfNoEntry: false }) ? readFileSync(wal).toString("latin1") : "");
      expect(bytes).toContain("__miniflare_do_name");
      expect(bytes).not.toMatch(/_cf_KV|__ps_name|"config"/);
    }
  });
});

describe("web hygiene in the real runtime", () => {
  it("puts the strict CSP, no-referrer and nosniff on API answers, pages, static assets and errors", async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    for (const path of ["/api/health", "/", "/join", `/p/AAAAAAAAAAAAAAAAAAAAAA`, asset!, "/api/nope", "/no-such-file.js"]) {
      const res = await fetch(`${stack.url}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("connect-src 'self';");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
  });

  it("binds the Worker to loopback only (the kernel's table of listening sockets says so)", () => {
    const port = Number(new URL(stack.url).port);
    // /proc/net/tcp: local address as hex "IP:PORT", state 0A = LISTEN; 0100007F = 127.0.0.1.
    const listening = readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === "0A" && parseInt(cols[1]!.split(":")[1]!, 16) === port)
      .map((cols) => cols[1]!.split(":")[0]);
    expect(listening.length).toBeGreaterThan(0);
    expect(new Set(listening)).toEqual(new Set(["0100007F"]));
  });
});
