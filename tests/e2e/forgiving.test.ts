/**
 * A workshop that forgives mistakes (issue 9), in Chromium against the real stack, with seven
 * phones (one 320 px wide), the projector at 1024×768 and the console: a reveal taken back within
 * its three seconds shows nothing and drops no ballot; the keyboard reveals and lists its
 * shortcuts; a mistaken open is cancelled without a trace; auto-close fires when a participant
 * leaves without voting; notes typed after recording, and typed while the console is offline,
 * reach every export. Each new screen state is screenshotted and checked with axe.
 */
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import { SummarySchema } from "../../core/summary/schema";
import { createRoom, fetchSummary } from "../integration/clients";
import { BrowserRun, heading } from "./browser";
import { fillBallot, progress, sendBallot } from "./people";

const run = new BrowserRun({ prefix: "forgiving" });

const TITLE = "Forgiving workshop";
const PHONES = 7;
const PRIVACY = "Privacy/confidentiality";
const SAFETY = "Safety";
const PROTOCOL = "Policies and practices: protocol & community network";
const AFTER_RECORDING = "Written after the consensus was recorded.";
const ACTION = "- Ask the board for a second interpreter";
const OFFLINE_TEXT = " Typed while the console was offline.";

/** The console's button for a topic: its visible words plus the topic's title for screen readers. */
const topicButton = (console_: Page, action: string, title: string) => console_.getByRole("button", { name: `${action} ${title}` });

async function summary(room: CreateRoomResponse, format: "json" | "csv" | "md" | "html"): Promise<string> {
  const res = await fetchSummary(run.stack, room, format);
  expect(res.status).toBe(200);
  return res.text();
}

