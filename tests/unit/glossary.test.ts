/**
 * The glossary (core/glossary.ts) against the toolkit's definitions and icmec-2's text: each plain
 * line is cut from its definition (at most three pieces of it, each the definition's own letters,
 * nothing reworded), each definition exists, no line is long, and `findTerms` finds every use of
 * each term in what participants read (items, stems, rating prompts, scale labels) and points each
 * "(see Overview …)" to the definition it means.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findTerms, GLOSSARY, glossaryTerm, termsIn } from "../../core/glossary";
import type { Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import definitionsRaw from "../../core/templates/toolkit/definitions.json";
import { type Definition, DefinitionSchema } from "../../core/toolkit";
import { norm } from "./seed-text";

const definitions: Definition[] = z.array(DefinitionSchema).parse(definitionsRaw);
const icmec = getTemplate("icmec-2") as Template;

/** The longest is about one line on a projector and three on a 320 px phone. */
const MAX_LINE = 120;
/** Cutting may leave out a parenthesis or a clause or two, no more. */
const MAX_PIECES = 3;

/**
 * `text` as pieces of `source` (both normalized to letters), each as long as it can be: null if a
 * word of `text` isn't in `source` at all.
 */
function piecesOf(text: string, source: string): string[] | null {
  const hay = norm(source);
  const words = text.split(/\s+/).map(norm).filter(Boolean);
  const pieces: string[] = [];
  let i = 0;
  while (i < words.length) {
    let piece = "";
    let j = i;
    while (j < words.length && hay.includes(piece + words[j])) piece += words[j++];
    if (j === i) return null;
    pieces.push(piece);
    i = j;
  }
  return pieces;
}

/** What the plain lines are cut from: the definition's term, its aliases and its text, all the seed's. */
const sourceOf = (d: Definition) => [d.term, ...d.aliases, ...d.text].join(" ");

/** What participants read of the template, with where it is. */
const TEXTS: { where: string; text: string }[] = [
  ...Object.entries(icmec.scales).flatMap(([id, s]) => [
    ...s.points.map((p) => ({ where: `scale ${id} ${p.value}`, text: p.label })),
    { where: `scale ${id} dk`, text: s.dontKnowLabel },
    ...(s.notAvailableLabel ? [{ where: `scale ${id} na`, text: s.notAvailableLabel }] : []),
  ]),
  ...icmec.domains.flatMap((d) => [
    { where: `${d.id} prompt`, text: d.rating.prompt },
    ...d.items.flatMap((item) => [
      { where: item.id, text: item.text },
      ...(item.stem ? [{ where: `${item.id} stem`, text: item.stem }] : []),
    ]),
  ]),
];

/** How each term is written in the template (what a reader would search for). */
const WRITTEN: Record<string, RegExp> = {
  "ht-e": /HT\/E/g,
  aaaq: /AAAQ/g,
  "vt-sts": /VT\/STS/g,
  vt: /\bVT\b(?!\/)/g,
  sts: /(?<!\/)\bSTS\b/g,
  hcp: /HCP/g,
  lgbtq: /LGBTQ\+?/g,
  "trauma-informed": /trauma-informed/gi,
  "rights-based": /rights-based/gi,
};

