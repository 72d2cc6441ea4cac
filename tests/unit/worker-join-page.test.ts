/**
 * The join link's page (`GET /j/:code`, worker/routes/pages.ts): the phone page with its code's
 * room, `{ roomId, title, k }`, in a JSON data block before `</head>`; never cached; the title
 * escaped so it can't end the block; the page without the block whenever the room can't be had
 * (unknown code, not a code, the directory failing, answering nonsense or slower than
 * JOIN_LOOKUP_BUDGET_MS, timed with fake timers); conditional headers dropped; HEAD makes no lookup.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acceptedLanguages } from "../../core/languages";
import { CreateRoomResponseSchema, PhoneBootSchema } from "../../core/api";
import { likelyLanguage } from "../../worker/phone-boot";
import { JOIN_LOOKUP_BUDGET_MS } from "../../worker/routes/pages";
import { roomConfig } from "./room-host";
import { expectSecurityHeaders, pageHtml, WorkerHarness } from "./worker-harness";

const w = new WorkerHarness();
beforeEach(() => w.reset());
afterEach(() => vi.useRealTimers());

/** Lets every pending promise chain run (setImmediate is left real by the fake timers below). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

const BLOCK = /<script type="application\/json" id="candor-join">([^<]*)<\/script>/;
const ROOM_ID = "AAAAAAAAAAAAAAAAAAAAAA";
/** Code ACDEFG claimed for a room that exists (its door open unless shut). */
async function claim(title = "Ward review", k = 5) {
  w.rooms.configs.set(ROOM_ID, await roomConfig({ name: ROOM_ID }));
  w.rooms.codes.set("ACDEFG", { roomId: ROOM_ID, title, k, expiresAt: Date.now() + 60_000 });
}

/** The data block's parsed content, or null when the page has none; checks it sits in the head. */
function bootOf(html: string): unknown {
  const m = BLOCK.exec(html);
  if (!m) {
    expect(html).toBe(pageHtml("phone"));
    return null;
  }
  expect(html.indexOf(m[0])).toBeLessThan(html.indexOf("</head>"));
  expect(html.replace(m[0], "")).toBe(pageHtml("phone")); // nothing else changed
  return JSON.parse(m[1]!);
}

describe("GET /j/:code carries its room", () => {
  it("a known code: exactly { roomId, title, k, joiningOpen }, valid for the phone's schema, no-store, noindex, with the CSP", async () => {
    const room = CreateRoomResponseSchema.parse(await (await w.createRoom({ templateId: "icmec-2", title: "Ward review", k: 4 })).json());
    w.rooms.calls.length = 0;
    const res = await w.request(`/j/${room.joinCode}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    // The body is not the file any more: no stale validator, and a length (if any) that fits.
    expect(res.headers.get("etag")).toBeNull();
    expectSecurityHeaders(res);
    const html = await res.text();
    const length = res.headers.get("content-length");
    if (length !== null) expect(Number(length)).toBe(Buffer.byteLength(html));
    const boot = bootOf(html);
    expect(boot).toEqual({ roomId: room.roomId, title: "Ward review", k: 4, joiningOpen: true });
    expect(PhoneBootSchema.parse(boot)).toEqual(boot);
    expect(w.rooms.calls.map((c) => [c.op, c.name])).toEqual([
      ["code.lookup", room.joinCode],
      ["room.door", room.roomId],
    ]);
    expect(w.assets.requests).toEqual(["/phone", "/phone-strings.json"]);
  });

  it("codes are normalised as the phone does", async () => {
    await claim();
    expect(bootOf(await (await w.request("/j/acd-efg")).text())).toEqual({
      roomId: ROOM_ID,
      title: "Ward review",
      k: 5,
      joiningOpen: true,
    });
    expect(w.rooms.calls[0]?.name).toBe("ACDEFG");
  });

  it("escapes the title so it can't end the block: </script>, <!--, quotes, &, $-patterns, U+2028 and U+2029", async () => {
    const title = `</script><script>alert(1)</script> "quoted" <!-- & $& $' \u2028 \u2029 </SCRIPT >`;
    await claim(title);
    const html = await (await w.request("/j/ACDEFG")).text();
    // One script element, ours; the title's markup never reaches the HTML as markup.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain("alert(1)</script>");
    expect(html).not.toContain("<!--");
    expect(html).not.toMatch(/[\u2028\u2029]/);
    const m = BLOCK.exec(html);
    expect(m?.[1]).toMatch(/^[\x20-\x7e]*$/); // plain ASCII, no < > & left
    expect(m?.[1]).not.toMatch(/[<>&]/);
    expect(m?.[1]).toContain("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    // ...and reads back as exactly the title.
    expect(PhoneBootSchema.parse(bootOf(html)).title).toBe(title);
  });
});

describe("GET /j/:code without its room", () => {
  it("an unknown code: the page without the block (the phone then says the code is unknown)", async () => {
    const res = await w.request("/j/ACDEFG");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(bootOf(await res.text())).toBeNull();
    expect(w.rooms.ops()).toEqual(["code.lookup"]);
  });

  it("something that is not a code: the page without the block, and no lookup", async () => {
    for (const path of ["/j/nope", "/j/0OOOOO", "/j/ACDEFGH"]) {
      const res = await w.request(path);
      expect(res.status, path).toBe(200);
      expect(bootOf(await res.text())).toBeNull();
    }
    expect(w.rooms.calls).toEqual([]);
  });

  it("the directory failing or answering nonsense: the page without the block", async () => {
    await claim();
    w.rooms.throwNext("code.lookup");
    for (const answer of [
      { roomId: "short" },
      "not json",
      { roomId: ROOM_ID, title: "x", k: 2 },
      { roomId: ROOM_ID, title: "x", k: 5, partyUrl: "https://x" },
    ]) {
      w.rooms.answerNext("code.lookup", answer);
    }
    for (let i = 0; i < 5; i++) {
      const res = await w.request("/j/ACDEFG");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(bootOf(await res.text())).toBeNull();
    }
    expect(w.rooms.ops()).toEqual(Array(5).fill("code.lookup"));
    // ...and the faithful answer again once the trouble is over.
    expect(bootOf(await (await w.request("/j/ACDEFG")).text())).not.toBeNull();
  });

  it("a hanging directory: the page goes out without the block when the budget is spent, not before", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await claim();
    const { arrived } = w.rooms.hold("code.lookup"); // never resumed
    let settled = false;
    const pending = w.request("/j/ACDEFG").then((res) => ((settled = true), res));
    await arrived;
    await vi.advanceTimersByTimeAsync(JOIN_LOOKUP_BUDGET_MS - 1);
    await flush();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(bootOf(await res.text())).toBeNull();
  });

  it("a slow directory that answers within the budget still gets its room embedded", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await claim();
    const lookup = w.rooms.hold("code.lookup");
    const pending = w.request("/j/ACDEFG");
    await lookup.arrived;
    await vi.advanceTimersByTimeAsync(JOIN_LOOKUP_BUDGET_MS - 1);
    lookup.resume();
    expect(bootOf(await (await pending).text())).toEqual({ roomId: ROOM_ID, title: "Ward review", k: 5, joiningOpen: true });
  });
});

