/**
 * Plain words where the toolkit is terse (issue 11, item 4), in Chromium against the real stack:
 * on a 320×568 phone the toolkit's terms in a question are buttons that explain them in place,
 * reached with Tab, opened with Enter, closed with Escape, with a touch target 44 px high and the
 * question's accessible name unchanged; "(see Overview section)" opens the definition it means;
 * under the AAAQ scale its four words each have a line; the projector at 1024×768 spells "HT/E"
 * out once under the title and still fits; the console's questions have the buttons too. The room is driven with socket clients (facilitator
 * and three voting phones, tests/integration/clients.ts). Screenshots in
 * test-artifacts/e2e/terms-*.png; axe on each screen.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import { closeEverything, command, createRoom, facilitator, type JsonClient, Phone } from "../integration/clients";
import { BrowserRun, heading } from "./browser";

const run = new BrowserRun({ prefix: "terms" });

const PHONE = { viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true };
const PROJECTOR = { viewport: { width: 1024, height: 768 } };
const HTE = "human trafficking and exploitation";
/** The first question of topic 1, as the template words it. */
const PROTOCOL_1 = "HT/E (e.g., definitions, dynamics, risk factors, potential indicators of labour/sex trafficking)?";

/** A facilitator command that must succeed. */
async function order(client: JsonClient, cmd: Parameters<typeof command>[1]): Promise<void> {
  expect(await command(client, cmd), JSON.stringify(cmd)).toMatchObject({ t: "done" });
}

