/**
 * @module glossary
 * Plain words where the toolkit is terse (issue 11, item 4): the terms icmec-2's questions, prompts
 * and scale labels use without saying what they mean ("HT/E", "AAAQ", "VT/STS", "LGBTQ+",
 * "trauma-informed"), each with one short line cut from the toolkit's own definition of it
 * (core/templates/toolkit/definitions.json): words left out, none changed or added, which
 * tests/unit/glossary.test.ts checks against that file. Small on purpose: the phone imports it,
 * and not the definitions.
 *
 * `findTerms` finds them in a text, and the template's "(see Overview section)" and "(See Overview
 * for description of …)", which point to a part of the paper toolkit a participant doesn't have:
 * each becomes a reference to the definition of the term it is about. Pure: no I/O.
 */

/** One word of a framework's name with its own line (AAAQ's four). */
export interface GlossaryPart {
  word: string;
  text: string;
}

export interface GlossaryTerm {
  /** Stable and short: "ht-e". */
  id: string;
  /** The term as the toolkit writes it: its definition's term or one of its aliases. */
  name: string;
  /** The definition (definitions.json) that `text` and `parts` are cut from. */
  definitionId: string;
  /** One plain line, cut from the definition (its term, aliases and text), never reworded. */
  text: string;
  /** Each word of an abbreviation that names several things, with a line of its own. */
  parts?: readonly GlossaryPart[];
  /** Finds the term in a text (no flags: `findTerms` adds them). */
  pattern: RegExp;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: "ht-e",
    name: "HT/E",
    definitionId: "def.ht-e",
    text: "human trafficking and exploitation",
    pattern: /\bHT\/E\b/,
  },
  {
    id: "aaaq",
    name: "AAAQ",
    definitionId: "def.aaaq",
    text: "Availability/Accessibility/Acceptability/Quality framework developed by the World Health Organization",
    parts: [
      { word: "Availability", text: "extent facility(ies) have resources and services to meet patient/client needs" },
      {
        word: "Accessibility",
        text: "how easily patient/client can reach locale, the affordability of services, access to services by all individuals",
      },
      { word: "Acceptability", text: "the extent to which an individual is comfortable with the service provider and vice versa" },
      { word: "Quality", text: "providers possess necessary skills; supplies are adequate; facility(ies) is safe and sanitary" },
    ],
    pattern: /\bAAAQ\b/,
  },
  {
    id: "vt-sts",
    name: "VT/STS",
    definitionId: "def.secondary-traumatic-stress",
    text: "vicarious trauma and/or secondary traumatic stress from hearing about traumatic events",
    pattern: /\bVT\/STS\b/,
  },
  {
    id: "vt",
    name: "VT",
    definitionId: "def.vicarious-trauma",
    text: "vicarious trauma: the effects on professionals working with traumatized persons",
    pattern: /\bVT\b/,
  },
  {
    id: "sts",
    name: "STS",
    definitionId: "def.secondary-traumatic-stress",
    text: "secondary traumatic stress from hearing about traumatic events",
    pattern: /\bSTS\b/,
  },
  {
    id: "hcp",
    name: "HCP",
    definitionId: "def.health-care-professional",
    text: "health care professional: trained individuals providing either health or mental health services",
    pattern: /\bHCPs?\b/,
  },
  {
    id: "lgbtq",
    name: "LGBTQ+",
    definitionId: "def.lgbtq",
    text: "lesbian, gay, bisexual, transgender, queer, questioning and other",
    pattern: /\bLGBTQ(?:\+|\b)/,
  },
  {
    id: "trauma-informed",
    name: "Trauma-informed care",
    definitionId: "def.trauma-informed-care",
    text: "understanding the impact of trauma, and responding in a nonjudgmental, supportive manner",
    pattern: /\btrauma-informed\b/i,
  },
  {
    id: "rights-based",
    name: "Rights-based, patient/client-centered care",
    definitionId: "def.rights-based-care",
    text: "care that is based on basic human rights and care that prioritizes the patient/client’s best interests",
    pattern: /\brights-based\b/i,
  },
];

const BY_ID = new Map(GLOSSARY.map((g) => [g.id, g]));

/** The glossary's entry for an id from `findTerms`. */
export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return BY_ID.get(id);
}

/** A term, or a reference to a term's definition, found in a text: `text.slice(start, end)`. */
export interface FoundTerm {
  start: number;
  end: number;
  termId: string;
  /**
   * A cross-reference ("see Overview section", inside its parentheses, which are not part of it)
   * that points to the definition of `termId`: the term it names, else the nearest term before it.
   */
  ref?: true;
}

/** "(see Overview section)", "(See Overview for description of trauma-informed approach.)": the inside. */
const REFERENCE = /\((see Overview\b[^()]*)\)/gi;

/** Every match of `pattern` in `text`, as [start, end). */
function matches(pattern: RegExp, text: string): [number, number][] {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))].map((m) => [m.index, m.index + m[0].length]);
}

/** The glossary's terms in `text` (not references), non-overlapping, longest first where they overlap. */
function termsOnly(text: string): FoundTerm[] {
  const candidates = GLOSSARY.flatMap((g) => matches(g.pattern, text).map(([start, end]) => ({ start, end, termId: g.id })));
  return pickNonOverlapping(candidates);
}

function pickNonOverlapping<T extends { start: number; end: number }>(candidates: T[]): T[] {
  const byLength = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const c of byLength) if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The glossary's terms and the references to their definitions in `text`, in order, none
 * overlapping (the longer match wins, so a reference that names a term takes it in). A reference
 * whose term can't be told is left out (its text stays as it is).
 */
export function findTerms(text: string): FoundTerm[] {
  const terms = termsOnly(text);
  const refs: FoundTerm[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const inside = m[1] ?? "";
    const start = m.index + 1;
    const end = start + inside.length;
    const named = termsOnly(inside)[0];
    const before = terms.filter((t) => t.end <= m.index).pop();
    const termId = named?.termId ?? before?.termId;
    if (termId) refs.push({ start, end, termId, ref: true });
  }
  const all: FoundTerm[] = [...refs, ...terms.filter((t) => refs.every((r) => t.end <= r.start - 1 || t.start >= r.end + 1))];
  return all.sort((a, b) => a.start - b.start);
}

/** The glossary's terms that `texts` use (by name or by a reference), each once, in order of first use. */
export function termsIn(texts: readonly string[]): GlossaryTerm[] {
  const ids = new Set(texts.flatMap((text) => findTerms(text).map((f) => f.termId)));
  return [...ids].flatMap((id) => BY_ID.get(id) ?? []);
}