describe("a workshop that forgives mistakes: undo, cancel, someone leaving, notes that are never lost", () => {
  let room: CreateRoomResponse;
  let projector: Page;
  let console_: Page;
  const phones: Page[] = [];

  run.step("a session with seven phones, the projector at 1024×768", async () => {
    room = await createRoom(run.stack, { title: TITLE, domainIds: ["privacy", "safety", "protocol"], k: 3 });
    projector = await run.open("projector", { viewport: { width: 1024, height: 768 } });
    await projector.goto(room.projectorUrl);
    await heading(projector, TITLE).waitFor();
    console_ = await run.open("console", { viewport: { width: 1280, height: 800 } });
    await console_.goto(room.facilitatorUrl);
    await heading(console_, "Topics").waitFor();
    for (let i = 0; i < PHONES; i++) {
      const small = i === PHONES - 1;
      const phone = await run.open(`phone${i}`, {
        viewport: small ? { width: 320, height: 568 } : { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      await phone.goto(room.joinUrl);
      await phone.getByRole("button", { name: "Continue" }).click();
      await heading(phone, "You're in").waitFor();
      phones.push(phone);
    }
    await projector.getByText(`${PHONES} people have joined`).waitFor();
  });

  run.step("a reveal taken back within its three seconds shows nothing, and the round goes on", async () => {
    await topicButton(console_, "Open voting", PRIVACY).click();
    for (const phone of phones.slice(0, 3)) {
      await fillBallot(phone, [], 4);
      await sendBallot(phone);
    }
    await progress(projector, 3, PHONES).waitFor();
    await console_.getByRole("button", { name: "Close & reveal" }).click();
    await console_.getByText(/^Revealing in [123]…/).waitFor();
    await run.screen(console_, "console-revealing", false);
    await console_.getByRole("button", { name: "Undo" }).click();
    // Past the three seconds: still open, nothing shown anywhere, and another ballot is taken.
    await console_.waitForTimeout(3_500);
    expect(await progress(projector, 3, PHONES).isVisible()).toBe(true);
    expect(await projector.locator(".rating-block").count()).toBe(0);
    await fillBallot(phones[3]!, [], 3);
    await sendBallot(phones[3]!);
    await progress(projector, 4, PHONES).waitFor();
  });

  run.step("the keyboard: ? lists the shortcuts, R reveals after its countdown", async () => {
    await console_.locator("body").press("?");
    const help = console_.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    await run.screen(console_, "console-shortcuts", false);
    await console_.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await console_.locator("body").press("r");
    await console_.getByText(/^Revealing in [123]…/).waitFor();
    await projector.getByRole("table", { name: `How people rated: ${PRIVACY}` }).waitFor({ state: "attached" });
  });

  run.step("a mistaken open is cancelled without a trace", async () => {
    await topicButton(console_, "Open voting", SAFETY).click();
    for (const phone of phones) await phone.getByRole("button", { name: /Send my answers/ }).waitFor();
    await run.screen(console_, "console-cancel-offered", false);
    await console_.getByRole("button", { name: "Cancel this round" }).click();
    for (const phone of phones) await phone.getByRole("button", { name: /Send my answers/ }).waitFor({ state: "hidden" });
    const json = SummarySchema.parse(JSON.parse(await summary(room, "json")));
    const safety = json.domains.find((d) => d.id === "safety")!;
    expect(safety).toMatchObject({ status: "pending", rounds: [], respondents: null });
    // The topic can be opened again as if nothing had happened (its round number is free again:
    // tests/unit/commands.test.ts), and cancelled again.
    await topicButton(console_, "Open voting", SAFETY).click();
    await phones[0]!.getByRole("button", { name: /Send my answers/ }).waitFor();
    await console_.getByRole("button", { name: "Cancel this round" }).click();
    await phones[0]!.getByRole("button", { name: /Send my answers/ }).waitFor({ state: "hidden" });
  });

  run.step("auto-close fires when a participant leaves without voting", async () => {
    // The box shows the room's state, so it is ticked once the room has it.
    const autoClose = console_.getByRole("checkbox", { name: "Close the round automatically when everyone has voted" });
    await autoClose.click();
    await expect.poll(() => autoClose.isChecked(), { timeout: 10_000 }).toBe(true);
    await topicButton(console_, "Open voting", PROTOCOL).click();
    for (const phone of phones.slice(0, PHONES - 1)) {
      await fillBallot(phone, [], 2);
      await sendBallot(phone);
    }
    await progress(projector, PHONES - 1, PHONES).waitFor();
    // The last participant closes the browser without voting: after the short grace for a dropped
    // connection, nobody present is left to wait for.
    await run.close(`phone${PHONES - 1}`);
    await projector.getByRole("table", { name: `How people rated: ${PROTOCOL}` }).waitFor({ state: "attached", timeout: 30_000 });
    await run.screen(projector, "projector-auto-closed", false);
  });

  run.step("notes typed after recording, and while the console was offline, reach every export", async () => {
    await console_.getByLabel("Consensus value").selectOption("2");
    await console_.getByRole("button", { name: "Record consensus" }).click();
    await console_.locator(".badge--recorded").first().waitFor();
    const notes = console_.getByLabel("Notes", { exact: true });
    // The notes' own panel: the community directory's says whether it is saved too.
    const notesPanel = console_.locator("section", { has: notes });
    await notes.click();
    await notes.pressSequentially(AFTER_RECORDING);
    await console_.getByLabel("Action items").fill(ACTION);
    await notesPanel.getByText("Saved by the room.").waitFor();
    await run.setOffline("console", true);
    await notesPanel.getByText(/^Offline: what you type is kept/).waitFor();
    await notes.press("End");
    await notes.pressSequentially(OFFLINE_TEXT);
    await run.screen(console_, "console-offline-notes", false);
    await run.setOffline("console", false);
    await notesPanel.getByText("Saved by the room.").waitFor({ timeout: 30_000 });
    const want = `${AFTER_RECORDING}${OFFLINE_TEXT}`;
    const json = SummarySchema.parse(JSON.parse(await summary(room, "json")));
    expect(json.domains.find((d) => d.id === "protocol")).toMatchObject({ notes: want, actions: ACTION, recorded: true });
    for (const format of ["csv", "md", "html"] as const) {
      const text = await summary(room, format);
      expect(text, format).toContain(AFTER_RECORDING);
      expect(text, format).toContain(OFFLINE_TEXT.trim());
      expect(text, format).toContain("second interpreter");
    }
  });

  run.finalChecks();
});
