/**
 * The report in the session's language (issue 13): the report catalogues agree with English (keys,
 * placeholders, plural forms); the HTML and Markdown reports in Spanish and Arabic carry the
 * language and direction, say once that the template text is an unofficial translation (and
 * credit it), show the translated topic titles and scale labels, and format numbers and dates the
 * Intl way; the pseudo-locale leaves no plain English word outside what the group typed; and CSV
 * and JSON stay the same whatever the language.
 */
import { describe, expect, it } from "vitest";
import { defaultDirectory } from "../../core/directory";
import { fromLegacyNames } from "../../core/facilities";
import { initialSession, type SessionState } from "../../core/session";
import { buildSummary } from "../../core/summary/build";
import { FORMATS } from "../../core/summary/index";
import { reportCss, toHtml } from "../../core/summary/html";
import { en } from "../../core/summary/i18n/en";
import { REPORT_CATALOGUES, reportWords } from "../../core/summary/i18n/index";
import { localizedReport } from "../../core/summary/localize";
import { mdText, toMarkdown } from "../../core/summary/markdown";
import { esc } from "../../core/summary/svg";
import type { PublicRoomConfig, SummaryInput } from "../../core/summary/schema";
import { getTemplate } from "../../core/templates/index";
import { getToolkit } from "../../core/templates/toolkit/index";
import { templateTranslation } from "../../core/templates/translations/index";
import { recorded } from "../fixtures/ended-sessions";

const icmec = getTemplate("icmec-2")!;
const TITLE = "Ward 7 review";
const NOTE = "Night shift needs the hotline number posted";
const ACTIONS = "Post the hotline number | priority: high | due: 2027-01-31";
const config: PublicRoomConfig = {
  roomId: "AAAAAAAAAAAAAAAAAAAAAA",
  joinCode: "ACDEFG",
  title: TITLE,
  facility: "Clinic A",
  facilities: fromLegacyNames(["Clinic A"], "Clinic A"),
  k: 3,
  template: { ...icmec, domains: icmec.domains.filter((d) => ["protocol", "safety", "training"].includes(d.id)) },
  createdDay: "2026-11-27",
  expiresAt: 1_900_000_000_000,
  lang: "es",
};
const session: SessionState = {
  ...initialSession(config.template.domains.map((d) => d.id)),
  phase: "ended",
  domains: {
    // Recorded 2 ("somewhat weak"): needs improvement, so the toolkit's advice is printed too.
    safety: recorded({ domain: [1, 4, 3, 1, 1] }, { domain: 2 }, ACTIONS),
    protocol: recorded({ domain: [0, 0, 1, 3, 6] }, { domain: 5 }),
  },
};
/** One filled row of the community directory: its table's title and headings come from the catalogue, its cells as typed. */
const directory = defaultDirectory();
directory.tables = directory.tables.map((t) => (t.id === "hotlines" ? { ...t, rows: [{ name: "Helpline", contact: "0800 123" }] } : t));
const input: SummaryInput = { config, session, notes: { safety: { notes: NOTE, actions: ACTIONS } }, directory };

