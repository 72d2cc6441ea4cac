/**
 * Section III of the toolkit (Guidance) as data: core/templates/toolkit/guidance.json checked against
 * the seed text, domain by domain (nothing invented, nothing lost but named noise), and
 * core/templates/toolkit/item-guidance.json checked against the template's items and the points.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import guidanceRaw from "../../core/templates/toolkit/guidance.json";
import itemGuidanceRaw from "../../core/templates/toolkit/item-guidance.json";
import { type DomainGuidance, DomainGuidanceSchema, ItemGuidanceSchema } from "../../core/toolkit";
import { gapsBetween, norm, SEED_LINES, seedLines } from "./seed-text";

const guidance: DomainGuidance[] = z.array(DomainGuidanceSchema).parse(guidanceRaw);
const itemGuidance = ItemGuidanceSchema.parse(itemGuidanceRaw);
const icmec = getTemplate("icmec-2") as Template;
/** Domains 1–11 have Yes/No items; domain 12 (services, AAAQ) is rated per facility and has none. */
const itemDomains = icmec.domains.filter((d) => d.number <= 11);

/** The 1-based number of the only seed line that contains `text` (throws unless exactly one does). */
function lineOf(text: string): number {
  const hits = SEED_LINES.flatMap((line, i) => (line.includes(text) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`expected one seed line with ${JSON.stringify(text)}, found ${hits.length}`);
  return hits[0]!;
}

// Section III's landmarks, found by their text.
const INTRO = lineOf("Developing & Improving Health Care Services for Persons Experiencing HT/E") - 2; // after two "Guidance" lines
const PROTOCOL = lineOf("...... GUIDANCE ON PROTOCOLS AND COMMUNITY NETWORK");
const PRIVACY = lineOf("...... GUIDANCE ON PRIVACY AND CONFIDENTIALITY");
const COMMUNICATION = lineOf("...... GUIDANCE ON STAFF COMMUNICATION");
const CONDUCT = lineOf("...... GUIDANCE ON STAFF PROFESSIONAL CONDUCT");
const INTERPRETERS = lineOf("...... GUIDANCE ON INTERPRETER RESOURCES");
const SPECIAL_POPULATIONS = lineOf("SPECIAL PATIENT/CLIENT POPULATIONS");
const CHILDREN = lineOf("...... GUIDANCE ON CHILDREN");
const GENDER = lineOf("GUIDANCE ON ISSUES RELATED TO GENDER ROLES, GENDER IDENTITY");
const CULTURE = lineOf("GUIDANCE ON RACIAL/ETHNIC/RELIGIOUS/POLITICAL/CULTURAL");
const SAFETY = lineOf("...... GUIDANCE ON SAFETY");
const MENTAL_HEALTH_STAFF = lineOf("...... GUIDANCE ON MENTAL HEALTH STAFF TRAINING/SUPERVISION");
const VICARIOUS_TRAUMA = lineOf("GUIDANCE ON VICARIOUS TRAUMA (VT) AND SECONDARY TRAUMATIC");
const SERVICES = lineOf("...... SERVICES AVAILABLE");
const SECTION_END = lineOf(" SECTION IV") - 1;
/** Domain 8's closing pointer, which the PDF extraction put in the middle of Safety's bullets. */
const CULTURE_POINTER = lineOf("Please see “General Resources” and “Resources for Racial/Ethnic/Religious/Political/Cultural");
/** Domain 11's closing pointer; domain 10's remaining bullets follow it. */
const VT_POINTER = lineOf("Please see “General Resources” and “Resources for Vicarious Trauma and Secondary Traumatic Stress”");

type Range = readonly [from: number, to: number];

/** Each domain's guidance in the seed: its line ranges, in reading order. */
const SECTIONS: Record<string, readonly Range[]> = {
  protocol: [[PROTOCOL, PRIVACY - 1]],
  privacy: [[PRIVACY, COMMUNICATION - 1]],
  communication: [[COMMUNICATION, CONDUCT - 1]],
  conduct: [[CONDUCT, INTERPRETERS - 1]],
  interpreters: [[INTERPRETERS, SPECIAL_POPULATIONS - 1]],
  children: [[CHILDREN, GENDER - 1]],
  gender: [[GENDER, CULTURE - 1]],
  culture: [
    [CULTURE, SAFETY - 1],
    [CULTURE_POINTER, CULTURE_POINTER],
  ],
  safety: [
    [SAFETY, CULTURE_POINTER - 1],
    [CULTURE_POINTER + 1, MENTAL_HEALTH_STAFF - 1],
  ],
  // Domain 10's text is split around domain 11's: its first four bullets, then (after 11) the rest.
  "mental-health-staff": [
    [MENTAL_HEALTH_STAFF, VICARIOUS_TRAUMA - 1],
    [VT_POINTER + 1, SERVICES - 1],
  ],
  "vicarious-trauma": [[VICARIOUS_TRAUMA, VT_POINTER]],
  "services-aaaq": [[SERVICES, SECTION_END]],
};

/**
 * Section III's text that belongs to no one domain, so guidance.json leaves it out, written out here
 * so that what is skipped is exactly this.
 */
const SKIPPED: readonly { range: Range; text: string; why: string }[] = [
  {
    range: [INTRO, PROTOCOL - 1],
    why: "the section's title and introduction: how to use the guidance as a whole, not any domain's",
    text:
      "Guidance Guidance Developing & Improving Health Care Services for Persons Experiencing HT/E and Those at Risk for Exploitation " +
      "Based on the outcome of the self-assessment, the following guidance should be considered when working to improve a facility’s " +
      "health care service delivery to patients/clients with a history of HT/E. The domains discussed below reflect the order and " +
      "organization of the assessment tool to support convenient reference. Staff and stakeholders will need to decide which actions are " +
      "feasible and desirable for the organization and its partners. Efforts should be viewed as a work in progress, with improvements to " +
      "be accomplished over time. Staff may want to focus on one or a few domains during any given period. For specific resources to " +
      "assist with implementation of the guidance, please see Section IV: Resources. The categories of resources mirror the organization " +
      "of the assessment tool and guidance sections.",
  },
  {
    range: [SPECIAL_POPULATIONS, CHILDREN - 1],
    why: "the heading and preface of the group of domains 6–8 (children, gender, culture), not any one of them",
    text:
      "SPECIAL PATIENT/CLIENT POPULATIONS While human trafficking occurs in all populations, health and mental health services may not " +
      "be available to all groups or may need to be obtained from a variety of organizations/agencies. For example, some facilities may " +
      "not provide pediatric care. When assessing a facility’s services, it is important to consider the special circumstances of " +
      "individual groups.",
  },
];

/**
 * What may lie between a domain's block texts in the seed (normalized: letters only, so page
 * numbers, the side tabs' "1."…"12." and bullets vanish), domain by domain, in order.
 */
const ALLOWED_GAPS: Record<string, readonly string[]> = {
  protocol: [
    "guidanceonprotocolsandcommunitynetwork", // the heading line, kept as the title
  ],
  privacy: [
    "guidanceonprivacyandconfidentiality", // the heading line, kept as the title
  ],
  communication: [
    "guidanceonstaffcommunication", // the heading line, kept as the title
  ],
  conduct: [
    "guidanceonstaffprofessionalconduct", // the heading line, kept as the title
  ],
  interpreters: [
    "guidanceoninterpreterresources", // the heading line, kept as the title
  ],
  children: [
    "guidanceonchildren", // the heading line, kept as the title
  ],
  gender: [
    "guidanceonissuesrelatedtogenderrolesgenderidentityandsexualorientation", // the two heading lines, kept as the title
  ],
  culture: [
    "guidanceonracialethnicreligiouspoliticalculturalminoritiesandmigrantindividuals", // the two heading lines, kept as the title
  ],
  safety: [
    "guidanceonsafety", // the heading line, kept as the title
  ],
  "mental-health-staff": [
    "guidanceonmentalhealthstafftrainingsupervision", // the heading line, kept as the title
  ],
  "vicarious-trauma": [
    "guidanceonvicarioustraumavtandsecondarytraumaticstresssts", // the two heading lines, kept as the title
  ],
  "services-aaaq": [
    "servicesavailable", // the heading line; the title is the template's "Guidance on Services Available"
  ],
};

const sectionText = (ranges: readonly Range[]): string => ranges.map(([from, to]) => seedLines(from, to)).join("\n");

/** A domain's texts in reading order: each block's, and each point's sub-points after it. */
const textsOf = (g: DomainGuidance): string[] =>
  g.blocks.flatMap((b) => (b.kind === "point" ? [b.text, ...b.sub.map((s) => s.text)] : [b.text]));

describe("toolkit guidance (Section III)", () => {
  it("has one entry per template domain, in the template's order, titled as the template names it", () => {
    expect(guidance.map((g) => g.domainId)).toEqual(icmec.domains.map((d) => d.id));
    for (const g of guidance) expect(g.title).toBe(icmec.domains.find((d) => d.id === g.domainId)!.guidance);
    expect(Object.keys(SECTIONS)).toEqual(guidance.map((g) => g.domainId));
  });

  it("finds each landmark where expected, and the domains' ranges and the skipped text tile Section III exactly", () => {
    expect(SEED_LINES.slice(INTRO - 1, INTRO + 1).map((l) => l.trim())).toEqual(["Guidance", "Guidance"]);
    expect(SEED_LINES[SECTION_END]).toBe(" SECTION IV");
    // The displaced pointers sit where the reading order says: domain 8's inside Safety, domain 11's before domain 10's rest.
    expect(SAFETY < CULTURE_POINTER && CULTURE_POINTER < MENTAL_HEALTH_STAFF).toBe(true);
    expect(VICARIOUS_TRAUMA < VT_POINTER && VT_POINTER < SERVICES).toBe(true);
    const ranges = [...Object.values(SECTIONS).flat(), ...SKIPPED.map((s) => s.range)];
    const lines = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)).sort((a, b) => a - b);
    expect(lines).toEqual(Array.from({ length: SECTION_END - INTRO + 1 }, (_, i) => INTRO + i));
  });

  it("skips only the text named in SKIPPED", () => {
    for (const s of SKIPPED) expect(norm(seedLines(...s.range)), s.why).toBe(norm(s.text));
  });

  for (const [domainId, ranges] of Object.entries(SECTIONS)) {
    it(`${domainId}: every text is the seed's, in order, and only the named gaps are left out`, () => {
      const g = guidance.find((x) => x.domainId === domainId);
      expect(g, domainId).toBeDefined();
      expect(gapsBetween(sectionText(ranges), textsOf(g!))).toEqual(ALLOWED_GAPS[domainId]);
    });
  }

  it("numbers points <domainId>.g1… and sub-points <pointId>.1… in order", () => {
    for (const g of guidance) {
      const points = g.blocks.filter((b) => b.kind === "point");
      points.forEach((p, i) => {
        expect(p.id).toBe(`${g.domainId}.g${i + 1}`);
        p.sub.forEach((s, k) => expect(s.id).toBe(`${p.id}.${k + 1}`));
      });
    }
  });
});

