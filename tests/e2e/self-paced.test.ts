/**
 * A self-paced session (issue 12, part 5) in Chromium against the real stack: the facilitator
 * opens all twelve topics at once (the projector lists them, each with "x of N", at 1024×768) and
 * takes the set back; then opens three topics together. Five phones (one 320 px wide) answer them
 * in different orders, one goes back and changes an answer, another reloads mid-way and loses
 * nothing. The facilitator closes the set with the keyboard, and the topics are shown and
 * discussed one by one, each with exactly the ratings the phones sent; one consensus is recorded.
 *
 * Screens are screenshotted to test-artifacts/e2e/self-paced-*.png and checked with axe-core.
 */
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { BrowserRun, heading, NARROW, WIDE } from "./browser";
import { fillBallot, LIKERT, type Rating } from "./people";

const run = new BrowserRun({ prefix: "self-paced" });
const step = run.step.bind(run);

const TITLE = "Self-paced review";
const PRIVACY = { id: "privacy", number: 2, title: "Privacy/confidentiality" };
const CONDUCT = { id: "conduct", number: 4, title: "Staff professional conduct" };
const SAFETY = { id: "safety", number: 9, title: "Safety" };
type Topic = typeof PRIVACY;
const TOPICS = [PRIVACY, CONDUCT, SAFETY];

/** Each phone's order through the three topics, and its ratings per topic. */
const ORDERS: Topic[][] = [
  [PRIVACY, CONDUCT, SAFETY],
  [SAFETY, CONDUCT, PRIVACY],
  [CONDUCT, SAFETY, PRIVACY],
  [SAFETY, PRIVACY, CONDUCT],
  [CONDUCT, PRIVACY, SAFETY],
];
const RATINGS: Record<string, Rating[]> = {
  privacy: [4, 4, 5, 2, 3],
  conduct: [3, 3, 3, 4, "dk"],
  safety: [1, 2, 2, 5, 3],
};
/** Phone 0 then changes its privacy rating from 4 to 5 (its earlier 4 must not count). */
const PRIVACY_CHANGED: Rating = 5;

const topicButton = (phone: Page, t: Topic) => phone.getByRole("button", { name: new RegExp(`^Topic ${t.number} ${escRe(t.title)}`) });
const escRe = (s: string) => s.replace(/[/()]/g, "\\$&");
const countOf = (page: Page, t: Topic) => page.locator(".set-progress__topic").filter({ hasText: t.title });

/** What the revealed chart's table must show for these ratings. */
function expectedRows(ratings: Rating[]): [string, number][] {
  return [
    ...LIKERT.map((label, i): [string, number] => [`${i + 1} ${label}`, ratings.filter((r) => r === i + 1).length]),
    ["Don't know", ratings.filter((r) => r === "dk").length],
  ];
}
async function expectRevealed(page: Page, t: Topic, ratings: Rating[]): Promise<void> {
  const table = page.getByRole("table", { name: `How people rated: ${t.title}` });
  await table.waitFor({ state: "attached" });
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr): [string, number] => [tr.querySelector("th")?.textContent?.trim() ?? "", Number(tr.querySelector("td")?.textContent)]),
    );
  expect(rows).toEqual(expectedRows(ratings));
}

async function answer(phone: Page, t: Topic, rating: Rating): Promise<void> {
  await topicButton(phone, t).click();
  await heading(phone, new RegExp(`Topic ${t.number} ${escRe(t.title)}`)).waitFor();
  await fillBallot(phone, [], rating);
  await phone.getByRole("button", { name: /Send my (answers|changes)/ }).click();
  await heading(phone, "Answer these topics at your own pace").waitFor();
  await topicButton(phone, t).filter({ hasText: "Answered" }).waitFor();
}

