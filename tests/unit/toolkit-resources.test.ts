/**
 * Section IV (Resources) as data: core/templates/toolkit/resources.json checked against the seed.
 * Every text is the seed's, in the seed's order (nothing invented), and what lies between the texts
 * is only the noise listed below (nothing lost).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import icmecRaw from "../../core/templates/icmec-2.json";
import resourcesRaw from "../../core/templates/toolkit/resources.json";
import { type Resource, type ResourceCategory, ResourceCategorySchema } from "../../core/toolkit";
import { gapsBetween, norm, SEED_LINES } from "./seed-text";

const categories: ResourceCategory[] = z.array(ResourceCategorySchema).parse(resourcesRaw);
const domainIds = new Set(icmecRaw.domains.map((d) => d.id));

/** Like `norm` but keeping digits, so a changed year, date or digit of a link is caught too. */
const normAlnum = (s: string): string =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** The index (0-based) of the one seed line whose trimmed text satisfies `test`, between `from` and `to`. */
function onlyLine(test: (line: string) => boolean, from = 0, to = SEED_LINES.length): number {
  const found: number[] = [];
  for (let i = from; i < to; i++) if (test(SEED_LINES[i]!.trim())) found.push(i);
  expect(found, "exactly one matching seed line").toHaveLength(1);
  return found[0]!;
}

// Section IV runs from its heading to Section V's.
const SECTION_START = onlyLine((l) => l === "SECTION IV");
const SECTION_END = onlyLine((l) => l === "SECTION V");