describe("item → guidance mapping", () => {
  const points = new Set(guidance.flatMap((g) => g.blocks.flatMap((b) => (b.kind === "point" ? [b.id] : []))));
  const items = itemDomains.flatMap((d) => d.items.map((i) => i.id));

  it("has every item of domains 1–11 exactly once, in template order, and no other key", () => {
    // Read the keys from the file's text: JSON.parse would silently keep only the last of duplicates.
    const path = fileURLToPath(new URL("../../core/templates/toolkit/item-guidance.json", import.meta.url));
    const keys = [...readFileSync(path, "utf8").matchAll(/^\s*"([^"]+)"\s*:/gm)].map((m) => m[1]);
    expect(keys).toEqual(items);
    expect(Object.keys(itemGuidance)).toEqual(items);
  });

  it('links each item to "none" or to existing points, each at most once', () => {
    for (const [item, linked] of Object.entries(itemGuidance)) {
      if (linked === "none") continue;
      expect(linked.length, item).toBeGreaterThan(0);
      expect(new Set(linked).size, item).toBe(linked.length);
      for (const p of linked) expect(points.has(p), `${item} → ${p}`).toBe(true);
    }
  });

  it("reports the counts", () => {
    const blocks = guidance.flatMap((g) => g.blocks);
    const pts = blocks.filter((b) => b.kind === "point");
    const words = guidance
      .flatMap(textsOf)
      .join(" ")
      .split(/\s+/)
      .filter((w) => /[A-Za-z0-9]/.test(w)).length;
    const none = Object.values(itemGuidance).filter((v) => v === "none").length;
    const counts = {
      domains: guidance.length,
      points: pts.length,
      subPoints: pts.reduce((n, p) => n + p.sub.length, 0),
      textBlocks: blocks.filter((b) => b.kind === "text").length,
      headings: blocks.filter((b) => b.kind === "heading").length,
      words,
      itemsLinked: items.length - none,
      itemsNone: none,
    };
    console.log("toolkit guidance:", counts);
    expect(counts.domains).toBe(12);
    expect(counts.itemsLinked + counts.itemsNone).toBe(items.length);
  });
});
