/**
 * The toolkit's text (the seed, kept in the repo so these checks always run) and the two checks
 * every piece of toolkit data must pass against it: each text is the seed's (nothing invented), and
 * the texts of a section, in order, cover the section (nothing lost) except for noise that a test
 * names and explains.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SEED_PATH = fileURLToPath(new URL("../../core/templates/sources/icmec-toolkit-2nd-ed.txt", import.meta.url));
export const SEED_LINES: readonly string[] = readFileSync(SEED_PATH, "utf8").replace(/\r/g, "").split("\n");

/** Seed lines `from`..`to` (1-based, inclusive), joined. */
export const seedLines = (from: number, to: number): string => SEED_LINES.slice(from - 1, to).join("\n");

/**
 * Lower-case and keep letters only, so the PDF extraction's line breaks, hyphenation artefacts,
 * page numbers, curly vs straight quotes and bullets don't matter, while any changed, missing or
 * extra letter still does.
 */
export function norm(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/**
 * Walks `section` (normalized) in order, finding each text in turn, and returns what lies between
 * them (and after the last): the gaps. Throws if a text is not found after the previous one, i.e.
 * it is not the seed's or is out of order.
 */
export function gapsBetween(section: string, texts: readonly string[]): string[] {
  const hay = norm(section);
  const gaps: string[] = [];
  let at = 0;
  for (const text of texts) {
    const needle = norm(text);
    if (!needle) continue;
    const found = hay.indexOf(needle, at);
    if (found < 0) throw new Error(`not in the seed after position ${at}: ${text.slice(0, 80)}`);
    if (found > at) gaps.push(hay.slice(at, found));
    at = found + needle.length;
  }
  if (at < hay.length) gaps.push(hay.slice(at));
  return gaps;
}
