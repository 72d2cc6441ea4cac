/**
 * The community directory (issue 12), in Chromium against the real stack: two facilitators (two
 * console pages, two devices) fill it in live and each sees the other's edits; it is in every
 * export (HTML, Markdown, JSON, the summary CSV and its own CSV); a new session on the home page
 * starts its directory from the JSON file. Screenshots in test-artifacts/e2e/directory-*.png
 * (the console's panel at 1024 and 320 px, the create form with the file loaded); axe on each.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import { rowsOf } from "../../core/directory";
import { SummarySchema } from "../../core/summary/schema";
import { closeEverything, createRoom, fetchSummary } from "../integration/clients";
import { BrowserRun, heading, NARROW, OUT, WAIT, WIDE } from "./browser";

const run = new BrowserRun({ prefix: "directory" });

const HOTLINE = "1-888-373-7888 (24 h)";
const LANGUAGE = "Tigrinya";
const INTERPRETER = "Harbour Interpreting Co-op";
const CLINIC = "Northside HT/E Clinic";
const SHELTER_STAY = "Up to 90 days";

/** The group of fields of one row ("Row 1: Anti-trafficking hotline") in one table's disclosure. */
const row = (page: Page, table: string, name: string | RegExp): Locator => page.locator(`#directory-${table}`).getByRole("group", { name });

