/**
 * The phone's hard cases in Chromium at 320×568 (the smallest phone in use), against the real
 * stack: a latecomer to a locked room, the anonymity notice's length, a 120-character title, the
 * round's countdown, and answers that a round's end (a close, the countdown, a cancel, a close
 * while offline) left uncounted. The facilitator is a socket client (tests/integration/clients.ts).
 *
 * The steps share one browser (tests/e2e/browser.ts) and run in order; after a failed step the rest
 * are skipped. Each new screen is screenshotted to test-artifacts/e2e/phone-NN-*.png and checked with
 * axe-core. Waits are on visible state only.
 */
import type { Page, WebSocketRoute } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import type { ServerMessage } from "../../core/protocol";
import { closeEverything, command, createRoom, facilitator, type JsonClient, until } from "../integration/clients";
import { BrowserRun, heading, WAIT } from "./browser";
import { fillBallot, sendBallot } from "./people";

const PHONE = { viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true };

/** 120 characters, the longest title a session may have (core/limits.ts TITLE_MAX). */
const LONG_TITLE =
  "Annual review of the community health and mental health services network, north district, with partner shelters, 2026 Q1";
const NOT_SENT = "Voting closed before your answers were sent, so they were not counted.";
const CHANGES_NOT_SENT = "Voting closed before your changes were sent, so your earlier answers were counted instead.";
const UNSURE = "Voting closed before the session confirmed your last answers, so they may not have been counted.";

const run = new BrowserRun({ prefix: "phone" });

/** The room's live-state frames a socket client has received. */
const states = (client: JsonClient) =>
  client.frames.filter((m): m is Extract<ServerMessage, { t: "state" }> => m.t === "state").map((m) => m.state);

/** A facilitator command that must succeed. */
async function order(client: JsonClient, cmd: Parameters<typeof command>[1]): Promise<void> {
  expect(await command(client, cmd), JSON.stringify(cmd)).toMatchObject({ t: "done" });
}

/** The note a screen carries about answers that were not counted, once its heading shows. */
async function noteOn(phone: Page, title: string): Promise<string | null> {
  await heading(phone, title).waitFor();
  return phone
    .locator(".notice--warn")
    .first()
    .textContent({ timeout: 5_000 })
    .catch(() => null);
}

/** What this phone keeps of the room (localStorage). */
const storedOf = (phone: Page, roomId: string) =>
  phone.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, unknown>, `candor:room:${roomId}`);

