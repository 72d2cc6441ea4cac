/**
 * The toolkit inside Candor (issue 11), in Chromium against the real stack: the `/toolkit` page
 * shows every topic's guidance, the resources with their links and the definitions, at 1024 and
 * 320 px and on paper; after a reveal the console shows the topic's guidance with the points for
 * the questions most answered "No" first, and one click turns a point into an action item that
 * reaches the summary. Phones are socket clients (the browser shows only the pages under test).
 * Screenshots in test-artifacts/e2e/toolkit-*.png; axe on every new screen.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import { SummarySchema } from "../../core/summary/schema";
import icmec from "../../core/templates/icmec-2.json";
import definitions from "../../core/templates/toolkit/definitions.json";
import guidance from "../../core/templates/toolkit/guidance.json";
import itemGuidance from "../../core/templates/toolkit/item-guidance.json";
import resources from "../../core/templates/toolkit/resources.json";
import { closeEverything, command, createRoom, facilitator, fetchSummary, type JsonClient, Phone } from "../integration/clients";
import { BrowserRun, heading, OUT, WAIT, WIDE } from "./browser";

const run = new BrowserRun({ prefix: "toolkit" });

const SAFETY_ITEMS = icmec.domains.find((d) => d.id === "safety")!.items;
const points = new Map(guidance.flatMap((g) => g.blocks.flatMap((b) => (b.kind === "point" && "id" in b ? [[b.id, b] as const] : []))));
/** Safety's answers per phone: item 4 is answered "No" by three of four, item 1 by two. */
const ANSWERS: Record<string, "yes" | "no" | "na">[] = [
  { "safety.1": "no", "safety.4": "no", "safety.2": "yes" },
  { "safety.1": "no", "safety.4": "no", "safety.2": "yes" },
  { "safety.1": "yes", "safety.4": "no", "safety.2": "yes" },
  { "safety.1": "yes", "safety.4": "yes", "safety.2": "na" },
];