function report(lang: string) {
  const r = localizedReport(input, lang, getToolkit("icmec-2"), templateTranslation("icmec-2", lang));
  return { ...r, html: toHtml(r.summary, r.toolkit, r.words, r.translation), md: toMarkdown(r.summary, r.toolkit, r.words, r.translation) };
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const baseOf = (key: string) => key.replace(/\.(zero|one|two|few|many|other)$/, "");
/** A plural form: its base has both `.one` and `.other` in English ("perspective.other" alone is a word, not a form). */
const isPlural = (key: string) =>
  /\.(zero|one|two|few|many|other)$/.test(key) && `${baseOf(key)}.other` in en && `${baseOf(key)}.one` in en;

describe("the report catalogues", () => {
  const enKeys = Object.keys(en);
  it.each(Object.entries(REPORT_CATALOGUES))("%s has every English key, no other, and the same placeholders", (lang, catalogue) => {
    const keys = Object.keys(catalogue);
    for (const key of enKeys) expect(keys, `${lang} lacks ${key}`).toContain(key);
    for (const key of keys) {
      expect(isPlural(key) || key in en, `${lang} has unknown key ${key}`).toBe(true);
      const english = en[(key in en ? key : `${baseOf(key)}.other`) as keyof typeof en];
      expect(placeholders(catalogue[key as keyof typeof catalogue]!), `${lang} ${key}`).toEqual(placeholders(english));
      expect(catalogue[key as keyof typeof catalogue]!.trim(), `${lang} ${key} is empty`).not.toBe("");
    }
  });

  it.each(Object.entries(REPORT_CATALOGUES))("%s has a form for every plural category its language uses", (lang, catalogue) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const bases = new Set(enKeys.filter(isPlural).map(baseOf));
    for (const base of bases) {
      // "many" in es/fr/pt is for millions (1 000 000 de …): "other" says it well enough.
      const needed = lang === "ar" ? categories : categories.filter((c) => c !== "many");
      for (const c of needed) expect(Object.keys(catalogue), `${lang} ${base}.${c}`).toContain(`${base}.${c}`);
    }
  });

  it("picks plural forms with Intl.PluralRules (Arabic's six)", () => {
    const ar = reportWords("ar");
    expect(ar.tn("stats.valid", 2)).toBe("2 تقييمان صالحان");
    expect(ar.tn("stats.valid", 5)).toBe("5 تقييمات صالحة");
    expect(ar.tn("stats.valid", 11)).toBe("11 تقييمًا صالحًا");
    expect(reportWords("es").tn("stats.valid", 1)).toBe("1 calificación válida");
    expect(reportWords("en").tn("stats.valid", 3)).toBe("3 valid ratings");
  });
});

describe("the report in Spanish", () => {
  const { html, md } = report("es");

  it("says its language, once that the template text is an unofficial translation, with the credit and the original", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="es" dir="ltr">/);
    expect(html.match(/class="unofficial"/g)).toHaveLength(1);
    const line = (/<p class="unofficial">(.*?)<\/p>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "");
    // The original's citation is English: marked and isolated as such.
    expect(html).toMatch(/<p class="unofficial">[^\n]*Original: <span lang="en" dir="ltr">Health &amp; Mental Health/);
    expect(line).toContain("traducción no oficial");
    expect(line).toContain(templateTranslation("icmec-2", "es")!.credit.slice(0, 40));
    expect(line).toContain(icmec.source.title.slice(0, 20).replace(/&/g, "&amp;"));
    // Near the top: in the header, before the plan.
    expect(html.indexOf('class="unofficial"')).toBeLessThan(html.indexOf('id="plan-h"'));
    expect(md.split("\n").filter((l) => l.includes("traducción no oficial"))).toHaveLength(1);
  });

  it("has the translated topic titles and scale labels, and the report's words in Spanish", () => {
    expect(html).toMatch(/>\d+\. Seguridad<\/h2>/);
    expect(html).toContain("Consenso registrado:</strong> 2 — Algo débil");
    expect(html).toContain('<h2 id="overview-h">Panorama</h2>');
    expect(html).toContain("Plan de mejora");
    expect(html).toContain(">Líneas de ayuda</h3>");
    expect(html).toContain('<th scope="col">Nombre de la organización/servicio</th>');
    expect(md).toMatch(/## \d+\. Seguridad/);
    expect(md).toContain("- Consenso registrado: 2 — Algo débil");
  });

  it("formats dates, percentages and decimals the Intl way", () => {
    expect(html).toContain("<dd>27 de noviembre de 2026</dd>");
    expect(html).toContain("31 de enero de 2027");
    // 7 of 10 rated 2–3 (1 + 4 + 3 − 1 … by the best pair); Intl puts a space before "%" in Spanish.
    expect(html).toMatch(/el \d+\u00a0% calificó/);
    const a = buildSummary(input).domains.find((d) => d.id === "safety")!.ratings[0]!.latest!.agreementA!;
    expect(Number.isInteger(a)).toBe(false);
    expect(html).toContain(`>${new Intl.NumberFormat("es", { maximumFractionDigits: 2 }).format(a)}</td>`);
    expect(html).toContain(`>${String(a).slice(0, 1)},`);
  });

  it("quotes the toolkit's English guidance as English, and says so", () => {
    expect(html).toContain("no están traducidos: se citan en inglés");
    expect(html).toMatch(/<ul class="guidance" lang="en" dir="ltr">/);
  });

  it("prints its page numbers in Spanish, in the stylesheet its CSP allows", () => {
    expect(reportCss(reportWords("es"))).toContain('content: "Página " counter(page) " de " counter(pages);');
  });
});

