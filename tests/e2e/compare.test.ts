/**
 * "Compare assessments" on the home page (issues 5 and 12), in Chromium against the real stack.
 * Summary JSON files with known values (built by `buildSummary` + `toJson`, as the console's
 * download makes them) are chosen several at once: four organizations of one referral network
 * show side by side, each topic's weakest marked in words; a file that isn't a summary and one of
 * another assessment are refused on their own lines while the others stay; with two more of one
 * organization, its trend over three assessments shows as charts with their table twins. Both
 * views pass axe, are pictured at 1024×768 and 320 px and on A4 (as print media shows them, and
 * as a PDF), and the page requests nothing but its own scripts while doing it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { getTemplate } from "../../core/templates/index";
import { endedSessionJson, recorded, revealedOnly } from "../fixtures/ended-sessions";
import { BrowserRun, NARROW, OUT, WIDE } from "./browser";

const run = new BrowserRun({ prefix: "compare" });

// A referral network assessed in spring: four organizations (each expected figure beside it).
const FILES: Record<string, string> = {
  "clinic-spring.json": endedSessionJson("Clinic review", "2026-03-01", ["Clinic A", "Hospital B"], {
    privacy: recorded({ domain: [2, 4, 3, 1, 0] }, { domain: 2 }, "- Private room for interviews | priority: high\n- Consent leaflet"),
    safety: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: 3 }),
    // Clinic A 2, Hospital B 1: median 1.5.
    "services-aaaq": recorded({ "0": [1, 2, 2], "1": [4, 1, 0] }, { "0": 2, "1": 1 }),
  }),
  "shelter.json": endedSessionJson("Shelter review", "2026-03-10", ["Shelter C", "Clinic A", "Hospital B", "Hotline D"], {
    privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 4 }),
    safety: recorded({ domain: [3, 3, 1, 2, 1] }, { domain: null }),
    // 3, 2, 1, 3: sorted 1 2 3 3, median 2.5.
    "services-aaaq": recorded({ "0": [0, 2, 3], "1": [0, 3, 2], "2": [5, 0, 0], "3": [0, 0, 5] }, { "0": 3, "1": 2, "2": 1, "3": 3 }),
  }),
  "hotline.json": endedSessionJson("Hotline review", "2026-03-15", ["Hotline D"], {
    privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 4 }, "- Call-back protocol | owner: coordinator"),
    safety: recorded({ domain: [0, 0, 2, 6, 2] }, { domain: 4 }),
    "services-aaaq": recorded({ "0": [0, 0, 5] }, { "0": 3 }),
  }),
  // No facility named: the title names the organization.
  "network.json": endedSessionJson("Public health network", "2026-03-20", [], {
    privacy: recorded({ domain: [0, 5, 3, 2, 0] }, { domain: 2 }),
    safety: revealedOnly({ domain: [0, 0, 5, 5, 0] }),
  }),
  // Clinic A again in summer and autumn: its trend over three assessments.
  "clinic-summer.json": endedSessionJson("Clinic summer", "2026-06-01", ["Clinic A", "Shelter C", "Hospital B"], {
    privacy: recorded({ domain: [0, 2, 4, 3, 1] }, { domain: 3 }),
    safety: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: null }),
    "services-aaaq": recorded({ "0": [0, 2, 3], "1": [0, 3, 0], "2": [1, 2, 0] }, { "0": 3, "1": 2, "2": null }),
  }),
  "clinic-autumn.json": endedSessionJson("Clinic autumn", "2026-09-01", ["Clinic A", "Hospital B"], {
    privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 4 }),
    "services-aaaq": recorded({ "0": [0, 0, 5], "1": [0, 3, 2] }, { "0": 3, "1": 2 }),
  }),
  // Refused, each on its own line: not a summary, and a summary of another assessment.
  "notes.json": JSON.stringify({ title: "Not a summary", items: [1, 2, 3] }),
  "workshop.json": endedSessionJson(
    "Workshop",
    "2026-03-05",
    ["Clinic A"],
    { preparation: revealedOnly({ domain: [0, 2, 3, 5, 0] }) },
    "workshop-check",
  ),
};
const ICMEC_TITLE = getTemplate("icmec-2")!.title;

/** Rendered text, whitespace folded: the visible words and the screen-reader-only ones. */
const fold = (s: string) => s.replace(/\s+/g, " ").trim();

/** The organizations' table cells of a topic's row, after its header. */
async function orgRow(page: Page, domainId: string): Promise<string[]> {
  return (await page.locator(`table.compare__table--orgs tr[data-domain="${domainId}"] td`).allInnerTexts()).map(fold);
}

