/**
 * Issue 13's "done when", in Chromium against the real stack: one room, four phones whose browsers
 * speak Spanish, Arabic, French and English, each shown the ballot in its own language (UI from the
 * catalogues, topic, items and scale from the template's unofficial translations), voting together
 * on one topic. The reveal on the projector and the summary count them as one group, because
 * ballots carry ids, never words. axe runs on each phone's screens in its language and on the
 * projector and console in Spanish and Arabic; the phone, projector, console and report are
 * screenshotted in Arabic (test-artifacts/e2e/rooms-*.png) to be looked at.
 *
 * Expected words come from the catalogues and the translation files, not from this file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { AREA_FILES } from "../../client/src/i18n/all";
import type { CreateRoomResponse } from "../../core/api";
import type { Language } from "../../core/languages";
import { type Summary, SummarySchema } from "../../core/summary/schema";
import type { TemplateTranslation } from "../../core/translations";
import { closeEverything, command, createRoom, facilitator, fetchSummary, type JsonClient } from "../integration/clients";
import { BrowserRun, heading, NARROW, WIDE } from "./browser";
import { documentLanguage, inLanguage } from "./language";

const run = new BrowserRun({ prefix: "rooms" });
const ROOT = join(import.meta.dirname, "..", "..");
const TITLE = "Clinic review";
const TOPIC = "privacy";

/** A catalogue string in one language. */
function catalogue(lang: Language, key: string): string {
  const all = Object.assign({}, ...Object.values(AREA_FILES[lang]!)) as Record<string, string>;
  const text = all[key];
  if (text === undefined) throw new Error(`no ${key} in ${lang}`);
  return text;
}
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/**
 * A catalogue string as a page shows it, `{name}` filled as the pages fill it: numbers the Intl way;
 * a filled-in text may be isolated (U+2068…U+2069: right-to-left pages isolate it, and the accessible
 * name keeps or drops the marks depending on the element), so the match allows either.
 */
function say(lang: Language, key: string, vars: Record<string, string | number> = {}): RegExp {
  const parts = catalogue(lang, key).split(/\{(\w+)\}/);
  const pattern = parts
    .map((part, i) => {
      // Catalogues keep typography's no-break spaces (French « … »); accessible names may turn them into spaces.
      if (i % 2 === 0) return escapeRegExp(part).replace(/\s+/g, "\\s*");
      const v = vars[part]!;
      return typeof v === "number" ? escapeRegExp(new Intl.NumberFormat(lang).format(v)) : `\u2068?${escapeRegExp(v)}\u2069?`;
    })
    .join("");
  return new RegExp(`^${pattern}$`);
}

const translations: Partial<Record<Language, TemplateTranslation>> = {};
const englishTemplate = JSON.parse(readFileSync(join(ROOT, "core/templates/icmec-2.json"), "utf8")) as {
  scales: Record<string, { points: { value: number; label: string }[] }>;
  domains: { id: string; title: string; rating: { scale: string } }[];
};
/** The topic's title and a scale point's label as the template gives them in `lang`. */
function templateWords(lang: Language, point: number): { title: string; label: string } {
  const domain = englishTemplate.domains.find((d) => d.id === TOPIC)!;
  if (lang === "en") return { title: domain.title, label: englishTemplate.scales[domain.rating.scale]!.points[point - 1]!.label };
  translations[lang] ??= JSON.parse(readFileSync(join(ROOT, `core/templates/translations/icmec-2.${lang}.json`), "utf8"));
  const tr = translations[lang]!;
  return { title: tr.domains![TOPIC]!.title!, label: tr.scales![domain.rating.scale]!.points![String(point)]! };
}

/** Each phone: its browser's language, what it answers to the topic's first item and its rating. */
const PHONES: { locale: string; lang: Language; answer: "yes" | "no"; rating: number }[] = [
  { locale: "es-MX", lang: "es", answer: "yes", rating: 4 },
  { locale: "ar-EG", lang: "ar", answer: "no", rating: 2 },
  { locale: "fr-FR", lang: "fr", answer: "yes", rating: 4 },
  { locale: "en-GB", lang: "en", answer: "yes", rating: 5 },
];

