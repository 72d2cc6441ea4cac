/**
 * The projector (issue 9), in Chromium against the real stack, at 1024×768, 1280×720 and
 * 1920×1080. The room is driven with the socket clients (seven phones, the facilitator's commands)
 * so the browser shows only the projector: topic 12 revealed for nine facilities fits each screen
 * (nothing scrolls, nothing is cut or overlaps, every facility is on screen with its counts) in
 * type of at least 24 px; the lobby, an open round and a topic with questions fit too; the end
 * profile fills the screen and writes each value beside its dot; a wrong, cut or dead link says so
 * within seconds; the full-screen button is a real, keyboard-reachable button; the organizer's
 * words (an Arabic title, facility names) are isolated from the page's direction. Every state is
 * screenshotted to test-artifacts/e2e/projector-*.png and checked with axe. Waits are on what the
 * page shows.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import type { Ballot, ClientMessage, ServerMessage } from "../../core/protocol";
import { closeEverything, command, createRoom, facilitator, type JsonClient, Phone } from "../integration/clients";
import { BrowserRun, heading } from "./browser";

const run = new BrowserRun({ prefix: "projector" });

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const sizeName = (s: { width: number; height: number }) => `${s.width}x${s.height}`;
/**
 * Legible from the back of the room: no result text below 24 px (computed CSS font-size) on a
 * 768-line projector (the figure). A screen with fewer lines has larger pixels, so the same
 * letter on the wall is this many px there: 22.5 px at 1280×720.
 */
const minFontPx = (size: { height: number }) => 24 * Math.min(1, size.height / 768);
/** A wrong link must say so this fast, not load for ever. */
const REFUSAL_WAIT = 10_000;

/** An Arabic title with Latin words and digits beside it: the case that scrambled without isolation. */
const TITLE = "مراجعة الخدمات 2026 — Service review";
const FACILITIES = [
  "St Mary's Clinic",
  "City Shelter",
  "Northside Hospital",
  "مستشفى الأمل",
  "Harbour Mental Health",
  "Dental Clinic 24",
  "Legal Aid Centre",
  "Women's Refuge",
  "Youth Psychiatry Unit",
];
/** Seven phones, as in the workshop. */
const PHONES = 7;
type Aaaq = 1 | 2 | 3 | "dk";
/** AAAQ[phone][facility]. The last facility has only two ratings (five "don't know"): below k = 3. */
const AAAQ: Aaaq[][] = [
  [3, 1, 2, 2, 3, 1, 2, 3, 1],
  [3, 1, 2, 3, 3, 2, 2, 3, "dk"],
  [2, 1, 2, 3, 1, 3, 1, 3, "dk"],
  [3, 2, 3, 3, 2, 3, 2, 2, "dk"],
  [2, 1, 2, 1, 3, 3, 2, 3, 2],
  [3, 2, 1, 3, 2, 3, 2, 3, "dk"],
  [1, 1, 2, 3, 3, 2, 3, 3, "dk"],
];
/** What the table must show per facility: counts of 1, 2, 3 (null: hidden below the gate). */
const AAAQ_COUNTS: (number[] | null)[] = FACILITIES.map((_, f) => {
  const valid = AAAQ.map((phone) => phone[f]!).filter((r): r is 1 | 2 | 3 => r !== "dk");
  return valid.length < 3 ? null : [1, 2, 3].map((v) => valid.filter((r) => r === v).length);
});
/** The consensus the facilitator records: a value per facility, one "no consensus". */
const RECORDED: (number | null)[] = [3, 1, 2, null, 3, 3, 2, 3, 2];
/**
 * Privacy (5-point, with questions): the ratings (one "don't know"), and one answer to every
 * question. Six ratings 2, 3, 3, 4, 4, 5: the median is "between 3 and 4", left unrecorded.
 */
const PRIVACY_RATINGS: (number | "dk")[] = [4, 3, 5, 2, "dk", 4, 3];
/** The value the profile writes beside privacy's hollow dot (word joiners keep it on one line). */
const PRIVACY_MEDIAN = "3\u2060–\u20604";

