/**
 * @module i18n/en/shared
 * Every user-facing string of every screen, in English: the reference catalogue. Other languages
 * translate every key (tests/unit/translations.test.ts checks it); a page loads only its
 * language, with no English behind it. `{name}` marks a value filled in by
 * `t()`; keys ending in `.one` / `.other` are plural forms picked by `tn()`.
 *
 * Participants may be under stress: phone wording is short, plain and calm, and says what is
 * not protected as clearly as what is. Template content (items, prompts) is not here: it comes
 * from the template in its own language.
 *
 * This file: the strings every page uses. The page's other areas sit beside it (see ../areas.ts).
 */
const messages = {
  // ---- app-wide ----
  "app.name": "Candor",
  "app.tagline": "Anonymous group assessment that keeps only the consensus",
  "app.credit":
    "Assessment items from: International Centre for Missing & Exploited Children (ICMEC), Health & Mental Health Service Assessment Toolkit, 2nd ed.",
  "common.loading": "Loading…",
  "common.networkError": "We couldn't reach the server. Check the connection and try again.",
  "common.tryAgain": "Try again",
  "common.cancel": "Cancel",
  "common.copied": "Copied",
  "common.copyFailed": "Couldn't copy — select the text and copy it by hand.",
  "common.required": "(required)",
  "common.close": "Close",
  "common.charCount": "{n} / {max}",
  "common.charsLeft": "{n} characters left",
  "common.charLimitReached": "Limit of {max} characters reached",

  // ---- i18n ----
  "language.label": "Language",
  "language.unofficial": "Unofficial translation by Candor; the original toolkit is in English (ICMEC).",
} as const;
export default messages;
