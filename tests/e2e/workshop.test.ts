/**
 * One whole workshop in Chromium against the real stack (one wrangler dev), as the
 * people in the room see it: the organizer creates a session on the home page, the projector and
 * the console open, five phones join with the join link, answer and rate two topics (one phone
 * drops off the network mid-round and comes back without losing its ballot), the facilitator
 * reveals, runs a second round, records a consensus, ends, downloads and prints the summary, and
 * deletes the session.
 *
 * The steps share one browser and one session and run in order; after a failed step the rest are
 * skipped (the last two, which check what every page reported, always run). Every screen is
 * screenshotted to test-artifacts/e2e/ and checked with axe-core. Waits are on visible state
 * only.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { BrowserRun, heading, OUT } from "./browser";
import { type Answer, fillBallot, LIKERT, progress, type Rating, sendBallot } from "./people";

/**
 * The phone hears the browser's `offline` and `online` events: it says it is offline at once (not
 * after a heartbeat gives up, 35 s), and is back as soon as the network is.
 */
const NETWORK_NOTICE = 5_000;

// ---- what the session is made of ----

const TITLE = "Service review, March";
const FACILITY = "St Mary's Clinic";
const REFERRAL = "City Shelter";
const PRIVACY = { id: "privacy", checkbox: "2. Privacy/confidentiality", title: "Privacy/confidentiality" };
const SAFETY = { id: "safety", checkbox: "9. Safety", title: "Safety" };
const AAAQ = {
  id: "services-aaaq",
  checkbox: "12. Available health and mental health services",
  title: "Available health and mental health services",
};

/** Phone i's answers. Phone 3 is the one that goes offline; its rating in round 1 is the only 2. */
const PRIVACY_1 = { ratings: [4, 4, 5, 2, 3] as Rating[], item: [`Yes`, `Yes`, `Yes`, `No`, `Not applicable`] as Answer[] };
// Everyone rates again: had one of them answered "don't know" this time, the two rounds side by
// side would show what that one had rated, and the re-vote would be withheld (design §3.11).
const PRIVACY_2 = { ratings: [4, 4, 4, 3, 4] as Rating[] };
const SAFETY_1 = { ratings: [3, 2, 3, 1, 3] as Rating[], item: [`Yes`, `Yes`, `Yes`, `Yes`, `No`] as Answer[] };
const SAFETY_QUESTIONS = [
  /physical safety of staff/,
  /adequate safety measures/,
  /private, safe place to talk/,
  /discretely providing information/,
  /rules about being alone/,
];
const OFFLINE_PHONE = 3;
/** The room answers this phone's first hello "rate-limited", as in a rush of people joining. */
const BUSY_PHONE = 4;
/** This phone starts with a pass the room never signed, as after the room's secret changed. */
const STALE_TOKEN_PHONE = 2;

/** What the revealed chart must show for these ratings: counts per scale point, then "Don't know". */
function expectedRows(ratings: Rating[]): [string, number][] {
  const counts = LIKERT.map((_, i) => ratings.filter((r) => r === i + 1).length);
  return [
    ...LIKERT.map((label, i): [string, number] => [`${i + 1} ${label}`, counts[i]!]),
    ["Don't know", ratings.filter((r) => r === "dk").length],
  ];
}

// ---- the browser, the pages and what they report (tests/e2e/browser.ts) ----

const run = new BrowserRun({ prefix: "" });

// ---- things a person does or reads ----

/** The rows of a revealed chart's table (what a screen reader reads) and the counts drawn over the bars. */
async function revealed(page: Page, title: string): Promise<{ rows: [string, number][]; bars: number[]; description: string }> {
  const table = page.getByRole("table", { name: `How people rated: ${title}` });
  await table.waitFor({ state: "attached" });
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr): [string, number] => [tr.querySelector("th")?.textContent?.trim() ?? "", Number(tr.querySelector("td")?.textContent)]),
    );
  const chart = page.getByRole("img", { name: new RegExp(`^How people rated: ${title.replace(/[/]/g, "\\/")}`) });
  const bars = (await chart.locator(".chart__count").allTextContents()).map(Number);
  const description = (await chart.locator("desc").textContent()) ?? "";
  return { rows, bars, description };
}