/** A category heading: "GENERAL RESOURCES (…):", "RESOURCES FOR PROTOCOLS", "1. RESOURCES FOR …", "12A. RESOURCES FOR …". */
const HEADING = /^(?:GENERAL RESOURCES \(|(?:\d+A?\.\s+)?RESOURCES FOR )/;
const headingLines: number[] = [];
for (let i = SECTION_START; i < SECTION_END; i++) if (HEADING.test(SEED_LINES[i]!.trim())) headingLines.push(i);
/** The heading's words: without its number ("1.", "12A.") or closing colon. */
const headingWords = (line: number) =>
  SEED_LINES[line]!.trim()
    .replace(/^\d+A?\.\s+/, "")
    .replace(/:$/, "");

/**
 * A bare link on a line of its own: the extraction repeats the section's links as blocks of such
 * lines (mostly twice each, one missing its "h", one with a space after a hyphen). The entries give
 * the same links in place; the blocks are left out of the walk and checked against the data below.
 */
const BARE_LINK = /^h?ttps?:\/\/\S+(?:- \S+)?$/;
const isBareLink = (i: number) => BARE_LINK.test(SEED_LINES[i]!.trim());

/** Seed lines after a category's heading up to the next heading (or Section V), bare-link lines left out. */
function categoryBody(index: number): string {
  const from = headingLines[index]! + 1;
  const to = headingLines[index + 1] ?? SECTION_END;
  const lines: string[] = [];
  for (let i = from; i < to; i++) if (!isBareLink(i)) lines.push(SEED_LINES[i]!);
  return lines.join("\n");
}

const fields = (e: Resource, order: readonly (keyof Resource)[]): string[] =>
  order.flatMap((k) => (k !== "id" && e[k] !== undefined ? [e[k]] : []));
/**
 * An entry's fields in the seed's order: authors (with the year as printed), title, then the other
 * words (journal, place, edition) and the link, in whichever order the seed has them, then "accessed
 * on …". The order is taken from the seed, with digits, so a wrong order fails in the walks below.
 */
const ORDERS: readonly (keyof Resource)[][] = [
  ["by", "title", "note", "url", "accessed"],
  ["by", "title", "url", "note", "accessed"],
];
function entryTexts(e: Resource, hay: string, at: number): { texts: string[]; end: number } {
  for (const order of ORDERS) {
    const texts = fields(e, order);
    let cursor = at;
    let ok = true;
    for (const t of texts) {
      const found = hay.indexOf(normAlnum(t), cursor);
      if (found < 0) {
        ok = false;
        break;
      }
      cursor = found + normAlnum(t).length;
    }
    if (ok) return { texts, end: cursor };
  }
  throw new Error(`entry ${e.id} is not the seed's, in order (digits included): ${e.title}`);
}

/** A category's texts in seed order: intro, then each entry's fields. */
function categoryTexts(c: ResourceCategory, body: string): string[] {
  const hay = normAlnum(body);
  const texts = [...c.intro];
  let at = texts.reduce((cursor, t) => hay.indexOf(normAlnum(t), cursor) + normAlnum(t).length, 0);
  for (const e of c.entries) {
    const r = entryTexts(e, hay, at);
    texts.push(...r.texts);
    at = r.end;
  }
  return texts;
}

/** `gapsBetween`, keeping digits. */
function alnumGaps(section: string, texts: readonly string[]): string[] {
  const hay = normAlnum(section);
  const gaps: string[] = [];
  let at = 0;
  for (const text of texts) {
    const needle = normAlnum(text);
    const found = hay.indexOf(needle, at);
    if (found < 0) throw new Error(`not in the seed (digits included) after position ${at}: ${text.slice(0, 80)}`);
    if (found > at) gaps.push(hay.slice(at, found));
    at = found + needle.length;
  }
  if (at < hay.length) gaps.push(hay.slice(at));
  return gaps;
}

/** "Available at" / "available at:" before a link: the citation's connective, not kept. */
const AVAILABLE = "availableat";
/**
 * What may lie between a category's texts (normalized, digits kept), category by category. Every
 * other gap fails the test: a lost word shows up here.
 */
const ALLOWED_GAPS: Record<string, string[]> = {
  // "Available at" before 16 of its 17 links (not before SOAR's, after a colon).
  "res.general": Array(16).fill(AVAILABLE),
  // Its one link.
  "res.protocols": [AVAILABLE],
  // Three of its four links (not SOAR's, after a colon).
  "res.community-network": Array(3).fill(AVAILABLE),
  // Each of its five links.
  "res.privacy-confidentiality": Array(5).fill(AVAILABLE),
  // Each of its nine links.
  "res.communication": Array(9).fill(AVAILABLE),
  // Each of its six links.
  "res.staff-professional-conduct": Array(6).fill(AVAILABLE),
  // Its one link.
  "res.interpreter-services": [AVAILABLE],
  // Six of its eight links (not NAPNAP's, after a colon, nor the bare DOI link of VanGraafeiland et al.);
  // the SAMHSA entry has a stray bullet before its "Available at" (no letters or digits).
  "res.children": Array(6).fill(AVAILABLE),
  // Under "9. RESOURCES FOR SAFETY" the seed has only the tail of a link and its access date, the
  // head of the entry lost in the extraction: "wp-content/uploads/2022/02/Effective-Communication-
  // Top-10-tips.pdf; accessed on 2/23/22." Turning it into an entry would invent its title and the
  // link's host, so the category stays empty and the fragment is named here.
  "res.safety": ["wpcontentuploads202202effectivecommunicationtop10tipspdfaccessedon22322"],
  "res.health-services": [],
};

/** The three blocks of repeated bare links, in seed order, and how many lines each has. */
const BARE_LINK_BLOCKS = [
  31, // after the General category's Joint Commission entry, before the American Academy of Pediatrics entry
  7, // at the end of "2. Resources for privacy and confidentiality"
  8, // in "4. Resources for staff professional conduct", splitting the CLAS entry's title ("gender / minorities")
];

describe("toolkit resources (Section IV)", () => {
  it("parses, with unique ids of the form res.<slug>[.<n>] and known domain ids", () => {
    const ids = categories.flatMap((c) => [c.id, ...c.entries.map((e) => e.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of categories) {
      expect(c.id).toMatch(/^res\.[a-z0-9-]+$/);
      c.entries.forEach((e, i) => expect(e.id).toBe(`${c.id}.${i + 1}`));
      for (const d of c.domainIds) expect(domainIds).toContain(d);
    }
    // The general category serves every domain alike, so it names none (resourcesFor() returns only
    // a domain's own categories; every category's intro points back to "General Resources").
    expect(categories[0]!.id).toBe("res.general");
    expect(categories[0]!.domainIds).toEqual([]);
  });

  it("has the seed's categories, in order, titled with the headings' words", () => {
    expect(SECTION_START).toBeLessThan(SECTION_END);
    expect(headingLines.map((l) => norm(headingWords(l)))).toEqual(categories.map((c) => norm(c.title)));
  });

  it("leaves out only the repeated bare links, each a link the data gives", () => {
    const runs: number[] = [];
    for (let i = SECTION_START; i < SECTION_END; i++) {
      if (!isBareLink(i)) continue;
      if (isBareLink(i - 1)) runs[runs.length - 1]!++;
      else runs.push(1);
    }
    expect(runs).toEqual(BARE_LINK_BLOCKS);
    const known = categories.flatMap((c) => [...c.intro, ...c.entries.flatMap((e) => (e.url ? [e.url] : []))]).map(normAlnum);
    for (let i = SECTION_START; i < SECTION_END; i++) {
      if (!isBareLink(i)) continue;
      const link = normAlnum(SEED_LINES[i]!);
      expect(
        known.some((k) => k.includes(link)),
        `bare link on seed line ${i + 1} is in the data`,
      ).toBe(true);
    }
  });

  it("has only the seed's texts, in order, losing nothing but the listed noise", () => {
    categories.forEach((c, index) => {
      const body = categoryBody(index);
      const texts = categoryTexts(c, body);
      const allowed = ALLOWED_GAPS[c.id];
      expect(allowed, `allowed gaps listed for ${c.id}`).toBeDefined();
      // Letters only (the seed-text check) and with digits (years, dates, links).
      expect(gapsBetween(body, texts), c.id).toEqual(allowed!.map(norm).filter(Boolean));
      expect(alnumGaps(body, texts), c.id).toEqual(allowed);
    });
  });

  it("says a category is empty rather than inventing entries", () => {
    for (const c of categories) expect(c.empty).toBe(c.entries.length === 0);
    expect(categories.filter((c) => c.empty).map((c) => c.id)).toEqual(["res.safety", "res.health-services"]);
  });

  it("gives links that parse, without whitespace or a trailing period", () => {
    for (const e of categories.flatMap((c) => c.entries)) {
      if (!e.url) continue;
      expect(e.url, e.id).not.toMatch(/\s/);
      expect(e.url, e.id).not.toMatch(/[.;,]$/);
      expect(() => new URL(e.url!), e.id).not.toThrow();
      expect(e.url, e.id).toMatch(/^https?:\/\//);
    }
  });

  it("reports its counts", () => {
    const entries = categories.flatMap((c) => c.entries);
    const counts = {
      categories: categories.length,
      emptyCategories: categories.filter((c) => c.empty).map((c) => c.title),
      entries: entries.length,
      entriesWithLinks: entries.filter((e) => e.url).length,
      entriesWithAccessed: entries.filter((e) => e.accessed).length,
      entriesWithAccessedOn: entries.filter((e) => e.accessed?.startsWith("accessed on")).length,
    };
    console.log("toolkit resources:", JSON.stringify(counts));
    expect(counts.entries).toBeGreaterThan(50);
  });
});
