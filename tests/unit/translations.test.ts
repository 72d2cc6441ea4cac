/**
 * Issue 13's translation data: the UI catalogues (client/src/i18n/<lang>.ts), the unofficial
 * translations of icmec-2's text (core/templates/translations/) and of the toolkit's definitions
 * (core/templates/toolkit/translations/). Checks only what a machine can: every key and id, the
 * same placeholders, every plural form the language needs, nothing left in English by accident,
 * the unofficial marking; whether the words are right is for a reader of the language.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AREA_FILES, ar, en, es, fr, pt } from "../../client/src/i18n/all";
import { AREAS } from "../../client/src/i18n/areas";
import { type Template, TemplateSchema } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import definitions from "../../core/templates/toolkit/definitions.json";
import {
  DefinitionsTranslationSchema,
  localizeTemplate,
  type TemplateTranslation,
  TemplateTranslationSchema,
  unusedPaths,
} from "../../core/translations";

const CATALOGUES: Record<string, Readonly<Record<string, string>>> = { es, fr, pt, ar };
const LANGUAGES = Object.keys(CATALOGUES);

/** Keys whose English is a code, a name or pure notation: a translation may (or must) keep it. */
const SAME_EVERYWHERE = new Set([
  "app.name", // the product's name
  "console.summary.md", // file formats
  "console.summary.csv",
  "console.summary.json",
  "stats.agreementValue", // named measures, only letters are the names and "A", "Cns"
  "console.timer.minutes", // "{n} min": the international abbreviation
  "console.timer.extend", // "+{n} s": SI symbol
  "answer.na.short", // "N/A" is also the usual Spanish and Portuguese abbreviation
]);
/** Words that happen to be spelled alike in English and the language. */
const SAME_IN: Record<string, readonly string[]> = {
  es: ["answer.no"],
  fr: [
    "perspective.administration",
    "phone.ballot.items",
    "items.question",
    "status.consensus",
    "status.short.consensus",
    "console.notes.label",
    "console.session.heading",
  ],
  pt: ["links.heading"], // "links" is the everyday Brazilian word
  ar: [],
};

const CLDR_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);
/**
 * Plural bases of en: `x` with an `x.other` whose every sibling `x.<y>` is a plural category.
 * ("phone.problem.other" sits among "phone.problem.late" and friends: not a plural.)
 */
const PLURAL_BASES = (() => {
  const keys = Object.keys(en);
  return keys
    .filter((k) => k.endsWith(".other"))
    .map((k) => k.slice(0, -".other".length))
    .filter((base) => keys.filter((k) => k.startsWith(`${base}.`)).every((k) => CLDR_CATEGORIES.has(k.slice(base.length + 1))));
})();

/** What a catalogue in `lang` must have: en's keys with each plural spelled out in the language's categories. */
function expectedKeys(lang: string, englishKeys: readonly string[] = Object.keys(en)): string[] {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const plural = (k: string) => PLURAL_BASES.find((b) => k.startsWith(`${b}.`) && CLDR_CATEGORIES.has(k.slice(b.length + 1)));
  const out = englishKeys.filter((k) => !plural(k));
  const bases = PLURAL_BASES.filter((b) => englishKeys.includes(`${b}.other`));
  for (const base of bases) for (const c of categories) out.push(`${base}.${c}`);
  return out.sort();
}
/** The English a key translates: a plural form the language has and English lacks translates "other". */
function englishOf(key: string): string {
  if (key in en) return en[key as keyof typeof en];
  const base = PLURAL_BASES.find((b) => key.startsWith(`${b}.`));
  if (!base) throw new Error(`no English for ${key}`);
  return en[`${base}.other` as keyof typeof en];
}
const placeholders = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
const ARABIC = /[\u0600-\u06FF]/;

