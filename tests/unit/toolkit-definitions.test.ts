/**
 * Section I's definitions (and the few terms the toolkit defines in passing) as data:
 * core/templates/toolkit/definitions.json checked against the seed. Coverage is checked per
 * definition, over the seed lines it comes from (its span): every text is the seed's, in order
 * (nothing invented), and the span holds nothing else but the noise listed (nothing lost). The
 * "Definition of Terms" list is covered whole: its definitions' spans tile it. The rest of Section I
 * is overview, not definitions (vulnerability factors, adverse effects, potential indicators, Table 4's
 * concepts of a trauma-informed approach, the lists of services) and is not data here.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import definitionsRaw from "../../core/templates/toolkit/definitions.json";
import { type Definition, DefinitionSchema } from "../../core/toolkit";
import { gapsBetween, norm, SEED_LINES, seedLines } from "./seed-text";

const definitions: Definition[] = z.array(DefinitionSchema).parse(definitionsRaw);

/** The line number (1-based) of the one seed line, from `after` on, whose trimmed text satisfies `test`. */
function lineWhere(test: (line: string) => boolean, after = 0, before = SEED_LINES.length): number {
  const found: number[] = [];
  for (let i = after; i < before; i++) if (test(SEED_LINES[i]!.trim())) found.push(i + 1);
  expect(found, "exactly one matching seed line").toHaveLength(1);
  return found[0]!;
}
const lineIs = (text: string, after?: number, before?: number) => lineWhere((l) => l === text, after, before);
const lineWith = (text: string, after?: number, before?: number) => lineWhere((l) => l.includes(text), after, before);

// Section I and its list of definitions, found by their headings.
const SECTION_I = lineIs("SECTION I");
const SECTION_II = lineIs("Service Assessment Tool");
const TERMS = lineIs("Definition of Terms", SECTION_I, SECTION_II);
const TERMS_END = lineWith("Vulnerability to Human Trafficking", TERMS, SECTION_II);

/**
 * The "Definition of Terms" list: each definition's heading as the seed prints it. A definition's
 * span runs from its heading to the line before the next heading (the last, to the line before
 * "Vulnerability to Human Trafficking").
 */
const HEADED: [id: string, heading: string][] = [
  ["def.human-trafficking", "Human trafficking"],
  ["def.forced-labour", "Forced labour"],
  ["def.sexual-exploitation", "Sexual exploitation"],
  ["def.survivor-victim", "Use of terms: survivor vs. victim"],
  ["def.health-care-professional", "Health Care Professional (HCP)"],
  ["def.privacy", "Privacy"],
  ["def.confidentiality", "Confidentiality"],
  ["def.trauma", "Trauma"],
  ["def.vicarious-trauma", "Vicarious traumatization (VT)"],
  ["def.trauma-informed-care", "Trauma-informed care (TIC)"],
  ["def.rights-based-care", "Rights-based, patient/client-centered care"],
  ["def.sexual-orientation", "Sexual orientation"],
  ["def.gender-identity", "Gender identity"],
  ["def.transgender", "Transgender"],
  ["def.non-binary", "Non-binary"],
  ["def.gender-expression", "Gender expression"],
];
const headingLines = HEADED.map(([, heading]) => lineIs(heading, TERMS, TERMS_END));

type Spec = {
  /** Seed line ranges (1-based, inclusive) the definition comes from, in order. */
  spans: [number, number][];
  /** Whether the term is the span's heading (walked as the first text) rather than a word in the text. */
  headed: boolean;
  /** What may lie between the texts in the spans, normalized, each with its reason. */
  allowed: string[];
};

const specs = new Map<string, Spec>();
HEADED.forEach(([id], i) => {
  const next = headingLines[i + 1] ?? TERMS_END;
  specs.set(id, { spans: [[headingLines[i]!, next - 1]], headed: true, allowed: [] });
});
// "Use of terms: survivor vs. victim": the term is the heading's last words.
specs.get("def.survivor-victim")!.allowed = ["useofterms"];
// The headings' abbreviations, kept as aliases.
specs.get("def.health-care-professional")!.allowed = ["hcp"];
specs.get("def.vicarious-trauma")!.allowed = ["vt"];
// "Trauma-informed care (TIC) / See below, “Trauma-Informed Care” section.": the cross-reference
// is replaced by that section's opening paragraph (its second span, after its heading
// "Trauma-Informed Care"); the heading's abbreviation is kept as an alias.
const TIC_SECTION = lineIs("Trauma-Informed Care", TERMS_END, SECTION_II);
specs
  .get("def.trauma-informed-care")!
  .spans.push([TIC_SECTION, lineWith("form the basis of a trauma-informed approach to care", TIC_SECTION, SECTION_II)]);
specs.get("def.trauma-informed-care")!.allowed = ["ticseebelowtraumainformedcaresectiontraumainformedcare"];