describe("one room, phones in Spanish, Arabic, French and English voting together", () => {
  let room: CreateRoomResponse;
  let fac: JsonClient;
  let projector: Page;
  let console_: Page;
  const phones: Page[] = [];

  afterAll(() => closeEverything());

  run.step("the session speaks Spanish: the projector and the console follow it", async () => {
    room = await createRoom(run.stack, { title: TITLE, domainIds: ["privacy", "safety"], k: 3, lang: "es" });
    fac = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    projector = await run.open("projector", { viewport: WIDE, locale: "en-US" });
    await projector.goto(room.projectorUrl);
    await inLanguage(projector, "es");
    await heading(projector, say("es", "stage.lobby")).waitFor();
    console_ = await run.open("console", { viewport: { width: 1366, height: 900 }, locale: "en-US" });
    await console_.goto(room.facilitatorUrl);
    await inLanguage(console_, "es");
    await run.screen(projector, "projector-es", false);
    await run.screen(console_, "console-es");
  });

  run.step("each phone opens in its browser's language, says the translation is unofficial, and joins", async () => {
    for (const p of PHONES) {
      const phone = await run.open(`phone-${p.lang}`, { viewport: NARROW, isMobile: true, hasTouch: true, locale: p.locale });
      await phone.goto(room.joinUrl);
      await heading(phone, say(p.lang, "phone.welcome.title", { title: TITLE })).waitFor();
      expect(await documentLanguage(phone)).toEqual([p.lang, p.lang === "ar" ? "rtl" : "ltr"]);
      // Said once, plainly, and only where the words are a translation.
      const note = phone.locator(".translation-note");
      if (p.lang === "en") expect(await note.count()).toBe(0);
      else await note.getByText(catalogue(p.lang, "language.unofficial")).waitFor();
      await run.screen(phone, `notice-${p.lang}`);
      await phone.getByRole("button", { name: say(p.lang, "phone.welcome.continue") }).click();
      await heading(phone, say(p.lang, "phone.lobby.title")).waitFor();
      phones.push(phone);
    }
    await projector.getByText(say("es", "stage.joined.other", { n: 4 })).waitFor();
  });

  run.step("each ballot is in its phone's language; the phones answer and send", async () => {
    expect(await command(fac, { op: "open", domainId: TOPIC })).toMatchObject({ t: "done" });
    for (const [i, p] of PHONES.entries()) {
      const phone = phones[i]!;
      await phone.getByRole("button", { name: say(p.lang, "phone.ballot.send") }).waitFor();
      const words = templateWords(p.lang, p.rating);
      // The topic's title in the phone's language (a long title may have break points in it).
      const shown = await phone.locator("form.ballot").getByRole("heading").first().textContent();
      expect(shown?.replace(/\u200b/g, "")).toContain(words.title);
      await phone
        .locator("form.ballot fieldset.item")
        .first()
        .getByRole("radio", { name: say(p.lang, `answer.${p.answer}`), exact: true })
        .check();
      // The scale point by its label in this phone's language: the same value 1..5 in every one.
      await phone
        .locator("fieldset.rating")
        .getByRole("radio", { name: `${p.rating} ${words.label}`, exact: true })
        .check();
      await run.screen(phone, `ballot-${p.lang}`);
      await phone.getByRole("button", { name: say(p.lang, "phone.ballot.send") }).click();
      await heading(phone, say(p.lang, "phone.sent.title")).waitFor();
      await run.screen(phone, `sent-${p.lang}`);
    }
  });

  run.step("the reveal counts the four languages as one group", async () => {
    expect(await command(fac, { op: "close" })).toMatchObject({ t: "done" });
    const title = templateWords("es", 1).title;
    const table = projector.getByRole("table", { name: say("es", "chart.title", { domain: title }) });
    await table.waitFor({ state: "attached" });
    const counts = await table.locator("tbody tr td").allTextContents();
    // Scale points 1..5, then "don't know": 2 → 1, 4 → 2, 5 → 1.
    expect(counts.map((c) => Number(c.trim()))).toEqual([0, 1, 0, 2, 1, 0]);
    await run.screen(projector, "projector-revealed-es", false);
  });

  run.step("the facilitator switches the session to Arabic: projector and console right to left", async () => {
    await console_.getByRole("button", { name: "العربية" }).click();
    await inLanguage(projector, "ar");
    await inLanguage(console_, "ar");
    expect(await documentLanguage(projector)).toEqual(["ar", "rtl"]);
    const title = templateWords("ar", 1).title;
    await projector.getByRole("table", { name: say("ar", "chart.title", { domain: title }) }).waitFor({ state: "attached" });
    // Charts keep their numeric order: the bar of scale point 1 is left of the bar of point 5.
    const chart = projector.getByRole("img", { name: new RegExp(say("ar", "chart.title", { domain: title }).source.slice(1, -1)) });
    const xs = await chart.locator(".chart__count").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(xs).toHaveLength(5);
    expect(xs[0]!).toBeLessThan(xs[4]!);
    await run.screen(projector, "projector-revealed-ar", false);
    await run.screen(console_, "console-revealed-ar");
    await run.screen(phones[1]!, "phone-ar-after-reveal");
  });

  run.step("the summary counts one group; the report in Arabic says the translation is unofficial", async () => {
    const res = await fetchSummary(run.stack, room, "json");
    expect(res.status).toBe(200);
    const summary: Summary = SummarySchema.parse(await res.json());
    const round = summary.domains.find((d) => d.id === TOPIC)!.rounds[0]!;
    const rating = round.ratings[0]!;
    expect(rating.shown).toBe(true);
    if (rating.shown) {
      expect(rating.stats.n).toBe(4);
      expect(rating.stats.counts).toEqual([0, 1, 0, 2, 1]);
    }
    expect(await command(fac, { op: "end" })).toMatchObject({ t: "done" });

    const report = await run.open("report", { viewport: { width: 1000, height: 1200 } });
    await report.setExtraHTTPHeaders({ authorization: `Bearer ${room.facilitatorKey}` });
    // No lang=: the session's language, Arabic since the switch.
    const page = await report.goto(`${run.stack.url}/api/rooms/${room.roomId}/summary?format=html`);
    expect(page?.status()).toBe(200);
    expect(await documentLanguage(report)).toEqual(["ar", "rtl"]);
    await heading(report, TITLE).waitFor();
    const text = (await report.locator("body").textContent()) ?? "";
    expect(text).toContain(templateWords("ar", 1).title);
    // Once, near the top: the translation's own credit of the original.
    expect(text.split(translations.ar!.credit).length - 1).toBe(1);
    await run.screen(report, "report-ar");
  });

  run.finalChecks();
});
