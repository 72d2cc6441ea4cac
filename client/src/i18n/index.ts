/**
 * @module i18n
 * Picks one message catalogue from the browser's preferred languages and formats its strings.
 *
 * Adding a language = adding a file next to `en.ts` (a `Catalogue`, which may leave keys out:
 * missing ones fall back to English) and one line in `CATALOGUES` below. Catalogues are imported
 * statically so `t()` stays synchronous; each one costs the phone bundle about 5 KB gzipped, so
 * switch to lazy loading before the phone budget (docs/design.md §8) gets tight.
 */
import { en, type MessageKey } from "./en";

export type { MessageKey } from "./en";
/** A translation: any subset of the English keys. */
export type Catalogue = Partial<Record<MessageKey, string>>;

const CATALOGUES: Record<string, Catalogue> = {
  en,
  // fr,   ← e.g. `import { fr } from "./fr";` and one line here
};

/** The first of `preferred` we have a catalogue for ("pt-BR" may match "pt-br", then "pt"), else English. */
export function pickLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (CATALOGUES[lower]) return lower;
    const base = lower.split("-")[0];
    if (base && CATALOGUES[base]) return base;
  }
  return "en";
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

export const lang: string = pickLanguage(browserLanguages());
const active: Catalogue = CATALOGUES[lang] ?? en;
const plurals = new Intl.PluralRules(lang);
const numbers = new Intl.NumberFormat(lang);

export type Vars = Record<string, string | number>;
/** Keys that have plural forms: "x" for every "x.other" in the catalogue. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** `t("phone.voted", { n: 3 })`: the message with each `{name}` replaced; numbers are localised. */
export function t(key: MessageKey, vars?: Vars): string {
  const text = active[key] ?? en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? numbers.format(v) : v;
  });
}

/**
 * Plural-aware `t`: looks up `<key>.<category>` (Intl plural category of `n`, e.g. "one"/"other"),
 * falling back to `<key>.other`. `{n}` is available to the message.
 */
export function tn(key: PluralKey, n: number, vars?: Vars): string {
  const category = plurals.select(n);
  const exact = `${key}.${category}`;
  // A language may need forms English lacks ("few", "many"): look in the active catalogue too.
  const chosen = (exact in active || exact in en ? exact : `${key}.other`) as MessageKey;
  return t(chosen, { n, ...vars });
}

/** Marks the page with the chosen language and sets its title: call once per entry point. */
export function applyDocumentLanguage(titleKey: MessageKey): void {
  document.documentElement.lang = lang;
  document.title = t(titleKey);
}
