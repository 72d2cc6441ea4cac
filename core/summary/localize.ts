/**
 * @module summary/localize
 * What a report in another language is built from (issue 13): the room's template snapshot with
 * its text in that language (core/translations.ts `templateIn`: the shipped unofficial translation,
 * fell-back strings left in the template's words; or every string pseudo-localized for the
 * pseudo-locale), the report's words (core/summary/i18n), and the toolkit (its guidance and
 * resources are English only, so they stay so, except in the pseudo-locale, where they are
 * pseudo-localized too: the e2e scan must find nothing plain). Pure: the Worker hands in the files.
 *
 * Only the HTML and Markdown reports are localized: CSV and JSON are data for scripts and keep
 * their words exactly as the template has them.
 */
import { PSEUDO } from "../languages";
import type { TranslationInfo } from "../template";
import type { Toolkit } from "../toolkit";
import { pseudoToolkit, type TemplateTranslation, templateIn } from "../translations";
import { buildSummary } from "./build";
import { type ReportWords, reportWords } from "./i18n/index";
import type { Summary, SummaryInput } from "./schema";

export interface LocalizedReport {
  summary: Summary;
  words: ReportWords;
  toolkit: Toolkit | undefined;
  /** Set when the template's text is a translation (or the pseudo-locale): the report says so, once. */
  translation: TranslationInfo | undefined;
}

/** The summary of `input` in `lang`, with what its renderers need to say it in that language. */
export function localizedReport(
  input: SummaryInput,
  lang: string,
  toolkit: Toolkit | undefined,
  translation: TemplateTranslation | undefined,
): LocalizedReport {
  const { translation: mark, ...template } = templateIn(input.config.template, lang, translation);
  return {
    summary: buildSummary({ ...input, config: { ...input.config, template } }),
    words: reportWords(lang),
    toolkit: toolkit && lang === PSEUDO ? pseudoToolkit(toolkit) : toolkit,
    translation: mark,
  };
}
