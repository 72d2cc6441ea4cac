/**
 * `GET /api/rooms/:roomId/summary?lang=` (issue 13) through the real Hono app and the in-memory
 * rooms: the HTML and Markdown reports in the language asked for, else the session's; the HTML's
 * CSP allows exactly the stylesheet of that language; CSV and JSON are the same bytes whatever the
 * language; an unknown language is refused with a code.
 */
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { RoomConfig } from "../../core/api";
import { fromLegacyNames } from "../../core/facilities";
import { reportCss } from "../../core/summary/html";
import { reportWords } from "../../core/summary/i18n/index";
import { getTemplate } from "../../core/templates/index";
import { sha256, WorkerHarness } from "./worker-harness";

const KEY = "k".repeat(43);
const ROOM = "RoomRoomRoomRoomRoom02";
const icmec = getTemplate("icmec-2")!;
const config = (lang?: RoomConfig["lang"]): RoomConfig => ({
  roomId: ROOM,
  joinCode: "ACDEFH",
  title: "Sala 7",
  facility: null,
  facilities: fromLegacyNames([], null),
  k: 3,
  keyHash: sha256(KEY),
  secret: "s".repeat(43),
  template: { ...icmec, domains: icmec.domains.filter((d) => ["protocol", "safety"].includes(d.id)) },
  createdDay: "2026-11-27",
  expiresAt: 1_900_000_000_000,
  ...(lang ? { lang } : {}),
});

const w = new WorkerHarness();
beforeEach(() => w.reset());
const get = (query: string) => w.request(`/api/rooms/${ROOM}/summary?${query}`, { headers: { authorization: `Bearer ${KEY}` } });
const cspHash = (css: string) => `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;

describe("the summary in a language", () => {
  it("the HTML report in ?lang=, its CSP pinned to that language's stylesheet", async () => {
    w.rooms.seed(config());
    const res = await get("format=html&lang=es");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html lang="es" dir="ltr">/);
    expect(html).toContain("Seguridad");
    expect(html).toContain('class="unofficial"');
    expect(res.headers.get("content-language")).toBe("es");
    expect(res.headers.get("content-security-policy")).toContain(`style-src ${cspHash(reportCss(reportWords("es")))};`);
    expect(html).toContain(`<style>${reportCss(reportWords("es"))}</style>`);
  });

  it("by default, the session's language (Arabic here): right to left; English for a room without one", async () => {
    w.rooms.seed(config("ar"));
    const html = await (await get("format=html")).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain("السلامة");
    const md = await (await get("format=md")).text();
    expect(md).toContain("ترجمة غير رسمية");

    w.reset();
    w.rooms.seed(config());
    const en = await (await get("format=html")).text();
    expect(en).toMatch(/<html lang="en" dir="ltr">/);
    expect(en).not.toContain('class="unofficial"');
  });

  it("?lang= overrides the session's language, and the pseudo-locale is one too", async () => {
    w.rooms.seed(config("ar"));
    expect(await (await get("format=html&lang=fr")).text()).toMatch(/<html lang="fr" dir="ltr">/);
    const pseudo = await (await get("format=html&lang=en-XA")).text();
    expect(pseudo).toMatch(/<html lang="en-XA" dir="ltr">/);
    expect(pseudo).toContain("⟦");
  });

  it.each(["csv", "json", "directory-csv"])("%s: the same bytes in every language", async (format) => {
    w.rooms.seed(config("ar"));
    const plain = await (await get(`format=${format}`)).text();
    for (const lang of ["en", "es", "ar", "en-XA"]) {
      const res = await get(`format=${format}&lang=${lang}`);
      expect(await res.text()).toBe(plain);
      expect(res.headers.get("content-language")).toBeNull();
    }
    if (format === "json") expect(JSON.parse(plain).domains[0].title).toBe(icmec.domains[0]!.title);
  });

  it("refuses a language Candor doesn't speak: 400 with a code", async () => {
    w.rooms.seed(config());
    for (const lang of ["de", "EN", "ar-EG", ""]) {
      const res = await get(`format=html&lang=${encodeURIComponent(lang)}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "unknown language", code: "unknown-language" });
    }
  });
});