describe("UI catalogues", () => {
  it("the plural bases are the ones en means", () => {
    expect(PLURAL_BASES).toContain("privacy.smallKShort");
    expect(PLURAL_BASES).toContain("stage.joined");
    expect(PLURAL_BASES).not.toContain("phone.problem");
  });

  for (const lang of LANGUAGES) {
    describe(lang, () => {
      const catalogue = CATALOGUES[lang]!;

      it("has exactly en's keys, plurals in every CLDR category of the language", () => {
        expect(Object.keys(catalogue).sort()).toEqual(expectedKeys(lang));
      });

      // A page loads only its areas in only its language, with no English behind them: each area
      // file must be complete on its own, not just the language as a whole.
      for (const area of AREAS) {
        it(`${area}: has exactly en/${area}'s keys`, () => {
          const file = AREA_FILES[lang]?.[area] ?? {};
          expect(Object.keys(file).sort()).toEqual(expectedKeys(lang, Object.keys(AREA_FILES.en?.[area] ?? {})));
        });
      }

      it("keeps each key's placeholders, no more and no fewer", () => {
        const wrong = Object.entries(catalogue).filter(([k, v]) => placeholders(v).join() !== placeholders(englishOf(k)).join());
        expect(wrong).toEqual([]);
      });

      it("has no empty string and nothing left in English", () => {
        expect(Object.entries(catalogue).filter(([, v]) => v.trim() === "")).toEqual([]);
        const allowed = new Set([...SAME_EVERYWHERE, ...(SAME_IN[lang] ?? [])]);
        // A string with no letters outside its placeholders ("{n} / {max}", "–") is notation, not words.
        const isWords = (v: string) => /\p{L}/u.test(v.replace(/\{\w+\}/g, ""));
        const same = Object.entries(catalogue).filter(([k, v]) => v === englishOf(k) && isWords(v) && !allowed.has(k));
        expect(same).toEqual([]);
      });

      it("keeps the product name and the codes the app reads back", () => {
        expect(catalogue["app.name"]).toBe("Candor");
        // The action-item syntax is parsed in English (core/action-items.ts): the hint must show it as typed.
        expect(catalogue["console.actions.hint"]).toContain("| owner: … | due: 2027-01-31 | priority: high");
        expect(catalogue["console.key.pasteHint"]).toContain("#key=");
        expect(catalogue["screen.badTicketHint"]).toContain("#view=");
        expect(catalogue["console.key.pasteWrong"]).toMatch(/\/f\/.*#key=/);
      });

      if (lang === "ar") {
        it("is written in Arabic script", () => {
          const words = Object.entries(catalogue).filter(
            ([k]) => !SAME_EVERYWHERE.has(k) && !k.startsWith("compare.change.") && k !== "stats.none",
          );
          const latinOnly = words.filter(([, v]) => /\p{L}/u.test(v.replace(/\{\w+\}/g, "")) && !ARABIC.test(v));
          expect(latinOnly).toEqual([]);
        });
      }
    });
  }
});

const icmec = getTemplate("icmec-2") as Template;
const TEMPLATE_LANGS = ["es", "fr", "pt", "ar"];
const readJson = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8"));
const templateTranslation = (lang: string) =>
  TemplateTranslationSchema.parse(readJson(`../../core/templates/translations/icmec-2.${lang}.json`));
const definitionsTranslation = (lang: string) =>
  DefinitionsTranslationSchema.parse(readJson(`../../core/templates/toolkit/translations/definitions.${lang}.json`));

/** Every string of a (localized) template, by path, for comparing with the English. */
function stringsOf(t: Template): Map<string, string> {
  const out = new Map<string, string>([["title", t.title]]);
  for (const [sid, s] of Object.entries(t.scales)) {
    for (const p of s.points) out.set(`scales.${sid}.points.${p.value}`, p.label);
    out.set(`scales.${sid}.dontKnowLabel`, s.dontKnowLabel);
    if (s.notAvailableLabel) out.set(`scales.${sid}.notAvailableLabel`, s.notAvailableLabel);
  }
  for (const d of t.domains) {
    out.set(`domains.${d.id}.title`, d.title);
    out.set(`domains.${d.id}.rating.prompt`, d.rating.prompt);
    for (const i of d.items) {
      out.set(`domains.${d.id}.items.${i.id}.text`, i.text);
      if (i.stem) out.set(`domains.${d.id}.items.${i.id}.stem`, i.stem);
    }
    d.explanation?.forEach((p, n) => out.set(`domains.${d.id}.explanation.${n}`, p));
  }
  return out;
}
/** Everything but the words: ids, numbers, gates, scales' values, what is kept in English on purpose. */
function skeleton(t: Template): unknown {
  return {
    id: t.id,
    version: t.version,
    source: t.source,
    scales: Object.fromEntries(Object.entries(t.scales).map(([k, s]) => [k, s.points.map((p) => p.value)])),
    domains: t.domains.map((d) => ({
      id: d.id,
      number: d.number,
      items: d.items.map((i) => ({ id: i.id, showIf: i.showIf, stem: i.stem !== undefined })),
      rating: { scale: d.rating.scale, perFacility: d.rating.perFacility, sourcePrompt: d.rating.sourcePrompt },
      guidance: d.guidance,
      resources: d.resources,
      note: d.note,
      explanation: d.explanation?.length,
    })),
  };
}

describe("template translations (icmec-2)", () => {
  for (const lang of TEMPLATE_LANGS) {
    describe(lang, () => {
      const tr = templateTranslation(lang);

      it("is marked unofficial, names its language and template, and credits the original", () => {
        expect(tr).toMatchObject({ templateId: "icmec-2", templateVersion: icmec.version, language: lang, unofficial: true });
        expect(tr.credit).toContain("Candor");
        expect(tr.credit).toContain("ICMEC");
        expect(tr.credit).toContain("Health & Mental Health Service Assessment Toolkit");
      });

      it("covers every string of icmec-2 and names nothing it lacks", () => {
        const { fellBack, unused, outdated } = localizeTemplate(icmec, tr);
        expect(fellBack).toEqual([]);
        expect(unused).toEqual([]);
        expect(outdated).toBe(false);
      });

      it("keeps every id, gate and value, and translates every string", () => {
        const localized = localizeTemplate(icmec, tr).template;
        expect(skeleton(localized)).toEqual(skeleton(icmec));
        expect(localized.language).toBe(lang);
        // Still a template every screen and the room can use as it is.
        expect(TemplateSchema.parse(localized)).toEqual(localized);
        const english = stringsOf(icmec);
        const translated = stringsOf(localized);
        expect([...translated.keys()]).toEqual([...english.keys()]);
        const untranslated = [...translated].filter(([path, text]) => text === english.get(path));
        expect(untranslated).toEqual([]);
        for (const text of translated.values()) expect(text).not.toMatch(/[{}]/);
        if (lang === "ar") expect([...translated.values()].filter((text) => !ARABIC.test(text))).toEqual([]);
      });

      it("keeps the toolkit's acronyms", () => {
        const localized = localizeTemplate(icmec, tr).template;
        const all = [...stringsOf(localized).values()].join("\n");
        expect(all).toContain("HT/E");
        expect(all).toContain("AAAQ");
        expect(all).toContain("VT/STS");
        const count = (s: string, needle: string) => s.split(needle).length - 1;
        const englishAll = [...stringsOf(icmec).values()].join("\n");
        expect(count(all, "HT/E")).toBe(count(englishAll, "HT/E"));
      });
    });
  }
});

describe("one word for one thing, across the catalogue and the template", () => {
  // A participant reads the catalogue's words and the template's side by side: where one names a
  // button or an answer of the other, the words must be the same.
  for (const lang of TEMPLATE_LANGS) {
    it(lang, () => {
      const catalogue = CATALOGUES[lang]!;
      const localized = localizeTemplate(icmec, templateTranslation(lang)).template;
      // "Please choose a rating, or “Don't know”": the button the phone shows is the scale's.
      expect(catalogue["phone.ballot.missing"]).toContain(localized.scales.likert5!.dontKnowLabel);
      expect(catalogue["phone.ballot.missingFacilities.other"]).toContain(localized.scales.aaaq3!.dontKnowLabel);
      // "Choose a value, or “No consensus reached”": the option the console shows.
      expect(catalogue["console.record.missing"]).toContain(catalogue["consensus.none"]);
      // Domain 10's "If “No”" names the answer button.
      const mh7 = localized.domains.find((d) => d.id === "mental-health-staff")!.items.find((i) => i.id === "mental-health-staff.7")!;
      expect(mh7.text).toContain(catalogue["answer.no"]);
    });
  }
  it("en, the reference, keeps the same rule", () => {
    expect(en["phone.ballot.missing"]).toContain(icmec.scales.likert5!.dontKnowLabel);
    expect(en["console.record.missing"]).toContain(en["consensus.none"]);
  });
});

describe("localizeTemplate", () => {
  const es = templateTranslation("es");

  it("falls back to the template's words, visibly, for a missing string", () => {
    const partial: TemplateTranslation = structuredClone(es);
    delete partial.domains.safety!.items!["safety.3"]!.text;
    delete partial.domains.protocol!.title;
    delete partial.scales.likert5!.points!["2"];
    partial.domains["services-aaaq"]!.explanation!.pop();
    const { template, fellBack } = localizeTemplate(icmec, partial);
    expect(fellBack).toEqual([
      "scales.likert5.points.2",
      "domains.protocol.title",
      "domains.safety.items.safety.3.text",
      "domains.services-aaaq.explanation",
    ]);
    const safety3 = template.domains.find((d) => d.id === "safety")!.items.find((i) => i.id === "safety.3")!;
    const englishSafety3 = icmec.domains.find((d) => d.id === "safety")!.items.find((i) => i.id === "safety.3")!;
    expect(safety3.text).toBe(englishSafety3.text);
    expect(template.scales.likert5!.points[1]!.label).toBe("Somewhat weak");
    expect(template.scales.likert5!.points[2]!.label).toBe(es.scales.likert5!.points!["3"]);
    expect(template.domains.find((d) => d.id === "services-aaaq")!.explanation).toEqual(
      icmec.domains.find((d) => d.id === "services-aaaq")!.explanation,
    );
  });

  it("with an empty translation, returns the template's words and lists every one of them", () => {
    const empty = TemplateTranslationSchema.parse({ ...es, title: undefined, domains: {}, scales: {} });
    const { template, fellBack } = localizeTemplate(icmec, empty);
    expect(stringsOf(template)).toEqual(stringsOf(icmec));
    // Each explanation counts once, whole.
    const expected = [...stringsOf(icmec).keys()].filter((p) => !/\.explanation\.\d+$/.test(p));
    expected.push(...icmec.domains.filter((d) => d.explanation).map((d) => `domains.${d.id}.explanation`));
    expect(fellBack.sort()).toEqual(expected.sort());
  });

  it("ignores, and reports, what the template does not have; an id like constructor finds nothing", () => {
    const extra = TemplateTranslationSchema.parse({
      ...es,
      domains: { ...es.domains, constructor: { title: "x" }, safety: { ...es.domains.safety, items: { "safety.99": { text: "x" } } } },
      scales: { ...es.scales, likert7: { dontKnowLabel: "x" } },
    });
    expect(unusedPaths(icmec, extra).sort()).toEqual(["domains.constructor", "domains.safety.items.safety.99", "scales.likert7"]);
    const { template } = localizeTemplate(icmec, extra);
    expect(template.domains.map((d) => d.id)).toEqual(icmec.domains.map((d) => d.id));
  });

  it("refuses a translation of another template and says when one is for another version", () => {
    expect(() => localizeTemplate(icmec, { ...es, templateId: "workshop-check" })).toThrow(/workshop-check/);
    expect(localizeTemplate(icmec, { ...es, templateVersion: "2.0.0" }).outdated).toBe(true);
  });

  it("refuses a file that is not marked unofficial, or that has a placeholder", () => {
    expect(TemplateTranslationSchema.safeParse({ ...es, unofficial: false }).success).toBe(false);
    expect(TemplateTranslationSchema.safeParse({ ...es, credit: undefined }).success).toBe(false);
    expect(TemplateTranslationSchema.safeParse({ ...es, title: "Evaluación {title}" }).success).toBe(false);
  });
});

describe("definition translations", () => {
  for (const lang of TEMPLATE_LANGS) {
    it(`${lang}: every definition, paragraph for paragraph, marked unofficial, acronyms kept`, () => {
      const tr = definitionsTranslation(lang);
      expect(tr).toMatchObject({ templateId: "icmec-2", language: lang, unofficial: true });
      expect(tr.credit).toContain("ICMEC");
      expect(Object.keys(tr.definitions)).toEqual(definitions.map((d) => d.id));
      for (const d of definitions) {
        const t = tr.definitions[d.id]!;
        expect(t.text.length, d.id).toBe(d.text.length);
        expect(
          t.text.some((p, i) => p === d.text[i]),
          d.id,
        ).toBe(false);
        // Each acronym the English text spells out stays as the toolkit writes it.
        for (const alias of d.aliases.filter((a) => /^[A-Z/+]{2,}$/.test(a))) {
          if (d.text.join(" ").includes(alias)) expect(t.text.join(" "), `${d.id} ${alias}`).toContain(alias);
        }
        if (lang === "ar") expect(ARABIC.test(t.term) && t.text.every((p) => ARABIC.test(p)), d.id).toBe(true);
      }
    });
  }
});
