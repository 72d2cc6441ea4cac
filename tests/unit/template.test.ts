import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TemplateSchema, visibleItems, type Domain, type Template } from "../../core/template";
import { getTemplate, listTemplates, templates } from "../../core/templates/index";
import icmecRaw from "../../core/templates/icmec-2.json";
import workshopRaw from "../../core/templates/workshop-check.json";

/** The toolkit's text, kept in the repo so this check always runs (never skipped in CI). */
const SEED_PATH = fileURLToPath(new URL("../../core/templates/sources/icmec-toolkit-2nd-ed.txt", import.meta.url));

/**
 * Lower-case and keep letters only, so the PDF extraction's line breaks, hyphenation artefacts
 * ("up-to- date", "com-\nplaints"), curly vs straight quotes and bullets don't matter, while any
 * changed, missing or extra letter (a typo) still does.
 */
function norm(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

const icmec = getTemplate("icmec-2") as Template;
const domain = (id: string): Domain => {
  const d = icmec.domains.find((x) => x.id === id);
  if (!d) throw new Error(`no domain ${id}`);
  return d;
};
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

/** A mutable deep copy of the raw icmec-2 JSON, for feeding broken variants to the schema. */
type Loose = {
  domains: { id: string; items: { id: string; showIf?: { itemId: string; answer: string } }[]; rating: { scale: string } }[];
};
const rawCopy = (): Loose => JSON.parse(JSON.stringify(icmecRaw)) as Loose;

describe("icmec-2 template", () => {
  it("validates and carries the source credit and both scales", () => {
    expect(() => TemplateSchema.parse(icmecRaw)).not.toThrow();
    expect(icmec.id).toBe("icmec-2");
    expect(icmec.version).toBe("2.1.0");
    expect(icmec.source.publisher).toContain("ICMEC");
    expect(icmec.source.edition).toBe("2nd edition");
    expect(icmec.scales.likert5?.points.map((p) => p.label)).toEqual([
      "Very weak",
      "Somewhat weak",
      "Moderate",
      "Somewhat strong",
      "Very strong",
    ]);
    expect(icmec.scales.likert5?.dontKnowLabel).toBe("Don't know");
    expect(icmec.scales.aaaq3?.points.map((p) => p.value)).toEqual([1, 2, 3]);
    expect(icmec.scales.aaaq3?.notAvailableLabel).toBe("Service not available");
  });

  it("has the 12 domains in the seed's order, numbered 1..12", () => {
    expect(icmec.domains.map((d) => d.id)).toEqual([
      "protocol",
      "privacy",
      "communication",
      "conduct",
      "interpreters",
      "children",
      "gender",
      "culture",
      "safety",
      "mental-health-staff",
      "vicarious-trauma",
      "services-aaaq",
    ]);
    expect(icmec.domains.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const d of icmec.domains) expect(d.title).not.toBe(d.title.toUpperCase());
  });

  it("has every Yes/No/N-A item of the seed, numbered <domain>.<n>", () => {
    // Counted by hand from the seed's "Service Assessment Tool" (lines ~686-1130):
    //  1 protocol            11 = 4 "Have staff received training on:" + protocol? + 5 IF YES + external-agency lists
    //  2 privacy              5
    //  3 communication       13 = wayfinding + 2 training + 7 "Do staff members routinely:" + language level,
    //                              interpreter use, complaints information
    //  4 conduct              4
    //  5 interpreters         9 = 4 + 3 "Are interpreters trained on" bullets + privacy + written materials
    //  6 children             8 (all under "Do staff members demonstrate awareness of, and sensitivity to:")
    //  7 gender               8 = training + 6 "…an awareness of, and sensitivity to:" + sexual/reproductive health
    //  8 culture              7 = 4 "Have staff received training on:" + humility + outside support + legal implications
    //  9 safety               5
    // 10 mental-health-staff  8 = designated staff? + 7 follow-ups (one of them the "If 'No'" referral item)
    // 11 vicarious-trauma     4
    // 12 services-aaaq        0 (rated per facility on AAAQ, no Yes/No items)
    expect(icmec.domains.map((d) => d.items.length)).toEqual([11, 5, 13, 4, 9, 8, 8, 7, 5, 8, 4, 0]);
    const all = icmec.domains.flatMap((d) => d.items.map((i, n) => [d.id, i.id, n] as const));
    expect(new Set(all.map(([, id]) => id)).size).toBe(82);
    for (const [d, id, n] of all) expect(id).toBe(`${d}.${n + 1}`);
  });

  it("keeps the seed's stems on grouped items", () => {
    const stems = (id: string) => domain(id).items.map((i) => i.stem ?? null);
    const T = "Have staff received training on:";
    const R = "Do staff members routinely:";
    expect(stems("protocol")).toEqual([T, T, T, T, null, null, null, null, null, null, null]);
    expect(stems("communication")).toEqual([null, T, T, R, R, R, R, R, R, R, null, null, null]);
    expect(new Set(stems("children"))).toEqual(new Set(["Do staff members demonstrate awareness of, and sensitivity to:"]));
    const A = "Do staff members demonstrate an awareness of, and sensitivity to:";
    expect(stems("gender")).toEqual([null, A, A, A, A, A, A, null]);
    expect(stems("culture")).toEqual([T, T, T, T, null, null, null]);
  });

  it("gates domain 1's five protocol follow-ups on 'Does the facility have a protocol…?' = yes", () => {
    // Seed: "Does the facility have a protocol to respond to cases of suspected HT/E? IF YES," followed by
    // five questions about "the protocol"; the external-agency lists item after them is not about the
    // protocol and is asked of everyone.
    const d = domain("protocol");
    expect(d.items[4]?.text).toBe("Does the facility have a protocol to respond to cases of suspected HT/E?");
    const gated = d.items.filter((i) => i.showIf);
    expect(ids(gated)).toEqual(["protocol.6", "protocol.7", "protocol.8", "protocol.9", "protocol.10"]);
    for (const i of gated) expect(i.showIf).toEqual({ itemId: "protocol.5", answer: "yes" });
    expect(d.items[10]?.showIf).toBeUndefined();
    expect(d.items[10]?.text).toMatch(/^Does the facility have easily accessible, up-to-date lists/);
  });

  it("gates domain 10's follow-ups by meaning: the staff questions on staff, the referral on integration", () => {
    // The seed (lines ~1028-1051) prints "IF YES," after "Are there designated mental health staff
    // available…?" and indents every remaining item under it. Items .2-.5 ask about those staff
    // ("they", "at least one staff member") and follow .1 = yes, as domain 1's gates follow the
    // protocol they ask about. Items .6 (service integrated into other health services) and .8
    // (resources for co-existing disorders) ask about the service, not the staff: read by layout
    // alone, a facility without mental health staff would never be asked .7, whether it can refer
    // patients/clients elsewhere for mental health services, the question that matters most to it.
    // So .6 and .8 are asked of everyone, and .7 follows .6 = no, the seed's own "If 'No'".
    const d = domain("mental-health-staff");
    expect(d.items[0]?.text).toMatch(/^Are there designated mental health staff available/);
    expect(d.items[0]?.showIf).toBeUndefined();
    const gates = Object.fromEntries(d.items.filter((i) => i.showIf).map((i) => [i.id, i.showIf]));
    const yes1 = { itemId: "mental-health-staff.1", answer: "yes" };
    expect(gates).toEqual({
      "mental-health-staff.2": yes1,
      "mental-health-staff.3": yes1,
      "mental-health-staff.4": yes1,
      "mental-health-staff.5": yes1,
      "mental-health-staff.7": { itemId: "mental-health-staff.6", answer: "no" },
    });
    expect(d.items[1]?.text).toMatch(/^Have they received training/);
    expect(d.items[4]?.text).toMatch(/^Does at least one staff member have an advanced degree/);
    expect(d.items[5]?.text).toMatch(/^Is mental health service integrated/);
    expect(d.items[6]?.text).toMatch(/^If “No”, do providers have an easily accessible mechanism to refer/);
    expect(d.items[7]?.text).toMatch(/^Are resources available to treat co-existing disorders/);
    // The decision is written down with the template, for whoever reads the data.
    expect(d.note).toMatch(/IF YES/);
  });

  it("has no other gated items", () => {
    const gatedDomains = icmec.domains.filter((d) => d.items.some((i) => i.showIf)).map((d) => d.id);
    expect(gatedDomains).toEqual(["protocol", "mental-health-staff"]);
  });

  it("splits domain 5's 'Are interpreters trained on' bullets into three items", () => {
    const trained = domain("interpreters").items.filter((i) => i.stem === "Are interpreters trained on:");
    expect(ids(trained)).toEqual(["interpreters.5", "interpreters.6", "interpreters.7"]);
    expect(trained.map((i) => i.text)).toEqual([
      "The impact of trauma, and the trauma-informed response?",
      "Human trafficking and exploitation?",
      "Cultural responsiveness?",
    ]);
  });

  it("shows a fitting prompt for domain 11 and keeps the seed's copied one as sourcePrompt", () => {
    const mh = domain("mental-health-staff").rating;
    const vt = domain("vicarious-trauma");
    expect(vt.rating.sourcePrompt).toBe(mh.prompt);
    expect(vt.rating.prompt).not.toBe(mh.prompt);
    expect(vt.rating.prompt).toMatch(/vicarious trauma/);
    expect(vt.note).toMatch(/slip/);
    for (const d of icmec.domains.filter((x) => x.id !== "vicarious-trauma")) expect(d.rating.sourcePrompt).toBeUndefined();
  });

  it("rates domain 12 per facility on the AAAQ scale and explains the framework", () => {
    const d = domain("services-aaaq");
    expect(d.items).toEqual([]);
    expect(d.rating.scale).toBe("aaaq3");
    expect(d.rating.perFacility).toBe(true);
    const text = (d.explanation ?? []).join("\n");
    for (const w of ["Availability", "Accessibility", "Acceptability", "Quality"]) expect(text).toContain(`${w}:`);
    expect(text).toContain("dental clinic");
    for (const other of icmec.domains.filter((x) => x !== d)) {
      expect(other.rating.scale).toBe("likert5");
      expect(other.rating.perFacility).toBe(false);
    }
  });

  it("names each domain's guidance section and resource categories, General Resources first", () => {
    for (const d of icmec.domains) {
      expect(d.guidance).toMatch(/^Guidance on /);
      expect(d.resources[0]).toBe("General Resources");
      expect(d.resources.length).toBeGreaterThan(1);
    }
    expect(domain("protocol").resources).toEqual(["General Resources", "Resources for Protocols", "Resources for Community Network"]);
    expect(domain("mental-health-staff").resources[1]).toBe("Resources for Mental Health Staff Training/Supervision");
    expect(domain("vicarious-trauma").resources[1]).toBe("Resources for Vicarious Trauma and Secondary Traumatic Stress");
    expect(domain("services-aaaq").resources).toEqual([
      "General Resources",
      "Resources for Health Services for Trafficked/Exploited Patients",
      "Resources for Mental Health Services",
    ]);
  });

  describe("faithful to the seed text", () => {
    const seed = norm(readFileSync(SEED_PATH, "utf8"));
    const found = (s: string) => expect(seed.includes(norm(s)), `not in seed: ${s}`).toBe(true);

    it("every item text and stem occurs in the seed", () => {
      for (const d of icmec.domains) {
        for (const i of d.items) {
          found(i.text);
          if (i.stem) found(i.stem.replace(/:$/, ""));
        }
      }
    });

    it("every title, rating prompt (except domain 11's rewrite), guidance and resource title occurs in the seed", () => {
      for (const d of icmec.domains) {
        found(d.title);
        if (d.id !== "vicarious-trauma") found(d.rating.prompt);
        if (d.rating.sourcePrompt) found(d.rating.sourcePrompt);
        found(`Additional Guidance can be found in ${d.guidance}`);
        for (const r of d.resources.slice(1)) found(`Please see “General Resources” and “${r}”`);
        for (const p of d.explanation ?? []) found(p);
      }
    });

    it("the normaliser still catches a typo", () => {
      expect(seed.includes(norm("Is the protocol periodically reviewed and updated?"))).toBe(true);
      expect(seed.includes(norm("Is the protocol periodicaly reviewed and updated?"))).toBe(false);
    });
  });
});

describe("TemplateSchema rejects", () => {
  it("duplicate item ids", () => {
    const t = rawCopy();
    t.domains[1]!.items[1]!.id = t.domains[1]!.items[0]!.id;
    expect(TemplateSchema.safeParse(t).success).toBe(false);
  });

  it("an item id that repeats across domains", () => {
    const t = rawCopy();
    t.domains[2]!.items[0]!.id = "privacy.1";
    expect(TemplateSchema.safeParse(t).success).toBe(false);
  });

  it("a gate pointing to a later item", () => {
    const t = rawCopy();
    t.domains[0]!.items[5]!.showIf = { itemId: "protocol.11", answer: "yes" };
    const r = TemplateSchema.safeParse(t);
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => /gate/.test(i.message))).toBe(true);
  });

  it("a gate pointing to an item of another domain", () => {
    const t = rawCopy();
    t.domains[1]!.items[2]!.showIf = { itemId: "protocol.5", answer: "yes" };
    expect(TemplateSchema.safeParse(t).success).toBe(false);
  });

  it("an unknown scale", () => {
    const t = rawCopy();
    t.domains[3]!.rating.scale = "likert7";
    const r = TemplateSchema.safeParse(t);
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => /unknown scale/.test(i.message))).toBe(true);
  });
});