/** Opens a table's disclosure if it is closed. */
async function openTable(page: Page, table: string): Promise<void> {
  const details = page.locator(`#directory-${table}`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
}

describe("the community directory: filled in together, exported, carried to a new session", () => {
  let room: CreateRoomResponse;
  let a: Page;
  let b: Page;
  let summaryFile: string;

  afterAll(() => closeEverything());

  run.step("two facilitators' consoles show the directory, with its rule first and the seed's rows", async () => {
    room = await createRoom(run.stack, { title: "Directory review", domainIds: ["safety", "services-aaaq"], k: 3 });
    a = await run.open("console-a", { viewport: WIDE, acceptDownloads: true });
    b = await run.open("console-b", { viewport: WIDE });
    for (const page of [a, b]) {
      await page.goto(room.facilitatorUrl);
      await heading(page, "Community directory").waitFor();
      await page.getByText("Organizations and services only: never patients or private individuals.").waitFor();
    }
    // Nine tables, closed; the health table has the toolkit's 18 rows.
    expect(await a.locator(".directory-table").count()).toBe(9);
    await openTable(a, "health");
    expect(await a.locator("#directory-health .directory-row").count()).toBe(18);
    await row(a, "health", "Row 18: Traditional healers").waitFor();
    await openTable(a, "international");
    expect(await row(a, "international", "Row 1: UNICEF").getByLabel("Website").inputValue()).toBe("https://www.unicef.org/");
    await a.locator("#directory-international summary").click();
    await a.locator("#directory-health summary").click();
  });

  run.step("what one types, the other sees: a field, a row added, and both typing at once", async () => {
    await openTable(a, "hotlines");
    await row(a, "hotlines", "Row 1: Anti-trafficking hotline").getByLabel("Contact information").fill(HOTLINE);
    await openTable(b, "hotlines");
    const onB = row(b, "hotlines", "Row 1: Anti-trafficking hotline").getByLabel("Contact information");
    await expect.poll(() => onB.inputValue(), { timeout: WAIT }).toBe(HOTLINE);
    // The counter counts what the other typed too.
    await expect
      .poll(() => b.locator("#dir-hotlines-1-contact-count").textContent(), { timeout: WAIT })
      .toContain(`${HOTLINE.length} / 200`);

    // B adds an interpreter; A sees the row and its words.
    await openTable(b, "interpreters");
    await b.getByRole("button", { name: "Add a row to Professional interpreters" }).click();
    await row(b, "interpreters", "Row 1").getByLabel("Language").fill(LANGUAGE);
    await row(b, "interpreters", "Row 1").getByLabel("Name of interpreter/service").fill(INTERPRETER);
    await openTable(a, "interpreters");
    await expect.poll(() => row(a, "interpreters", "Row 1").getByLabel("Language").inputValue(), { timeout: WAIT }).toBe(LANGUAGE);
    await expect
      .poll(() => row(a, "interpreters", "Row 1").getByLabel("Name of interpreter/service").inputValue(), { timeout: WAIT })
      .toBe(INTERPRETER);

    // Both type into the health table at once, into different rows: both words stay.
    await openTable(a, "health");
    await openTable(b, "health");
    await Promise.all([
      row(a, "health", "Row 4: HT/E health clinic").getByLabel("Name of organization/service").fill(CLINIC),
      row(b, "health", "Row 1: Local hospital").getByLabel("Hours of operation").fill("24/7"),
    ]);
    for (const page of [a, b]) {
      await expect
        .poll(() => row(page, "health", "Row 4: HT/E health clinic").getByLabel("Name of organization/service").inputValue(), {
          timeout: WAIT,
        })
        .toBe(CLINIC);
      await expect
        .poll(() => row(page, "health", "Row 1: Local hospital").getByLabel("Hours of operation").inputValue(), { timeout: WAIT })
        .toBe("24/7");
    }
    // A row added and removed again leaves nothing behind, on either console.
    await openTable(a, "legal");
    await a.getByRole("button", { name: "Add a row to Legal and immigration services" }).click();
    await a.locator("#directory-legal").getByRole("button", { name: "Remove row 4" }).click();
    await openTable(b, "legal");
    await expect.poll(() => b.locator("#directory-legal .directory-row").count(), { timeout: WAIT }).toBe(3);
    await a.locator("#directory-health summary").getByText("2 rows filled in").waitFor();
    await a.getByText("Saved by the room.").first().waitFor();
  });

  run.step("typed offline, it is kept on that console and reaches the room and the other console once back", async () => {
    await run.setOffline("console-b", true);
    await b.getByText(/^Offline: what you type is kept/).waitFor();
    await openTable(b, "shelters");
    await row(b, "shelters", "Row 1: Children’s shelter").getByLabel("Length of stay permitted").fill(SHELTER_STAY);
    await run.setOffline("console-b", false);
    await b.getByText("Saved by the room.").waitFor({ timeout: WAIT });
    await openTable(a, "shelters");
    await expect
      .poll(() => row(a, "shelters", "Row 1: Children’s shelter").getByLabel("Length of stay permitted").inputValue(), { timeout: WAIT })
      .toBe(SHELTER_STAY);
    await a.locator("#directory-shelters summary").click();
  });

  run.step("the panel at 1024 and 320 px: nothing sticks out, axe finds nothing serious", async () => {
    await a.locator("#directory-hotlines summary").click(); // close the long ones, keep interpreters open
    await a.locator("#directory-legal summary").click();
    await a.getByRole("heading", { name: "Community directory" }).scrollIntoViewIfNeeded();
    await run.screenAtSizes(a, "panel", true, [WIDE, NARROW]);
  });

  run.step("it is in every export: report, Markdown, summary CSV, JSON and its own CSV", async () => {
    const html = await (await fetchSummary(run.stack, room, "html")).text();
    const section = html.slice(html.indexOf('<div class="directory"'));
    for (const words of [HOTLINE, LANGUAGE, INTERPRETER, CLINIC, "24/7", SHELTER_STAY, "Professional interpreters", "Hotlines"])
      expect(section).toContain(words);
    expect(section).toContain('<a href="https://www.unicef.org/">https://www.unicef.org/</a>');
    expect(section).not.toContain("Suicide hotline"); // a label nobody completed

    const md = await (await fetchSummary(run.stack, room, "md")).text();
    const mdSection = md.slice(md.indexOf("## Community directory"));
    for (const words of [HOTLINE, LANGUAGE, INTERPRETER, CLINIC]) expect(mdSection).toContain(words);
    expect(mdSection).toContain("[https://www.savethechildren.net/](https://www.savethechildren.net/)");

    const json = await (await fetchSummary(run.stack, room, "json")).text();
    const summary = SummarySchema.parse(JSON.parse(json));
    expect(rowsOf(summary.directory!, "interpreters")).toEqual([{ language: LANGUAGE, name: INTERPRETER, contact: "" }]);
    summaryFile = join(OUT, "directory-summary.json");
    writeFileSync(summaryFile, json);

    // Its own CSV, downloaded from the console as an organizer would.
    const [download] = await Promise.all([
      a.waitForEvent("download"),
      a.getByRole("button", { name: "Community directory (CSV)" }).click(),
    ]);
    await a.getByText("The community directory (CSV) downloaded.").waitFor();
    expect(download.suggestedFilename()).toBe(`candor-directory-review-${summary.session.day}-directory.csv`);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain(`hotlines,Hotlines,Anti-trafficking hotline,,${HOTLINE},,,,`);
    expect(csv).toContain(`interpreters,Professional interpreters,,${INTERPRETER},,,,${LANGUAGE},`);
    expect(csv).toContain("international,International organizations,World Health Organization,,,,,,https://www.who.int/");
    // The summary CSV stays the topics' table; the directory has its own file.
    expect((await (await fetchSummary(run.stack, room, "csv")).text()).replace(/^\uFEFF/, "").startsWith("row,domain_number")).toBe(true);
  });

  run.step("a new session on the home page starts its directory from the JSON file", async () => {
    const home = await run.open("home", { viewport: WIDE });
    await home.goto(`${run.stack.url}/`);
    await home.getByLabel("Session title").fill("Directory review, next year");
    await home.getByLabel("Start the directory from an earlier summary (JSON)").setInputFiles(summaryFile);
    await home.getByText("Loaded from directory-summary.json: 12 rows filled in.").waitFor();
    await run.screenAtSizes(home, "home-file", true, [WIDE, NARROW]);
    // A file that is no summary is refused with words that say why, and nothing is sent.
    const notes = join(OUT, "directory-notes.json");
    writeFileSync(notes, JSON.stringify({ notes: "not a summary" }));
    await home.getByLabel("Start the directory from an earlier summary (JSON)").setInputFiles(notes);
    await home.getByRole("alert").filter({ hasText: "This file is not a Candor summary." }).waitFor();
    await home.getByLabel("Start the directory from an earlier summary (JSON)").setInputFiles(summaryFile);
    await home.getByText(/^Loaded from directory-summary\.json/).waitFor();

    await home.getByRole("button", { name: "Create session" }).click();
    await heading(home, "“Directory review, next year” is ready").waitFor();
    // Only the directory went with the request: not the earlier session's title or results.
    const body = run.sent.bodies.find((x) => x.includes("Directory review, next year"))!;
    expect(body).toContain(INTERPRETER);
    expect(body).not.toContain('Directory review"');
    expect(body).not.toContain("overview");

    const url = (await home.locator("a[href*='/f/']").first().getAttribute("href"))!;
    const next = await run.open("console-next", { viewport: WIDE });
    await next.goto(new URL(url, run.stack.url).href);
    await heading(next, "Community directory").waitFor();
    await openTable(next, "interpreters");
    expect(await row(next, "interpreters", "Row 1").getByLabel("Name of interpreter/service").inputValue()).toBe(INTERPRETER);
    await openTable(next, "hotlines");
    expect(await row(next, "hotlines", "Row 1: Anti-trafficking hotline").getByLabel("Contact information").inputValue()).toBe(HOTLINE);
    expect(await next.locator("#directory-legal .directory-row").count()).toBe(3);
    await openTable(next, "shelters");
    expect(await row(next, "shelters", "Row 1: Children’s shelter").getByLabel("Length of stay permitted").inputValue()).toBe(SHELTER_STAY);
  });

  run.finalChecks();
});