describe("the toolkit: its page, and its guidance in the console after a reveal", () => {
  let room: CreateRoomResponse;
  let console_: Page;
  let client: JsonClient;
  const phones: Phone[] = [];

  afterAll(() => closeEverything());

  run.step("the toolkit page: every topic's guidance, its resources with links, the definitions", async () => {
    const page = await run.open("toolkit", { viewport: WIDE });
    await page.goto(`${run.stack.url}/`);
    await page.getByRole("link", { name: /Read the toolkit/ }).click();
    await heading(page, "The toolkit: guidance, resources and definitions").waitFor();
    await heading(page, "Topics").waitFor();
    expect(new URL(page.url()).pathname).toBe("/toolkit");
    // It credits the source and links back to its publisher's materials.
    await page.getByText(/taken from the Health & Mental Health Service Assessment Toolkit, 2nd edition/).waitFor();
    expect(await page.getByRole("link", { name: "The publisher's materials: ICMEC Health Portal" }).getAttribute("href")).toMatch(
      /^https:\/\/www\.icmec\.org\/healthportal-resources\//,
    );

    // Every topic of the template, with the toolkit's guidance title and every one of its points.
    for (const g of guidance) {
      const domain = icmec.domains.find((d) => d.id === g.domainId)!;
      const section = page.locator(`#topic-${g.domainId}`);
      await section.getByRole("heading", { name: `${domain.number}. ${domain.title}`, exact: true }).waitFor();
      await section.getByRole("heading", { name: g.title, exact: true }).waitFor();
      const shown = await section.locator(".guidance__points > li").count();
      expect(shown, g.domainId).toBe(g.blocks.filter((b) => b.kind === "point").length);
    }
    // Each resource with a link is a link to it; an empty category says so.
    const linked = resources.flatMap((c) => c.entries.filter((e) => "url" in e && e.url));
    const hrefs = await page.locator(".resources__list a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toHaveLength(linked.length);
    for (const e of linked) expect(hrefs).toContain((e as { url: string }).url);
    const empty = resources.filter((c) => c.entries.length === 0).length;
    expect(await page.getByText("The toolkit lists no resources under this heading.").count()).toBe(empty);
    // Definitions, each with its id as an anchor.
    for (const d of definitions) expect(await page.locator(`[id="${d.id}"] dt`).textContent()).toContain(d.term);

    await run.screenAtSizes(page, "page", false);
    await page.goto(`${run.stack.url}/toolkit#topic-safety`);
    await heading(page, "Guidance on Safety").waitFor();
    await run.screen(page, "page-safety", false);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(OUT, "toolkit-page-a4.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  run.step("after a reveal, the console shows Safety's guidance, the points for the most 'No' first", async () => {
    room = await createRoom(run.stack, { title: "Toolkit review", domainIds: ["privacy", "safety"], k: 3 });
    for (let i = 0; i < ANSWERS.length; i++) {
      const phone = new Phone(run.stack, room.roomId);
      expect((await phone.join()).t).toBe("welcome");
      phones.push(phone);
    }
    client = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    console_ = await run.open("console", { viewport: { width: 1280, height: 900 } });
    await console_.goto(room.facilitatorUrl);
    await heading(console_, "Topics").waitFor();
    expect((await command(client, { op: "open", domainId: "safety" })).t).toBe("done");
    const acks = await Promise.all(phones.map((p, i) => p.vote({ roundId: "safety#1", answers: ANSWERS[i]!, ratings: { domain: 2 } })));
    expect(acks.map((a) => a.t)).toEqual(["ack", "ack", "ack", "ack"]);
    // Not before the reveal.
    expect(await console_.getByRole("heading", { name: "Guidance: Safety" }).count()).toBe(0);
    expect((await command(client, { op: "close" })).t).toBe("done");

    const panel = console_.locator("section", { has: console_.getByRole("heading", { name: "Guidance: Safety" }) });
    await panel.waitFor();
    const first = (itemGuidance as Record<string, string[] | "none">)["safety.4"] as string[];
    const ranked = panel.locator(".guidance__ranked > li");
    await expect.poll(() => ranked.count(), { timeout: WAIT }).toBe(5);
    // Item 4 (75 % No) leads: its points first, with the reason in words.
    const firstPoint = points.get(first[0]!)!;
    expect(await ranked.nth(0).locator(".guidance__text").textContent()).toBe(firstPoint.text);
    const item4 = SAFETY_ITEMS.find((i) => i.id === "safety.4")!.text;
    expect(await ranked.nth(0).locator(".guidance__why").textContent()).toContain(`75% answered No to: “${item4}”`);
    await panel.scrollIntoViewIfNeeded();
    await run.screen(console_, "console-guidance", false);
  });

  run.step("one click turns a point into an action item, which the summary carries", async () => {
    const panel = console_.locator("section", { has: console_.getByRole("heading", { name: "Guidance: Safety" }) });
    const first = panel.locator(".guidance__ranked > li").nth(0);
    const text = (await first.locator(".guidance__text").textContent())!;
    await first.getByRole("button", { name: /^Add as action item/ }).click();
    await first.getByRole("button", { name: "Added to action items" }).waitFor();
    const actions = console_.getByRole("textbox", { name: "Action items", exact: true });
    await expect.poll(() => actions.inputValue(), { timeout: WAIT }).toContain(`- ${text}`);
    // The whole guidance and the resources unfold on request.
    await panel.getByText(/^All the guidance for this topic/).click();
    await panel.getByRole("heading", { name: "Guidance on Safety" }).waitFor();
    await run.axe(console_, "console-guidance-all");

    // An action item with its owner role, due day and priority, through the form.
    const form = console_.locator("form.action-form");
    await form.getByLabel("Action", { exact: true }).fill("Post the hotline number in the staff-only corridor");
    await form.getByLabel("Owner (a role)").fill("Ward manager");
    await form.getByLabel("Due").fill("2027-01-31");
    await form.getByLabel("Priority").selectOption("high");
    await form.getByRole("button", { name: "Add action item" }).click();
    await expect
      .poll(() => actions.inputValue(), { timeout: WAIT })
      .toContain("- Post the hotline number in the staff-only corridor | owner: Ward manager | due: 2027-01-31 | priority: high");
    const read = console_.getByRole("table", { name: /The summary reads 2 action items/ });
    await read.getByRole("cell", { name: "Ward manager" }).waitFor();

    // The group decides: Candor suggests it (a median of 2, and item 4's No), the facilitator marks it.
    const mark = console_.getByRole("group", { name: "Does this topic need improvement?" });
    await mark.getByText(/^Candor suggests it does: median 2 of 5, not recorded; 3 of 4 answered No to/).waitFor();
    await mark.getByRole("radio", { name: "Needs improvement" }).check();
    await mark.getByText("In the summary's improvement plan.").waitFor();
    await mark.scrollIntoViewIfNeeded();
    await run.screen(console_, "console-mark", false);
    await console_.locator("form.action-form").scrollIntoViewIfNeeded();
    await run.screen(console_, "console-action-form", false);
    // The facilitator's laptop at projector size: the new panels stick out nowhere.
    await run.screenAtSizes(console_, "console-guidance-sizes", false, [WIDE]);
    await console_.setViewportSize({ width: 1280, height: 900 });

    expect((await command(client, { op: "record", domainId: "safety", consensus: { domain: { value: 2 } } })).t).toBe("done");
    // The room saves the doc shortly after an edit; the summary reads it as it stands.
    const summaryNow = async () => {
      const res = await fetchSummary(run.stack, room, "json");
      return SummarySchema.parse(await res.json());
    };
    await expect.poll(async () => (await summaryNow()).plan.actions.map((a) => a.text), { timeout: WAIT }).toContain(text);
    const summary = await summaryNow();
    const safety = summary.domains.find((d) => d.id === "safety")!;
    expect(safety.ratings[0]!.consensus).toBe(2);
    expect(summary.schema).toBe("candor.summary/2");
    expect(safety.improvement).toMatchObject({ needed: true, marked: true, suggested: true });
    expect(summary.plan.topics.map((t) => t.domainId)).toEqual(["safety"]);
    expect(summary.plan.actions[0]).toMatchObject({
      domainId: "safety",
      text: "Post the hotline number in the staff-only corridor",
      owner: "Ward manager",
      due: "2027-01-31",
      priority: "high",
    });
  });

  run.step("the report prints, for Safety recorded at 2, the point chosen and the resources; on A4", async () => {
    const report = await run.open("report", { viewport: { width: 1000, height: 1200 } });
    // A plain link can't send the key; the console fetches the report with it, as this page does.
    await report.setExtraHTTPHeaders({ authorization: `Bearer ${room.facilitatorKey}` });
    const res = await report.goto(`${run.stack.url}/api/rooms/${room.roomId}/summary?format=html`);
    expect(res?.status()).toBe(200);
    // The first page is the plan: the topic, why, and the action items with their fields.
    const plan = report.getByRole("region", { name: "Improvement plan" });
    await plan.getByRole("link", { name: "9. Safety" }).waitFor();
    // The due date as the report writes dates in its language (Intl, issue 13).
    await plan.getByRole("row", { name: /Post the hotline number .* Ward manager January 31, 2027 high/ }).waitFor();
    await run.screen(report, "report-plan", false);
    const advice = report.locator("#domain-safety aside.advice");
    await advice.getByRole("heading", { name: "What the toolkit advises" }).waitFor();
    await advice.getByText("The points the group chose as action items.").waitFor();
    const chosen = await advice.locator("ul.guidance > li").allTextContents();
    expect(chosen).toHaveLength(1);
    const leading = points.get(((itemGuidance as Record<string, string[] | "none">)["safety.4"] as string[])[0]!)!;
    expect(chosen[0]).toContain(leading.text);
    // Safety's own category is empty in the toolkit: the report says so, and points to the general list.
    await advice.getByText("The toolkit lists no resources under this heading.").waitFor();
    // So it lists the toolkit's resources for every topic instead, as working links.
    const general = resources.find((c) => c.domainIds.length === 0)!;
    await advice.getByRole("heading", { name: general.title }).waitFor();
    const linked = general.entries.filter((e) => "url" in e && e.url) as { url: string }[];
    const hrefs = await advice.locator("ul.resources a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(linked.map((e) => e.url));
    await advice.scrollIntoViewIfNeeded();
    await run.screen(report, "report-advice", false);
    const pdf = await report.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(OUT, "toolkit-report-a4.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  run.finalChecks();
});
