/**
 * Domain 12's facilities and "Service not available", in Chromium against the real stack: the
 * console (1024×768) sets the list with its two roles before the topic opens, two of them picked
 * from the community directory's health services (issue 12: domain 12 from the directory); the phone (320 px)
 * rates each facility, its roles beside its name; the console records one facility as "Service not
 * available"; the projector's table and the report show the roles and that value. Other voters are
 * socket clients (tests/integration/clients.ts). Screenshots in test-artifacts/e2e/facilities-*.png;
 * axe on each screen.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import { SummarySchema } from "../../core/summary/schema";
import { closeEverything, command, createRoom, facilitator, fetchSummary, Phone } from "../integration/clients";
import { BrowserRun, heading } from "./browser";

const run = new BrowserRun({ prefix: "facilities" });
const PHONE = { viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true };
const WIDE = { viewport: { width: 1024, height: 768 } };
const NAMES = ["Own clinic", "City hospital", "Dental clinic"];

describe("domain 12: the facilities set in the console, rated on phones, one recorded as “Service not available”", () => {
  let room: CreateRoomResponse;
  let console_: Page;
  let phone: Page;
  let projector: Page;
  const voters: Phone[] = [];

  afterAll(() => closeEverything());

  run.step("a room with no facilities yet; the console, the projector and a phone at 320 px", async () => {
    room = await createRoom(run.stack, { title: "Network review", k: 3, domainIds: ["safety", "services-aaaq"] });
    console_ = await run.open("console", WIDE);
    await console_.goto(room.facilitatorUrl);
    await heading(console_, "Facilities rated in topic 12").waitFor();
    projector = await run.open("projector", WIDE);
    await projector.goto(room.projectorUrl);
    phone = await run.open("phone", PHONE);
    await phone.goto(room.joinUrl);
    await phone.getByRole("button", { name: "Continue" }).click();
    await heading(phone, "You're in").waitFor();
    for (let i = 0; i < 2; i++) {
      const voter = new Phone(run.stack, room.roomId);
      expect((await voter.join()).t).toBe("welcome");
      voters.push(voter);
    }
  });

  run.step(
    "the console sets three facilities, two picked from the community directory, one marked yours and one under review",
    async () => {
      // The directory's health services are the candidates: fill two rows' names, then pick them.
      const health = console_.locator("#directory-health");
      await health.locator("summary").click();
      const nameIn = (row: string) => health.getByRole("group", { name: row }).getByLabel("Name of organization/service");
      await nameIn("Row 1: Local hospital").fill(NAMES[1]!);
      await nameIn("Row 5: Migrant/refugee clinic").fill(NAMES[2]!);
      const panel = console_.locator("section", { has: heading(console_, "Facilities rated in topic 12") });
      await panel.getByText("No facilities yet").waitFor();
      await panel.getByRole("button", { name: "Add a facility" }).click();
      await panel.getByLabel("Facility 1", { exact: true }).fill(NAMES[0]!);
      const pick = panel.getByLabel("Or pick one:");
      for (const name of [NAMES[1]!, NAMES[2]!]) {
        await pick.locator("option", { hasText: name }).waitFor({ state: "attached" });
        await pick.selectOption({ label: name });
        await panel.getByRole("button", { name: "Add", exact: true }).click();
      }
      for (const [i, name] of NAMES.entries()) expect(await panel.getByLabel(`Facility ${i + 1}`, { exact: true }).inputValue()).toBe(name);
      // A facility already listed is not offered again.
      expect(await pick.count()).toBe(0);
      await panel.getByRole("checkbox", { name: "Your facility (Own clinic)" }).check();
      await panel.getByRole("checkbox", { name: "Under review (City hospital)" }).check();
      // Each mark is on one facility at most: ticking it elsewhere moves it.
      await panel.getByRole("checkbox", { name: "Under review (Dental clinic)" }).check();
      expect(await panel.getByRole("checkbox", { name: "Under review (City hospital)" }).isChecked()).toBe(false);
      await panel.getByRole("checkbox", { name: "Under review (City hospital)" }).check();
      await panel.getByRole("button", { name: "Save the facilities" }).click();
      await panel.getByRole("button", { name: "Save the facilities" }).and(console_.locator("[disabled]")).waitFor();
      await run.screen(console_, "console-editor");
    },
  );

  run.step("the phone rates each facility, its roles beside its name (320 px)", async () => {
    // Opened from a facilitator socket: the console's round controls have their own tests.
    const f = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    expect(await command(f, { op: "open", domainId: "services-aaaq" })).toMatchObject({ t: "done" });
    await phone.getByRole("button", { name: "Send my answers" }).waitFor();
    const own = phone.getByRole("group", { name: /^Own clinic/ });
    expect(await own.locator("legend").textContent()).toMatch(/Own clinic.*Your facility/);
    expect(
      await phone
        .getByRole("group", { name: /^City hospital/ })
        .locator("legend")
        .textContent(),
    ).toMatch(/Under review/);
    await own.getByRole("radio", { name: "3 Excellent compliance with AAAQ", exact: true }).check();
    await phone
      .getByRole("group", { name: /^City hospital/ })
      .getByRole("radio", { name: "Service not available", exact: true })
      .check();
    await phone
      .getByRole("group", { name: /^Dental clinic/ })
      .getByRole("radio", { name: "2 Moderate compliance with AAAQ", exact: true })
      .check();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await run.screen(phone, "phone-ballot-320");
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await heading(phone, /Your answers are in/).waitFor();
    for (const v of voters) {
      expect(await v.vote({ roundId: "services-aaaq#1", answers: {}, ratings: { "0": 3, "1": "na", "2": 2 } })).toMatchObject({ t: "ack" });
    }
    expect(await command(f, { op: "close" })).toMatchObject({ t: "done" });
    // The list is fixed now, and the console says so.
    await console_.getByText("Fixed: topic 12 has opened a round").waitFor();
  });

  run.step("the console records City hospital as “Service not available”; projector and report show it with the roles", async () => {
    const form = console_.locator("form.record");
    await form.getByLabel(/Consensus for .*City hospital/).selectOption({ label: "Service not available" });
    await form.getByLabel(/Consensus for .*Own clinic/).selectOption("3");
    await form.getByLabel(/Consensus for .*Dental clinic/).selectOption("2");
    await form.getByRole("button", { name: "Record consensus" }).click();
    await form.getByRole("button", { name: "Update recorded consensus" }).waitFor();
    await run.screen(console_, "console-recorded");

    const table = projector.getByRole("table", { name: /How people rated each facility/ });
    await table.getByText("Recorded: Service not available").waitFor();
    expect(await table.getByRole("rowheader", { name: /City hospital.*Under review/ }).count()).toBe(1);
    expect(await table.getByRole("rowheader", { name: /Own clinic.*Your facility/ }).count()).toBe(1);
    await run.screen(projector, "projector-result", false);

    const summary = SummarySchema.parse(await (await fetchSummary(run.stack, room, "json")).json());
    const d12 = summary.domains.find((d) => d.id === "services-aaaq")!;
    expect(d12.ratings.map((r) => [r.facility, r.roles ?? [], r.consensusLabel])).toEqual([
      ["Own clinic", ["yours"], "Excellent compliance with AAAQ"],
      ["City hospital", ["underReview"], "Service not available"],
      ["Dental clinic", [], "Moderate compliance with AAAQ"],
    ]);
    expect(d12.improvement.needed).toBe(true);
    const html = await (await fetchSummary(run.stack, room, "html")).text();
    expect(html).toContain("<h3><bdi>City hospital</bdi> (under review)</h3>");
  });

  run.finalChecks();
});