/** A trend figure's table twin: [day, value, change] per row. */
async function trendRows(page: Page, domainId: string, facility?: string): Promise<string[][]> {
  const figure = page.locator(
    `figure.trend[data-domain="${domainId}"]${facility ? `[data-facility="${facility}"]` : ":not([data-facility])"}`,
  );
  const rows = figure.locator("tbody tr");
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator("th, td").allInnerTexts()).map(fold));
  return out;
}

/** The comparison section alone at 1024 and 320 px (the pictures a person looks at), then the full pages with axe. */
async function pictured(page: Page, name: string): Promise<void> {
  for (const viewport of [WIDE, NARROW]) {
    await page.setViewportSize(viewport);
    await page
      .locator(".compare__result")
      .screenshot({ path: join(OUT, `compare-${name}-${viewport.width}-section.png`), animations: "disabled" });
    // A closer look at the result's first part.
    const first = page.locator(".compare__result table, .compare__result figure").first();
    await first.screenshot({ path: join(OUT, `compare-${name}-${viewport.width}-first.png`), animations: "disabled" });
  }
  await run.screenAtSizes(page, name);
}

/**
 * The page as a printer gets it on A4 (a picture to look at), then the PDF itself. 680 CSS px:
 * A4's 210 mm less the page's 15 mm margins (home.css @page), at 96 px to the inch.
 */
async function onPaper(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 680, height: 1123 });
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await page.locator(".site-header").isVisible()).toBe(false);
  expect(await page.locator(".compare__file").isVisible()).toBe(false);
  expect(await page.locator(".compare__views").isVisible()).toBe(false);
  // No table cut sideways: everything fits the page's width.
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll(".compare__result table")].map(
      (t) => t.getBoundingClientRect().right - document.documentElement.clientWidth,
    ),
  );
  for (const o of overflow) expect(o).toBeLessThanOrEqual(0);
  await run.shot(page, `${name}-print-a4`);
  await page.locator(".compare__result").screenshot({ path: join(OUT, `compare-${name}-print-a4-section.png`) });
  await page.emulateMedia({ media: null });
  await page.setViewportSize(WIDE);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  writeFileSync(join(OUT, `compare-${name}.pdf`), pdf);
  // For a person to look at: the first pages as images, when poppler's pdftoppm is installed.
  if (!spawnSync("pdftoppm", ["-v"]).error)
    spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "3", join(OUT, `compare-${name}.pdf`), join(OUT, `compare-${name}-pdf`)]);
}

