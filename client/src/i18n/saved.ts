/**
 * @module i18n/saved
 * The participant's language choice, kept per device (not per room: the same person meets the next
 * session in the same language). Only a real language is kept, never the pseudo-locale.
 */
import { type Language, isLanguage } from "../../../core/languages";
import { readText, writeText } from "../lib/storage";

const KEY = "candor:lang";

export const savedLanguage = (): Language | null => {
  const value = readText("local", KEY);
  return isLanguage(value) ? value : null;
};

export const saveLanguage = (lang: Language): void => writeText("local", KEY, lang);
