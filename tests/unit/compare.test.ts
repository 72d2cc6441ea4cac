/**
 * Comparing several consensus summaries (issue 12): organizations side by side and one
 * organization's trend over time. Known values in, expected cells out; each expected figure is
 * worked out by hand in the comment beside it. The summaries go through the JSON file format, as
 * the home page gets them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SessionState } from "../../core/session";
import {
  admit,
  assessmentHeads,
  MAX_COMPARED,
  medianOf,
  organizationGroups,
  sideBySide,
  topicValue,
  trendOf,
  weakest,
} from "../../core/summary/compare";
import { fromJson } from "../../core/summary/json";
import { readSummary } from "../../core/summary/read";
import { endedSessionJson, recorded, revealedOnly } from "../fixtures/ended-sessions";

const summary = (title: string, day: string, facilities: string[], domains: SessionState["domains"]) =>
  fromJson(endedSessionJson(title, day, facilities, domains));

// The referral network of three organizations, assessed in spring.
const clinic = summary("Clinic review", "2026-03-01", ["Clinic A", "Hospital B"], {
  privacy: recorded({ domain: [2, 4, 3, 1, 0] }, { domain: 2 }, "- Private room | priority: high\n- Consent leaflet"),
  safety: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: 3 }),
  "services-aaaq": recorded({ "0": [1, 2, 2], "1": [4, 1, 0] }, { "0": 2, "1": 1 }),
});
const shelter = summary("Shelter review", "2026-03-10", ["Shelter C", "Clinic A", "Hospital B", "Hotline D"], {
  privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 4 }),
  safety: recorded({ domain: [3, 3, 1, 2, 1] }, { domain: null }),
  "services-aaaq": recorded({ "0": [0, 2, 3], "1": [0, 3, 2], "2": [5, 0, 0], "3": [0, 0, 5] }, { "0": 3, "1": 2, "2": 1, "3": 3 }),
});
// No facility named: the title names the organization.
const network = summary("Public health network", "2026-03-20", [], {
  privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 2 }),
  safety: revealedOnly({ domain: [0, 0, 5, 5, 0] }),
});

describe("the value that represents a topic", () => {
  it("is the recorded consensus, or says why there is none", () => {
    expect(topicValue(clinic.domains.find((d) => d.id === "privacy"))).toEqual({ state: "recorded", value: 2, facilities: null });
    expect(topicValue(shelter.domains.find((d) => d.id === "safety"))).toEqual({ state: "noConsensus", value: null, facilities: null });
    expect(topicValue(network.domains.find((d) => d.id === "safety"))).toEqual({ state: "notRecorded", value: null, facilities: null });
    expect(topicValue(undefined)).toEqual({ state: "notAssessed", value: null, facilities: null });
  });

  it("on a per-facility topic is the median of the recorded facility values, with each facility's own", () => {
    // Clinic: 2 and 1 → (1 + 2) / 2 = 1.5.
    expect(topicValue(clinic.domains.find((d) => d.id === "services-aaaq"))).toEqual({
      state: "recorded",
      value: 1.5,
      facilities: [
        { facility: "Clinic A", value: 2 },
        { facility: "Hospital B", value: 1 },
      ],
    });
    // Shelter: 3, 2, 1, 3 → sorted 1 2 3 3 → (2 + 3) / 2 = 2.5.
    expect(topicValue(shelter.domains.find((d) => d.id === "services-aaaq"))!.value).toBe(2.5);
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([])).toBeNull();
  });

  it("names a facility recorded as 'Service not available', leaves it out of the median, and says so when all were", () => {
    const some = summary("Clinic review", "2026-06-01", ["Clinic A", "Hospital B"], {
      "services-aaaq": recorded({ "0": [1, 2, 2], "1": [4, 1, 0] }, { "0": 2, "1": "not-available" }),
    });
    expect(topicValue(some.domains.find((d) => d.id === "services-aaaq"))).toEqual({
      state: "recorded",
      value: 2,
      facilities: [
        { facility: "Clinic A", value: 2 },
        { facility: "Hospital B", value: null, notAvailable: true },
      ],
    });
    const none = summary("Clinic review", "2026-07-01", ["Clinic A"], {
      "services-aaaq": recorded({ "0": [1, 2, 2] }, { "0": "not-available" }),
    });
    expect(topicValue(none.domains.find((d) => d.id === "services-aaaq"))?.state).toBe("notAvailable");
    // In a trend, the facility's point says it too, and carries no value to draw or rank.
    const series = trendOf([some, none], "Clinic A")?.series.find((s) => s.facility === "Clinic A");
    expect(series?.points.map((p) => [p.state, p.value])).toEqual([
      ["recorded", 2],
      ["notAvailable", null],
    ]);
  });

  it("is not assessed when the topic was skipped or no round closed", () => {
    const skipped = summary("S", "2026-01-01", ["X"], { privacy: { status: "skipped", rounds: [], consensus: null } });
    expect(topicValue(skipped.domains[0]).state).toBe("notAssessed");
    const pending = summary("P", "2026-01-01", ["X"], { privacy: { status: "pending", rounds: [], consensus: null } });
    expect(topicValue(pending.domains[0]).state).toBe("notAssessed");
  });
});

describe("the weakest per topic", () => {
  it("marks every position holding the lowest of two or more differing values", () => {
    expect(weakest([2, 4, 2])).toEqual([true, false, true]);
    expect(weakest([3, null, 1.5])).toEqual([false, false, true]);
  });
  it("marks nothing for a lone value, a tie of all, or no values", () => {
    expect(weakest([2, null, null])).toEqual([false, false, false]);
    expect(weakest([3, 3])).toEqual([false, false]);
    expect(weakest([null, null])).toEqual([false, false]);
  });
});

describe("organizations side by side", () => {
  const table = sideBySide([shelter, network, clinic]);

  it("names each organization by its facility, else its title; columns by organization, then day", () => {
    expect(table.assessments.map((a) => [a.name, a.index])).toEqual([
      ["Clinic A", 2],
      ["Public health network", 1],
      ["Shelter C", 0],
    ]);
  });

  it("has every topic of any file once, in the template's order", () => {
    expect(table.rows.map((r) => r.topic.number)).toEqual([2, 9, 12]);
    expect(table.rows[2]!.topic).toMatchObject({ perFacility: true, scaleMax: 3 });
  });

  it("gives each cell its value, the needs-improvement mark, its action items, and the weakest", () => {
    const [privacy, safety, aaaq] = table.rows;
    // Privacy: 2, 2, 4 → the two 2s are weakest; a value of 2 of 5 suggests improvement.
    expect(privacy!.cells.map((c) => [c.value.value, c.weakest, c.needsImprovement, c.actionItems])).toEqual([
      [2, true, true, 2],
      [2, true, true, 0],
      [4, false, false, 0],
    ]);
    // Safety: 3 (clinic), not recorded (network), no consensus (shelter): one value, no weakest.
    expect(safety!.cells.map((c) => [c.value.state, c.weakest])).toEqual([
      ["recorded", false],
      ["notRecorded", false],
      ["noConsensus", false],
    ]);
    // A topic recorded as "no consensus reached" needs improvement by Candor's rule.
    expect(safety!.cells[2]!.needsImprovement).toBe(true);
    // AAAQ: 1.5 (clinic), absent from the network's file, 2.5 (shelter).
    expect(aaaq!.cells.map((c) => [c.value.state, c.value.value, c.weakest, c.needsImprovement])).toEqual([
      ["recorded", 1.5, true, true],
      ["notAssessed", null, false, null],
      ["recorded", 2.5, false, true],
    ]);
  });

  it("tells repeated assessments of one organization apart by their day, then by a number", () => {
    const later = summary("Clinic again", "2026-09-01", ["clinic  a"], {});
    const same = summary("Clinic twice", "2026-09-01", ["Clinic A"], {});
    expect(assessmentHeads([clinic, later, same, network]).map((h) => h.name)).toEqual([
      "Clinic A (2026-03-01)",
      "clinic  a (2026-09-01, 1)",
      "Clinic A (2026-09-01, 2)",
      "Public health network",
    ]);
  });
});

describe("trend over time", () => {
  // Clinic A over three assessments, loaded out of order, with another organization among them.
  const summer = summary("Clinic summer", "2026-06-01", ["Clinic A", "Shelter C", "Hospital B"], {
    privacy: recorded({ domain: [0, 2, 4, 3, 1] }, { domain: 3 }),
    safety: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: null }),
    "services-aaaq": recorded({ "0": [0, 2, 3], "1": [0, 3, 0], "2": [1, 2, 0] }, { "0": 3, "1": 2, "2": null }),
  });
  const autumn = summary("Clinic autumn", "2026-09-01", ["Clinic A", "Hospital B"], {
    privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 4 }),
    "services-aaaq": recorded({ "0": [0, 0, 5], "1": [0, 3, 2] }, { "0": 3, "1": 2 }),
  });
  const files = [autumn, shelter, clinic, summer];

  it("groups the files by organization, the one with most assessments first, each by day", () => {
    expect(organizationGroups(files).map((g) => [g.name, g.indexes])).toEqual([
      ["Clinic A", [2, 3, 0]],
      ["Shelter C", [1]],
    ]);
  });

  const trend = trendOf(files, "clinic a")!;
  const series = (id: string, facility: string | null = null) =>
    trend.series.find((s) => s.topic.domainId === id && s.facility === facility)!;

  it("orders one organization's assessments by day", () => {
    expect(trend.organization).toBe("Clinic A");
    expect(trend.assessments.map((a) => a.day)).toEqual(["2026-03-01", "2026-06-01", "2026-09-01"]);
  });

  it("privacy: 2 → 3 → 4, each change from the assessment before, and how far the ratings moved", () => {
    const points = series("privacy").points;
    expect(points.map((p) => [p.state, p.value, p.change])).toEqual([
      ["recorded", 2, null],
      ["recorded", 3, 1],
      ["recorded", 4, 1],
    ]);
    // (.2,.4,.3,.1,0) → (0,.2,.4,.3,.1): Σ|p−q| = .2+.2+.1+.2+.1 = .8 → TV = 0.4, changed.
    expect(points[1]!.distributionChange).toBeCloseTo(0.4, 10);
    expect(points[1]!.stable).toBe(false);
    // (0,.2,.4,.3,.1) → (0,.1,.3,.5,.1): Σ|p−q| = 0+.1+.1+.2+0 = .4 → TV = 0.2, changed.
    expect(points[2]!.distributionChange).toBeCloseTo(0.2, 10);
  });

  it("safety: recorded, then no consensus, then not assessed; no change across a gap", () => {
    expect(series("safety").points.map((p) => [p.state, p.value, p.change])).toEqual([
      ["recorded", 3, null],
      ["noConsensus", null, null],
      ["notAssessed", null, null],
    ]);
    // Same counts in spring and summer: TV = 0, stable, though summer recorded no consensus.
    expect(series("safety").points[1]).toMatchObject({ distributionChange: 0, stable: true });
  });

  it("a per-facility topic gives one series per facility, matched by name over time", () => {
    expect(trend.series.filter((s) => s.topic.domainId === "services-aaaq").map((s) => s.facility)).toEqual([
      "Clinic A",
      "Hospital B",
      "Shelter C",
    ]);
    // Hospital B: key "1" in spring, "2" in summer, "1" in autumn: 1 → no consensus → 2.
    expect(series("services-aaaq", "Hospital B").points.map((p) => [p.state, p.value])).toEqual([
      ["recorded", 1],
      ["noConsensus", null],
      ["recorded", 2],
    ]);
    // Shelter C joined the network in summer and left it again.
    expect(series("services-aaaq", "Shelter C").points.map((p) => p.state)).toEqual(["notAssessed", "recorded", "notAssessed"]);
  });

  it("is null for an organization none of the files assessed", () => {
    expect(trendOf(files, "Nobody")).toBeNull();
  });
});

describe("which files go together", () => {
  it("takes up to the maximum, all of one template", () => {
    expect(admit([], clinic)).toEqual({ ok: true });
    expect(admit([clinic], shelter)).toEqual({ ok: true });
    expect(admit(Array(MAX_COMPARED).fill(clinic), shelter)).toEqual({ ok: false, reason: "tooMany", max: 12 });
    const other = { ...shelter, template: { ...shelter.template, id: "workshop-check", title: "Workshop check" } };
    expect(admit([clinic], other)).toEqual({ ok: false, reason: "template", expected: clinic.template.title, found: "Workshop check" });
    // The first file sets the template.
    expect(admit([], other)).toEqual({ ok: true });
  });
});

describe("reading a file", () => {
  const text = endedSessionJson("Clinic review", "2026-03-01", ["Clinic A"], {
    privacy: recorded({ domain: [2, 4, 3, 1, 0] }, { domain: 2 }),
  });

  it("reads a /2 file and a /1 file (upgraded)", () => {
    expect(readSummary(text)).toMatchObject({ ok: true, ignored: [], summary: { session: { facility: "Clinic A" } } });
    const v1 = readSummary(readFileSync("tests/fixtures/summary-v1.json", "utf8"));
    expect(v1).toMatchObject({ ok: true, summary: { schema: "candor.summary/2" } });
  });

  it("reads a file with optional fields this version doesn't know, without them", () => {
    const data = JSON.parse(text);
    data.futureDirectory = { listed: true };
    data.session.facilityRole = "referral";
    data.domains[0].ratings[0].role = "hospital";
    const r = readSummary(JSON.stringify(data));
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.ignored.sort()).toEqual(["facilityRole", "futureDirectory", "role"]);
    expect(JSON.stringify(r.summary)).not.toContain("referral");
    expect(r.summary.domains[0]!.ratings[0]!.consensus).toBe(2);
  });

  it("refuses what isn't a summary, saying why", () => {
    expect(readSummary("<html>")).toEqual({ ok: false, reason: "notJson" });
    expect(readSummary(JSON.stringify({ title: "x" }))).toEqual({ ok: false, reason: "notSummary" });
    expect(readSummary(text.replace('"candor.summary/2"', '"candor.summary/9"'))).toEqual({
      ok: false,
      reason: "version",
      found: "candor.summary/9",
      expected: "candor.summary/1, candor.summary/2",
    });
    // A known field of the wrong type is still refused, unknown fields or not.
    const data = JSON.parse(text);
    data.extra = 1;
    data.session.day = "March";
    expect(readSummary(JSON.stringify(data))).toEqual({ ok: false, reason: "notSummary" });
  });
});
