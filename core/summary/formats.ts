/**
 * @module summary/formats
 * The summary's formats and file names, without their renderers: what the console needs to offer
 * and name the downloads, and what the Worker serves them as (core/summary/index.ts adds the
 * renderers). One list and one file-name rule for both.
 */

/** "directory-csv": the community directory on its own, as CSV (core/summary/directory.ts). */
export const SUMMARY_FORMATS = ["json", "csv", "md", "html", "directory-csv"] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/**
 * Per format: its file extension, media type, and whether a browser opens it (HTML, to print) or
 * downloads it; `part` names a file that holds only part of the summary, after the day.
 */
export const FORMAT_FILES: Record<
  SummaryFormat,
  { ext: string; contentType: string; disposition: "attachment" | "inline"; part?: string }
> = {
  json: { ext: "json", contentType: "application/json; charset=utf-8", disposition: "attachment" },
  csv: { ext: "csv", contentType: "text/csv; charset=utf-8; header=present", disposition: "attachment" },
  md: { ext: "md", contentType: "text/markdown; charset=utf-8", disposition: "attachment" },
  html: { ext: "html", contentType: "text/html; charset=utf-8", disposition: "inline" },
  "directory-csv": { ext: "csv", contentType: "text/csv; charset=utf-8; header=present", disposition: "attachment", part: "directory" },
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

/** `candor-<title-slug>-<day>[-<part>].<ext>`: the same name whether the console or the Worker gives it. */
export const summaryFileName = (title: string, day: string, format: SummaryFormat): string => {
  const { ext, part } = FORMAT_FILES[format];
  return `candor-${slug(title)}-${day}${part ? `-${part}` : ""}.${ext}`;
};