describe("the report in Arabic", () => {
  const { html, md } = report("ar");

  it("is right to left, with the numbers and charts left to right", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(html).toMatch(/<svg class="dist" dir="ltr" role="img" aria-label="التوزيع: /);
    expect(html).toMatch(/<td class="ov-bar" dir="ltr">/);
    expect(html).toMatch(/<td class="n" dir="ltr">/);
    // The distribution's bars stay in numeric order: 1, 2, 3, 4, 5, then "don't know".
    const labels = [...(html.match(/<svg class="dist"[\s\S]*?<\/svg>/)?.[0] ?? "").matchAll(/class="lbl"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels.slice(0, 5)).toEqual(["1", "2", "3", "4", "5"].map((d) => new Intl.NumberFormat("ar").format(Number(d))));
  });

  it("says the text is an unofficial translation, has the Arabic topic title and scale label", () => {
    expect(html.match(/class="unofficial"/g)).toHaveLength(1);
    expect(html).toContain("ترجمة غير رسمية");
    expect(html).toContain(`. السلامة</h2>`);
    expect(html).toContain("ضعيف نوعًا ما");
    expect(md).toContain("ترجمة غير رسمية");
    expect(html).toContain(new Intl.DateTimeFormat("ar", { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-11-27T00:00:00Z")));
  });
});

describe("English and the data formats", () => {
  it("English: no unofficial line, the template's own words, lang en", () => {
    const { html, md, translation } = report("en");
    expect(translation).toBeUndefined();
    expect(html).not.toContain('class="unofficial"');
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
    expect(html).toMatch(/>\d+\. Safety<\/h2>/);
    expect(md).not.toMatch(/unofficial translation/);
    // The English report is what toHtml gives without a language.
    expect(html).toBe(toHtml(buildSummary(input), getToolkit("icmec-2")));
  });

  it("only the reports for people are localized: CSV and JSON are data (the route gives them the same bytes in every language)", () => {
    expect(
      Object.entries(FORMATS)
        .filter(([, f]) => f.localized)
        .map(([name]) => name),
    ).toEqual(["md", "html"]);
  });
});

describe("the pseudo-locale", () => {
  const { html, md } = report("en-XA");
  /** The directory's rows are the group's (some pre-filled from the toolkit, then edited): they stay as typed. */
  const cells = directory.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r))).filter((v): v is string => !!v?.trim());
  const withoutCells = (text: string, quote: (s: string) => string) =>
    cells.sort((a, b) => b.length - a.length).reduce((acc, v) => acc.replaceAll(quote(v.trim()), " "), text);

  it("leaves no plain ASCII word in the HTML report outside what the group typed, ids and links", () => {
    // Links first (a directory cell may be the start of a resource's address).
    const visible = withoutCells(html.replace(/https?:\/\/[^\s"<]+/g, " "), esc)
      .replace(/<style>[\s\S]*?<\/style>/, "")
      .replace(/aria-label="([^"]*)"/g, " $1 ")
      .replace(/<[^>]+>/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/&[a-z]+;|&#\d+;/g, " ")
      .replaceAll(TITLE, " ")
      .replaceAll(NOTE, " ")
      .replaceAll(ACTIONS, " ")
      .replaceAll("Post the hotline number", " ")
      .replaceAll("Clinic A", " ")
      .replaceAll("Helpline", " ")
      .replaceAll("icmec-2", " ");
    const words = visible.match(/[A-Za-z]{2,}/g) ?? [];
    expect(words.map((w) => visible.slice(Math.max(0, visible.indexOf(w) - 30), visible.indexOf(w) + 30))).toEqual([]);
    expect(html).toMatch(/<html lang="en-XA" dir="ltr">/);
    expect(html.match(/class="unofficial"/g)).toHaveLength(1);
  });

  it("the Markdown too", () => {
    const words =
      withoutCells(md.replace(/https?:\/\/[^\s)>]+/g, " "), (v) => mdText(v, { oneLine: true }))
        .replaceAll(TITLE, " ")
        .replaceAll(NOTE, " ")
        .replaceAll(ACTIONS.replaceAll("|", "\\|"), " ")
        .replaceAll("Post the hotline number", " ")
        .replaceAll("Clinic A", " ")
        .replaceAll("Helpline", " ")
        .replaceAll("icmec-2", " ")
        .replace(/\(<?https?:\/\/[^)]*\)/g, " ")
        .match(/[A-Za-z]{2,}/g) ?? [];
    expect(words).toEqual([]);
  });
});