describe("a self-paced session: three topics answered in any order by five phones, then revealed one by one", () => {
  let projector: Page;
  let console_: Page;
  let joinUrl = "";
  const phones: Page[] = [];

  step("a session of all twelve topics, its projector and console", async () => {
    const home = await run.open("home", { viewport: WIDE });
    await home.goto(`${run.stack.url}/`);
    await home.getByLabel("Session title").fill(TITLE);
    await home.getByRole("button", { name: "Select all" }).click();
    await home.getByRole("button", { name: "Add a facility" }).click();
    await home.getByLabel("Facility 1", { exact: true }).fill("City Shelter");
    await home.getByLabel("Anonymity threshold (k)").fill("3");
    await home.getByRole("button", { name: "Create session" }).click();
    await heading(home, `“${TITLE}” is ready`).waitFor();
    const links = await home.getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    joinUrl = (await home.locator(".created__join .mono").textContent())!.trim();
    projector = await run.open("projector", { viewport: WIDE });
    await projector.goto(links.find((h) => h.includes("/p/"))!);
    await heading(projector, "Waiting to start").waitFor();
    console_ = await run.open("console", { viewport: WIDE });
    await console_.goto(links.find((h) => h.includes("/f/"))!);
    await console_.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    await console_.getByRole("heading", { name: "Self-paced", exact: true }).waitFor();
  });

  step("five phones join, one of them 320 px wide", async () => {
    for (let i = 0; i < 5; i++) {
      const phone = await run.open(`phone${i}`, {
        viewport: i === 4 ? NARROW : { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      await phone.goto(joinUrl);
      await phone.getByRole("button", { name: "Continue" }).click();
      await heading(phone, "You're in").waitFor();
      phones.push(phone);
    }
    await projector.getByText("5 people have joined").waitFor();
  });

  step("all twelve topics open together: the projector lists each with its count; the set is taken back", async () => {
    await console_.getByRole("button", { name: "Select all" }).click();
    await console_.getByRole("button", { name: "Open 12 topics together" }).click();
    await heading(projector, "Answer these topics at your own pace").waitFor();
    expect(await projector.locator(".set-progress__topic").count()).toBe(12);
    for (const t of TOPICS) await countOf(projector, t).filter({ hasText: "0 of 5" }).waitFor();
    // Legible at 1024×768: nothing below the screen's bottom, no topic cut to nothing.
    const fit = await projector.evaluate(() => ({ page: document.documentElement.scrollHeight, screen: innerHeight }));
    expect(fit.page).toBeLessThanOrEqual(fit.screen);
    await run.screen(projector, "projector-12-topics", false);
    await heading(phones[4]!, "Answer these topics at your own pace").waitFor();
    expect(await phones[4]!.locator(".set-topic").count()).toBe(12);
    await run.screen(phones[4]!, "phone-12-topics-320");
    // No ballot yet: the set can be cancelled, as a mistaken open.
    await console_.getByRole("button", { name: "Cancel this round" }).click();
    await heading(projector, "Waiting to start").waitFor();
    for (const phone of phones) await heading(phone, "You're in").waitFor();
  });

  step("three topics open together; the phones answer them in different orders", async () => {
    await console_.getByRole("button", { name: "Select none" }).click();
    for (const t of TOPICS) await console_.getByRole("checkbox", { name: `${t.number}. ${t.title}` }).check();
    await run.screen(console_, "console-choose-1024");
    await console_.getByRole("button", { name: "Open 3 topics together" }).click();
    await heading(projector, "Answer these topics at your own pace").waitFor();
    for (const phone of phones) await topicButton(phone, PRIVACY).filter({ hasText: "Not started" }).waitFor();
    await run.screen(phones[4]!, "phone-list-320");

    // First two topics of each phone's order.
    for (const [i, phone] of phones.entries()) {
      for (const t of ORDERS[i]!.slice(0, 2)) await answer(phone, t, RATINGS[t.id]![i]!);
    }
    await countOf(projector, SAFETY).filter({ hasText: "3 of 5" }).waitFor();
    await countOf(projector, CONDUCT).filter({ hasText: "4 of 5" }).waitFor();
    await countOf(projector, PRIVACY).filter({ hasText: "3 of 5" }).waitFor();
    await run.screen(phones[4]!, "phone-progress-320");
    // A form at 320 px, with the way back to the list.
    await topicButton(phones[4]!, SAFETY).click();
    await phones[4]!.getByRole("button", { name: "All topics" }).waitFor();
    await run.screenAtSizes(phones[4]!, "phone-form", true, [NARROW]);
    await phones[4]!.getByRole("button", { name: "All topics" }).click();
    await heading(phones[4]!, "Answer these topics at your own pace").waitFor();

    // Phone 1 reloads mid-way: its answered topics stay answered, and nothing is counted twice.
    await phones[1]!.reload();
    await topicButton(phones[1]!, SAFETY).filter({ hasText: "Answered" }).waitFor();
    await topicButton(phones[1]!, CONDUCT).filter({ hasText: "Answered" }).waitFor();
    await topicButton(phones[1]!, PRIVACY).filter({ hasText: "Not started" }).waitFor();

    for (const [i, phone] of phones.entries()) await answer(phone, ORDERS[i]![2]!, RATINGS[ORDERS[i]![2]!.id]![i]!);
    for (const t of TOPICS) await countOf(projector, t).filter({ hasText: "5 of 5" }).waitFor();
    for (const t of TOPICS) await countOf(console_, t).filter({ hasText: "5 of 5" }).waitFor();

    // Phone 0 goes back to privacy: while it edits, the topic says "changed"; once sent, answered.
    await topicButton(phones[0]!, PRIVACY).click();
    await fillBallot(phones[0]!, [], PRIVACY_CHANGED);
    await phones[0]!.getByRole("button", { name: "All topics" }).click();
    await topicButton(phones[0]!, PRIVACY).filter({ hasText: "Changed, not sent yet" }).waitFor();
    await run.screen(phones[0]!, "phone-changed-360");
    await topicButton(phones[0]!, PRIVACY).click();
    await phones[0]!.getByRole("button", { name: "Send my changes" }).click();
    await topicButton(phones[0]!, PRIVACY).filter({ hasText: "Answered" }).waitFor();
    await run.screen(phones[4]!, "phone-all-answered-320");
    await run.screen(projector, "projector-3-topics", false);
    await run.screen(console_, "console-set-open-1024");
  });

  step("the facilitator closes the set with the keyboard; the topics are shown one by one", async () => {
    await console_.locator("body").click({ position: { x: 5, y: 5 } });
    await console_.keyboard.press("r");
    await console_.getByText(/Revealing in/).waitFor();
    // The first topic of the set comes on screen; every phone's copies are gone.
    await heading(projector, PRIVACY.title).waitFor();
    const privacy = [...RATINGS.privacy!];
    privacy[0] = PRIVACY_CHANGED;
    await expectRevealed(projector, PRIVACY, privacy);
    for (const phone of phones) await heading(phone, "Results are on the screen").waitFor();
    const roomKey = await phones[0]!.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("candor:room:"))!);
    for (const phone of phones) {
      const stored = await phone.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, unknown>, roomKey);
      for (const gone of ["sent", "draft", "setSent", "setDrafts"]) expect(stored).not.toHaveProperty(gone);
    }
    await run.screen(projector, "projector-first-revealed", false);

    // The group records privacy, then moves on to the next topic of the set.
    await console_.getByRole("button", { name: "Record consensus" }).click();
    await projector.getByText(/Recorded consensus: /).waitFor();
    for (const t of [CONDUCT, SAFETY]) {
      await console_.getByRole("button", { name: `Show results ${t.title}` }).click();
      await heading(projector, t.title).waitFor();
      await expectRevealed(projector, t, RATINGS[t.id]!);
      await expectRevealed(console_, t, RATINGS[t.id]!);
    }
    await run.screen(console_, "console-revealed-1024");
    await run.screen(projector, "projector-last-revealed", false);
  });

  run.finalChecks();
});