/** A page state: the room's state, the size it is shown at. */
async function atSize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  // The projector fits itself to the window in the frame after a resize: let two frames pass.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

interface Layout {
  scrollWidth: number;
  scrollHeight: number;
  innerWidth: number;
  innerHeight: number;
  /** Text elements (not the screen-reader-only ones) whose text is wider than their box. */
  clipped: string[];
  /** The smallest computed font-size of visible text in the main area, and where. */
  minFont: { px: number; text: string };
}

/** How the page lies on the screen: overflow, cut text and the smallest type. */
function layoutOf(page: Page, scope: string): Promise<Layout> {
  return page.evaluate((scope) => {
    const visible = (el: Element) => {
      if (el.closest(".sr-only, [aria-hidden=true] svg")) return false;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      // (A 1 px box is text for screen readers only, hidden the way .sr-only hides it.)
      return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.display !== "none";
    };
    const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const texts = [...document.querySelectorAll(`${scope} *`)].filter((el) => el instanceof HTMLElement && visible(el) && ownText(el));
    const clipped = texts
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
    let minFont = { px: Number.POSITIVE_INFINITY, text: "" };
    for (const el of texts) {
      const px = Number.parseFloat(getComputedStyle(el).fontSize);
      if (px < minFont.px) minFont = { px, text: el.textContent?.trim().slice(0, 40) ?? "" };
    }
    const root = document.documentElement;
    return { scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight, innerWidth, innerHeight, clipped, minFont };
  }, scope);
}

/** Nobody scrolls a projector: not down, not sideways. */
function expectFits(layout: Layout, what: string): void {
  expect(layout.scrollHeight, `${what}: taller than the screen`).toBeLessThanOrEqual(layout.innerHeight);
  expect(layout.scrollWidth, `${what}: wider than the screen`).toBeLessThanOrEqual(layout.innerWidth);
}

/**
 * Each element of `selector` lies wholly on the screen, is the topmost thing at its centre (not
 * covered), and none overlaps the next one.
 */
async function expectAllOnScreen(page: Page, selector: string, what: string): Promise<number> {
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        text: el.textContent?.trim() ?? "",
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        uncovered: top !== null && (el === top || el.contains(top)),
        inView: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      };
    }),
  );
  for (const [i, b] of boxes.entries()) {
    expect(b.inView, `${what}: "${b.text}" is not wholly on the screen`).toBe(true);
    expect(b.uncovered, `${what}: "${b.text}" is covered`).toBe(true);
    const next = boxes[i + 1];
    if (next) expect(next.top, `${what}: "${next.text}" overlaps "${b.text}"`).toBeGreaterThanOrEqual(b.bottom - 1);
  }
  return boxes.length;
}

/** The facilitator's command, which must be done. */
async function done(client: JsonClient, cmd: Extract<ClientMessage, { t: "cmd" }>["cmd"]): Promise<void> {
  const reply: ServerMessage = await command(client, cmd);
  expect(reply, JSON.stringify(cmd)).toMatchObject({ t: "done" });
}

