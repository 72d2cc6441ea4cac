/**
 * A page's language in the browser tests (issue 13): an address that asks for one (`?lang=`), what
 * the document says it is in, and waiting until a switch has loaded its strings.
 */
import type { Page } from "playwright-core";
import { WAIT } from "./browser";

/** `url` with `?lang=` set (before any `#fragment`, where the keys are). */
export function withLang(url: string, lang: string): string {
  const u = new URL(url);
  u.searchParams.set("lang", lang);
  return u.href;
}

/** The document's `lang` and `dir`. */
export const documentLanguage = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** Waits until the page is in `lang` (a switch loads its strings first). */
export const inLanguage = (page: Page, lang: string) =>
  page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout: WAIT });