async function expectRevealed(page: Page, title: string, ratings: Rating[]): Promise<void> {
  const want = expectedRows(ratings);
  const got = await revealed(page, title);
  expect(got.rows).toEqual(want);
  expect(got.bars).toEqual(want.slice(0, 5).map(([, n]) => n));
  expect(got.description).toBe(
    want
      .slice(0, 5)
      .map(([label, n]) => `${label}: ${n}`)
      .join("; "),
  );
}

/** The statistics in words next to the first revealed chart, as term → value. */
async function statsOf(page: Page): Promise<Record<string, string>> {
  return page
    .locator("dl.stats")
    .first()
    .evaluate((dl) =>
      Object.fromEntries([...dl.querySelectorAll("dt")].map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""])),
    );
}

/** Nobody scrolls a projector: the page is no taller than the window. */
async function expectFitsScreen(page: Page): Promise<void> {
  const fit = await page.evaluate(() => ({ page: document.documentElement.scrollHeight, screen: innerHeight }));
  expect(fit.page, "the projector page is taller than the screen").toBeLessThanOrEqual(fit.screen);
}

/**
 * "x of N" while a phone is offline: N counts who is present, and a phone whose socket dropped
 * still counts for 10 s (a blip is not leaving), so N is 5 or 4 depending on how long ago it dropped.
 */
const progressWithOneAway = (page: Page, voted: number) => page.getByText(new RegExp(`^${voted} of [45] have voted$`));

// ---- the run ----

