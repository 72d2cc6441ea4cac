/**
 * The consensus summary (docs/design.md §5): what `buildSummary` keeps and drops, the reveal gate in every
 * export, and the four formats' content — CSV parsed with an RFC 4180 parser written here, JSON
 * against the schema, Markdown headings, HTML sections and escaping. No snapshots.
 */
import { fromLegacyNames } from "../../core/facilities";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratingKeys } from "../../core/ballots";
import type { RatingResult, SessionState } from "../../core/session";
import { buildSummary } from "../../core/summary/build";
import { CSV_BOM, csvColumns, csvField, toCsv } from "../../core/summary/csv";
import { SUMMARY_CSS, toHtml } from "../../core/summary/html";
import { esc } from "../../core/summary/svg";
import { contentDisposition, FORMATS, slug, SUMMARY_FORMATS, summaryFilename } from "../../core/summary/index";
import { fromJson, toJson } from "../../core/summary/json";
import { mdText, toMarkdown } from "../../core/summary/markdown";
import { changeWords, itemsCaption, itemsToShow, noResultWords, notAssessed } from "../../core/summary/words";
import { type PublicRoomConfig, type Summary, SummaryInputSchema, SummarySchema } from "../../core/summary/schema";
import { scaleOf, type Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";

const ICMEC = getTemplate("icmec-2")!;

function cut(template: Template, ids: readonly string[]): Template {
  return { ...template, domains: template.domains.filter((d) => ids.includes(d.id)) };
}

function config(over: Partial<PublicRoomConfig> = {}): PublicRoomConfig {
  return {
    roomId: "AAAAAAAAAAAAAAAAAAAAAA",
    joinCode: "ACDEFG",
    title: "Ward 7 review",
    facility: "Clinic A",
    facilities: fromLegacyNames(["Clinic A", "Hospital B", "Shelter C"], "Clinic A"),
    k: 3,
    template: cut(ICMEC, ["privacy", "safety", "services-aaaq"]),
    createdDay: "2026-11-27",
    expiresAt: 1_790_000_000_000,
    ...over,
  };
}

const shown = (counts: number[], dontKnow = 0, notAvailable = 0): RatingResult => ({ shown: true, counts, dontKnow, notAvailable });
const NOTE = 'Needs a private room, "soon",\nsay the nurses';

/** privacy: recorded 4 after two rounds; safety: one gated round, not recorded; AAAQ: 3 facilities. */
function sampleSession(): SessionState {
  return {
    phase: "revealed",
    domainId: "services-aaaq",
    round: 1,
    locked: false,
    autoClose: false,
    deadline: null,
    issued: 12,
    perspectives: ["clinical", "other"],
    headcount: null,
    domains: {
      privacy: {
        status: "recorded",
        rounds: [
          { round: 1, respondents: 11, ratings: { domain: shown([1, 2, 3, 3, 1], 1) }, items: { "privacy.1": { yes: 7, no: 3, na: 1 } } },
          { round: 2, respondents: 10, ratings: { domain: shown([0, 1, 2, 6, 1]) }, items: { "privacy.1": { yes: 8, no: 2, na: 0 } } },
        ],
        consensus: { values: { domain: 4 }, notes: NOTE, actions: '=HYPERLINK("http://x")\n- call the board' },
      },
      safety: {
        status: "revealed",
        // Gated: fewer than k valid ratings. Its item tallies must not be exported either.
        rounds: [{ round: 1, respondents: 4, ratings: { domain: { shown: false } }, items: { "safety.1": { yes: 987654, no: 0, na: 0 } } }],
        consensus: null,
        // Nothing shown, so nothing suggests it; the group marked it all the same.
        improve: true,
      },
      "services-aaaq": {
        status: "recorded",
        rounds: [
          { round: 1, respondents: 7, ratings: { "0": shown([0, 1, 4], 1, 1), "1": shown([3, 2, 0]), "2": { shown: false } }, items: {} },
        ],
        consensus: { values: { "0": 3, "1": 1, "2": null }, notes: "", actions: "" },
      },
    },
  };
}

const sample = () =>
  buildSummary({
    config: config(),
    session: sampleSession(),
    notes: { safety: { notes: "<script>alert(1)</script> & more", actions: "" } },
  });

/** RFC 4180: records of fields; quoted fields may hold commas, CR/LF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ",") row.push(field), (field = ""), i++;
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), (i += 2);
    else if (c === "\r" || c === "\n") throw new Error(`bare line break at ${i}`);
    else (field += c), i++;
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length > 0) throw new Error("last record without CRLF");
  return rows;
}

function csvRecords(s: Summary) {
  const text = toCsv(s);
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(rows.every((r) => r.length === header!.length)).toBe(true);
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

describe("buildSummary", () => {
  it("keeps session metadata, day only, template and credit, k, perspectives", () => {
    const s = sample();
    expect(s.schema).toBe("candor.summary/2");
    expect(s.session).toEqual({
      title: "Ward 7 review",
      facility: "Clinic A",
      facilities: ["Clinic A", "Hospital B", "Shelter C"],
      facilityRoles: { yours: 0, underReview: 0 },
      day: "2026-11-27",
      k: 3,
      perspectives: ["clinical", "other"],
    });
    expect(s.template).toMatchObject({ id: "icmec-2", version: ICMEC.version, title: ICMEC.title });
    expect(s.template.source.credit).toMatch(/ICMEC/);
    expect(s.domains.map((d) => [d.number, d.id, d.status])).toEqual([
      [2, "privacy", "recorded"],
      [9, "safety", "revealed"],
      [12, "services-aaaq", "recorded"],
    ]);
  });

  it("gives the last round's statistics, rounds with their change, and no guidance for a recorded 4", () => {
    const privacy = sample().domains[0]!;
    const r = privacy.ratings[0]!;
    expect(r).toMatchObject({ key: "domain", facility: null, consensus: 4, consensusLabel: "Somewhat strong", weak: false });
    expect(r.latest).toMatchObject({ n: 10, dontKnow: 0, counts: [0, 1, 2, 6, 1], median: { low: 4, high: 4 }, q1: 3, q3: 4, dissent: 1 });
    expect(r.latest?.suggestedStatus).toBe("consensus");
    const [r1, r2] = privacy.rounds.map((x) => x.ratings[0]!);
    expect(r1).toMatchObject({ shown: true, change: null, changeFrom: null, stable: null });
    // ½(|.1−0| + |.2−.1| + |.3−.2| + |.3−.6| + |.1−.1|) = 0.3
    expect(r2).toMatchObject({ shown: true, changeFrom: 1, stable: false });
    expect(r2!.shown && r2!.change).toBeCloseTo(0.3, 12);
    expect(privacy.rounds[1]!.items).toEqual([
      { id: "privacy.1", stem: null, text: ICMEC.domains[1]!.items[0]!.text, yes: 8, no: 2, na: 0 },
    ]);
    expect(privacy.notes).toBe(NOTE);
    expect(privacy.readNext).toBeNull();
    expect(privacy.respondents).toBe(10);
  });

  it("the reveal gate: a hidden round releases no numbers, not even its item tallies", () => {
    const safety = sample().domains[1]!;
    expect(safety.rounds).toEqual([{ round: 1, respondents: 4, ratings: [{ key: "domain", shown: false }], items: [] }]);
    expect(safety.ratings[0]!.latest).toBeNull();
    // Hidden, so Candor suggests nothing; the group's mark makes the guidance apply. Notes come from the doc.
    expect(safety.ratings[0]!.weak).toBe(false);
    expect(safety.improvement).toEqual({ needed: true, suggested: false, marked: true, reasons: [] });
    expect(safety.readNext).toEqual({ guidance: "Guidance on Safety", resources: ["General Resources", "Resources for Safety"] });
    expect(safety.notes).toBe("<script>alert(1)</script> & more");
    const s = sample();
    for (const text of SUMMARY_FORMATS.map((f) => FORMATS[f].render(s))) expect(text).not.toContain("987654");
  });

  it("AAAQ: one rating per facility, its own consensus, weak at ≤ 2 or none, hidden facilities without numbers", () => {
    const aaaq = sample().domains[2]!;
    expect(aaaq.ratings.map((r) => [r.facility, r.consensus, r.weak, r.latest?.n ?? null])).toEqual([
      ["Clinic A", 3, false, 5],
      ["Hospital B", 1, true, 5],
      ["Shelter C", null, true, null],
    ]);
    expect(aaaq.ratings[0]!.latest).toMatchObject({ notAvailable: 1, dontKnow: 1, counts: [0, 1, 4] });
    expect(aaaq.ratings[0]!.consensusLabel).toBe("Excellent compliance with AAAQ");
    expect(aaaq.readNext?.guidance).toBe("Guidance on Services Available");
  });

  it("overview: recorded value, else the shown median, else nothing", () => {
    const o = sample().overview.map((x) => [x.domainId, x.facility, x.source, x.low, x.high, x.scaleMax]);
    expect(o).toEqual([
      ["privacy", null, "consensus", 4, 4, 5],
      ["safety", null, null, null, null, 5],
      ["services-aaaq", "Clinic A", "consensus", 3, 3, 3],
      ["services-aaaq", "Hospital B", "consensus", 1, 1, 3],
      ["services-aaaq", "Shelter C", null, null, null, 3],
    ]);
    const session = sampleSession();
    session.domains.privacy!.consensus = null;
    session.domains.privacy!.status = "revealed";
    session.domains.privacy!.rounds[1]!.ratings.domain = shown([0, 2, 1, 1, 0]); // even n, middle values 2 and 3
    const between = buildSummary({ config: config(), session, notes: {} }).overview[0]!;
    expect(between).toMatchObject({ source: "median", low: 2, high: 3 });
  });

  it("pending and skipped domains get no guidance; a recorded 'no consensus' does", () => {
    const session = sampleSession();
    session.domains.safety = { status: "skipped", rounds: session.domains.safety!.rounds, consensus: null };
    session.domains.privacy!.consensus!.values.domain = null;
    const s = buildSummary({ config: config(), session, notes: {} });
    expect(s.domains[1]!.readNext).toBeNull();
    expect(s.domains[0]!.readNext?.guidance).toBe("Guidance on Privacy and Confidentiality");
    const fresh = buildSummary({ config: config(), session: { ...session, domains: {} }, notes: {} });
    expect(fresh.domains.every((d) => d.status === "pending" && d.readNext === null && d.rounds.length === 0)).toBe(true);
  });

  it("the room's answer parses with SummaryInputSchema, which refuses a config that still has its secret", () => {
    expect(SummaryInputSchema.safeParse({ config: config(), session: sampleSession(), notes: {} }).success).toBe(true);
    const leaky = { config: { ...config(), secret: "s".repeat(40), keyHash: "0".repeat(64) }, session: sampleSession(), notes: {} };
    expect(SummaryInputSchema.safeParse(leaky).success).toBe(false);
  });
});

describe("JSON", () => {
  it("is the Summary, valid against the schema, and loads back unchanged", () => {
    const s = sample();
    const text = toJson(s);
    expect(SummarySchema.parse(JSON.parse(text))).toEqual(s);
    expect(fromJson(text)).toEqual(s);
  });
});

describe("CSV", () => {
  it("has a BOM, the documented header, one row per domain and per facility, CRLF", () => {
    const s = sample();
    const { header, rows } = csvRecords(s);
    expect(header).toEqual(csvColumns(s));
    expect(header.slice(0, 14)).toEqual([
      "row",
      "domain_number",
      "domain_id",
      "domain_title",
      "facility",
      "facility_roles",
      "status",
      "consensus",
      "consensus_label",
      "n_respondents_last_round",
      "shown",
      "n_valid",
      "dont_know",
      "not_available",
    ]);
    expect(header.slice(14, 19)).toEqual(["count_1", "count_2", "count_3", "count_4", "count_5"]);
    expect(header.slice(19)).toEqual([
      "median",
      "q1",
      "q3",
      "agreement_a",
      "cns",
      "dissent",
      "suggested_status",
      "rounds",
      "change_last_round",
      "stable",
      "notes",
      "actions",
      "needs_improvement",
      "improvement_marked",
      "guidance",
      "resources",
      "action",
      "owner_role",
      "due",
      "priority",
    ]);
    // domains + facilities − 1 (the AAAQ domain has one row per facility instead of one), then the action items
    expect(rows.filter((r) => r.row === "rating")).toHaveLength(s.domains.length + s.session.facilities.length - 1);
    const actions = rows.filter((r) => r.row === "action");
    expect(actions.map((r) => [r.domain_id, r.action, r.owner_role, r.status, r.consensus])).toEqual([
      ["privacy", '\'=HYPERLINK("http://x")', "", "", ""],
      ["privacy", "call the board", "", "", ""],
    ]);
    expect(toCsv(s).slice(1).split("\r\n").length).toBeGreaterThan(rows.length); // CRLF ends
  });

  it("fills the cells per row, empty where hidden; counts beyond K are empty", () => {
    const { rows } = csvRecords(sample());
    const [privacy, safety, clinicA, hospitalB, shelterC] = rows;
    expect(privacy).toMatchObject({
      domain_number: "2",
      status: "recorded",
      consensus: "4",
      consensus_label: "Somewhat strong",
      shown: "yes",
      n_valid: "10",
      count_4: "6",
      median: "4",
      rounds: "2",
      change_last_round: "0.3",
      stable: "no",
      guidance: "",
    });
    expect(safety).toMatchObject({
      shown: "no",
      n_valid: "",
      dont_know: "",
      count_1: "",
      median: "",
      consensus: "",
      consensus_label: "",
      guidance: "Guidance on Safety",
      resources: "General Resources; Resources for Safety",
    });
    expect(clinicA).toMatchObject({
      facility: "Clinic A",
      consensus: "3",
      not_available: "1",
      count_3: "4",
      count_4: "",
      count_5: "",
      guidance: "",
    });
    expect(hospitalB).toMatchObject({ facility: "Hospital B", consensus: "1", guidance: "Guidance on Services Available" });
    expect(shelterC).toMatchObject({ facility: "Shelter C", consensus: "", consensus_label: "no consensus reached", shown: "no" });
  });

  it("quotes a note with comma, quote and newline, and neutralises formulas", () => {
    const { rows } = csvRecords(sample());
    expect(rows[0]!.notes).toBe(NOTE);
    expect(toCsv(sample())).toContain('"Needs a private room, ""soon"",\nsay the nurses"');
    expect(rows[0]!.actions).toBe('\'=HYPERLINK("http://x")\n- call the board');
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvField(`${lead}1+1`).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvField("plain")).toBe("plain");
    expect(csvField(-0.25)).toBe("-0.25"); // our own numbers stay numbers
    expect(csvField("a\rb")).toBe('"a\rb"');
  });
});

describe("Markdown", () => {
  it("has the title, metadata, an overview table and a '## <n>. <title>' heading per domain", () => {
    const md = toMarkdown(sample());
    expect(md.startsWith("# Ward 7 review\n")).toBe(true);
    // The day in words, by Intl in the report's language (issue 13); it was the bare ISO day.
    expect(md).toContain("- Date: November 27, 2026");
    expect(md).toContain("## Overview");
    expect(md.indexOf("## Improvement plan")).toBeLessThan(md.indexOf("## Overview"));
    const headings = md.split("\n").filter((l) => /^## \d/.test(l));
    expect(headings).toEqual(["## 2. Privacy/confidentiality", "## 9. Safety", "## 12. Available health and mental health services"]);
    expect(md).toContain("### Hospital B");
    expect(md).toContain("median 4 (somewhat strong)");
    expect(md).toContain("Guidance: Guidance on Safety");
    expect(md).toMatch(/Not enough ratings to show anonymously/);
  });

  it("escapes notes: no raw HTML, no headings, list markers or table breaks from user text", () => {
    expect(mdText("<script>x</script>")).toBe("&lt;script&gt;x&lt;/script&gt;");
    expect(mdText("# not a heading\n- not a list\n1. nor this", { block: true })).toBe(
      "\\# not a heading  \n\\- not a list  \n1\\. nor this",
    );
    expect(mdText("2.0.0 # ok inline")).toBe("2.0.0 # ok inline");
    expect(mdText("ok\n# escaped")).toBe("ok  \n\\# escaped");
    expect(mdText("a | b\nc", { oneLine: true })).toBe("a \\| b c");
    expect(toMarkdown(sample())).not.toContain("<script>");
  });
});

describe("HTML", () => {
  it("is one document with one <section> per domain, a title block, the overview table and the credit", () => {
    const s = sample();
    const html = toHtml(s);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.match(/<section\b/g)).toHaveLength(s.domains.length);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain(`<style>${SUMMARY_CSS}</style>`);
    expect(html).toContain("@page { size: auto; margin: 16mm; }");
    expect(html).toContain('<h1 dir="auto">Ward 7 review</h1>');
    // The overview is a table of HTML text (legible in print, labels wrap), one decorative bar per row.
    expect(html.match(/<table class="ov">/g)).toHaveLength(1);
    expect(html.match(/<svg class="ovbar" aria-hidden="true"/g)).toHaveLength(s.overview.length);
    // Distribution charts only where shown: privacy, Clinic A, Hospital B.
    expect(html.match(/<svg class="dist"/g)).toHaveLength(3);
    expect(html).toContain(s.template.source.credit.replace(/&/g, "&amp;"));
    expect(html).toContain("Read next");
  });

  it("says where a question is Candor's wording, with the toolkit's own words (domain 11), and nowhere else", () => {
    const template = cut(ICMEC, ["privacy", "vicarious-trauma"]);
    const vt = template.domains.find((d) => d.id === "vicarious-trauma")!;
    const s = buildSummary({
      config: config({ template, facility: null, facilities: [] }),
      session: {
        ...sampleSession(),
        phase: "lobby",
        domainId: null,
        domains: {
          privacy: sampleSession().domains.privacy!,
          "vicarious-trauma": {
            status: "recorded",
            rounds: [{ round: 1, respondents: 5, ratings: { domain: shown([0, 1, 2, 1, 1]) }, items: {} }],
            consensus: { values: { domain: 3 }, notes: "", actions: "" },
          },
        },
      },
      notes: {},
    });
    expect(s.domains.find((d) => d.id === "vicarious-trauma")?.sourcePrompt).toBe(vt.rating.sourcePrompt);
    expect(s.domains.find((d) => d.id === "privacy")).not.toHaveProperty("sourcePrompt");
    const html = toHtml(s);
    expect(html.match(/Candor(&#39;|')s wording, adapted from the toolkit/g)).toHaveLength(1);
    expect(html).toContain(esc(vt.rating.sourcePrompt!));
    expect(toMarkdown(s)).toContain(`Question (Candor's wording, adapted from the toolkit): ${vt.rating.prompt}`);
    // A file written before the field still loads, and says nothing of an adaptation.
    const before = JSON.parse(toJson(s));
    for (const d of before.domains) delete d.sourcePrompt;
    expect(fromJson(JSON.stringify(before)).domains.some((d) => d.sourcePrompt)).toBe(false);
  });

  it("escapes user text and runs nothing: no script, no handlers, no style attributes", () => {
    const html = toHtml(sample());
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(html).not.toMatch(/<script|\son\w+=|\sstyle=|javascript:/i);
    expect(html).toContain("&quot;soon&quot;");
  });
});

describe("the printed report (HTML) and the Markdown say what the screens say", () => {
  /** privacy: round 2 without item answers; safety: skipped; communication: never voted (pending). */
  function variantSession(): SessionState {
    const session = sampleSession();
    session.domains.privacy!.rounds[1]!.items = {};
    session.domains.safety = { ...session.domains.safety!, status: "skipped" };
    return session;
  }
  const variant = () =>
    buildSummary({
      config: config({ template: cut(ICMEC, ["privacy", "communication", "safety", "services-aaaq"]) }),
      session: variantSession(),
      notes: {},
    });
  const overviewRow = (html: string, label: string) => {
    const row = html.split("<tr").find((r) => r.includes(`${label}</th>`) || r.includes(`${label}</bdi></th>`));
    expect(row, label).toBeDefined();
    return row!;
  };

  it("wraps the content in one <main>: the title block before it, the credit footer after it", () => {
    const html = toHtml(sample());
    expect(html.match(/<main\b/g)).toHaveLength(1);
    const main = html.slice(html.indexOf("<main>"), html.indexOf("</main>"));
    expect(html.indexOf("</header>")).toBeLessThan(html.indexOf("<main>"));
    expect(html.indexOf("</main>")).toBeLessThan(html.indexOf("<footer>"));
    expect(main).toContain('id="overview-h"');
    expect(main.match(/<section\b/g)).toHaveLength(3);
  });

  it("overview: a row without a value says why, in the section's words (skipped, not assessed, …), never 'no result'", () => {
    const s = variant();
    const html = toHtml(s);
    expect(html).not.toContain("no result");
    expect(overviewRow(html, "Safety")).toContain(">skipped</td>");
    expect(html).toContain("Status: skipped.");
    expect(overviewRow(html, "Staff communication")).toContain(">not assessed</td>");
    expect(overviewRow(html, "Shelter C")).toContain(">no consensus reached</td>"); // recorded as none, hidden
    expect(overviewRow(html, "Privacy/<wbr>confidentiality")).toContain(">4 of 5</td>");
    const hidden = toHtml(sample()); // safety revealed below the gate
    expect(overviewRow(hidden, "Safety")).toContain(">not enough ratings to show</td>");
    const md = toMarkdown(s);
    expect(md).not.toContain("no result");
    expect(md).toContain("| 9 | Safety |  | skipped | — |");
    expect(md).toContain("| 3 | Staff communication |  | not assessed | — |");
    expect(noResultWords(s.domains.find((d) => d.id === "safety"))).toBe("skipped");
  });

  it("distribution change: the share of ratings that moved, as a percentage, 'stable' at 15% or less", () => {
    // privacy: total variation 0.3 from round 1 to round 2
    const html = toHtml(sample());
    expect(html).toContain("change since round 1: 30% of ratings moved</td>");
    expect(html).not.toMatch(/change from round|not yet stable|: 0\.3\b/);
    expect(toMarkdown(sample())).toContain("median 4, n = 10, change since round 1: 30% of ratings moved");
    const session = sampleSession();
    session.domains.privacy!.rounds[1]!.ratings.domain = shown([1, 2, 3, 2, 2]); // 0.1 from round 1
    const stable = buildSummary({ config: config(), session, notes: {} });
    expect(toHtml(stable)).toContain("change since round 1: 10% of ratings moved — stable</td>");
    expect(toMarkdown(stable)).toContain("change since round 1: 10% of ratings moved — stable");
    expect(changeWords(0.15, 2, true)).toBe("change since round 2: 15% of ratings moved — stable");
    expect(changeWords(0.154, 1, false)).toBe("change since round 1: 15% of ratings moved");
    expect(changeWords(0.404, 1, false)).toBe("change since round 1: 40% of ratings moved");
  });

  it("items: the tallies of the last round that has any, labelled with its round", () => {
    // Both rounds have items: round 2's, not round 1's.
    const both = sample().domains[0]!;
    expect(itemsToShow(both)).toMatchObject({ round: 2, items: [{ yes: 8, no: 2, na: 0 }] });
    const html = toHtml(sample());
    expect(html).toContain('<caption class="muted">Items, round 2</caption>');
    expect(html).toContain('<td class="n">8</td><td class="n">2</td><td class="n">0</td>');
    // Round 2 without item answers: round 1's are shown, and say so.
    const s = variant();
    const privacy = s.domains[0]!;
    expect(itemsToShow(privacy)).toMatchObject({ round: 1, items: [{ yes: 7, no: 3, na: 1 }] });
    expect(itemsCaption(privacy, 1)).toBe("Items, round 1 (round 2 has no item answers to show)");
    const html2 = toHtml(s);
    expect(html2).toContain('<caption class="muted">Items, round 1 (round 2 has no item answers to show)</caption>');
    expect(html2).toContain('<td class="n">7</td><td class="n">3</td><td class="n">1</td>');
    const md = toMarkdown(s);
    expect(md).toContain("Items, round 1 (round 2 has no item answers to show):");
    expect(md).toMatch(/\| 7 \| 3 \| 1 \|/);
    // No round with items: no table.
    expect(itemsToShow(s.domains[2]!)).toBeNull();
    const three = { ...privacy, rounds: [...privacy.rounds, { ...privacy.rounds[1]!, round: 3 }] };
    expect(itemsCaption(three, 1)).toBe("Items, round 1 (rounds 2 and 3 have no item answers to show)");
  });

  it("prints in pieces: sections may break, headings stay with what follows, charts, rows and the footer never split, pages are numbered", () => {
    expect(SUMMARY_CSS).not.toMatch(/section\.domain[^{]*\{[^}]*break-inside: avoid/);
    expect(SUMMARY_CSS).toMatch(/h1, h2, h3[^{]*\{ break-after: avoid;/);
    expect(SUMMARY_CSS).toMatch(/figure \{[^}]*break-inside: avoid;/);
    expect(SUMMARY_CSS).toMatch(/tr, table\.rounds \{ break-inside: avoid;/);
    expect(SUMMARY_CSS).toMatch(/footer \{[^}]*break-inside: avoid;/);
    expect(SUMMARY_CSS).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(SUMMARY_CSS).not.toContain("</");
  });
});

describe("file names and media types", () => {
  it("names files candor-<slug>-<day>.<ext>; html is inline", () => {
    const s = sample();
    expect(summaryFilename(s, "csv")).toBe("candor-ward-7-review-2026-11-27.csv");
    expect(contentDisposition(s, "html")).toBe('inline; filename="candor-ward-7-review-2026-11-27.html"');
    expect(contentDisposition(s, "json")).toBe('attachment; filename="candor-ward-7-review-2026-11-27.json"');
    expect(slug('Évaluation "Süd" / 2026; <x>')).toBe("evaluation-sud-2026-x");
    expect(slug("日本語")).toBe("session");
    expect(slug(`${"a".repeat(39)} bcd`)).toBe("a".repeat(39));
    expect(FORMATS.md.contentType).toBe("text/markdown; charset=utf-8");
  });
});

// ---- properties over random sessions ----------------------------------------------------------

const TOKEN_CANARY = "xxxxxxxxxxxxxxxxxxxxxx.yyyyyyyyyyyyyyyyyyyyyy";
const SECRET_CANARY = "SECRETCANARYsecretcanary0123456789_-abcdef";
const HASH_CANARY = `${"c0ffee".repeat(10)}c0de`;
const ROOM_CANARY = "RoomIdCanary0123456789";
const CODE_CANARY = "QWXYRT";
const EXPIRES = 1_797_654_321_987;
const DEADLINE = 1_797_600_000_123;
/** Free text without digits, so a timestamp or round-id pattern can only come from the export itself. */
const freeText = fc.string({ unit: fc.constantFrom(..."abc XYZ,;\"'<>&=+-@\t\r\n#|*_`[]éü✓"), maxLength: 40 });

const ratingRaw = fc.record({
  shown: fc.boolean(),
  counts: fc.array(fc.nat(12), { minLength: 9, maxLength: 9 }),
  dontKnow: fc.nat(5),
  notAvailable: fc.nat(3),
});
const roundRaw = fc.record({
  respondents: fc.nat(40),
  ratings: fc.array(ratingRaw, { minLength: 8, maxLength: 8 }),
  items: fc.array(fc.option(fc.record({ yes: fc.nat(9), no: fc.nat(9), na: fc.nat(9) })), { minLength: 20, maxLength: 20 }),
});
const domainRaw = fc.record({
  status: fc.constantFrom("pending", "voting", "revealed", "recorded", "skipped" as const),
  rounds: fc.array(roundRaw, { maxLength: 3 }),
  consensus: fc.option(
    fc.record({
      values: fc.array(fc.option(fc.integer({ min: 1, max: 5 })), { minLength: 8, maxLength: 8 }),
      notes: freeText,
      actions: freeText,
    }),
  ),
  notes: freeText,
});
const sessionRaw = fc.record({
  domainIds: fc.subarray(
    ICMEC.domains.map((d) => d.id),
    { minLength: 1 },
  ),
  facilities: fc.uniqueArray(fc.constantFrom("Clinic A", "Hospital B", "Shelter C", "Lab D", "Ward E"), { minLength: 1, maxLength: 5 }),
  k: fc.integer({ min: 3, max: 8 }),
  title: freeText.filter((t) => t.trim().length > 0),
  perspectives: fc.subarray(["clinical", "administration", "support", "external", "lived-experience", "other"] as const),
  domains: fc.array(domainRaw, { minLength: 12, maxLength: 12 }),
});

type SessionRaw = typeof sessionRaw extends fc.Arbitrary<infer T> ? T : never;

/** A random session over a random cut of the template, with canaries where nothing may leak from. */
function materialise(raw: SessionRaw) {
  const template = cut(ICMEC, raw.domainIds);
  const domains: SessionState["domains"] = {};
  template.domains.forEach((d, di) => {
    const r = raw.domains[di]!;
    const keys = ratingKeys(d, raw.facilities);
    const K = scaleOf(template, d).points.length;
    domains[d.id] = {
      status: r.status,
      rounds: r.rounds.map((round, ri) => ({
        round: ri + 1,
        respondents: round.respondents,
        ratings: Object.fromEntries(
          keys.map((key, ki) => {
            const x = round.ratings[ki]!;
            return [key, x.shown ? shown(x.counts.slice(0, K), x.dontKnow, x.notAvailable) : { shown: false as const }];
          }),
        ),
        items: Object.fromEntries(d.items.flatMap((item, ii) => (round.items[ii] ? [[item.id, round.items[ii]!]] : []))),
      })),
      consensus: r.consensus && {
        values: Object.fromEntries(keys.map((key, ki) => [key, Math.min(K, r.consensus!.values[ki] ?? 0) || null])),
        notes: r.consensus.notes,
        actions: r.consensus.actions,
      },
    };
  });
  const session = {
    phase: "open",
    domainId: template.domains[0]!.id,
    round: 2,
    locked: false,
    autoClose: true,
    deadline: DEADLINE,
    issued: 31,
    domains,
    perspectives: raw.perspectives,
    headcount: 30,
    // Fields a future session might carry by mistake: the summary picks fields by name.
    connectionId: TOKEN_CANARY,
    token: TOKEN_CANARY,
  } as SessionState;
  const cfg = {
    ...config({
      template,
      facilities: fromLegacyNames(raw.facilities, raw.facilities[0] ?? null),
      k: raw.k,
      title: raw.title,
      roomId: ROOM_CANARY,
      joinCode: CODE_CANARY,
      expiresAt: EXPIRES,
    }),
    secret: SECRET_CANARY,
    keyHash: HASH_CANARY,
  } as PublicRoomConfig;
  const notes = Object.fromEntries(template.domains.map((d, di) => [d.id, { notes: raw.domains[di]!.notes, actions: "" }]));
  return { input: { config: cfg, session, notes }, template };
}

describe("properties over random sessions", () => {
  it("no export in any format carries a secret, key hash, token, room id, join code, time or round id", () => {
    fc.assert(
      fc.property(sessionRaw, (raw) => {
        const { input } = materialise(raw);
        const s = buildSummary(input);
        for (const format of SUMMARY_FORMATS) {
          const text = FORMATS[format].render(s);
          for (const canary of [
            TOKEN_CANARY,
            "xxxxxxxxxxxxxxxxxxxxxx",
            SECRET_CANARY,
            HASH_CANARY,
            ROOM_CANARY,
            CODE_CANARY,
            String(EXPIRES),
            String(DEADLINE),
          ]) {
            expect(text.includes(canary), `${format} contains ${canary}`).toBe(false);
          }
          expect(text).not.toMatch(/\d{2}:\d{2}/); // nothing finer than the day
          expect(text).not.toMatch(/[A-Za-z0-9_.-]#\d/); // no "<domain>#<round>" round ids
        }
      }),
      { numRuns: 150 },
    );
  });

  it("every JSON export validates and loads back; CSV parses with one row per rating; HTML has a section per domain", () => {
    fc.assert(
      fc.property(sessionRaw, (raw) => {
        const { input, template } = materialise(raw);
        const s = buildSummary(input);
        expect(fromJson(toJson(s))).toEqual(s);
        const { rows } = csvRecords(s);
        const perFacility = template.domains.filter((d) => d.rating.perFacility).length;
        expect(rows.filter((r) => r.row === "rating")).toHaveLength(template.domains.length + perFacility * (raw.facilities.length - 1));
        expect(rows.filter((r) => r.row === "action")).toHaveLength(s.plan.actions.length);
        // A section per topic the group assessed (or wrote on); the rest share one line.
        const assessed = s.domains.filter((d) => !notAssessed(d));
        const html = toHtml(s);
        expect(html.match(/<section\b/g) ?? []).toHaveLength(assessed.length);
        const md = toMarkdown(s);
        for (const d of assessed) expect(md).toContain(`\n## ${d.number}. `);
        for (const d of s.domains.filter(notAssessed)) {
          expect(md).not.toContain(`\n## ${d.number}. `);
          expect(html).toMatch(new RegExp(`Not assessed in this session:</strong> [^<]*${d.number}\\. `));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the gate: a hidden rating exports no statistics, and a round without a shown rating no item tallies", () => {
    fc.assert(
      fc.property(sessionRaw, (raw) => {
        const { input } = materialise(raw);
        const s = buildSummary(input);
        for (const d of s.domains) {
          const source = input.session.domains[d.id]!;
          d.rounds.forEach((round, ri) => {
            for (const x of round.ratings) {
              expect(x.shown).toBe(source.rounds[ri]!.ratings[x.key]!.shown);
              if (!x.shown) expect(Object.keys(x)).toEqual(["key", "shown"]);
            }
            if (!round.ratings.some((x) => x.shown)) expect(round.items).toEqual([]);
          });
          const last = d.rounds[d.rounds.length - 1];
          for (const r of d.ratings) {
            const lastRating = last?.ratings.find((x) => x.key === r.key);
            expect(r.latest !== null).toBe(lastRating?.shown === true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("right-to-left names in the report", () => {
  it("isolates the session's names and gives the group's text its own direction", () => {
    const title = "مراجعة الخدمة 2026";
    const facilities = ["مستشفى النور", "Hospital B", "Shelter C"];
    const html = toHtml(
      buildSummary({
        config: config({ title, facility: facilities[0]!, facilities: fromLegacyNames(facilities, facilities[0]!) }),
        session: sampleSession(),
        notes: { safety: { notes: "ملاحظة 1: 3 غرف", actions: "" } },
      }),
    );
    expect(html).toContain(`<h1 dir="auto">${title}</h1>`);
    expect(html).toContain(`<dd><bdi>${facilities[0]}</bdi></dd>`);
    expect(html).toContain(`<h3><bdi>${facilities[0]}</bdi> (your facility; under review)</h3>`);
    expect(html).toContain(`<p class="text" dir="auto">ملاحظة 1: 3 غرف</p>`);
  });
});
