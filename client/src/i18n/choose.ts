/**
 * @module i18n/choose
 * Which language a page starts in (issue 13), pure so the order is tested without a browser:
 * the address's `?lang=` (a language or the pseudo-locale: for one device, and for tests), then
 * the page's own source (the participant's saved choice on the phone, home and toolkit pages; the
 * session's language on the projector and console), then the browser's languages, then English.
 */
import { isLanguage, isLanguageOrPseudo, type LanguageOrPseudo, matchLanguage } from "../../../core/languages";

export interface LanguageSources {
  /** `?lang=` in the page's address, as typed. */
  readonly url: string | null;
  /** The page's own choice: saved on this device, or the session's. */
  readonly chosen: string | null | undefined;
  /** `navigator.languages`, best first. */
  readonly browser: readonly string[];
}

export function chooseLanguage({ url, chosen, browser }: LanguageSources): LanguageOrPseudo {
  if (isLanguageOrPseudo(url)) return url;
  if (isLanguage(chosen)) return chosen;
  return matchLanguage(browser) ?? "en";
}

/** `?lang=` from a query string ("?lang=ar&x=1" → "ar"); null when absent or not one we speak. */
export function languageInQuery(search: string): LanguageOrPseudo | null {
  const value = new URLSearchParams(search).get("lang");
  return isLanguageOrPseudo(value) ? value : null;
}

/** The query string without `lang` (after a tap on the switcher, a reload keeps the tapped choice). */
export function queryWithoutLanguage(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("lang");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}