describe("the phone at 320×568: a locked room, the notice, a long title, the countdown, answers not counted", () => {
  let locked: CreateRoomResponse;
  let room: CreateRoomResponse;
  let fac: JsonClient;
  let phone: Page;

  afterAll(() => closeEverything());

  run.step("a join link of a locked room says joining is closed, before any notice, and counts nobody", async () => {
    locked = await createRoom(run.stack, { title: "Ward review" });
    const lockFac = (await facilitator(run.stack, locked.roomId, locked.facilitatorKey)).client;
    await order(lockFac, { op: "lock", locked: true });
    const late = await run.open("latecomer", PHONE);
    const sockets: string[] = [];
    late.on("websocket", (ws) => void sockets.push(ws.url()));
    await late.goto(locked.joinUrl);
    await heading(late, "Joining is closed for this session").waitFor();
    await late.getByText("ask the facilitator to open joining").waitFor();
    expect(await late.getByRole("region", { name: /what stays private/ }).count()).toBe(0);
    await run.screen(late, "closed");
    // No socket, so no hello: the room hands out no pass and counts nobody.
    await late.waitForTimeout(1_000);
    expect(sockets).toEqual([]);
    expect(states(lockFac).every((s) => s.joined === 0)).toBe(true);

    // Typing the code says the same, next to the field.
    await late.goto(`${run.stack.url}/join`);
    await late.getByLabel("Session code").fill(locked.joinCode);
    await late.getByRole("button", { name: "Join" }).click();
    await late.getByRole("alert").filter({ hasText: "Joining is closed for this session." }).waitFor();
    expect(late.url()).toMatch(/\/join$/);
    await run.screen(late, "closed-typed");

    // "Try again" while it is locked says so; once the facilitator opens joining, it leads to the notice.
    await late.goto(locked.joinUrl);
    await late.getByRole("button", { name: "Try again" }).click();
    await late.getByRole("status").filter({ hasText: "Joining is still closed. Ask the facilitator." }).waitFor();
    await run.screen(late, "closed-still");
    await order(lockFac, { op: "lock", locked: false });
    await late.getByRole("button", { name: "Try again" }).click();
    await heading(late, "Welcome to “Ward review”").waitFor();
  });

  run.step("the notice fits two screens at 320×568 with a 120-character title, shown once and clipped", async () => {
    expect(LONG_TITLE).toHaveLength(120);
    room = await createRoom(run.stack, {
      title: LONG_TITLE,
      k: 3,
      domainIds: ["privacy", "conduct", "interpreters", "safety", "vicarious-trauma"],
    });
    fac = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    phone = await run.open("phone", PHONE);
    await phone.goto(room.joinUrl);
    const welcome = heading(phone, `Welcome to “${LONG_TITLE}”`);
    await welcome.waitFor();
    const size = await phone.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
    }));
    // The language switcher (issue 13: on the notice, one tap) sits above it, two rows at 320 px:
    // the notice itself still fits two screens.
    const languages = await phone.locator(".language-switcher").evaluate((e) => e.getBoundingClientRect().height);
    console.log(`the notice at 320×568: ${size.height} px, of which the language switcher ${languages} px`);
    expect(size.width).toBeLessThanOrEqual(320);
    expect(languages).toBeLessThanOrEqual(2 * 44 + 8);
    expect(size.height - languages, "the notice is longer than two screens").toBeLessThanOrEqual(2 * 568);
    // Once on the page, isolated, clipped to two lines; the heading still carries all of it.
    expect(await phone.evaluate((title) => document.body.textContent!.split(title).length - 1, LONG_TITLE)).toBe(1);
    expect(await welcome.locator("bdi").textContent()).toBe(LONG_TITLE);
    const box = await welcome.evaluate((h) => ({
      shown: h.clientHeight,
      full: h.scrollHeight,
      line: Number.parseFloat(getComputedStyle(h).lineHeight),
    }));
    expect(box.full).toBeGreaterThan(box.shown);
    expect(box.shown).toBeLessThanOrEqual(2 * box.line + 1);
    // Every promise the notice makes, k = 3 here.
    const points = await phone
      .getByRole("region", { name: "Before you start: what stays private" })
      .getByRole("listitem")
      .allTextContents();
    expect(points).toEqual([
      "You give no name, email or account, and there is nowhere to type names or comments.",
      "Nobody sees your individual answers — not the facilitator, not the other participants.",
      "Only the totals are kept: when voting closes, your answers are forgotten, on this phone too.",
      "Results are shown on the screen only when at least 3 people have rated.",
      expect.stringContaining("This session shows results from just 3 ratings. That is fewer than usual (5)"),
      "If everyone gives the same rating, the result shows what everyone chose — including you.",
      "In a small group, people may still guess who rated what.",
      "You can change your answers until voting closes.",
    ]);
    await run.screen(phone, "notice");

    // Later screens don't repeat the title.
    await phone.getByRole("button", { name: "Continue" }).click();
    await heading(phone, "You're in").waitFor();
    expect(await phone.evaluate((title) => document.body.textContent!.includes(title), LONG_TITLE)).toBe(false);
  });

  run.step("a timer set by the facilitator shows on the phone as a countdown", async () => {
    await order(fac, { op: "open", domainId: "privacy" });
    await phone.getByRole("button", { name: "Send my answers" }).waitFor();
    expect(await phone.getByRole("timer").count()).toBe(0);
    await order(fac, { op: "timer", seconds: 60 });
    const timer = phone.getByRole("timer");
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/^(1:0[01]|0:[0-5]\d)$/);
    await phone.getByText("Time left").waitFor();
    // Said politely when it appears, then not every second: the digits move, the words stay.
    const said = phone.locator("[aria-live=polite]");
    await expect.poll(() => said.textContent()).toMatch(/^(1 minute|\d+ seconds) left$/);
    const words = await said.textContent();
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(first);
    expect(await said.textContent()).toBe(words);
    await run.screen(phone, "countdown");
  });

  run.step("a draft not sent when the round closes: the phone says it was not counted, and forgets it", async () => {
    await fillBallot(phone, [], 3);
    await order(fac, { op: "close" });
    expect(await noteOn(phone, "Results are on the screen")).toBe(NOT_SENT);
    expect(await phone.getByRole("timer").count()).toBe(0);
    const stored = await storedOf(phone, room.roomId);
    expect(stored.draft).toBeUndefined();
    expect(stored.sent).toBeUndefined();
    await run.screen(phone, "not-counted-closed");
  });

  run.step("a draft not sent when the facilitator cancels the round: the same message", async () => {
    await order(fac, { op: "open", domainId: "conduct" });
    await phone.getByRole("button", { name: "Send my answers" }).waitFor();
    // A new round: the last one's note is gone.
    expect(await phone.locator(".notice--warn").count()).toBe(0);
    await fillBallot(phone, [], 4);
    await order(fac, { op: "cancel" });
    // The room goes back to where it was: the lobby, since this topic had no round before.
    expect(await noteOn(phone, "You're in")).toBe(NOT_SENT);
    await phone.getByText("The next topic will appear here").waitFor();
    await run.screen(phone, "not-counted-cancelled");
  });

  run.step("changes not sent when the countdown runs out: the earlier answers counted, and it says so", async () => {
    await order(fac, { op: "open", domainId: "safety" });
    await fillBallot(phone, [], 2);
    await sendBallot(phone);
    await phone.getByRole("button", { name: "Change my answers" }).click();
    await fillBallot(phone, [], 5);
    await order(fac, { op: "timer", seconds: 10 });
    await phone.locator(".countdown--soon").waitFor();
    expect(await phone.locator("[aria-live=polite]").textContent()).toMatch(/^(10 seconds left|Time is up\. Voting is closing\.)$/);
    await run.screen(phone, "countdown-last-10s", false);
    // At zero the room closes the round by itself; should it wait instead (votes missing), close it.
    const closed = await heading(phone, "Results are on the screen")
      .waitFor({ timeout: 25_000 })
      .then(() => true)
      .catch(() => false);
    if (!closed) await order(fac, { op: "close" });
    expect(await noteOn(phone, "Results are on the screen")).toBe(CHANGES_NOT_SENT);
    await run.screen(phone, "not-counted-changes");
  });

  run.step("answers saved while offline when the round closed: never sent, so not counted", async () => {
    await order(fac, { op: "open", domainId: "vicarious-trauma" });
    await fillBallot(phone, [], 3);
    await run.setOffline("phone", true);
    await phone.getByRole("button", { name: "Send my answers" }).click();
    await heading(phone, "Saved on this phone").waitFor();
    await order(fac, { op: "close" });
    await run.setOffline("phone", false);
    expect(await noteOn(phone, "Results are on the screen")).toBe(NOT_SENT);
    await phone.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    await run.screen(phone, "not-counted-offline");
  });

  run.step("a ballot the room took without the phone hearing back, then a close while it was away: 'may not'", async () => {
    // Between this phone and the room: the room's acks never arrive, and while `away` the
    // connection is cut and every new one closed at once.
    let away = false;
    let route: { page: WebSocketRoute; server: WebSocketRoute } | null = null;
    const unheard = await run.open("unheard", PHONE);
    await unheard.routeWebSocket(/\/parties\/room\//, (ws) => {
      if (away) return void ws.close();
      const server = ws.connectToServer();
      server.onMessage((m) => (typeof m === "string" && JSON.parse(m).t === "ack" ? undefined : ws.send(m)));
      route = { page: ws, server };
    });
    await unheard.goto(room.joinUrl);
    await unheard.getByRole("button", { name: "Continue" }).click();
    await heading(unheard, "Results are on the screen").waitFor();
    await order(fac, { op: "open", domainId: "interpreters" });
    await fillBallot(unheard, [], 3);
    await unheard.getByRole("button", { name: "Send my answers" }).click();
    await heading(unheard, "Sending…").waitFor();
    const roundId = "interpreters#1";
    await until(() => states(fac).some((s) => s.roundId === roundId && s.voted === 1), WAIT, "the room to hold the ballot");
    away = true;
    const cut = route as { page: WebSocketRoute; server: WebSocketRoute } | null;
    await cut?.server.close();
    await cut?.page.close();
    await unheard.getByRole("status").filter({ hasText: "Connection lost" }).waitFor();
    await order(fac, { op: "close" });
    away = false;
    // It was counted (1 vote), but the phone never heard so: it says it can't tell.
    expect(await noteOn(unheard, "Results are on the screen")).toBe(UNSURE);
    await run.screen(unheard, "not-counted-unsure");
    // The phone that didn't vote has nothing to be told.
    await heading(phone, "Results are on the screen").waitFor();
    expect(await phone.locator(".notice--warn").count()).toBe(0);
  });

  run.step("a phone that joined before the lock comes back in after it", async () => {
    await order(fac, { op: "lock", locked: true });
    await phone.reload();
    await heading(phone, "Results are on the screen").waitFor();
    expect(await phone.getByRole("heading", { name: "Joining is closed for this session" }).count()).toBe(0);
  });

  run.finalChecks();
});
