/**
 * @module summary
 * The consensus summary's export formats (docs/design.md §5): what each is called, its media type, how a
 * browser should treat it, and the file name `candor-<title-slug>-<day>.<ext>`.
 */
import { toCsv } from "./csv";
import { toHtml } from "./html";
import { toJson } from "./json";
import { toMarkdown } from "./markdown";
import type { Summary } from "./schema";

export { buildSummary } from "./build";
export { SUMMARY_CSS } from "./html";
export { type Summary, SummaryInputSchema, SummarySchema, SUMMARY_SCHEMA_ID } from "./schema";

export const SUMMARY_FORMATS = ["json", "csv", "md", "html"] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

interface FormatSpec {
  ext: string;
  contentType: string;
  /** HTML opens in the browser (to print or save as PDF); the others download. */
  disposition: "attachment" | "inline";
  render: (s: Summary) => string;
}

export const FORMATS: Record<SummaryFormat, FormatSpec> = {
  json: { ext: "json", contentType: "application/json; charset=utf-8", disposition: "attachment", render: toJson },
  csv: { ext: "csv", contentType: "text/csv; charset=utf-8; header=present", disposition: "attachment", render: toCsv },
  md: { ext: "md", contentType: "text/markdown; charset=utf-8", disposition: "attachment", render: toMarkdown },
  html: { ext: "html", contentType: "text/html; charset=utf-8", disposition: "inline", render: toHtml },
};

/** ASCII, lower case, words joined by "-", at most 40 characters; "session" if nothing is left. */
export function slug(title: string): string {
  const s = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return s || "session";
}

export function summaryFilename(summary: Summary, format: SummaryFormat): string {
  return `candor-${slug(summary.session.title)}-${summary.session.day}.${FORMATS[format].ext}`;
}

/** The `content-disposition` header value; the file name is ASCII by construction. */
export function contentDisposition(summary: Summary, format: SummaryFormat): string {
  return `${FORMATS[format].disposition}; filename="${summaryFilename(summary, format)}"`;
}
