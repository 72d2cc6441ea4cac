/**
 * @module languages
 * The languages Candor speaks (issue 13), shared by the pages, the room and the report. Pure: no I/O,
 * no zod (the phone imports it, and every byte there counts).
 *
 * English is the template's own language; the others are Candor's unofficial translations (their
 * catalogues and template files say so). {@link PSEUDO} is not a language: it is the pseudo-locale
 * (core/pseudo.ts) that tests use to find any user-facing string that does not come from a catalogue.
 */

export const LANGUAGES = ["en", "es", "fr", "pt", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
/** The pseudo-locale's tag (a private-use region, so no real browser ever asks for it). */
export const PSEUDO = "en-XA";
/** A language, or the pseudo-locale where a test asks for it. */
export type LanguageOrPseudo = Language | typeof PSEUDO;

/** Each language's name in itself, for a menu that anyone can read whatever the page's language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: "English",
  es: "Español",
  fr: "Français",
  pt: "Português",
  ar: "العربية",
};

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set<string>(["ar"]);

export const isLanguage = (x: unknown): x is Language => typeof x === "string" && (LANGUAGES as readonly string[]).includes(x);
export const isLanguageOrPseudo = (x: unknown): x is LanguageOrPseudo => x === PSEUDO || isLanguage(x);

/**
 * A session's language: English for a room (or a doc's meta) written before sessions had one. One
 * rule for the room, the Worker's report and the screens that follow the session.
 */
export const sessionLanguage = (holder: { lang?: Language | undefined }): Language => holder.lang ?? "en";

/** The text direction of a language, for `dir` on the document (and on the report's `<html>`). */
export const directionOf = (lang: string): "rtl" | "ltr" => (RIGHT_TO_LEFT.has(lang.split("-")[0] ?? "") ? "rtl" : "ltr");

/**
 * The first of `preferred` (BCP 47 tags, best first, as `navigator.languages`) that Candor speaks:
 * "pt-BR" matches "pt", "ar-EG" matches "ar". `null` when none does, so the caller decides the
 * fallback (the session's language, then English).
 */
export function matchLanguage(preferred: readonly string[]): Language | null {
  for (const tag of preferred) {
    if (tag === PSEUDO) continue;
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/**
 * The languages of an `Accept-Language` header, most wanted first ("fr-CH, fr;q=0.9, en;q=0.8" →
 * ["fr-CH", "fr", "en"]); `*` and tags with q=0 are left out. For {@link matchLanguage}.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.tag && x.tag !== "*" && x.q > 0 && Number.isFinite(x.q))
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.tag);
}
