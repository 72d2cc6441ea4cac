/**
 * The client's pages and static files, served from a stand-in for the ASSETS binding: which file
 * each route serves, the security headers on all of them, noindex on capability pages, HEAD and
 * 405, and an unexpected failure as a JSON 500 that leaks nothing. The join link's data block is in
 * worker-join-page.test.ts.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { expectSecurityHeaders, WorkerHarness } from "./worker-harness";

const w = new WorkerHarness();
beforeEach(() => w.reset());

describe("pages and assets", () => {
  it.each([
    ["/j/ACDEFG", "/phone"],
    ["/join", "/phone"],
    ["/p/AAAAAAAAAAAAAAAAAAAAAA", "/projector"],
    ["/f/AAAAAAAAAAAAAAAAAAAAAA", "/console"],
    ["/toolkit", "/toolkit"],
  ])("%s serves %s.html with the security headers", async (path, asset) => {
    const res = await w.request(path);
    expect(res.status).toBe(200);
    // The join link's page also reads which chunk holds the phone's strings (worker/phone-boot.ts).
    expect(w.assets.requests).toEqual(path.startsWith("/j/") ? [asset, "/phone-strings.json"] : [asset]);
    expect(await res.text()).toContain(`<title>${asset.slice(1)}</title>`);
    expectSecurityHeaders(res);
    // Pages of one session are kept out of search engines; the public ones are not.
    expect(res.headers.get("x-robots-tag")).toBe(["/join", "/toolkit"].includes(path) ? null : "noindex, nofollow");
    // The join link's page is per code (it embeds the room): never cached. The others keep the assets' header.
    expect(res.headers.get("cache-control")).toBe(path.startsWith("/j/") ? "no-store" : "public, max-age=0, must-revalidate");
  });

  it("passes everything else to the assets, with the security headers, 404s included", async () => {
    const home = await w.request("/");
    expect(home.status).toBe(200);
    expectSecurityHeaders(home);
    const script = await w.request("/assets/app.js");
    expect(script.headers.get("content-type")).toBe("text/javascript");
    expectSecurityHeaders(script);
    const missing = await w.request("/nope.png");
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect(w.assets.requests).toEqual(["/", "/assets/app.js", "/nope.png"]);
    expect(w.rooms.calls).toEqual([]);
  });

  it("HEAD works for pages; other methods are 405 with Allow", async () => {
    const head = await w.request("/p/AAAAAAAAAAAAAAAAAAAAAA", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    for (const path of ["/j/ACDEFG", "/", "/p/AAAAAAAAAAAAAAAAAAAAAA"]) {
      const post = await w.request(path, { method: "POST" });
      expect(post.status, path).toBe(405);
      expect(post.headers.get("allow")).toBe("GET, HEAD");
      expect(await post.json()).toEqual({ error: "method not allowed", code: "method-not-allowed" });
      expectSecurityHeaders(post);
    }
  });

  it("an unexpected failure is a JSON 500 that leaks nothing", async () => {
    const broken = { fetch: () => Promise.reject(new Error("secret detail at /srv/x")) };
    const res = await w.request("/", {}, { ASSETS: broken });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: "internal error", code: "internal" });
    expect(text).not.toContain("secret");
    expectSecurityHeaders(res);
  });
});