describe("glossary", () => {
  it("has unique ids and a way to find each term as the template writes it", () => {
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
    expect(Object.keys(WRITTEN).sort()).toEqual(GLOSSARY.map((g) => g.id).sort());
  });

  for (const g of GLOSSARY) {
    describe(g.name, () => {
      const def = definitions.find((d) => d.id === g.definitionId);

      it("comes from a definition that exists, and is named as the toolkit names it", () => {
        expect(def, g.definitionId).toBeDefined();
        // Its definition's term or alias; or, as the template writes "VT/STS", two aliases.
        const names = [def!.term, ...def!.aliases].map(norm);
        const aliases = definitions.flatMap((d) => d.aliases.map(norm));
        if (!names.includes(norm(g.name))) for (const half of g.name.split("/")) expect(aliases, g.name).toContain(norm(half));
      });

      it(`is cut from that definition (at most ${MAX_PIECES} pieces), in lines of at most ${MAX_LINE} characters`, () => {
        for (const part of g.parts ?? []) expect(norm(sourceOf(def!))).toContain(norm(part.word));
        for (const line of [g.text, ...(g.parts ?? []).map((p) => p.text)]) {
          const pieces = piecesOf(line, sourceOf(def!));
          expect(pieces, `not the definition's words: ${line}`).not.toBeNull();
          expect(pieces!.length, `cut into too many pieces: ${pieces!.join(" | ")}`).toBeLessThanOrEqual(MAX_PIECES);
          // Each piece is the definition's own letters, in the definition.
          for (const piece of pieces!) expect(norm(sourceOf(def!))).toContain(piece);
          expect(line.length, line).toBeLessThanOrEqual(MAX_LINE);
        }
      });
    });
  }

  it("AAAQ: each of its four words with a line of its own, from the paragraph about that word", () => {
    const aaaq = glossaryTerm("aaaq")!;
    const def = definitions.find((d) => d.id === "def.aaaq")!;
    expect(aaaq.parts?.map((p) => p.word)).toEqual(["Availability", "Accessibility", "Acceptability", "Quality"]);
    for (const part of aaaq.parts!) {
      const paragraph = def.text.find((t) => t.startsWith(`${part.word}:`));
      expect(paragraph, part.word).toBeDefined();
      // At most two pieces, both from the word's own paragraph.
      const pieces = piecesOf(part.text, paragraph!);
      expect(pieces, part.text).not.toBeNull();
      expect(pieces!.length, pieces!.join(" | ")).toBeLessThanOrEqual(2);
    }
  });

  it("findTerms finds every use of each term in what participants read of icmec-2", () => {
    const counts: Record<string, { written: number; found: number; refs: number }> = {};
    for (const g of GLOSSARY) counts[g.id] = { written: 0, found: 0, refs: 0 };
    for (const { where, text } of TEXTS) {
      const found = findTerms(text);
      // None overlap; in order.
      for (const [i, f] of found.entries()) {
        expect(f.end, where).toBeGreaterThan(f.start);
        if (i > 0) expect(f.start, where).toBeGreaterThanOrEqual(found[i - 1]!.end);
      }
      for (const f of found) {
        expect(glossaryTerm(f.termId), f.termId).toBeDefined();
        if (f.ref) counts[f.termId]!.refs++;
        else counts[f.termId]!.found++;
      }
      for (const [id, re] of Object.entries(WRITTEN)) {
        for (const m of text.matchAll(re)) {
          counts[id]!.written++;
          // Each written use is covered: by the term itself, or by a reference to its definition.
          const at = found.find((f) => f.start <= m.index && m.index + m[0].length <= f.end);
          expect(at, `${where}: "${m[0]}" at ${m.index} in "${text}"`).toBeDefined();
          expect(at!.termId, `${where}: "${m[0]}"`).toBe(id);
          if (!at!.ref) expect(text.slice(at!.start, at!.end), where).toBe(m[0]);
        }
      }
    }
    console.log(
      `glossary terms in icmec-2's items, stems, prompts and scale labels:\n${Object.entries(counts)
        .map(([id, c]) => `  ${id}: written ${c.written}, found ${c.found}, references to it ${c.refs}`)
        .join("\n")}`,
    );
    // (32 in the whole file: the others are in topic 12's explanation and a source prompt not shown.)
    expect(counts["ht-e"]!.written).toBe(28);
    expect(counts["ht-e"]!.found).toBe(counts["ht-e"]!.written);
    expect(counts.aaaq!.found).toBe(4);
    expect(counts["vt-sts"]!.found).toBe(1);
    expect(counts.lgbtq!.found).toBe(2);
    // "(See Overview for description of trauma-informed approach.)" is a reference, not a term.
    expect(counts["trauma-informed"]!.found).toBe(counts["trauma-informed"]!.written - 1);
    expect(counts["trauma-informed"]!.refs).toBe(2);
    expect(counts["rights-based"]!.refs).toBe(1);
  });

  it("each '(see Overview …)' points to the definition of the term its text is about", () => {
    const refs = TEXTS.flatMap(({ where, text }) =>
      findTerms(text)
        .filter((f) => f.ref)
        .map((f) => ({ where, termId: f.termId, said: text.slice(f.start, f.end) })),
    );
    expect(refs).toEqual([
      // "Impact of trauma and the trauma-informed approach to care (see Overview section)?"
      { where: "communication.2", termId: "trauma-informed", said: "see Overview section" },
      // "Human rights-based/client-centered approach to care (see Overview section)?"
      { where: "communication.3", termId: "rights-based", said: "see Overview section" },
      { where: "communication.4", termId: "trauma-informed", said: "See Overview for description of trauma-informed approach." },
    ]);
    // Every "Overview" in the participants' text is one of them.
    expect(TEXTS.filter((x) => /Overview/.test(x.text)).map((x) => x.where)).toEqual(refs.map((r) => r.where));
  });

  it("finds terms longest first, ignores look-alikes, and drops a reference it can't place", () => {
    const at = (text: string) => findTerms(text).map((f) => [text.slice(f.start, f.end), f.termId, f.ref ?? false]);
    expect(at("signs of VT/STS and VT or STS")).toEqual([
      ["VT/STS", "vt-sts", false],
      ["VT", "vt", false],
      ["STS", "sts", false],
    ]);
    expect(at("HT/Ex, XHT/E, LGBTQ+ and LGBTQ people, HCPs, AAAQs")).toEqual([
      ["LGBTQ+", "lgbtq", false],
      ["LGBTQ", "lgbtq", false],
      ["HCPs", "hcp", false],
    ]);
    expect(at("Something else (see Overview section)?")).toEqual([]);
    expect(at("")).toEqual([]);
  });

  it("termsIn lists the terms a topic uses, each once, in order of first use", () => {
    const texts = ["Impact of trauma (see Overview section) and HT/E?", "HT/E and AAAQ", "trauma-informed"];
    expect(termsIn(texts).map((g) => g.id)).toEqual(["ht-e", "aaaq", "trauma-informed"]);
  });
});
