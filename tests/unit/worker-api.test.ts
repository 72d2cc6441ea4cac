/**
 * The API's shell, through `app.request` in plain Node: health and templates, JSON 404/405, the
 * guards in front of every route (same origin only, JSON bodies only, 16 KB, malformed JSON), the
 * security headers and a malformed setting. Room creation is in worker-create.test.ts.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { type Directory, DIRECTORY_TABLE_IDS, tableTemplate } from "../../core/directory";
import { CREATE_BODY_MAX_BYTES, DIRECTORY_FIELD_MAX, DIRECTORY_ROWS_MAX } from "../../core/limits";
import { ToolkitSchema } from "../../core/toolkit";
import { CreateRoomResponseSchema } from "../../core/api";
import { getTemplate } from "../../core/templates/index";
import { expectSecurityHeaders, postJson, WorkerHarness } from "./worker-harness";

const w = new WorkerHarness();
beforeEach(() => w.reset());

describe("meta and templates", () => {
  it("GET /api/health answers ok, uncached, with the security headers (connect-src only 'self')", async () => {
    const res = await w.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expectSecurityHeaders(res);
  });

  it("lists the two built-in templates", async () => {
    const res = await w.request("/api/templates");
    expect(res.status).toBe(200);
    const list = (await res.json()) as { id: string; title: string; domains: number }[];
    expect(list.map((t) => [t.id, t.domains])).toEqual([
      ["icmec-2", 12],
      ["workshop-check", getTemplate("workshop-check")?.domains.length],
    ]);
    for (const t of list) expect(t.title).toEqual(expect.any(String));
  });

  it("serves one template's JSON and 404s an unknown one", async () => {
    const res = await w.request("/api/templates/icmec-2");
    expect(res.status).toBe(200);
    const t = (await res.json()) as { id: string; domains: { rating: { scale: string } }[] };
    expect(t.id).toBe("icmec-2");
    expect(t.domains).toHaveLength(12);
    expect(t.domains[0]?.rating.scale).toBe("likert5");

    const missing = await w.request("/api/templates/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "unknown template", code: "unknown-template" });
    expectSecurityHeaders(missing);
  });

  it("serves a template's toolkit (guidance, resources, definitions); an empty one for a template without; 404 for an unknown one", async () => {
    const res = await w.request("/api/templates/icmec-2/toolkit");
    expect(res.status).toBe(200);
    const toolkit = ToolkitSchema.parse(await res.json());
    expect(toolkit.guidance.map((g) => g.domainId)).toHaveLength(12);
    expect(toolkit.resources.length).toBeGreaterThan(0);
    expect(toolkit.definitions.length).toBeGreaterThan(0);

    const none = await w.request("/api/templates/workshop-check/toolkit");
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ templateId: "workshop-check", definitions: [], guidance: [], resources: [], itemGuidance: {} });

    const missing = await w.request("/api/templates/nope/toolkit");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "unknown template", code: "unknown-template" });
  });

  it("answers unknown API paths (/api/config is gone) with a JSON 404, wrong methods with a JSON 405 and Allow", async () => {
    for (const path of ["/api/nope", "/api/config"]) {
      const missing = await w.request(path);
      expect(missing.status, path).toBe(404);
      expect(await missing.json()).toEqual({ error: "not found", code: "not-found" });
      expect(missing.headers.get("cache-control")).toBe("no-store");
    }

    const put = await w.request("/api/health", { method: "PUT", headers: { "content-type": "application/json" }, body: "{}" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD");
    expect(await put.json()).toEqual({ error: "method not allowed", code: "method-not-allowed" });

    const get = await w.request("/api/rooms");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expectSecurityHeaders(get);

    expect((await w.request("/api/join/ACDEFG", { method: "DELETE" })).status).toBe(405);
    expect(w.rooms.calls).toEqual([]);
  });
});

describe("guards in front of the API", () => {
  it.each([
    ["missing title", { templateId: "icmec-2" }, "title"],
    ["blank title", { templateId: "icmec-2", title: "   " }, "title"],
    ["k below 3", { templateId: "icmec-2", title: "x", k: 2 }, "k"],
    ["unknown domain", { templateId: "icmec-2", title: "x", domainIds: ["protocol", "astrology"] }, "domainIds.1"],
    ["extra key", { templateId: "icmec-2", title: "x", admin: true }, ""],
    ["array body", [1, 2], ""],
  ])("400 with issues for a bad body: %s", async (_name, input, path) => {
    const res = await w.createRoom(input);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe("invalid request");
    expect(body.issues.map((i) => i.path)).toContain(path);
    for (const i of body.issues) expect(i.message).toEqual(expect.any(String));
    expect(w.rooms.calls).toEqual([]);
  });

  it("names the unrecognised key", async () => {
    const body = (await (await w.createRoom({ templateId: "icmec-2", title: "x", admin: true })).json()) as {
      issues: { message: string }[];
    };
    expect(body.issues[0]?.message).toContain("admin");
  });

  it("words zod's built-in checks in English (core/zod-english.ts) and the schemas' own messages as written", async () => {
    const res = await w.createRoom({ templateId: "icmec-2", title: "x", k: 2, domainIds: ["safety", "safety"] });
    const body = (await res.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues).toEqual([
      { path: "domainIds", message: "topic listed twice" },
      { path: "k", message: "Too small: expected number to be >=3" },
    ]);
  });

  it("400 for malformed JSON, without the parser's text", async () => {
    const res = await w.createRoom('{"templateId": "icmec-2", ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "malformed JSON", code: "malformed-json" });
    expect(w.rooms.calls).toEqual([]);
  });

  it("413 for a create body over 768 KB (it may bring a directory), also when only the declared length is too large", async () => {
    const big = { templateId: "icmec-2", title: "x", pad: "a".repeat(CREATE_BODY_MAX_BYTES) };
    const res = await w.createRoom(big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "request body too large", code: "too-large" });
    expectSecurityHeaders(res);
    const declared = await w.request("/api/rooms", {
      ...postJson(big),
      headers: { "content-type": "application/json", "content-length": String(CREATE_BODY_MAX_BYTES + 40) },
    });
    expect(declared.status).toBe(413);
    expect(w.rooms.calls).toEqual([]);
  });

  it("a create body with the largest directory the limits allow is taken, and the directory reaches the room", async () => {
    const full: Directory = {
      tables: DIRECTORY_TABLE_IDS.map((id) => ({
        id,
        rows: Array.from({ length: DIRECTORY_ROWS_MAX }, () =>
          Object.fromEntries(tableTemplate(id).columns.map((c) => [c.id, "ü".repeat(DIRECTORY_FIELD_MAX)])),
        ),
      })),
    };
    const res = await w.createRoom({ templateId: "icmec-2", title: "Full directory", directory: full });
    expect(res.status).toBe(201);
    const { roomId } = (await res.json()) as { roomId: string };
    expect(w.rooms.directories.get(roomId)).toEqual(full);
  });

  it.each([
    ["a form", "application/x-www-form-urlencoded"],
    ["text/plain", "text/plain"],
    ["multipart", "multipart/form-data; boundary=x"],
  ])("415 for %s", async (_name, type) => {
    const res = await w.request("/api/rooms", { method: "POST", headers: { "content-type": type }, body: "templateId=icmec-2&title=x" });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: "content type must be application/json", code: "unsupported-media-type" });
    expect(w.rooms.calls).toEqual([]);
  });

  it("415 without a content type, and for a DELETE with a non-JSON body; a charset parameter is fine", async () => {
    expect((await w.request("/api/rooms", { method: "POST", body: "{}" })).status).toBe(415);
    const del = await w.request("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA", {
      method: "DELETE",
      headers: { authorization: `Bearer ${"k".repeat(43)}`, "content-type": "text/plain" },
      body: "x",
    });
    expect(del.status).toBe(415);
    expect(w.rooms.calls).toEqual([]);
    const charset = await w.request("/api/rooms", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ templateId: "icmec-2", title: "x" }),
    });
    expect(charset.status).toBe(201);
  });

  it("403 for a cross-site Origin on every API route, before any room is called; the own origin and PUBLIC_URL's are allowed", async () => {
    const evil = { origin: "https://evil.example" };
    const post = await w.request("/api/rooms", postJson({ templateId: "icmec-2", title: "x" }, evil));
    expect(post.status).toBe(403);
    expect(await post.json()).toEqual({ error: "cross-origin request refused", code: "cross-origin" });
    expectSecurityHeaders(post);
    const room = "AAAAAAAAAAAAAAAAAAAAAA";
    for (const path of [
      "/api/health",
      "/api/templates",
      "/api/join/ACDEFG",
      `/api/rooms/${room}/template`,
      `/api/rooms/${room}/summary`,
      "/api/nope",
    ]) {
      expect((await w.request(path, { headers: evil })).status, path).toBe(403);
    }
    expect((await w.request(`/api/rooms/${room}`, { method: "DELETE", headers: { ...evil, authorization: "Bearer abc" } })).status).toBe(
      403,
    );
    expect((await w.request("/api/health", { headers: { origin: "null" } })).status).toBe(403);
    expect((await w.request("/api/health", { headers: { origin: "http://localhost.evil.example" } })).status).toBe(403);
    expect(w.rooms.calls).toEqual([]);

    const own = await w.request("/api/rooms", postJson({ templateId: "icmec-2", title: "x" }, { origin: "http://localhost" }));
    expect(own.status).toBe(201);
    const pub = await w.request("/api/rooms", postJson({ templateId: "icmec-2", title: "x" }, { origin: "https://candor.example.org" }), {
      PUBLIC_URL: "https://candor.example.org/",
    });
    expect(pub.status).toBe(201);
    const body = CreateRoomResponseSchema.parse(await pub.json());
    expect(body.joinUrl).toBe(`https://candor.example.org/j/${body.joinCode}`);
  });

  it("a malformed setting is a JSON 500 that names nothing", async () => {
    for (const overrides of [{ PUBLIC_URL: "ftp://s3cret.example" }, { RETENTION_DAY_SECONDS: "s3cret" }]) {
      const res = await w.createRoom(undefined, overrides);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: "server misconfigured", code: "misconfigured" });
      expect(text).not.toContain("s3cret");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    expect(w.rooms.calls).toEqual([]);
  });
});
