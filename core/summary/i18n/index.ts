/**
 * @module summary/i18n
 * The report's words in the report's language (issue 13): one catalogue per language beside this
 * file, the pseudo-locale made from English (core/pseudo.ts), and Intl for plurals, numbers,
 * percentages and dates. Pure; every catalogue is bundled (the Worker renders reports, no phone
 * ever loads this).
 */
import { directionOf, isLanguage, type LanguageOrPseudo, PSEUDO } from "../../languages";
import { pseudoCatalogue, pseudoLocalize } from "../../pseudo";
import { ar } from "./ar";
import { en, type ReportKey } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { pt } from "./pt";

export type { ReportKey } from "./en";
/** Keys with plural forms: "x" for every "x.other". */
export type ReportPluralKey = ReportKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;
type ExtraPlural = `${ReportPluralKey}.${"zero" | "two" | "few" | "many"}`;
/** A language's catalogue: every English key, and the plural forms that language needs beyond one/other. */
export type ReportCatalogue = Readonly<Record<ReportKey, string> & Partial<Record<ExtraPlural, string>>>;

export const REPORT_CATALOGUES: Readonly<Record<"en" | "es" | "fr" | "pt" | "ar", ReportCatalogue>> = { en, es, fr, pt, ar };

export type Vars = Readonly<Record<string, string | number>>;

/** What a renderer needs to speak the report's language. */
export interface ReportWords {
  /** For `<html lang>`: the language, or the pseudo-locale's tag. */
  readonly lang: LanguageOrPseudo;
  readonly dir: "ltr" | "rtl";
  /** The message with each `{name}` replaced; numbers formatted the language's way. */
  t(key: ReportKey, vars?: Vars): string;
  /** Plural-aware: `<key>.<Intl plural category of n>`, else `<key>.other`; `{n}` is available. */
  tn(key: ReportPluralKey, n: number, vars?: Vars): string;
  /** A number as people of that language read it: integers plain, others with up to `decimals` decimals. */
  num(x: number, decimals?: number): string;
  /** A share (0..1) as a whole percentage: "76%", "76 %". */
  pct(share: number): string;
  /** A day (YYYY-MM-DD) in words: "November 27, 2026", "27 de noviembre de 2026". */
  date(day: string): string;
}

const cache = new Map<string, ReportWords>();

/** The report's words in `lang` (a language or the pseudo-locale); anything else reads as English. */
export function reportWords(lang: string): ReportWords {
  const known: LanguageOrPseudo = lang === PSEUDO ? PSEUDO : isLanguage(lang) ? lang : "en";
  let words = cache.get(known);
  if (!words) {
    words = makeWords(known);
    cache.set(known, words);
  }
  return words;
}

function makeWords(lang: LanguageOrPseudo): ReportWords {
  const catalogue: Readonly<Record<string, string>> = lang === PSEUDO ? pseudoCatalogue(en) : REPORT_CATALOGUES[lang];
  // The pseudo-locale formats as English: its point is the words, not the numbers.
  const intlLang = lang === PSEUDO ? "en" : lang;
  const plurals = new Intl.PluralRules(intlLang);
  const formats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (decimals: number) => {
    let f = formats.get(decimals);
    if (!f) {
      f = new Intl.NumberFormat(intlLang, { maximumFractionDigits: decimals, useGrouping: false });
      formats.set(decimals, f);
    }
    return f;
  };
  const percent = new Intl.NumberFormat(intlLang, { style: "percent", maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(intlLang, { dateStyle: "long", timeZone: "UTC" });
  const num = (x: number, decimals = 2) => numberFormat(decimals).format(x);
  const t = (key: string, vars?: Vars): string => {
    const text = catalogue[key] ?? en[key as ReportKey] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = vars[name];
      if (v === undefined) return whole;
      return typeof v === "number" ? num(v) : v;
    });
  };
  return {
    lang,
    dir: directionOf(lang),
    t,
    tn: (key, n, vars) => {
      const exact = `${key}.${plurals.select(n)}`;
      return t(exact in catalogue ? exact : `${key}.other`, { n, ...vars });
    },
    num,
    pct: (share) => percent.format(Math.round(100 * share) / 100),
    date: (day) => {
      const at = new Date(`${day}T00:00:00Z`);
      if (Number.isNaN(at.getTime())) return day;
      // The pseudo-locale's month names are English words: pseudo-localized like every other word.
      return lang === PSEUDO ? pseudoLocalize(dates.format(at)) : dates.format(at);
    },
  };
}