describe("a workshop in the browser: create, project, five phones, reveal, second round, record, end, summary, delete", () => {
  let joinUrl = "";
  let projectorUrl = "";
  let facilitatorUrl = "";
  let joinCode = "";
  let home: Page;
  let projector: Page;
  let console_: Page;
  const phones: Page[] = [];
  const started = Date.now();
  afterAll(() => console.log(`workshop run: ${((Date.now() - started) / 1000).toFixed(1)} s`));

  run.step("the organizer creates a session on the home page", async () => {
    home = await run.open("home", { viewport: { width: 1280, height: 900 } });
    await home.goto(`${run.stack.url}/`);
    await home.getByLabel("Session title").fill(TITLE);
    await home.getByLabel("Facility under review").fill(FACILITY);
    await home.getByRole("button", { name: "Select none" }).click();
    for (const d of [PRIVACY, SAFETY, AAAQ]) await home.getByRole("checkbox", { name: d.checkbox }).check();
    // The AAAQ topic rates the referral network: its facility list appears once the topic is chosen.
    await home.getByRole("button", { name: "Add a facility" }).click();
    await home.getByLabel("Facility 1", { exact: true }).fill(REFERRAL);
    await home.getByLabel("Anonymity threshold (k)").fill("3");
    await home.getByRole("status").filter({ hasText: "With k = 3" }).waitFor();
    await run.screen(home, "home");
    await home.getByRole("button", { name: "Create session" }).click();
    await heading(home, `“${TITLE}” is ready`).waitFor();
    // The session card is made in the page; the screenshot waits until it can be saved.
    await home.getByText("Not saved yet: the browser will ask before this page is closed.").waitFor();
    await run.screen(home, "home-created");

    const links = await home.getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    projectorUrl = links.find((h) => h.includes("/p/"))!;
    facilitatorUrl = links.find((h) => h.includes("/f/"))!;
    expect(projectorUrl).toBeTruthy();
    expect(facilitatorUrl).toMatch(/#key=/);
    joinUrl = (await home.locator(".created__join .mono").textContent())!.trim();
    joinCode = joinUrl.split("/j/")[1]!;
    expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
    await home.getByRole("img", { name: `QR code that opens ${joinUrl}` }).waitFor();
  });

  run.step("the projector and the console open", async () => {
    projector = await run.open("projector", { viewport: { width: 1280, height: 720 } });
    await projector.goto(projectorUrl);
    await heading(projector, TITLE).waitFor();
    await heading(projector, "Waiting to start").waitFor();
    await projector.getByText(joinCode, { exact: true }).waitFor();
    await projector.getByRole("img", { name: /QR code that opens/ }).waitFor();
    await run.screen(projector, "projector-lobby", false);

    console_ = await run.open("console", { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await console_.goto(facilitatorUrl);
    await heading(console_, "Topics").waitFor();
    await console_.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    // The key leaves the address bar as soon as the console has it.
    expect(console_.url()).not.toContain("#key=");
    await run.screen(console_, "console-lobby");
  });

  run.step("the phone shows the anonymity notice", async () => {
    const phone = await run.open("phone0", { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    // The room socket opens while the notice is read, but says nothing until Continue.
    const sent: string[] = [];
    const socket = phone.waitForEvent("websocket", (ws) => {
      if (!ws.url().includes("/parties/room/")) return false;
      ws.on("framesent", (f) => void sent.push(typeof f.payload === "string" ? JSON.parse(f.payload).t : "binary"));
      return true;
    });
    await phone.goto(joinUrl);
    await heading(phone, `Welcome to “${TITLE}”`).waitFor();
    await socket;
    // The room and the socket's address came with the page: no API call before the notice.
    expect(run.requested.get("phone0")!.filter((p) => p.startsWith("/api/"))).toEqual([]);
    const notice = phone.getByRole("region", { name: "Before you start: what stays private" });
    const points = await notice.getByRole("listitem").allTextContents();
    expect(points).toEqual(
      expect.arrayContaining([
        "Nobody sees your individual answers — not the facilitator, not the other participants.",
        "Results are shown on the screen only when at least 3 people have rated.",
        expect.stringContaining("This session shows results from just 3 ratings. That is fewer than usual (5)"),
        "If everyone gives the same rating, the result shows what everyone chose — including you.",
        "In a small group, people may still guess who rated what.",
      ]),
    );
    expect(await phone.getByRole("radio", { name: "Prefer not to say" }).isChecked()).toBe(true);
    await run.screen(phone, "phone-welcome-360");
    // Connected but not joined: no hello yet, and the room counts nobody.
    await projector.waitForTimeout(500);
    expect(sent.filter((t) => t !== "ping")).toEqual([]);
    await projector.getByText("0 people have joined").waitFor();
    phones.push(phone);
  });

  run.step("five phones join, one of them 320 px wide; a busy room and a stale pass don't stop them", async () => {
    let refusedHello = false;
    for (let i = 1; i < 5; i++) {
      const small = i === 4;
      const phone = await run.open(`phone${i}`, {
        viewport: small ? { width: 320, height: 640 } : { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      if (i === BUSY_PHONE) {
        // Between the phone and the room: the first hello gets "rate-limited" instead of reaching it.
        await phone.routeWebSocket(/\/parties\/room\//, (ws) => {
          const server = ws.connectToServer();
          ws.onMessage((message) => {
            if (!refusedHello && typeof message === "string" && JSON.parse(message).t === "hello") {
              refusedHello = true;
              ws.send(JSON.stringify({ t: "error", code: "rate-limited", message: "too many people joining at once; try again" }));
            } else server.send(message);
          });
        });
      }
      await phone.goto(joinUrl);
      await heading(phone, `Welcome to “${TITLE}”`).waitFor();
      if (i === STALE_TOKEN_PHONE) {
        // Well-formed, but not signed by this room: it must answer "bad-token".
        const roomId = new URL(facilitatorUrl).pathname.split("/")[2]!;
        await phone.evaluate(
          (key) => localStorage.setItem(key, JSON.stringify({ token: `${"A".repeat(22)}.${"B".repeat(43)}` })),
          `candor:room:${roomId}`,
        );
      }
      if (small) await run.shot(phone, "phone-welcome-320");
      phones.push(phone);
    }
    await phones[0]!.getByRole("radio", { name: "Clinical staff" }).check();
    for (const [i, phone] of phones.entries()) {
      await phone.getByRole("button", { name: "Continue" }).click();
      // Refused for now, the phone says why and says hello again by itself after a moment.
      if (i === BUSY_PHONE) await phone.getByRole("status").filter({ hasText: "The session is busy" }).waitFor();
      await heading(phone, "You're in").waitFor();
    }
    expect(refusedHello).toBe(true);
    // The join link's page carried the room: no phone asked /api/join or /api/config.
    for (let i = 0; i < 5; i++) {
      expect(
        run.requested.get(`phone${i}`)!.filter((p) => p.startsWith("/api/join") || p === "/api/config"),
        `phone${i}`,
      ).toEqual([]);
    }
    // The stale pass was dropped for a fresh one from the room.
    const roomId = new URL(facilitatorUrl).pathname.split("/")[2]!;
    const stored = await phones[STALE_TOKEN_PHONE]!.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? "{}").token as string,
      `candor:room:${roomId}`,
    );
    expect(stored).toMatch(/^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}$/);
    expect(stored.startsWith("AAAAAAAA")).toBe(false);
    await run.screen(phones[0]!, "phone-lobby");
    await projector.getByText("5 people have joined").waitFor();
    await console_.getByText("5 people have joined").waitFor();
    // The facilitator counts four people: one pass too many, and the console says so (§3.2).
    const headcount = console_.getByLabel("People in the room (your count)");
    await headcount.fill("4");
    await headcount.press("Enter");
    await console_.getByText("1 more pass than people counted. Lock joining, and ask whether anyone joined twice.").waitFor();
    await run.screen(console_, "console-headcount-warning");
    await headcount.fill("5");
    await headcount.press("Enter");
    await console_.getByText(/more pass(es)? than people counted/).waitFor({ state: "detached" });
    await run.shot(projector, "projector-joined", false);
    // Nothing on a phone is wider than the phone.
    for (const phone of phones) {
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.viewportSize()!.width);
    }
  });

  run.step("phones answer and rate; one goes offline mid-round and comes back without losing its ballot", async () => {
    await console_.getByRole("button", { name: `Open voting ${PRIVACY.title}` }).click();
    await heading(projector, PRIVACY.title).waitFor();
    await progress(projector, 0, 5).waitFor();
    await projector.getByText("Results stay hidden until the facilitator closes voting.").waitFor();
    // While the round is open, no other topic can be opened or shown, but any other can be skipped.
    await console_.getByText(/A round is open: close it before opening voting on or showing another topic\. You can still skip/).waitFor();
    expect(await console_.getByRole("button", { name: `Open voting ${SAFETY.title}` }).isDisabled()).toBe(true);
    expect(await console_.getByRole("button", { name: `Skip ${SAFETY.title}` }).isEnabled()).toBe(true);
    expect(await console_.getByRole("button", { name: `Skip ${PRIVACY.title}` }).isDisabled()).toBe(true);
    for (const phone of phones) await phone.getByRole("button", { name: "Send my answers" }).waitFor();
    await run.screen(phones[0]!, "phone-ballot-360-empty");

    const question = /Is there a policy in place to ensure patient\/client privacy/;
    for (const [i, phone] of phones.entries()) await fillBallot(phone, [{ question, answer: PRIVACY_1.item[i]! }], PRIVACY_1.ratings[i]!);
    await run.shot(phones[0]!, "phone-ballot-360");
    await run.shot(phones[4]!, "phone-ballot-320");

    // The phone loses the network with its answers filled in, while the others send theirs. The
    // browser tells it at once (its socket would look open for another half minute).
    const offline = phones[OFFLINE_PHONE]!;
    await run.setOffline(`phone${OFFLINE_PHONE}`, true);
    await offline.getByRole("status").filter({ hasText: "Connection lost" }).waitFor({ timeout: NETWORK_NOTICE });
    for (const [i, phone] of phones.entries()) if (i !== OFFLINE_PHONE) await sendBallot(phone);
    await run.screen(phones[0]!, "phone-submitted");
    await progressWithOneAway(projector, 4).waitFor();
    await progressWithOneAway(console_, 4).waitFor();
    await run.shot(projector, "projector-voting", false);

    // It sends while offline: kept on the phone, not counted yet, and it says so.
    await offline.getByRole("button", { name: "Send my answers" }).click();
    await heading(offline, "Saved on this phone").waitFor({ timeout: NETWORK_NOTICE });
    expect(await offline.getByRole("status").textContent()).toMatch(/Connection lost/);
    await run.shot(offline, "phone-offline");
    // A moment later, nothing has leaked through: still 4 voted.
    await projector.waitForTimeout(1_000);
    expect(await progressWithOneAway(projector, 4).isVisible()).toBe(true);
    expect(await progressWithOneAway(console_, 4).isVisible()).toBe(true);

    await run.setOffline(`phone${OFFLINE_PHONE}`, false);
    await heading(offline, /Your answers are in/).waitFor({ timeout: NETWORK_NOTICE });
    await offline
      .getByRole("status")
      .filter({ hasText: /^Connected$/ })
      .waitFor();
    await progress(projector, 5, 5).waitFor();
    await progress(console_, 5, 5).waitFor();
    await run.shot(projector, "projector-all-voted", false);
    await run.shot(console_, "console-voting");
  });

  run.step("the facilitator reveals: the projector shows exactly the ratings the phones sent", async () => {
    await console_.getByRole("button", { name: "Close & reveal" }).click();
    await projector.getByText("Round 1 · 5 people answered").waitFor();
    // Phone 3's offline rating (the only 2) is in.
    await expectRevealed(projector, PRIVACY.title, PRIVACY_1.ratings);
    await expectRevealed(console_, PRIVACY.title, PRIVACY_1.ratings);
    expect(await statsOf(projector)).toMatchObject({
      "Middle rating (median)": "4 · Somewhat strong",
      "Ratings counted": "5 ratings",
      "Don't know": "0",
    });
    // The one item everybody answered: 3 yes, 1 no, 1 N/A of 5.
    const item = projector
      .getByRole("table", { name: "Answers to the questions" })
      .getByRole("row", { name: /ensure patient\/client privacy/ });
    expect(await item.getByRole("cell").allTextContents()).toEqual(["60%", "20%", "20%"]);
    for (const phone of phones) await heading(phone, "Results are on the screen").waitFor();
    // Once the round is closed, no phone keeps its answers (docs/design.md §3.1): only its pass is left.
    const roomKey = `candor:room:${new URL(facilitatorUrl).pathname.split("/")[2]!}`;
    for (const phone of phones) {
      const stored = await phone.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, unknown>, roomKey);
      expect(stored).not.toHaveProperty("sent");
      expect(stored).not.toHaveProperty("draft");
      expect(typeof stored.token).toBe("string");
    }
    await expectFitsScreen(projector);
    await run.screen(projector, "projector-revealed", false);
    await run.shot(projector, "projector-revealed-full");
    await run.screen(phones[0]!, "phone-revealed");
    await run.screen(console_, "console-revealed");
  });

  run.step("a second round on the same topic, then the group's consensus is recorded", async () => {
    await console_.getByRole("button", { name: "Start a new round" }).click();
    await projector.getByText("Topic 2 · Round 2").waitFor();
    await progress(projector, 0, 5).waitFor();
    for (const [i, phone] of phones.entries()) {
      await phone.getByText("Round 2: the group is rating again").waitFor();
      // The new round starts empty.
      expect(
        await phone
          .getByRole("group", { name: /how would you rate/ })
          .getByRole("radio", { checked: true })
          .count(),
      ).toBe(0);
      await fillBallot(phone, [], PRIVACY_2.ratings[i]!);
      if (i === 0) await run.shot(phone, "phone-round2");
      await sendBallot(phone);
    }
    await progress(projector, 5, 5).waitFor();
    await console_.getByRole("button", { name: "Close & reveal" }).click();
    await projector.getByText("Round 2 · 5 people answered").waitFor();
    await expectRevealed(projector, PRIVACY.title, PRIVACY_2.ratings);
    const stats = await statsOf(projector);
    expect(stats).toMatchObject({ "Middle rating (median)": "4 · Somewhat strong", "Ratings counted": "5 ratings", "Don't know": "0" });
    expect(stats["Change since round 1"]).toMatch(/% of ratings moved/);
    await run.shot(projector, "projector-round2", false);

    await console_.getByLabel("Notes", { exact: true }).fill("Policy exists; the complaint route is not known to all staff.");
    await console_.getByLabel("Action items").fill("Post the complaint procedure in staff rooms");
    const value = console_.getByLabel("Consensus value");
    expect(await value.inputValue()).toBe("4"); // pre-filled with the median
    await value.selectOption("4");
    await console_.getByRole("button", { name: "Record consensus" }).click();
    await projector.getByText("Recorded consensus: 4 · Somewhat strong").waitFor();
    await console_.getByRole("listitem").filter({ hasText: PRIVACY.checkbox }).getByText("recorded", { exact: true }).waitFor();
    await run.screen(console_, "console-recorded");
    await expectFitsScreen(projector);
    await run.shot(projector, "projector-recorded", false);
  });

  run.step("the second topic: voted and revealed; the AAAQ topic is skipped", async () => {
    await console_.getByRole("button", { name: `Open voting ${SAFETY.title}` }).click();
    await heading(projector, SAFETY.title).waitFor();
    // This time everybody answers every question (Yes), except for their own answer to the third.
    for (const [i, phone] of phones.entries()) {
      const items = SAFETY_QUESTIONS.map((question, q) => ({ question, answer: q === 2 ? SAFETY_1.item[i]! : ("Yes" as const) }));
      await fillBallot(phone, items, SAFETY_1.ratings[i]!);
      await sendBallot(phone);
    }
    await progress(projector, 5, 5).waitFor();
    await console_.getByRole("button", { name: "Close & reveal" }).click();
    await projector.getByText("Round 1 · 5 people answered").waitFor();
    await expectRevealed(projector, SAFETY.title, SAFETY_1.ratings);
    expect(await statsOf(projector)).toMatchObject({ "Middle rating (median)": "3 · Moderate", "Ratings counted": "5 ratings" });
    const item = projector.getByRole("table", { name: "Answers to the questions" }).getByRole("row", { name: /private, safe place/ });
    expect(await item.getByRole("cell").allTextContents()).toEqual(["80%", "20%", "0%"]);
    expect(await projector.getByRole("table", { name: "Answers to the questions" }).locator("tbody tr").count()).toBe(5);
    await run.shot(projector, "projector-safety", false);
    await run.shot(projector, "projector-safety-full");
    await expectFitsScreen(projector);

    await console_.getByRole("button", { name: `Skip ${AAAQ.title}` }).click();
    await console_.getByRole("listitem").filter({ hasText: AAAQ.checkbox }).getByText("skipped", { exact: true }).waitFor();
  });

  run.step("the facilitator ends the session; the projector shows the profile of all topics", async () => {
    await console_.getByRole("button", { name: "End session…" }).click();
    await console_.getByRole("button", { name: "Yes, end the session" }).click();
    await heading(projector, "Overview of all topics").waitFor();
    const profile = projector.getByRole("img", { name: `Profile of all topics: ${TITLE}` });
    await profile.waitFor();
    const rows = await projector
      .getByRole("table", { name: `Profile of all topics: ${TITLE}` })
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th")?.textContent, tr.querySelector("td")?.textContent]));
    expect(rows).toEqual([
      [`2. ${PRIVACY.title}`, "recorded 4 of 5"],
      [`9. ${SAFETY.title}`, "median 3 of 5 (not recorded)"],
      // Topic 12 rates the list as given: the facility under review is in it only when listed (issue 12).
      [`12. ${AAAQ.title} — ${REFERRAL}`, "skipped"],
    ]);
    // No join hints once the session is over.
    expect(await projector.getByText(joinCode, { exact: true }).count()).toBe(0);
    await expectFitsScreen(projector);
    await run.screen(projector, "projector-ended", false);
    for (const phone of phones) await heading(phone, "Thank you").waitFor();
    await run.shot(phones[0]!, "phone-ended");
    await console_.getByText("The session has ended. Download the summary below.").waitFor();
    await run.screen(console_, "console-ended");
  });

  run.step("the summary downloads from the console, has a section per topic and prints on A4 and Letter", async () => {
    const [download] = await Promise.all([
      console_.waitForEvent("download"),
      console_.getByRole("button", { name: "Report (HTML, printable)" }).click(),
    ]);
    await console_.getByText("HTML downloaded.").waitFor();
    const html = readFileSync((await download.path())!, "utf8");
    writeFileSync(join(OUT, "summary.html"), html);
    // A section per assessed topic (privacy, safety); AAAQ, skipped before any vote, is on the "not assessed" line.
    expect(html.match(/<section\b/g)).toHaveLength(2);
    expect(html).toContain("<strong>Not assessed in this session:</strong> 12.");
    for (const d of [PRIVACY, SAFETY]) expect(html).toContain(`${d.checkbox}</h2>`);
    expect(html).toContain(`${AAAQ.checkbox} (skipped)`);
    expect(html).toContain("Post the complaint procedure in staff rooms");

    // Print it as the browser shows it: the real response, with its own CSP, key in the header.
    const report = await run.open("report", { viewport: { width: 1000, height: 1200 } });
    const key = new URL(facilitatorUrl).hash.replace(/^#key=/, "");
    await report.setExtraHTTPHeaders({ authorization: `Bearer ${key}` });
    const roomId = new URL(facilitatorUrl).pathname.split("/")[2]!;
    const res = await report.goto(`${run.stack.url}/api/rooms/${roomId}/summary?format=html`);
    expect(res?.status()).toBe(200);
    await heading(report, TITLE).waitFor();
    // Privacy and Safety have sections; AAAQ, skipped before any vote, shares the one line of topics not assessed.
    expect(await report.locator("section").count()).toBe(2);
    await report.getByText(/^Not assessed in this session:/).waitFor();
    await report.getByRole("region", { name: "Improvement plan" }).waitFor();
    // The stylesheet applied (allowed by its hash): the domains have their top rule.
    expect(
      await report
        .locator("section.domain")
        .first()
        .evaluate((s) => getComputedStyle(s).borderTopStyle),
    ).toBe("solid");
    await run.screen(report, "summary-screen");
    for (const [format, file] of [
      ["A4", "summary-a4.pdf"],
      ["Letter", "summary-letter.pdf"],
    ] as const) {
      const pdf = await report.pdf({ format, printBackground: true });
      writeFileSync(join(OUT, file), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    }
    // For a person to look at: the first pages as images, when poppler's pdftoppm is installed.
    if (!spawnSync("pdftoppm", ["-v"]).error) {
      for (const name of ["summary-a4", "summary-letter"])
        spawnSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "4", join(OUT, `${name}.pdf`), join(OUT, name)]);
    }
  });

  run.step("the organizer deletes the session: every screen says it is gone", async () => {
    await console_.getByRole("button", { name: "Delete session…" }).click();
    await console_.getByRole("button", { name: "Yes, delete everything" }).click();
    await heading(projector, "This session no longer exists.").waitFor();
    for (const phone of phones) await heading(phone, "This session has ended").waitFor();
    await heading(console_, "This session no longer exists.").waitFor();
    const check = await fetch(`${run.stack.url}/api/join/${joinCode}`);
    expect(check.status).toBe(404);
  });

  run.finalChecks();
});
