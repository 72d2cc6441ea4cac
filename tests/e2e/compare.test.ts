/**
 * "Comparison over time" on the home page (issue 5), in Chromium against the real stack: two
 * summary JSON files with known values (built with `buildSummary` + `toJson`, as the console's
 * download makes them) are chosen in the two file inputs; the table shows the expected consensus
 * values, changes and distribution changes, an AAAQ row matched by facility name; a file that
 * isn't a summary (or is of another schema version) is refused with a clear error; axe finds no
 * serious or critical problem; and the page sends nothing anywhere while doing it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endedSessionJson, recorded } from "../fixtures/ended-sessions";
import { type RunningStack, startStack } from "../integration/stack";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTIFACTS = join(ROOT, "test-artifacts", "e2e");

// Known values; each expected figure is worked out beside it (TV = ½ Σ |p − q| of the shares).
const EARLIER = endedSessionJson("Spring review", "2026-03-01", ["Clinic A", "Hospital B"], {
  privacy: recorded({ domain: [2, 4, 3, 1, 0] }, { domain: 2 }),
  communication: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: 3 }),
  conduct: recorded({ domain: [0, 0, 2, 6, 2] }, { domain: 4 }),
  interpreters: recorded({ domain: [1, 2, 3, 3, 1] }, { domain: 3 }),
  safety: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: 3 }),
  "services-aaaq": recorded({ "0": [1, 2, 2], "1": [4, 1, 0] }, { "0": 2, "1": 1 }),
});
// Later: the network is listed in another order and a new facility joined; safety not assessed.
const LATER = endedSessionJson("Autumn review", "2026-09-01", ["Clinic A", "Shelter C", "Hospital B"], {
  privacy: recorded({ domain: [0, 1, 3, 5, 1] }, { domain: 4 }),
  communication: recorded({ domain: [0, 0, 5, 5, 0] }, { domain: 3 }),
  conduct: recorded({ domain: [0, 1, 4, 4, 1] }, { domain: 3 }),
  interpreters: recorded({ domain: [1, 2, 3, 2, 2] }, { domain: 3 }),
  "services-aaaq": recorded({ "0": [0, 2, 3], "1": [1, 2, 0], "2": [0, 3, 0] }, { "0": 3, "1": null, "2": 2 }),
});

/** Cell texts of the row whose header contains `topic` (and `facility`, for AAAQ rows). */
async function rowTexts(table: Locator, topic: string, facility?: string): Promise<string[]> {
  let row = table.locator("tbody tr").filter({ has: table.page().locator("th", { hasText: topic }) });
  if (facility) row = row.filter({ has: table.page().locator(".compare__facility", { hasText: facility }) });
  expect(await row.count()).toBe(1);
  // Rendered text, whitespace folded: the visible words and the screen-reader-only ones.
  return (await row.locator("th, td").allInnerTexts()).map((s) => s.replace(/\s+/g, " ").trim());
}

/** The comparison section at the page's full width (its table may be wider than the column). */
async function shoot(page: Page, name: string): Promise<void> {
  const box = await page.evaluate(() => {
    const r = document.querySelector(".compare")!.getBoundingClientRect();
    return { y: r.top + window.scrollY, height: r.height };
  });
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true, clip: { x: 0, y: box.y - 8, width, height: box.height + 16 } });
}

