/**
 * @module summary/directory
 * The community directory (core/directory.ts) in the exports: its section of the HTML report and of
 * the Markdown, and its own CSV file. Each prints only rows with something filled in
 * ({@link filledTables}), table by table in the seed's order, the international organizations'
 * links among them. A summary without a directory (from a room or a file older than it) prints
 * nothing of it. Every text is the group's and is escaped; a website is a link only when it is
 * an http(s) address.
 *
 * The directory CSV (RFC 4180, UTF-8 BOM, CRLF, formula-neutralised like core/summary/csv.ts), one
 * row per filled directory row:
 *
 * | column | content |
 * | --- | --- |
 * | table_id | interpreters, anti-trafficking, hotlines, shelters, health, related, legal, embassies or international |
 * | table | the table's title from the toolkit, e.g. "Health and mental health services" |
 * | type | type of organization/service (the toolkit's row label, or the group's own) |
 * | name | name of organization/service (of interpreter/service, for interpreters) |
 * | contact | contact information |
 * | hours | hours of operation (empty where the table has no such column) |
 * | length_of_stay | length of stay permitted (shelters/housing only) |
 * | language | language (interpreters only) |
 * | website | website (international organizations only) |
 */
import { type DirectoryColumnId, filledTables, linkOf } from "../directory";
import type { ReportKey, ReportWords } from "./i18n/index";
import { CSV_BOM, csvField } from "./csv";
import { mdRow, mdText } from "./markdown";
import type { Summary } from "./schema";
import { esc } from "./svg";

/** A table's title and column headings in the report's language (the catalogue has every table of Section V). */
const tableTitle = (L: ReportWords, tableId: string) => L.t(`directory.table.${tableId}` as ReportKey);
const columnHeading = (L: ReportWords, tableId: string, column: DirectoryColumnId) =>
  L.t(`directory.column.${column === "name" && tableId === "interpreters" ? "nameInterpreter" : column}` as ReportKey);

/** The report's directory section, or "" when the summary has no directory. */
export function directoryHtml(L: ReportWords, s: Summary): string {
  if (!s.directory) return "";
  const tables = filledTables(s.directory).map(({ table, rows }) => {
    const id = esc(`directory-${table.id}`);
    const head = table.columns.map((c) => `<th scope="col">${esc(columnHeading(L, table.id, c.id))}</th>`).join("");
    const body = rows
      .map((row) => `<tr>${table.columns.map((c) => `<td dir="auto">${htmlCell(c.id, row[c.id] ?? "")}</td>`).join("")}</tr>`)
      .join("");
    return `<h3 id="${id}">${esc(tableTitle(L, table.id))}</h3><table class="directory" aria-labelledby="${id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  });
  return [
    `<div class="directory" role="region" aria-labelledby="directory-h"><h2 id="directory-h">${esc(L.t("directory.heading"))}</h2>`,
    `<p class="muted">${esc(L.t("directory.intro"))}</p>`,
    tables.length ? tables.join("\n") : `<p>${esc(L.t("directory.nothing"))}</p>`,
    `</div>`,
  ].join("\n");
}

function htmlCell(column: DirectoryColumnId, value: string): string {
  const href = column === "website" ? linkOf(value) : null;
  return href ? `<a href="${esc(href)}">${esc(value.trim())}</a>` : esc(value.trim());
}

/** The Markdown's directory section (lines), or none when the summary has no directory. */
export function directoryMarkdown(L: ReportWords, s: Summary): string[] {
  if (!s.directory) return [];
  const one = { oneLine: true };
  const lines = [`## ${mdText(L.t("directory.heading"), one)}`, "", mdText(L.t("directory.intro"), one), ""];
  const tables = filledTables(s.directory);
  if (!tables.length) return [...lines, mdText(L.t("directory.nothing"), one), ""];
  for (const { table, rows } of tables) {
    lines.push(`### ${mdText(tableTitle(L, table.id), one)}`, "");
    lines.push(mdRow(table.columns.map((c) => mdText(columnHeading(L, table.id, c.id), one))));
    lines.push(mdRow(table.columns.map(() => "---")));
    for (const row of rows) lines.push(mdRow(table.columns.map((c) => mdCell(c.id, row[c.id] ?? ""))));
    lines.push("");
  }
  return lines;
}

function mdCell(column: DirectoryColumnId, value: string): string {
  const words = mdText(value.trim(), { oneLine: true });
  const href = column === "website" ? linkOf(value) : null;
  // The address is URL-encoded by URL (no space, no "<"); parentheses would end the link early,
  // and a "|" (which URL leaves as it is) would end the table's cell.
  return href ? `[${words}](${href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/\|/g, "%7C")})` : words;
}

const CSV_COLUMNS: [string, DirectoryColumnId | null][] = [
  ["table_id", null],
  ["table", null],
  ["type", "type"],
  ["name", "name"],
  ["contact", "contact"],
  ["hours", "hours"],
  ["length_of_stay", "lengthOfStay"],
  ["language", "language"],
  ["website", "website"],
];

/** The directory CSV (columns above); only the header when the summary has no directory or nothing is filled in. */
export function toDirectoryCsv(s: Summary): string {
  const lines = [CSV_COLUMNS.map(([name]) => csvField(name)).join(",")];
  for (const { table, rows } of s.directory ? filledTables(s.directory) : []) {
    for (const row of rows) {
      const cells = CSV_COLUMNS.map(([name, column]) =>
        column === null ? (name === "table_id" ? table.id : table.title) : (row[column]?.trim() ?? null) || null,
      );
      lines.push(cells.map(csvField).join(","));
    }
  }
  return `${CSV_BOM + lines.join("\r\n")}\r\n`;
}
