/**
 * Section V (Community Directory of Resources) as data: core/templates/directory.json checked
 * against the seed. Every title, column heading, instruction, row label and link is the seed's
 * (nothing invented), row labels in the seed's order, and each table's words cover its part of
 * the seed (nothing lost).
 *
 * Deviations, each with its reason:
 * - Case is normalised (the seed prints the tables in capitals).
 * - Columns are listed type first, then name, contact and the rest, in every table: the seed's
 *   extraction puts the anti-trafficking table's "Type of organization/service" last and the
 *   interpreters' "Language" before the name, but a form whose columns move from table to table is
 *   harder to fill in. Each heading is checked within its own table, not for its place.
 * - World Health Organization: the seed prints "www.who.int/" without a scheme; the data has
 *   "https://www.who.int/" so it is a link. Checked below with the scheme taken off.
 */
import { describe, expect, it } from "vitest";
import raw from "../../core/templates/directory.json";
import { DIRECTORY_TABLE_IDS, DirectoryTemplateSchema, defaultDirectory, DirectorySchema, directoryTemplate } from "../../core/directory";
import { gapsBetween, norm, SEED_LINES } from "./seed-text";

/** The index (0-based) of the one seed line, from `from` on, whose trimmed text is `text`. */
function onlyLine(text: string, from = 0): number {
  const found: number[] = [];
  for (let i = from; i < SEED_LINES.length; i++) if (SEED_LINES[i]!.trim() === text) found.push(i);
  expect(found, `exactly one seed line "${text}"`).toHaveLength(1);
  return found[0]!;
}

const SECTION = onlyLine("SECTION V");
const template = DirectoryTemplateSchema.parse(raw);
/** The line of each table's heading, in the seed: the title in capitals. */
const headingLines = template.tables.map((t) => onlyLine(t.title.toUpperCase(), SECTION));
const tableText = (index: number): string =>
  SEED_LINES.slice(headingLines[index]!, headingLines[index + 1] ?? SEED_LINES.length).join("\n");
/** Whitespace taken out, so a link the extraction broke across lines reads whole. */
const unbroken = (s: string) => s.replace(/\s+/g, "");
const PRINTED_WITHOUT_SCHEME = new Set(["https://www.who.int/"]);

describe("Section V as data", () => {
  it("follows the section's title and has the nine tables in the seed's order", () => {
    expect(SEED_LINES[SECTION + 1]!.trim()).toBe(template.title);
    expect(template.tables.map((t) => t.id)).toEqual([...DIRECTORY_TABLE_IDS]);
    expect(headingLines).toEqual([...headingLines].sort((a, b) => a - b));
  });

  it.each(template.tables.map((t, i) => [t.id, i] as const))(
    "%s: every heading, label and link is the seed's, and nothing is left over",
    (_id, i) => {
      const table = template.tables[i]!;
      const text = tableText(i);
      // Row labels in the seed's order (throws when one is not found after the one before).
      gapsBetween(
        text,
        table.rows.map((r) => r.type ?? ""),
      );
      // Each link as printed (with digits and punctuation), then taken out for the check below.
      let withoutLinks = unbroken(text);
      for (const row of table.rows) {
        if (!row.website) continue;
        const printed = PRINTED_WITHOUT_SCHEME.has(row.website) ? row.website.replace(/^https:\/\//, "") : row.website;
        expect(withoutLinks, row.website).toContain(printed);
        withoutLinks = withoutLinks.replace(printed, " ");
      }
      // Every word of the table is one of its texts: take each out (longest first), nothing remains.
      const texts = [
        table.title,
        ...table.columns.map((c) => c.heading),
        ...(table.hint ? [table.hint] : []),
        ...table.rows.map((r) => r.type ?? ""),
      ];
      let rest = norm(withoutLinks);
      for (const t of [...texts].sort((a, b) => norm(b).length - norm(a).length)) {
        const at = rest.indexOf(norm(t));
        expect(at, `"${t}" in the seed's table ${table.title}`).toBeGreaterThanOrEqual(0);
        rest = rest.slice(0, at) + rest.slice(at + norm(t).length);
      }
      // The column headings a table repeats (name, contact, type …) appear once per table.
      expect(rest).toBe("");
    },
  );

  it("has the health table's 18 rows and the seven international organizations with their links", () => {
    const health = directoryTemplate().tables.find((t) => t.id === "health")!;
    expect(health.rows).toHaveLength(18);
    const international = directoryTemplate().tables.find((t) => t.id === "international")!;
    expect(international.rows.filter((r) => r.website).map((r) => r.type)).toEqual([
      "UNICEF",
      "International Labour Organization",
      "United Nations Office on Drugs and Crime",
      "United Nations High Commissioner for Human Rights",
      "UN Refugee Agency (UNHCR)",
      "World Health Organization",
      "Save the Children",
    ]);
    expect(international.rows.at(-1)).toEqual({ type: "Other international agencies" });
  });

  it("gives a new session a valid directory with every pre-filled row", () => {
    const directory = DirectorySchema.parse(defaultDirectory());
    expect(directory.tables.map((t) => t.rows.length)).toEqual(template.tables.map((t) => t.rows.length));
  });
});