describe("home: comparison over time (issue 5)", () => {
  let stack: RunningStack;
  let browser: BrowserContext;
  let page: Page;
  let dir: string;
  const files: Record<string, string> = {};
  const cspErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "candor-compare-"));
    const write = (name: string, text: string) => {
      files[name] = join(dir, name);
      writeFileSync(files[name]!, text);
    };
    write("candor-spring-review-2026-03-01.json", EARLIER);
    write("candor-autumn-review-2026-09-01.json", LATER);
    write("notes.json", JSON.stringify({ title: "Not a summary", items: [1, 2, 3] }));
    write("old-format.json", LATER.replace('"candor.summary/2"', '"candor.summary/0"'));
    write("report.json", "<html>not JSON</html>");
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startStack();
    // A fresh profile (playwright takes it as launchPersistentContext's userDataDir, not as an arg).
    browser = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1280, height: 900 },
    });
    page = await browser.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("compares two summaries in the browser, sends nothing, and refuses other files", async () => {
    await page.goto(`${stack.url}/`, { waitUntil: "networkidle" });
    await expect.poll(() => page.locator("h2#compare-heading").textContent()).toBe("Comparison over time");
    await expect.poll(() => page.locator(".compare__privacy").textContent()).toContain("nothing is uploaded, stored or sent anywhere");

    // From here on, every request the page makes is recorded.
    const requests: { url: string; method: string; body: string | null }[] = [];
    page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));

    await page.getByLabel("Earlier assessment").setInputFiles(files["candor-spring-review-2026-03-01.json"]!);
    await page.getByText("Loaded: “Spring review”, 2026-03-01").waitFor();
    await page.getByLabel("Later assessment").setInputFiles(files["candor-autumn-review-2026-09-01.json"]!);
    const table = page.locator("table.compare__table");
    await table.waitFor();

    const heading = (await page.locator("#compare-result-heading").textContent()) ?? "";
    expect(heading).toBe("From “Spring review” (2026-03-01) to “Autumn review” (2026-09-01)");
    expect(await page.locator(".compare [role=status]").textContent()).toBe("Compared 8 ratings.");
    // Same template on both sides: no note about it.
    expect(await page.getByText("come from different assessments").count()).toBe(0);

    // [topic, earlier consensus, later consensus, change, earlier median, later median, distribution, chart]
    // privacy: 2 → 4; medians 2 and 4; p = (.2,.4,.3,.1,0), q = (0,.1,.3,.5,.1): TV = 0.5.
    const privacy = await rowTexts(table, "Privacy/confidentiality");
    expect(privacy[0]).toBe("2. Privacy/confidentiality");
    expect(privacy[1]).toBe("2 Somewhat weak");
    expect(privacy[2]).toBe("4 Somewhat strong");
    expect(privacy[3]).toBe("+2 ▲ higher");
    expect(privacy[4]).toBe("2 10 ratings");
    expect(privacy[5]).toBe("4 10 ratings");
    expect(privacy[6]).toBe("50% · changed");
    // conduct: 4 → 3; p = (0,0,.2,.6,.2), q = (0,.1,.4,.4,.1): TV = (.1+.2+.2+.1)/2 = 0.3.
    const conduct = await rowTexts(table, "Staff professional conduct");
    expect([conduct[1], conduct[2], conduct[3], conduct[6]]).toEqual(["4 Somewhat strong", "3 Moderate", "−1 ▼ lower", "30% · changed"]);
    // communication: 3 → 3, same counts: TV = 0. interpreters: 3 → 3, TV = (.1+.1)/2 = 0.1 ≤ 0.15.
    const communication = await rowTexts(table, "Staff communication");
    expect([communication[3], communication[6]]).toEqual(["no change", "0% · stable"]);
    const interpreters = await rowTexts(table, "Interpreter resources");
    expect([interpreters[3], interpreters[6]]).toEqual(["no change", "10% · stable"]);
    // AAAQ, matched by facility name though the network's order changed:
    // Hospital B was key "1" and is key "2": 1 → 2; p = (.8,.2,0), q = (0,1,0): TV = 0.8.
    const hospital = await rowTexts(table, "12. Available health and mental health services", "Hospital B");
    expect(hospital.slice(1, 4)).toEqual(["1 Poor compliance with AAAQ", "2 Moderate compliance with AAAQ", "+1 ▲ higher"]);
    expect(hospital[6]).toBe("80% · changed");
    // Clinic A: 2 → 3; p = (.2,.4,.4), q = (0,.4,.6): TV = 0.2.
    const clinic = await rowTexts(table, "Available health and mental health services", "Clinic A");
    expect(clinic.slice(1, 4)).toEqual(["2 Moderate compliance with AAAQ", "3 Excellent compliance with AAAQ", "+1 ▲ higher"]);
    expect(clinic[6]).toBe("20% · changed");
    // Shelter C is new (recorded as "no consensus reached"); safety was not assessed later.
    const shelter = await rowTexts(table, "Available health and mental health services", "Shelter C");
    expect(shelter.slice(1, 4)).toEqual(["not in this assessment", "no consensus reached", "— cannot compare"]);
    expect(shelter[6]).toBe("— cannot compare");
    const safety = await rowTexts(table, "Safety");
    expect(safety.slice(1, 4)).toEqual(["3 Moderate", "not in this assessment", "— cannot compare"]);
    // The later summary's order, then what only the earlier had.
    expect(await table.locator("tbody th .compare__topic").allTextContents()).toEqual([
      "2. Privacy/confidentiality",
      "3. Staff communication",
      "4. Staff professional conduct",
      "5. Interpreter resources",
      "12. Available health and mental health services",
      "12. Available health and mental health services",
      "12. Available health and mental health services",
      "9. Safety",
    ]);
    // Each row's chart is an image that says its counts.
    const chart = table.locator("tbody tr").first().locator("svg[role=img]");
    expect(await chart.getAttribute("aria-label")).toBe(
      "Ratings. Earlier: 2 rated 1, 4 rated 2, 3 rated 3, 1 rated 4, 0 rated 5. Later: 0 rated 1, 1 rated 2, 3 rated 3, 5 rated 4, 1 rated 5.",
    );

    // Accessibility of the comparison (axe-core, injected through the DevTools protocol: the
    // page's CSP rightly refuses an injected inline <script>).
    await page.evaluate(readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
    const axeResult = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: unknown,
              opts: unknown,
            ) => Promise<{ passes: unknown[]; violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run({ include: [[".compare"]] }, { resultTypes: ["violations"] });
      return {
        passes: r.passes.length,
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) })),
      };
    });
    expect(axeResult.passes).toBeGreaterThan(10); // axe did look at the comparison
    expect(axeResult.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    await shoot(page, "compare.png");
    // On a phone the table scrolls inside its own region; the page itself doesn't widen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, "compare-phone.png");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Not a summary: a clear error, no table, the input marked invalid.
    const later = page.getByLabel("Later assessment");
    await later.setInputFiles(files["notes.json"]!);
    const error = page.locator("#compare-later-status[role=alert]");
    await expect
      .poll(() => error.textContent())
      .toBe("“notes.json” is not a Candor summary. Choose the JSON summary downloaded from the facilitator console.");
    expect(await table.count()).toBe(0);
    expect(await later.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".compare [role=status]").textContent()).toBe("Choose both files to see the comparison.");
    await shoot(page, "compare-error.png");
    // Another schema version is named as such.
    await later.setInputFiles(files["old-format.json"]!);
    await expect
      .poll(() => error.textContent())
      .toBe(
        "“old-format.json” is a Candor summary of another format version (candor.summary/0). This page reads these: candor.summary/1, candor.summary/2.",
      );
    // Not JSON at all.
    await later.setInputFiles(files["report.json"]!);
    await expect.poll(() => error.textContent()).toContain("“report.json” is not a Candor summary: it is not a JSON file.");
    // And back: a good file clears the error and the comparison returns.
    await later.setInputFiles(files["candor-autumn-review-2026-09-01.json"]!);
    await table.waitFor();
    expect(await later.getAttribute("aria-invalid")).toBeNull();
    // A file dropped on a picker counts as chosen there (and shows in its input).
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "dropped.json", { type: "application/json" }));
      document
        .querySelector("#compare-earlier")!
        .closest(".compare__file")!
        .dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, EARLIER);
    await expect.poll(() => page.locator("#compare-earlier-status").textContent()).toBe("Loaded: “Spring review”, 2026-03-01");
    expect(await page.locator("#compare-earlier").evaluate((el) => (el as HTMLInputElement).files?.[0]?.name)).toBe("dropped.json");
    await table.waitFor();

    // Nothing left the page: only same-origin GETs of the lazily loaded script chunks (no API
    // call, no socket, no body), and nothing of the files was kept in the page's storage.
    const origin = new URL(stack.url).origin;
    expect(requests.length).toBeGreaterThan(0); // the comparison code, loaded on first use
    for (const r of requests) {
      expect(new URL(r.url).origin, r.url).toBe(origin);
      expect(r.method, r.url).toBe("GET");
      expect(r.body, r.url).toBeNull();
      expect(new URL(r.url).pathname, r.url).toMatch(/^\/assets\/[\w.-]+\.(js|css)$/);
    }
    expect(sockets).toEqual([]);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain("Spring review");
    expect(stored).not.toContain("Autumn review");
    expect(cspErrors).toEqual([]);
  });
});