// Terms defined in passing, each with its span.
const INTRO = lineWith("This toolkit is designed to assist health and mental health professionals", 0, SECTION_I);
specs.set("def.ht-e", {
  // The Introduction's first sentence, where the toolkit names "human trafficking and exploitation (HT/E)".
  spans: [[INTRO, lineWith("human trafficking and exploitation (HT/E)", INTRO, SECTION_I)]],
  headed: false,
  // The next sentence's first word, on the same line.
  allowed: ["the"],
});
const FORCED = headingLines[1]!;
specs.set("def.forced-labour-of-children", {
  // Inside "Forced labour": ‘Forced labour of children’ involves "…".
  spans: [[lineWith("‘Forced labour", FORCED, TERMS_END), lineWith("engaged in forced labour", FORCED, TERMS_END)]],
  headed: false,
  // The end of the sentence before it, and the start of the one after it, on the same lines.
  allowed: ["hasnotofferedhimselfvoluntarily", "childlabourmaybe"],
});
specs.set("def.child-labour", {
  // Inside "Forced labour": ‘Child labour’ may be defined as "…".
  spans: [[lineWith("‘Child labour’", FORCED, TERMS_END), lineWith("is harmful to physical and mental development", FORCED, TERMS_END)]],
  headed: false,
  // The end of the sentence before it, on the same line.
  allowed: ["engagedinforcedlabour"],
});
// Table notes, "A: Throwaway status: …": the note's letter is not kept.
const TABLE_1_NOTES = lineWith("A: Throwaway status:", TERMS_END, SECTION_II);
specs.set("def.throwaway-status", { spans: [[TABLE_1_NOTES, TABLE_1_NOTES]], headed: false, allowed: ["a"] });
const TABLE_3_NOTES = lineWith("A: PTSD:", TERMS_END, SECTION_II);
specs.set("def.lgbtq", {
  // Table 1's and Table 3's notes give it in two wordings; both are kept.
  spans: [
    [TABLE_1_NOTES + 1, TABLE_1_NOTES + 1],
    [TABLE_3_NOTES + 1, TABLE_3_NOTES + 1],
  ],
  headed: false,
  allowed: ["b", "b"],
});
specs.set("def.ptsd", { spans: [[TABLE_3_NOTES, TABLE_3_NOTES]], headed: false, allowed: ["a"] });
specs.set("def.sti", { spans: [[TABLE_3_NOTES + 2, TABLE_3_NOTES + 2]], headed: false, allowed: ["c"] });
const WARM = lineWith("“Warm hand-off” refers to", TERMS_END, SECTION_II);
specs.set("def.warm-hand-off", { spans: [[WARM, WARM + 1]], headed: false, allowed: ["b"] });
// Section II, domain 12's note on the AAAQ framework: its opening paragraph and four bullets (the
// scoring instructions after them are not the definition).
const AAAQ = lineWith("When assessing the quality of health and mental health care", SECTION_II);
specs.set("def.aaaq", { spans: [[AAAQ, lineWith("sanitary, etc.)", AAAQ)]], headed: false, allowed: [] });
// Section III's guidance on VT/STS, its opening sentence.
const STS = lineWith("Providers and staff working with patients/clients with a history of HT/E may experience", AAAQ);
specs.set("def.secondary-traumatic-stress", {
  spans: [[STS, lineWith("events and witnessing the pain", STS)]],
  headed: false,
  // The start of the next sentence, on the same line.
  allowed: ["thefollowingactionsmayhelp"],
});

const spanText = (spec: Spec) => spec.spans.map(([from, to]) => seedLines(from, to)).join("\n");
/** Case-insensitive, whitespace-collapsed seed text, for checking aliases as printed. */
const SEED_FLAT = SEED_LINES.join(" ").replace(/\s+/g, " ").toLowerCase();

describe("toolkit definitions (Section I)", () => {
  it("parses, with unique ids of the form def.<slug>", () => {
    const ids = definitions.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^def\.[a-z0-9-]+$/);
  });

  it("has a span for every definition and a definition for every span, in seed order", () => {
    expect([...specs.keys()].sort()).toEqual(definitions.map((d) => d.id).sort());
    const starts = definitions.map((d) => specs.get(d.id)!.spans[0]![0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("covers the whole “Definition of Terms” list", () => {
    // Only blank lines between the list's heading and its first definition; the headed spans then
    // follow each other up to the next part of Section I.
    for (let line = TERMS + 1; line < headingLines[0]!; line++) expect(SEED_LINES[line - 1]!.trim()).toBe("");
    const spans = HEADED.map(([id]) => specs.get(id)!.spans[0]!);
    spans.forEach(([from], i) => expect(from).toBe(i === 0 ? headingLines[0] : spans[i - 1]![1] + 1));
    expect(spans.at(-1)![1]).toBe(TERMS_END - 1);
  });

  it("has only the seed's texts, in order, losing nothing but the listed noise", () => {
    for (const d of definitions) {
      const spec = specs.get(d.id)!;
      const span = spanText(spec);
      const texts = spec.headed ? [d.term, ...d.text] : d.text;
      expect(gapsBetween(span, texts), d.id).toEqual(spec.allowed);
      // A term defined in passing is named in its text.
      if (!spec.headed) expect(norm(d.text.join(" ")), d.id).toContain(norm(d.term));
    }
  });

  it("has aliases the toolkit uses", () => {
    for (const d of definitions)
      for (const alias of d.aliases) expect(SEED_FLAT.includes(alias.toLowerCase()), `${d.id}: ${alias}`).toBe(true);
  });

  it("has digits only where its span has them (footnote numbers dropped)", () => {
    // Digits in a definition's text are the seed's ("1930 (No. 29)", "15-year-old"): each run of
    // digits occurs in its span.
    for (const d of definitions) {
      const span = spanText(specs.get(d.id)!);
      for (const digits of d.text.join(" ").match(/\d+/g) ?? []) expect(span, d.id).toContain(digits);
    }
  });

  it("reports its counts", () => {
    console.log("toolkit definitions:", JSON.stringify({ definitions: definitions.length, terms: definitions.map((d) => d.term) }));
    expect(definitions.length).toBeGreaterThan(15);
  });
});