describe("GET /j/:code and the assets", () => {
  it("asks the assets for the whole file (no conditional or range headers); HEAD makes no lookup", async () => {
    await claim();
    const headers = {
      "if-none-match": '"phone-etag"',
      "if-modified-since": new Date().toUTCString(),
      range: "bytes=0-10",
      "accept-language": "en",
    };
    const res = await w.request("/j/ACDEFG", { headers });
    expect(res.status).toBe(200);
    expect(bootOf(await res.text())).not.toBeNull();
    const page = w.assets.headersOf.get("/phone")!;
    expect([...page.keys()].filter((k) => k.startsWith("if-") || k === "range")).toEqual([]);
    expect(page.get("accept-language")).toBe("en");

    w.rooms.calls.length = 0;
    const head = await w.request("/j/ACDEFG", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get("cache-control")).toBe("no-store");
    expect(w.rooms.calls).toEqual([]);
  });
});

describe("GET /j/:code names the phone's strings in its likely language", () => {
  const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

  const STRINGS = { en: "/assets/en-Ab12.js", ar: "/assets/ar-Cd34.js" };

  it("reads the build's map once, however many phones open the page", async () => {
    w.assets.phoneStrings = STRINGS;
    for (let i = 0; i < 3; i++) await w.request("/j/ACDEFG");
    expect(w.assets.requests.filter((p) => p === "/phone-strings.json")).toEqual(["/phone-strings.json"]);
  });

  it("the browser's language (Accept-Language), ?lang= first, English when none fits; before </head>", async () => {
    w.assets.phoneStrings = STRINGS;
    const ar = await (await w.request("/j/ACDEFG", { headers: { "accept-language": "de-DE, ar-EG;q=0.8, en;q=0.5" } })).text();
    expect(preloads(ar)).toEqual(["/assets/ar-Cd34.js"]);
    expect(ar.indexOf("modulepreload")).toBeLessThan(ar.indexOf("</head>"));
    const en = await (await w.request("/j/ACDEFG?lang=en", { headers: { "accept-language": "ar" } })).text();
    expect(preloads(en)).toEqual(["/assets/en-Ab12.js"]);
    const none = await (await w.request("/j/ACDEFG", { headers: { "accept-language": "de, ja" } })).text();
    expect(preloads(none)).toEqual(["/assets/en-Ab12.js"]);
    const pseudo = await (await w.request("/j/ACDEFG?lang=en-XA")).text();
    expect(preloads(pseudo)).toEqual(["/assets/en-Ab12.js"]);
  });

  it("a language the build has no chunk for, a build without the map, or a damaged map: no hint, the page as it is", async () => {
    w.assets.phoneStrings = STRINGS;
    expect(preloads(await (await w.request("/j/ACDEFG", { headers: { "accept-language": "fr" } })).text())).toEqual([]);
    // Each build its own assets (the Worker reads a build's map once).
    w.reset();
    w.assets.phoneStrings = null;
    expect(preloads(await (await w.request("/j/ACDEFG")).text())).toEqual([]);
    w.reset();
    w.assets.phoneStrings = { en: "https://elsewhere.example/x.js" };
    expect(preloads(await (await w.request("/j/ACDEFG")).text())).toEqual([]);
  });
});

describe("acceptedLanguages and likelyLanguage", () => {
  it("orders by q, keeps ties in order, drops * and q=0", () => {
    expect(acceptedLanguages("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toEqual(["fr-CH", "fr", "en", "de"]);
    expect(acceptedLanguages("en;q=0.5, pt-BR, es;q=0")).toEqual(["pt-BR", "en"]);
    expect(acceptedLanguages("")).toEqual([]);
    expect(acceptedLanguages(null)).toEqual([]);
    expect(likelyLanguage(null, "pt-BR,pt;q=0.9")).toBe("pt");
    expect(likelyLanguage("xx", "es")).toBe("es");
  });
});
