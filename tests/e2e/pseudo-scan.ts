/**
 * The pseudo-locale scan (issue 13): on a page rendered with `?lang=en-XA` every string that comes
 * from a catalogue or a template is accented (core/pseudo.ts turns every ASCII letter into another
 * letter), so any run of plain ASCII letters left on the screen is a string that came from somewhere
 * else: hard-coded in a component, or English text from the server. Text the people in the room typed
 * (a title, a facility's name), addresses and join codes are not words of the app and are given as
 * `allowed`; text marked with a `lang` other than the page's (each language's own name in the
 * language switcher, the toolkit's English-only guidance) says what language it is in and is skipped.
 */
import type { Page } from "playwright-core";

export interface Unlocalized {
  text: string;
  where: string;
}

/** Every user-facing string of the page (text, labels, titles, placeholders, alt text) with ASCII words left. */
export async function unlocalizedStrings(page: Page, allowed: readonly string[] = []): Promise<Unlocalized[]> {
  return page.evaluate((allowed) => {
    const docLang = document.documentElement.lang;
    const found: { text: string; where: string }[] = [];
    const otherLanguage = (el: Element | null): boolean => {
      const marked = el?.closest("[lang]");
      return !!marked && marked !== document.documentElement && marked.getAttribute("lang") !== docLang;
    };
    const describe = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement)
        parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "") + (e.classList.length ? `.${[...e.classList].join(".")}` : ""));
      return parts.join(" > ");
    };
    const check = (raw: string, el: Element, what: string) => {
      // Addresses first (an allowed name may be part of one), then the allowed texts, longest first.
      let text = raw.replace(/https?:\/\/\S+/g, " ");
      for (const a of [...allowed].sort((x, y) => y.length - x.length)) text = text.split(a).join(" ");
      text = text
        // An address without its scheme ("127.0.0.1:8787/join", "candor.example.org/join").
        .replace(/[\w.-]+(?::\d+)?\/[\w/-]*/g, " ")
        .replace(/\b[A-Z0-9]{6}\b/g, " ")
        // Dates come from Intl, which formats the pseudo-locale's dates as English (its base).
        .replace(
          /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g,
          " ",
        );
      if (/[A-Za-z]{2,}/.test(text)) found.push({ text: raw.trim().slice(0, 160), where: `${describe(el)}${what}` });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Key names on a keyboard (<kbd>Esc</kbd>) are what the key says, in every language.
      if (!el || el.closest("script, style, noscript, template, kbd") || otherLanguage(el)) continue;
      if (n.textContent?.trim()) check(n.textContent, el, "");
    }
    for (const el of document.body.querySelectorAll(
      "[aria-label], [title], [placeholder], [alt], [aria-description], [aria-roledescription]",
    )) {
      if (otherLanguage(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt", "aria-description", "aria-roledescription"]) {
        const v = el.getAttribute(attr);
        if (v?.trim()) check(v, el, ` [${attr}]`);
      }
    }
    for (const el of document.body.querySelectorAll("input[type=submit], input[type=button]"))
      check((el as HTMLInputElement).value, el, " [value]");
    if (document.title && !otherLanguage(document.documentElement)) check(document.title, document.documentElement, " <title>");
    return found;
  }, allowed);
}