describe("the projector: nine facilities fit three screen sizes, the end profile, wrong links, full screen", () => {
  let room: CreateRoomResponse;
  let projector: Page;
  let facilitatorClient: JsonClient;
  const phones: Phone[] = [];

  afterAll(() => closeEverything());

  run.step("a session rating nine facilities: seven phones join, the projector shows the lobby at three sizes", async () => {
    room = await createRoom(run.stack, {
      title: TITLE,
      facility: FACILITIES[0],
      facilities: FACILITIES.map((name, i) => (i === 0 ? { name, yours: true, underReview: true } : { name })),
      domainIds: ["privacy", "services-aaaq"],
      k: 3,
    });
    projector = await run.open("projector", { viewport: SIZES[0] });
    await projector.goto(room.projectorUrl);
    await heading(projector, "Waiting to start").waitFor();
    for (let i = 0; i < PHONES; i++) {
      const phone = new Phone(run.stack, room.roomId);
      expect((await phone.join()).t).toBe("welcome");
      phones.push(phone);
    }
    facilitatorClient = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    await projector.getByText(`${PHONES} people have joined`).waitFor();
    await projector.getByRole("img", { name: /QR code that opens/ }).waitFor();

    // The organizer's title keeps its own direction (right to left: it starts in Arabic), isolated.
    const title = heading(projector, TITLE);
    expect(await title.getAttribute("dir")).toBe("auto");
    expect(await title.evaluate((h) => getComputedStyle(h).direction)).toBe("rtl");

    for (const size of SIZES) {
      await atSize(projector, size);
      expectFits(await layoutOf(projector, ".projector"), `lobby at ${sizeName(size)}`);
      await run.shot(projector, `lobby-${sizeName(size)}`, false);
    }
    await run.axe(projector, "lobby");
  });

  run.step("voting on the facilities: the open round fits at three sizes", async () => {
    await done(facilitatorClient, { op: "open", domainId: "services-aaaq" });
    await heading(projector, "Available health and mental health services").waitFor();
    await projector.getByText(`0 of ${PHONES} have voted`, { exact: true }).waitFor();
    for (const size of SIZES) {
      await atSize(projector, size);
      expectFits(await layoutOf(projector, ".projector"), `open round at ${sizeName(size)}`);
      await run.shot(projector, `open-${sizeName(size)}`, false);
    }
    await run.axe(projector, "open");
  });

  run.step("topic 12 revealed: nine facilities fit 1024×768, 1280×720 and 1920×1080 in type of 24 px or more", async () => {
    const acks = await Promise.all(
      phones.map((phone, i) => {
        const ratings = Object.fromEntries(AAAQ[i]!.map((r, f) => [String(f), r])) as Ballot["ratings"];
        return phone.vote({ roundId: "services-aaaq#1", answers: {}, ratings });
      }),
    );
    expect(acks.map((a) => a.t)).toEqual(Array(PHONES).fill("ack"));
    await projector.getByText(`${PHONES} of ${PHONES} have voted`, { exact: true }).waitFor();
    await done(facilitatorClient, { op: "close" });
    const table = projector.getByRole("table", { name: /How people rated each facility/ });
    await table.waitFor();

    // Every facility has its row, with the counts the phones sent (or "too few" below the gate).
    for (const [f, name] of FACILITIES.entries()) {
      const row = table.getByRole("row", { name: new RegExp(`^${name}`) });
      const counts = AAAQ_COUNTS[f];
      if (counts) expect(await row.locator(".ftable__n").allTextContents()).toEqual(counts.map(String));
      else await row.getByText("Too few ratings to show").waitFor();
      // The facility's name, in whatever script, is isolated from the numbers beside it.
      expect(await row.locator("th bdi").textContent()).toBe(name);
    }

    for (const size of SIZES) {
      await atSize(projector, size);
      const where = `topic 12 at ${sizeName(size)}`;
      const layout = await layoutOf(projector, ".projector");
      expectFits(layout, where);
      expect(layout.clipped, `${where}: text cut off`).toEqual([]);
      expect(await expectAllOnScreen(projector, ".ftable tbody th", where)).toBe(FACILITIES.length);
      await expectAllOnScreen(projector, ".ftable tbody tr", where);
      const main = await layoutOf(projector, ".projector__main");
      expect(main.minFont.px, `${where}: "${main.minFont.text}" is set in ${main.minFont.px}px`).toBeGreaterThanOrEqual(minFontPx(size));
      console.log(`${where}: fits; smallest result text ${main.minFont.px.toFixed(1)} px ("${main.minFont.text}")`);
      await run.shot(projector, `aaaq-${sizeName(size)}`, false);
    }
    await run.axe(projector, "aaaq-revealed");
  });

  run.step("the consensus is recorded for every facility: it shows in each row, and still fits", async () => {
    const consensus = Object.fromEntries(RECORDED.map((value, f) => [String(f), { value }]));
    await done(facilitatorClient, { op: "record", domainId: "services-aaaq", consensus });
    const table = projector.getByRole("table", { name: /How people rated each facility/ });
    await table.getByText("Recorded: no consensus").waitFor();
    for (const [f, name] of FACILITIES.entries()) {
      const value = RECORDED[f];
      const row = table.getByRole("row", { name: new RegExp(`^${name}`) });
      expect(await row.locator(".ftable__recorded").textContent()).toBe(value === null ? "Recorded: no consensus" : `Recorded: ${value}`);
    }
    for (const size of SIZES) {
      await atSize(projector, size);
      const where = `topic 12 recorded at ${sizeName(size)}`;
      const layout = await layoutOf(projector, ".projector");
      expectFits(layout, where);
      expect(layout.clipped, `${where}: text cut off`).toEqual([]);
      expect(await expectAllOnScreen(projector, ".ftable tbody th", where)).toBe(FACILITIES.length);
      const main = await layoutOf(projector, ".projector__main");
      expect(main.minFont.px, `${where}: "${main.minFont.text}" is set in ${main.minFont.px}px`).toBeGreaterThanOrEqual(minFontPx(size));
      await run.shot(projector, `aaaq-recorded-${sizeName(size)}`, false);
    }
    await run.axe(projector, "aaaq-recorded");
  });

  run.step("a topic with questions, revealed: it fits at three sizes, results in large type", async () => {
    await done(facilitatorClient, { op: "open", domainId: "privacy" });
    await projector.getByText(`0 of ${PHONES} have voted`, { exact: true }).waitFor();
    await Promise.all(
      phones.map((phone, i) => {
        const answers = Object.fromEntries([1, 2, 3, 4, 5].map((q) => [`privacy.${q}`, (["yes", "no", "na"] as const)[(i + q) % 3]!]));
        return phone.vote({ roundId: "privacy#1", answers, ratings: { domain: PRIVACY_RATINGS[i]! } });
      }),
    );
    await projector.getByText(`${PHONES} of ${PHONES} have voted`, { exact: true }).waitFor();
    await done(facilitatorClient, { op: "close" });
    await projector.getByRole("table", { name: "Answers to the questions" }).waitFor();
    for (const size of SIZES) {
      await atSize(projector, size);
      const where = `privacy at ${sizeName(size)}`;
      expectFits(await layoutOf(projector, ".projector"), where);
      await expectAllOnScreen(projector, ".tallies tbody tr", where);
      // The statistics and the answers (the chart's own lettering scales with the chart).
      const stats = await layoutOf(projector, ".projector__main .stats, .projector__main .tallies");
      expect(stats.minFont.px, `${where}: "${stats.minFont.text}"`).toBeGreaterThanOrEqual(minFontPx(size));
      await run.shot(projector, `privacy-${sizeName(size)}`, false);
    }
    await run.axe(projector, "privacy-revealed");
  });

  run.step("the session ends: the profile fills each screen and writes every value beside its dot", async () => {
    await done(facilitatorClient, { op: "end" });
    await heading(projector, "Overview of all topics").waitFor();
    const profile = projector.getByRole("img", { name: `Profile of all topics: ${TITLE}` });
    await profile.waitFor();
    // Privacy's median between 3 and 4 (not recorded: a hollow dot on a bar from 3 to 4); each
    // facility's recorded value; no dot for "no consensus".
    const want = [PRIVACY_MEDIAN, ...RECORDED.filter((v) => v !== null).map(String)];
    expect(await profile.locator(".profile__value").allTextContents()).toEqual(want);
    expect(await profile.locator(".profile__note").allTextContents()).toEqual(["no consensus reached"]);
    expect(await profile.locator(".profile__dot--hollow").count()).toBe(1);
    expect(await profile.locator(".profile__row").first().locator(".profile__seg--span").count()).toBe(0); // (the axis row)
    expect(await profile.locator(".profile__row").nth(1).locator(".profile__seg--span").count()).toBe(2);
    for (const size of SIZES) {
      await atSize(projector, size);
      const where = `profile at ${sizeName(size)}`;
      const layout = await layoutOf(projector, ".projector");
      expectFits(layout, where);
      await expectAllOnScreen(projector, ".profile__col:first-child .profile__row", where);
      // Each value is on the screen, beside its own dot (same line, not on top of it).
      const pairs = await profile.locator(".profile__value").evaluateAll((values) =>
        values.map((v) => {
          const dot = v.parentElement!.querySelector(".profile__dot")!.getBoundingClientRect();
          const r = v.getBoundingClientRect();
          return { text: v.textContent, dot, r, gap: Math.max(r.left - dot.right, dot.left - r.right) };
        }),
      );
      for (const p of pairs) {
        expect(p.r.right <= layout.innerWidth && p.r.bottom <= layout.innerHeight, `${where}: value ${p.text} off screen`).toBe(true);
        expect(
          Math.abs(p.r.top + p.r.height / 2 - (p.dot.top + p.dot.height / 2)),
          `${where}: value ${p.text} not level with its dot`,
        ).toBeLessThan(4);
        expect(p.gap, `${where}: value ${p.text} on its dot, or far from it`).toBeGreaterThanOrEqual(0);
        expect(p.gap).toBeLessThan(p.dot.width);
      }
      // It uses the screen: the plot spans the width and reaches well down the screen.
      const plot = await profile.boundingBox();
      expect(plot!.width, `${where}: the profile is narrow`).toBeGreaterThan(size.width * 0.85);
      expect(plot!.y + plot!.height, `${where}: the profile is short`).toBeGreaterThan(size.height * 0.6);
      const main = await layoutOf(projector, ".profile__plot");
      console.log(`${where}: fits; smallest text ${main.minFont.px.toFixed(1)} px ("${main.minFont.text}")`);
      await run.shot(projector, `profile-${sizeName(size)}`, false);
    }
    await run.axe(projector, "profile");
  });

  run.step("the full-screen button: a labelled button the keyboard reaches, gone while in full screen", async () => {
    const button = projector.getByRole("button", { name: "Full screen" });
    await button.waitFor();
    // The only control on the page: the first Tab lands on it.
    await projector.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await projector.keyboard.press("Tab");
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await projector.keyboard.press("Enter");
    await projector.waitForFunction(() => document.fullscreenElement !== null);
    await button.waitFor({ state: "detached" });
    await projector.evaluate(() => document.exitFullscreen());
    await button.waitFor();
  });

  run.step("a wrong or cut projector link says so within seconds, in large type", async () => {
    const base = room.projectorUrl.split("#")[0]!;
    const ticket = new URL(room.projectorUrl).hash.replace(/^#view=/, "");
    const links = [
      { name: "wrong-ticket", url: `${base}#view=${"x".repeat(ticket.length)}`, says: "This projector link is not complete or not right." },
      { name: "cut-ticket", url: `${base}#view=${ticket.slice(0, -5)}`, says: "This projector link is not complete or not right." },
      { name: "no-ticket", url: base, says: "This projector link is not complete or not right." },
      { name: "no-session", url: `${run.stack.url}/p/${"A".repeat(22)}#view=${ticket}`, says: "This session no longer exists." },
    ];
    for (const link of links) {
      const page = await run.open(`projector-${link.name}`, { viewport: SIZES[0] });
      await page.goto(link.url);
      await heading(page, link.says).waitFor({ timeout: REFUSAL_WAIT });
      expect(await page.getByText("Loading…").count()).toBe(0);
      const size = await heading(page, link.says).evaluate((h) => Number.parseFloat(getComputedStyle(h).fontSize));
      expect(size, `${link.name}: the message is small`).toBeGreaterThanOrEqual(32);
      await run.screen(page, `${link.name}`, false);
    }
  });

  run.finalChecks();
});
