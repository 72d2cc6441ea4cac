/**
 * @module summary
 * The consensus summary's export formats (docs/design.md §5): what each is called, its media type, how a
 * browser should treat it, and the file name `candor-<title-slug>-<day>.<ext>`.
 */
import { toCsv } from "./csv";
import { toDirectoryCsv } from "./directory";
import { toHtml } from "./html";
import { toJson } from "./json";
import { toMarkdown } from "./markdown";
import { FORMAT_FILES, type SummaryFormat, summaryFileName } from "./formats";
import type { TranslationInfo } from "../template";
import type { Toolkit } from "../toolkit";
import type { ReportWords } from "./i18n/index";
import type { Summary } from "./schema";

export { buildSummary } from "./build";
export { reportCss, SUMMARY_CSS } from "./html";
export { reportWords } from "./i18n/index";
export { localizedReport } from "./localize";
export { type Summary, SummaryInputSchema, SummarySchema, SUMMARY_SCHEMA_ID } from "./schema";

export { SUMMARY_FORMATS, type SummaryFormat, slug } from "./formats";

interface FormatSpec {
  ext: string;
  contentType: string;
  /** HTML opens in the browser (to print or save as PDF); the others download. */
  disposition: "attachment" | "inline";
  /**
   * `toolkit`: the template's guidance and resources, which the report prints for topics that need
   * improvement. `words` and `translation`: the report's language and the template text's mark
   * (core/summary/localize.ts); only the reports (HTML, Markdown) use them.
   */
  render: (s: Summary, toolkit?: Toolkit, words?: ReportWords, translation?: TranslationInfo) => string;
  /** A report for people (localized), not data for scripts (CSV and JSON keep the template's words). */
  localized: boolean;
}

export const FORMATS: Record<SummaryFormat, FormatSpec> = {
  json: { ...FORMAT_FILES.json, render: toJson, localized: false },
  csv: { ...FORMAT_FILES.csv, render: toCsv, localized: false },
  md: { ...FORMAT_FILES.md, render: toMarkdown, localized: true },
  html: { ...FORMAT_FILES.html, render: toHtml, localized: true },
  "directory-csv": { ...FORMAT_FILES["directory-csv"], render: toDirectoryCsv, localized: false },
};

export function summaryFilename(summary: Summary, format: SummaryFormat): string {
  return summaryFileName(summary.session.title, summary.session.day, format);
}

/** The `content-disposition` header value; the file name is ASCII by construction. */
export function contentDisposition(summary: Summary, format: SummaryFormat): string {
  return `${FORMATS[format].disposition}; filename="${summaryFilename(summary, format)}"`;
}
