/**
 * @module i18n
 * The pages' strings in the page's language (issue 13). A page names its areas (./areas.ts) and
 * calls {@link startPage} before its first render: only those areas load, only in the chosen
 * language (no English behind them: tests/unit/translations.test.ts makes every language complete).
 * After that `t()` and `tn()` are synchronous. {@link setLanguage} loads another language and then
 * tells the page ({@link onLanguageChange}) to render again in place: no state is lost.
 *
 * The pseudo-locale (`?lang=en-XA`, core/pseudo.ts) is English run through `pseudoLocalize`.
 */
import { directionOf, type Language, type LanguageOrPseudo, PSEUDO } from "../../../core/languages";
import type { Messages, PageStrings } from "./areas";
import type { MessageKey } from "./keys";

export type { MessageKey } from "./keys";

/** The page's language now (a live binding: importers see each switch). */
export let lang: LanguageOrPseudo = "en";
let active: Messages = {};
let plurals = new Intl.PluralRules("en");
let numbers = new Intl.NumberFormat("en");
/** Right to left: every text filled into a message is isolated (FSI…PDI), see {@link t}. */
let isolate = false;
let page: { strings: PageStrings; title: MessageKey } | null = null;
let latest = 0;
const listeners = new Set<() => void>();

/** A page's strings in `next`: its areas merged (the pseudo-locale: English, pseudo-localised). */
export async function messagesIn(strings: PageStrings, next: LanguageOrPseudo): Promise<Messages> {
  const base: Language = next === PSEUDO ? "en" : next;
  const merged: Record<string, string> = Object.assign({}, ...(await strings.load(base)));
  if (next !== PSEUDO) return merged;
  // Only a test asks for the pseudo-locale: no page carries its code otherwise.
  const { pseudoCatalogue } = await import("../../../core/pseudo");
  return pseudoCatalogue(merged);
}

/** Makes `next` the page's language with `messages` (loaded by {@link messagesIn}) and marks the document. */
function applyMessages(next: LanguageOrPseudo, messages: Messages): void {
  lang = next;
  active = messages;
  plurals = new Intl.PluralRules(next);
  numbers = new Intl.NumberFormat(next);
  isolate = directionOf(next) === "rtl";
  if (typeof document === "undefined") return;
  document.documentElement.lang = next;
  document.documentElement.dir = directionOf(next);
  if (page) document.title = t(page.title);
}

/**
 * Switches the page to `next` once its strings are loaded, then re-renders. A later call wins over
 * an earlier one still loading; a failed load leaves the page as it was (and rejects).
 */
export async function setLanguage(next: LanguageOrPseudo): Promise<void> {
  if (!page) throw new Error("setLanguage before startPage");
  const ticket = ++latest; // also cancels a switch still loading, when this one goes back
  if (next === lang && Object.keys(active).length > 0) return;
  const messages = await messagesIn(page.strings, next);
  if (ticket !== latest) return;
  applyMessages(next, messages);
  for (const listener of listeners) listener();
}

/** Loads the page's strings in `first` (retrying while the network fails): await it before the first render. */
export async function startPage(strings: PageStrings, title: MessageKey, first: LanguageOrPseudo): Promise<void> {
  page = { strings, title };
  for (let attempt = 0; ; attempt++) {
    try {
      applyMessages(first, await messagesIn(strings, first));
      return;
    } catch {
      // A weak connection: try again shortly rather than show a page with no words.
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** attempt)));
    }
  }
}

/** Calls `listener` after every language switch; returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Vars = Record<string, string | number>;
/** Keys that have plural forms: "x" for every "x.other". */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/**
 * `t("phone.voted", { n: 3 })`: the message with each `{name}` replaced; numbers are localised.
 * On a right-to-left page each filled-in text is a first-strong isolate, so an address, a code or
 * an English title keeps its own order inside the Arabic sentence ("127.0.0.1/join", not
 * "join/127.0.0.1"). Left-to-right pages isolate user text where they show it (`<bdi>`).
 */
export function t(key: MessageKey, vars?: Vars): string {
  // A missing key shows itself (tests keep every catalogue complete, so only a bug gets here).
  const text = active[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    if (typeof v === "number") return numbers.format(v);
    return isolate ? `\u2068${v}\u2069` : v;
  });
}

/**
 * Plural-aware `t`: looks up `<key>.<category>` (Intl plural category of `n` in the page's
 * language: Arabic has six), falling back to `<key>.other`. `{n}` is available to the message.
 */
export function tn(key: PluralKey, n: number, vars?: Vars): string {
  const exact = `${key}.${plurals.select(n)}`;
  const chosen = (exact in active ? exact : `${key}.other`) as MessageKey;
  return t(chosen, { n, ...vars });
}

/** A number in the page's language (Arabic pages keep Western digits where the locale does: Intl decides). */
export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string =>
  options ? new Intl.NumberFormat(lang, options).format(n) : numbers.format(n);

/**
 * A calendar day ("2027-01-31", as summaries carry them) in the page's language; the text as it is
 * if it is not one. `short` for a chart's axis.
 */
export function formatDay(day: string, style: "short" | "medium" = "medium"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  // Noon UTC, shown in UTC: the same day everywhere, whatever the reader's time zone.
  const date = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: "UTC" }).format(date);
}

/** A date (or date and time) in the page's language. */
export const formatDate = (date: Date | number, options: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(lang, options).format(date);
