/**
 * Comparing two consensus summaries (issue 5, "Comparison over time"): known values in, expected
 * deltas out. Each expected figure is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from "vitest";
import type { SessionState } from "../../core/session";
import { compareSummaries } from "../../core/summary/compare";
import { fromJson } from "../../core/summary/json";
import { endedSessionJson, recorded } from "../fixtures/ended-sessions";

/** An ended session's summary, through the JSON file format, as the home page gets them. */
const summary = (day: string, facilities: string[], domains: SessionState["domains"]) =>
  fromJson(endedSessionJson(`Review ${day}`, day, facilities, domains));

describe("compareSummaries", () => {
  const earlier = summary("2026-03-01", ["Clinic A", "Hospital B"], {
    privacy: recorded({ domain: [2, 4, 3, 1, 0] }, { domain: 2 }),
    safety: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: 3 }),
    "services-aaaq": recorded({ "0": [1, 2, 2], "1": [4, 1, 0] }, { "0": 2, "1": 1 }),
  });
  // Later: the network is listed in another order and a new facility joined; safety not assessed.
  const later = summary("2026-09-01", ["Clinic A", "Shelter C", "Hospital B"], {
    privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 4 }),
    "services-aaaq": recorded({ "0": [0, 2, 3], "1": [1, 2, 0], "2": [0, 3, 0] }, { "0": 3, "1": null, "2": 2 }),
  });
  const result = compareSummaries(earlier, later);
  const row = (domainId: string, facility: string | null = null) =>
    result.rows.find((r) => r.domainId === domainId && r.facility === facility)!;

  it("names both sessions and keeps the later order, then what only the earlier had", () => {
    expect(result.earlier).toEqual({ title: "Review 2026-03-01", day: "2026-03-01", templateId: "icmec-2" });
    expect(result.later.day).toBe("2026-09-01");
    expect(result.templateDiffers).toBe(false);
    expect(result.rows.map((r) => [r.domainId, r.facility])).toEqual([
      ["privacy", null],
      ["services-aaaq", "Clinic A"],
      ["services-aaaq", "Shelter C"],
      ["services-aaaq", "Hospital B"],
      ["safety", null],
    ]);
  });

  it("privacy: consensus 2 → 4 (+2); distribution change = TV", () => {
    // p = (.2,.4,.3,.1,0), q = (0,.1,.3,.5,.1): Σ|p−q| = .2+.3+0+.4+.1 = 1.0 → TV = 0.5, not stable.
    expect(row("privacy")).toMatchObject({ consensusDelta: 2, stable: false, scaleMax: 5 });
    expect(row("privacy").distributionChange).toBeCloseTo(0.5, 10);
    expect(row("privacy").earlier).toMatchObject({ consensus: 2, n: 10, median: { low: 2, high: 2 } });
    expect(row("privacy").later).toMatchObject({ consensus: 4, n: 10, median: { low: 4, high: 4 } });
  });

  it("AAAQ rows match by facility name, not position", () => {
    // Clinic A: 2 → 3 (+1); p = (.2,.4,.4), q = (0,.4,.6): Σ|p−q| = .2+0+.2 = .4 → TV = 0.2.
    expect(row("services-aaaq", "Clinic A")).toMatchObject({ consensusDelta: 1, stable: false });
    expect(row("services-aaaq", "Clinic A").distributionChange).toBeCloseTo(0.2, 10);
    // Hospital B was key "1" before and is key "2" now: 1 → 2 (+1); p = (.8,.2,0), q = (0,1,0):
    // Σ|p−q| = .8+.8+0 = 1.6 → TV = 0.8.
    expect(row("services-aaaq", "Hospital B")).toMatchObject({ consensusDelta: 1, earlier: { consensus: 1 }, later: { consensus: 2 } });
    expect(row("services-aaaq", "Hospital B").distributionChange).toBeCloseTo(0.8, 10);
    // Shelter C is new: nothing to compare with.
    expect(row("services-aaaq", "Shelter C")).toMatchObject({
      earlier: null,
      later: { consensus: null },
      consensusDelta: null,
      distributionChange: null,
      stable: null,
    });
  });

  it("a domain only in the earlier summary has no later side", () => {
    expect(row("safety")).toMatchObject({ later: null, earlier: { consensus: 3 }, consensusDelta: null, distributionChange: null });
  });

  it("an identical summary changes nothing and is stable", () => {
    const same = compareSummaries(later, later);
    for (const r of same.rows) {
      if (r.later?.consensus != null) expect(r.consensusDelta).toBe(0);
      expect(r.distributionChange).toBe(0);
      expect(r.stable).toBe(true);
    }
  });
});

describe("summary files written by earlier versions", () => {
  it("a candor.summary/1 file (written when rooms moved to Durable Objects) still loads and compares", async () => {
    const { readFileSync } = await import("node:fs");
    const file = fromJson(readFileSync("tests/fixtures/summary-v1.json", "utf8"));
    // Upgraded on loading: its "weak" topics are the ones that need improvement; its action text becomes items.
    expect(file.schema).toBe("candor.summary/2");
    const privacy = file.domains.find((d) => d.id === "privacy")!;
    expect(privacy.improvement).toEqual({ needed: true, suggested: true, marked: null, reasons: [] });
    expect(file.plan.topics.map((t) => t.domainId)).toContain("privacy");
    expect(file.plan.actions).toContainEqual(expect.objectContaining({ text: "Private room for interviews.", owner: null }));
    const self = compareSummaries(file, file);
    expect(self.rows.find((r) => r.domainId === "privacy")).toMatchObject({
      earlier: { consensus: 2 },
      later: { consensus: 2 },
      consensusDelta: 0,
    });
    expect(self.rows.filter((r) => r.domainId === "services-aaaq").map((r) => r.facility)).toEqual([
      "St. Unit",
      "City Clinic",
      "Harbour Shelter",
    ]);
  });
});