describe("visibleItems", () => {
  it("hides domain 1's protocol follow-ups until the protocol question is answered yes", () => {
    const d = domain("protocol");
    const follow = ["protocol.6", "protocol.7", "protocol.8", "protocol.9", "protocol.10"];
    const shown = (answers: Record<string, string>) => ids(visibleItems(d, answers));
    expect(shown({})).toHaveLength(6);
    expect(shown({})).toContain("protocol.11");
    for (const f of follow) expect(shown({ "protocol.5": "no" })).not.toContain(f);
    expect(shown({ "protocol.5": "na" })).toHaveLength(6);
    expect(shown({ "protocol.5": "yes" })).toEqual(ids(d.items));
  });

  it("follows domain 10's chained gate", () => {
    const d = domain("mental-health-staff");
    const shown = (answers: Record<string, string>) => ids(visibleItems(d, answers)).map((id) => Number(id.split(".")[1]));
    expect(shown({})).toEqual([1, 6, 8]);
    expect(shown({ "mental-health-staff.1": "no" })).toEqual([1, 6, 8]);
    expect(shown({ "mental-health-staff.1": "yes" })).toEqual([1, 2, 3, 4, 5, 6, 8]);
    expect(shown({ "mental-health-staff.1": "yes", "mental-health-staff.6": "yes" })).toEqual([1, 2, 3, 4, 5, 6, 8]);
    expect(shown({ "mental-health-staff.1": "yes", "mental-health-staff.6": "no" })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Without mental health staff, a service that is not integrated is still asked about referral.
    expect(shown({ "mental-health-staff.1": "no", "mental-health-staff.6": "no" })).toEqual([1, 6, 7, 8]);
    expect(shown({ "mental-health-staff.1": "no", "mental-health-staff.6": "yes" })).toEqual([1, 6, 8]);
  });
});

describe("templates/index", () => {
  it("validates the custom workshop-check template (templates are data)", () => {
    const w = TemplateSchema.parse(workshopRaw);
    expect(w.id).toBe("workshop-check");
    expect(w.source.credit).toBe("Candor example template");
    expect(w.domains).toHaveLength(2);
    const prep = w.domains[0]!;
    expect(ids(visibleItems(prep, {}))).not.toContain("preparation.2");
    expect(ids(visibleItems(prep, { "preparation.1": "yes" }))).toContain("preparation.2");
  });

  it("lists both templates and looks them up by id", () => {
    expect(templates).toHaveLength(2);
    expect(listTemplates()).toEqual([
      { id: "icmec-2", title: icmec.title, domains: 12, version: "2.1.0" },
      { id: "workshop-check", title: "Workshop check", domains: 2, version: "1.0.0" },
    ]);
    expect(getTemplate("workshop-check")?.domains).toHaveLength(2);
    expect(getTemplate("nope")).toBeUndefined();
  });
});