describe("home: compare assessments, organizations side by side and over time (issue 12)", () => {
  let page: Page;
  let dir: string;
  const path = (name: string) => join(dir, name);
  /** Requests after the page loaded: only its own lazily loaded scripts may follow. */
  let loadedAt = 0;

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  run.step("four organizations side by side; files that can't join are refused one by one", async () => {
    dir = mkdtempSync(join(tmpdir(), "candor-compare-"));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(path(name), text);
    page = await run.open("home", { viewport: WIDE });
    await page.goto(`${run.stack.url}/`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Compare assessments" }).waitFor();
    await page.getByText("nothing is uploaded, stored or sent anywhere").waitFor();
    await page.getByText("up to 12, all of the same assessment").waitFor();
    loadedAt = run.requested.get("home")!.length;

    await page
      .getByLabel("Summary files")
      .setInputFiles(["clinic-spring.json", "notes.json", "shelter.json", "workshop.json", "hotline.json", "network.json"].map(path));
    const status = page.locator(".compare [role=status]");
    await expect.poll(() => status.textContent()).toBe("4 summaries loaded (at most 12). 2 files were not added: see the list.");
    const list = page.getByRole("list", { name: "Loaded files" });
    expect((await list.locator("li").allInnerTexts()).map(fold)).toEqual([
      "clinic-spring.json “Clinic review”, 2026-03-01 · Clinic A Remove",
      "notes.json “notes.json” is not a Candor summary. Choose the JSON summary downloaded from the facilitator console. Remove",
      "shelter.json “Shelter review”, 2026-03-10 · Shelter C Remove",
      `workshop.json “workshop.json” is a summary of “Workshop check”, the others of “${ICMEC_TITLE}”: only summaries of the same assessment can be compared. Remove the others to compare this one. Remove`,
      "hotline.json “Hotline review”, 2026-03-15 · Hotline D Remove",
      "network.json “Public health network”, 2026-03-20 · Public health network Remove",
    ]);

    // The organizations view is the first; columns by organization name.
    const table = page.locator("table.compare__table--orgs");
    await table.waitFor();
    expect(await page.getByRole("radio", { name: "Organizations side by side" }).isChecked()).toBe(true);
    expect((await table.locator("thead th").allInnerTexts()).map(fold)).toEqual([
      "Topic",
      "Clinic A Clinic review Mar 1, 2026",
      "Hotline D Hotline review Mar 15, 2026",
      "Public health network Public health network Mar 20, 2026",
      "Shelter C Shelter review Mar 10, 2026",
    ]);
    expect(await table.locator("tbody th").allInnerTexts()).toEqual([
      "2. Privacy/confidentiality",
      "9. Safety",
      "12. Available health and mental health services",
    ]);
    // Privacy: 2, 4, 2, 4: the two 2s are weakest (in words), and need improvement (2 of 5).
    expect(await orgRow(page, "privacy")).toEqual([
      "▼ Weakest 2 Somewhat weak ! Needs improvement 2 action items",
      "4 Somewhat strong 1 action item",
      "▼ Weakest 2 Somewhat weak ! Needs improvement no action items",
      "4 Somewhat strong no action items",
    ]);
    // Safety: 3, 4, discussed but not recorded, recorded as no consensus: 3 is the weakest value.
    expect(await orgRow(page, "safety")).toEqual([
      "▼ Weakest 3 Moderate no action items",
      "4 Somewhat strong no action items",
      "not recorded no action items",
      "no consensus ! Needs improvement no action items",
    ]);
    // AAAQ: the median of the facilities' recorded values, then each facility's own.
    const aaaq = await orgRow(page, "services-aaaq");
    expect(aaaq[0]).toBe("▼ Weakest 1.5 median of 2 facilities Clinic A: 2 Hospital B: 1 ! Needs improvement no action items");
    expect(aaaq[1]).toBe("3 Excellent compliance with AAAQ median of 1 facility Hotline D: 3 no action items");
    expect(aaaq[2]).toBe("not assessed");
    expect(aaaq[3]).toBe(
      "2.5 median of 4 facilities Shelter C: 3 Clinic A: 2 Hospital B: 1 Hotline D: 3 ! Needs improvement no action items",
    );
    // The weakest is marked by a frame too, not by colour alone.
    expect(await table.locator(".compare__cell--weakest").count()).toBe(4);

    await pictured(page, "organizations");
  });

  run.step("the organizations view on paper: A4, the table whole", async () => {
    await onPaper(page, "organizations");
  });

  run.step("one organization's trend over three assessments, by keyboard", async () => {
    await page.getByLabel("Summary files").setInputFiles([path("clinic-autumn.json"), path("clinic-summer.json")]);
    await expect.poll(() => page.locator(".compare [role=status]").textContent()).toMatch(/^6 summaries loaded/);
    // Repeated assessments of one organization are told apart by their day.
    await page.getByRole("columnheader", { name: /^Clinic A \(2026-09-01\)/ }).waitFor();

    // The view switch is a radio group: arrow keys move it.
    await page.getByRole("radio", { name: "Organizations side by side" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "Trend over time" }).isChecked()).toBe(true);
    // The organization with most assessments first; the others can be chosen.
    const pick = page.getByLabel("Organization", { exact: true });
    expect(await pick.locator("option").allTextContents()).toEqual([
      "Clinic A (3)",
      "Hotline D (1)",
      "Public health network (1)",
      "Shelter C (1)",
    ]);
    await page.getByRole("heading", { name: "Clinic A: 3 assessments, Mar 1, 2026 to Sep 1, 2026" }).waitFor();

    // Privacy 2 → 3 → 4, by day though chosen out of order; the ratings moved 40% then 20%.
    expect(await trendRows(page, "privacy")).toEqual([
      ["Mar 1, 2026", "2 Somewhat weak", "—"],
      ["Jun 1, 2026", "3 Moderate", "▲ +1 higher ratings moved 40% · changed"],
      ["Sep 1, 2026", "4 Somewhat strong", "▲ +1 higher ratings moved 20% · changed"],
    ]);
    // Safety: recorded, then no consensus (same ratings: stable), then not assessed.
    expect(await trendRows(page, "safety")).toEqual([
      ["Mar 1, 2026", "3 Moderate", "—"],
      ["Jun 1, 2026", "no consensus", "cannot compare ratings moved 0% · stable"],
      ["Sep 1, 2026", "not assessed", "cannot compare"],
    ]);
    // AAAQ: a series per facility, matched by name. Hospital B: 1 → no consensus → 2.
    expect((await trendRows(page, "services-aaaq", "Hospital B")).map((r) => r.slice(0, 2))).toEqual([
      ["Mar 1, 2026", "1 Poor compliance with AAAQ"],
      ["Jun 1, 2026", "no consensus"],
      ["Sep 1, 2026", "2 Moderate compliance with AAAQ"],
    ]);
    expect(await page.locator("figure.trend").count()).toBe(5); // privacy, safety, AAAQ × Clinic A, Hospital B, Shelter C
    // The charts: a filled dot per recorded value, an open circle per "no consensus", the line only between recorded ones.
    const safety = page.locator('figure.trend[data-domain="safety"] svg');
    expect(await safety.locator(".trend-chart__dot").count()).toBe(1);
    expect(await safety.locator(".trend-chart__open").count()).toBe(1);
    expect(await safety.locator(".trend-chart__line").getAttribute("d")).toBe("");
    const privacy = page.locator('figure.trend[data-domain="privacy"] svg');
    expect(await privacy.locator(".trend-chart__dot").count()).toBe(3);
    expect((await privacy.locator(".trend-chart__line").getAttribute("d"))?.match(/M/g)?.length).toBe(2);
    // Higher values sit higher: y of 2 > y of 3 > y of 4.
    const ys = await privacy.locator(".trend-chart__dot").evaluateAll((dots) => dots.map((d) => Number(d.getAttribute("cy"))));
    expect(ys[0]).toBeGreaterThan(ys[1]!);
    expect(ys[1]).toBeGreaterThan(ys[2]!);

    // Another organization's trend: one assessment, and it says so.
    await pick.selectOption({ label: "Shelter C (1)" });
    await page.getByText("Only one assessment of Shelter C is loaded").waitFor();
    await pick.selectOption({ label: "Clinic A (3)" });
    await page.getByRole("heading", { name: /^Clinic A: 3 assessments/ }).waitFor();

    await pictured(page, "trend");
  });

  run.step("the trend on paper: A4, charts in black and white", async () => {
    await onPaper(page, "trend");
  });

  run.step("removing a file keeps the others; nothing was sent or stored anywhere", async () => {
    await page.getByRole("button", { name: "Remove notes.json" }).click();
    await page.getByRole("button", { name: "Remove clinic-autumn.json" }).click();
    await expect
      .poll(() => page.locator(".compare [role=status]").textContent())
      .toBe("5 summaries loaded (at most 12). 1 file was not added: see the list.");
    await page.getByRole("heading", { name: "Clinic A: 2 assessments, Mar 1, 2026 to Jun 1, 2026" }).waitFor();
    await page.getByRole("button", { name: "Remove all files" }).click();
    await expect.poll(() => page.locator(".compare [role=status]").textContent()).toBe("Choose summary files to compare.");

    // Thirteen files: twelve are compared, the thirteenth is refused and says why.
    const copies = Array.from({ length: 13 }, (_, i) => {
      const name = `copy-${String(i + 1).padStart(2, "0")}.json`;
      writeFileSync(path(name), FILES["clinic-spring.json"]!);
      return path(name);
    });
    await page.getByLabel("Summary files").setInputFiles(copies);
    await expect
      .poll(() => page.locator(".compare [role=status]").textContent())
      .toBe("12 summaries loaded (at most 12). 1 file was not added: see the list.");
    await page.getByText("“copy-13.json” was not added: at most 12 files can be compared at once.").waitFor();
    // One organization on one day twelve times: told apart by a number.
    await page.getByRole("radio", { name: "Organizations side by side" }).check();
    await page.getByRole("columnheader", { name: /^Clinic A \(2026-03-01, 12\)/ }).waitFor();
    // Twelve columns still fit on A4, none cut.
    await onPaper(page, "organizations-12");
    await page.getByRole("button", { name: "Remove all files" }).click();

    // Of another assessment: it loads once the others are gone, and then sets the template.
    await page.getByLabel("Summary files").setInputFiles(path("workshop.json"));
    await expect.poll(() => page.locator(".compare [role=status]").textContent()).toBe("1 summary loaded (at most 12).");
    // A file dropped on the picker counts as chosen.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "dropped.json", { type: "application/json" }));
      document
        .querySelector(".compare__file")!
        .dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, FILES["clinic-spring.json"]!);
    await page.getByText("“dropped.json” is a summary of").waitFor();

    // Since the page loaded: only same-origin GETs of its lazily loaded script chunks; no API
    // call, no socket, no request body; and nothing of the files kept in the page's storage.
    const after = run.requested.get("home")!.slice(loadedAt);
    expect(after.length).toBeGreaterThan(0); // the comparison code, loaded on first use
    for (const p of after) expect(p).toMatch(/^\/assets\/[\w.-]+\.(js|css)$/);
    const origin = new URL(run.stack.url).origin;
    for (const u of run.sent.urls) expect(new URL(u).origin, u).toBe(origin);
    expect(run.sent.urls.filter((u) => u.startsWith("ws"))).toEqual([]);
    expect(run.sent.bodies).toEqual([]);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    for (const title of ["Clinic review", "Shelter review", "Hotline"]) expect(stored).not.toContain(title);
  });

  run.finalChecks();
});