/** What has focus: its tag, text and aria-expanded. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase(), text: el?.textContent ?? "", expanded: el?.getAttribute("aria-expanded") ?? null };
  });

describe("the toolkit's terms explained where they appear: phone, AAAQ, projector", () => {
  let room: CreateRoomResponse;
  let fac: JsonClient;
  let phone: Page;
  let projector: Page;
  const voters: Phone[] = [];

  afterAll(() => closeEverything());

  run.step("a room with topic 1 (HT/E in its questions) and topic 12 (AAAQ); the phone joins at 320×568", async () => {
    room = await createRoom(run.stack, {
      title: "Terms review",
      k: 3,
      facility: "St Mary's Clinic",
      facilities: [{ name: "St Mary's Clinic", yours: true, underReview: true }, { name: "City Shelter" }],
      domainIds: ["protocol", "communication", "services-aaaq"],
    });
    fac = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    phone = await run.open("phone", PHONE);
    await phone.goto(room.joinUrl);
    await phone.getByRole("button", { name: "Continue" }).click();
    await heading(phone, "You're in").waitFor();
    for (let i = 0; i < 3; i++) {
      const voter = new Phone(run.stack, room.roomId);
      expect((await voter.join()).t).toBe("welcome");
      voters.push(voter);
    }
  });

  run.step("topic 1 on the phone: HT/E is a button, reached with Tab; Enter explains it, Escape hides it", async () => {
    await order(fac, { op: "open", domainId: "protocol" });
    await phone.getByRole("button", { name: "Send my answers" }).waitFor();

    // The question keeps its name (the button's text is the term's own); an open explanation
    // joins it, so from here on the question is found by its place.
    await phone.getByRole("group", { name: PROTOCOL_1, exact: true }).waitFor();
    const question = phone.locator("fieldset.item").first();
    expect(await question.locator("legend").textContent()).toBe(PROTOCOL_1);
    const button = question.getByRole("button", { name: "HT/E", exact: true });
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    // One button per question for HT/E (its first use), and the rating's prompt has one too.
    const buttons = await phone.getByRole("button", { name: "HT/E", exact: true }).count();
    expect(buttons).toBeGreaterThanOrEqual(4);
    expect(await phone.getByRole("note").count()).toBe(0);

    // Keyboard: from the top of the page, Tab reaches it before the question's answers.
    await phone.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
    let tabs = 0;
    while (tabs < 15 && (await focused(phone)).text !== "HT/E") {
      await phone.keyboard.press("Tab");
      tabs++;
    }
    expect(await focused(phone), "Tab reaches the HT/E button").toMatchObject({ tag: "button", text: "HT/E", expanded: "false" });
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await phone.keyboard.press("Enter");
    const note = question.getByRole("note");
    await note.waitFor();
    expect(await note.textContent()).toBe(HTE);
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    expect(await button.getAttribute("aria-controls")).toBe(await note.getAttribute("id"));
    // Only this one opened.
    expect(await phone.getByRole("note").count()).toBe(1);
    await run.screen(phone, "phone-hte-open");

    await button.focus();
    await phone.keyboard.press("Escape");
    await note.waitFor({ state: "detached" });
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    // A second press closes it as well.
    await phone.keyboard.press("Enter");
    await note.waitFor();
    await phone.keyboard.press("Enter");
    await note.waitFor({ state: "detached" });
    // Space works as on any button.
    await phone.keyboard.press(" ");
    await note.waitFor();
    await phone.keyboard.press("Escape");
    await note.waitFor({ state: "detached" });

    // Touch: the button's hit area reaches 44 px high without the line being taller.
    const hit = await button.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const at = (y: number) => b.contains(document.elementFromPoint(x, y));
      let top = r.top;
      while (at(top - 1)) top--;
      let bottom = r.bottom;
      while (at(bottom)) bottom++;
      return { height: bottom - top, line: r.height, width: r.width };
    });
    console.log(
      `the HT/E button at 320 px: ${hit.width.toFixed(0)}×${hit.line.toFixed(0)} px drawn, ${hit.height.toFixed(0)} px high to a finger`,
    );
    expect(hit.height).toBeGreaterThanOrEqual(44);
    // A tap opens it; the answers are still a tap away, and the question still answerable.
    await button.tap();
    await note.waitFor();
    await question.getByRole("radio", { name: "Yes", exact: true }).check();
    expect(await note.isVisible()).toBe(true);
    await button.tap();
    await note.waitFor({ state: "detached" });

    // Nothing wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  run.step("the projector at 1024×768 shows topic 1's results with HT/E spelled out once under the title", async () => {
    const answers = Object.fromEntries([1, 2, 3, 4, 5].map((q) => [`protocol.${q}`, "yes" as const]));
    const acks = await Promise.all(
      voters.map((voter, i) => voter.vote({ roundId: "protocol#1", answers, ratings: { domain: ((i % 5) + 2) as 2 | 3 | 4 } })),
    );
    expect(acks.map((a) => a.t)).toEqual(["ack", "ack", "ack"]);
    await order(fac, { op: "close" });
    projector = await run.open("projector", PROJECTOR);
    await projector.goto(room.projectorUrl);
    await projector.getByRole("table", { name: "Answers to the questions" }).waitFor();
    const line = projector.locator(".result__terms");
    await line.waitFor();
    expect(await line.locator(".result__term").allTextContents()).toEqual([`HT/E: ${HTE}`]);
    // Once, above the results, and no button on a screen nobody presses.
    expect(await projector.getByText(`HT/E: ${HTE}`).count()).toBe(1);
    expect(await projector.locator(".term").count()).toBe(0);
    const box = await projector.evaluate(() => {
      const h = document.getElementById("stage-heading")!.getBoundingClientRect();
      const l = document.querySelector(".result__terms")!.getBoundingClientRect();
      const root = document.documentElement;
      return { gap: l.top - h.bottom, scrollHeight: root.scrollHeight, innerHeight, scrollWidth: root.scrollWidth, innerWidth };
    });
    expect(box.gap, "the line sits right under the title").toBeLessThan(40);
    expect(box.gap).toBeGreaterThanOrEqual(-1);
    expect(box.scrollHeight, "taller than the screen").toBeLessThanOrEqual(box.innerHeight);
    expect(box.scrollWidth, "wider than the screen").toBeLessThanOrEqual(box.innerWidth);
    await run.screen(projector, "projector-protocol", false);
  });

  run.step("the console shows topic 1's questions with HT/E as a button that explains it", async () => {
    const console_ = await run.open("console", { viewport: { width: 1280, height: 800 } });
    await console_.goto(room.facilitatorUrl);
    const table = console_.getByRole("table", { name: "Answers to the questions" });
    await table.waitFor();
    // Questions 1, 2, 3 and 5 use HT/E (4 doesn't): one button each.
    const buttons = table.getByRole("button", { name: "HT/E", exact: true });
    expect(await buttons.count()).toBe(4);
    // The console's questions explain themselves: no line above them for what they say.
    expect(await console_.locator(".result__terms").count()).toBe(0);
    await buttons.first().click();
    expect(await table.getByRole("note").textContent()).toBe(HTE);
    expect(await console_.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await run.screen(console_, "console-protocol");
    await buttons.first().focus();
    await console_.keyboard.press("Escape");
    await table.getByRole("note").waitFor({ state: "detached" });
  });

  run.step("'(see Overview section)' on the phone opens the definition it means", async () => {
    await order(fac, { op: "open", domainId: "communication" });
    await phone.getByRole("button", { name: "Send my answers" }).waitFor();
    const refs = phone.getByRole("button", { name: "see the definition", exact: true });
    expect(await refs.count()).toBe(3);
    const question = phone.getByRole("group", { name: /^Impact of trauma and the trauma-informed approach to care/ });
    const ref = question.getByRole("button", { name: "see the definition", exact: true });
    // The term the reference is about stays words: one button for it per question.
    expect(await question.getByRole("button").count()).toBe(1);
    await ref.focus();
    await phone.keyboard.press("Enter");
    const note = question.getByRole("note");
    await note.waitFor();
    expect(await note.textContent()).toBe(
      "Trauma-informed care: understanding the impact of trauma, and responding in a nonjudgmental, supportive manner",
    );
    const rights = phone.getByRole("group", { name: /^Human rights-based\/client-centered approach to care/ });
    await rights.getByRole("button", { name: "see the definition", exact: true }).click();
    expect(await rights.getByRole("note").textContent()).toMatch(
      /^Rights-based, patient\/client-centered care: care that is based on basic human rights/,
    );
    await run.screen(phone, "phone-see-definition");
    await ref.focus();
    await phone.keyboard.press("Escape");
    await note.waitFor({ state: "detached" });
    await order(fac, { op: "cancel" });
    await heading(phone, /Results are on the screen|You're in/).waitFor();
  });

  run.step("topic 12 on the phone: AAAQ's four words explained under the scale, and AAAQ in the prompt", async () => {
    await order(fac, { op: "open", domainId: "services-aaaq" });
    await phone.getByRole("button", { name: "Send my answers" }).waitFor();
    // Under the first facility's scale only (it is the same scale for each).
    const explained = phone.locator(".scale-terms");
    expect(await explained.count()).toBe(1);
    expect(await phone.getByRole("group", { name: "St Mary's Clinic" }).locator(".scale-terms").count()).toBe(1);
    expect(await explained.getByText("AAAQ stands for:").count()).toBe(1);
    expect(await explained.locator("dt").allTextContents()).toEqual(["Availability", "Accessibility", "Acceptability", "Quality"]);
    const lines = await explained.locator("dd").allTextContents();
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(120);
    expect(lines[2]).toBe("the extent to which an individual is comfortable with the service provider and vice versa");
    // The scale's options keep their names.
    await phone
      .getByRole("group", { name: "St Mary's Clinic" })
      .getByRole("radio", { name: "2 Moderate compliance with AAAQ", exact: true })
      .check();

    // The prompt's AAAQ is a button, as in a question.
    const aaaq = phone.getByRole("button", { name: "AAAQ", exact: true });
    expect(await aaaq.count()).toBe(1);
    await aaaq.click();
    await phone.getByRole("note").filter({ hasText: "Availability/Accessibility/Acceptability/Quality framework" }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await run.screen(phone, "phone-aaaq");
    await aaaq.click();
  });

  run.finalChecks();
});
