/**
 * Keys that are hard to lose (issue 9, item 2), in Chromium against the real stack: the created
 * page asks before it is left until the links are saved, and offers a session card to print or
 * download (a self-contained file with the join code, both links and the warning, no script);
 * the console keeps its key on the device once the room accepts it, so `/f/<roomId>` opens again
 * without the link; a device without the key says plainly what a lost link means and takes a
 * pasted link; a wrong key never replaces the kept one; the console shows the facilitator link's
 * QR code on request and hides it again; deleting the session forgets the key, and a device whose
 * session is gone forgets it too. Throughout, the key reaches the server in no URL and no body.
 *
 * The steps share one session and run in order; after a failed step the rest are skipped (the
 * last three, which check the key, axe and what every page reported, always run). New screens are
 * screenshotted to test-artifacts/e2e/keys-*.png at 1024×768 and 320×640 and checked with axe.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { describe, expect } from "vitest";
import { BrowserRun, heading, NARROW, OUT, WAIT, WIDE } from "./browser";

const run = new BrowserRun({ prefix: "keys" });

/** Markup characters in the title: the file must escape them. */
const TITLE = "Keys review <North> & “East”";
const DEVICE_KEY = (roomId: string) => `candor:facilitator:${roomId}`;

const newContext = (name: string, options: BrowserContextOptions = {}) => run.context(name, { viewport: WIDE, ...options });

const connected = (page: Page) => page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
const deviceKeyOf = (page: Page, roomId: string) => page.evaluate((k) => localStorage.getItem(k), DEVICE_KEY(roomId));
/** Every value in both web storages of the page's origin. */
const storedValues = (page: Page) =>
  page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((s) => Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i) ?? "") ?? "")),
  );
const step = run.step.bind(run);

describe("keys that are hard to lose: the session card, the key kept on the device, a lost key explained", () => {
  let home: Page;
  let facilitator: Page;
  let facilitatorContext: BrowserContext;
  let secondDevice: Page;
  let joinCode = "";
  let joinUrl = "";
  let projectorUrl = "";
  let facilitatorUrl = "";
  let roomId = "";
  let key = "";

  step("the created page offers the session card and asks before it is left", async () => {
    const context = await newContext("home", { acceptDownloads: true });
    home = await context.newPage();
    await home.goto(`${run.stack.url}/`);
    await home.getByLabel("Session title").fill(TITLE);
    await home.getByRole("button", { name: "Create session" }).click();
    await heading(home, `“${TITLE}” is ready`).waitFor();

    const links = await home.getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    projectorUrl = links.find((h) => h.includes("/p/"))!;
    facilitatorUrl = links.find((h) => h.includes("/f/"))!;
    expect(facilitatorUrl).toMatch(/#key=/);
    roomId = new URL(facilitatorUrl).pathname.split("/")[2]!;
    key = new URL(facilitatorUrl).hash.replace(/^#key=/, "");
    joinUrl = (await home.locator(".created__join .mono").textContent())!.trim();
    joinCode = joinUrl.split("/j/")[1]!;

    const download = home.getByRole("button", { name: "Download the session card" });
    await expect.poll(() => download.isEnabled(), { timeout: WAIT }).toBe(true);
    await home.getByRole("status").filter({ hasText: "Not saved yet" }).waitFor();
    await home.getByRole("heading", { name: "If the facilitator link is lost" }).waitFor();
    await home
      .getByText(/There is no back door/)
      .filter({ visible: true })
      .waitFor();
    await run.screenAtSizes(home, "created");

    // Leaving now asks first (the browser's own question); staying keeps the page as it was.
    const asked: string[] = [];
    home.on("dialog", (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await home.evaluate(() => {
      location.href = "/join";
    });
    await expect.poll(() => asked, { timeout: WAIT }).toEqual(["beforeunload"]);
    await heading(home, `“${TITLE}” is ready`).waitFor();
    expect(new URL(home.url()).pathname).toBe("/");

    // In the page too: "Create another session" asks, and going back keeps the links.
    await home.getByRole("button", { name: "Create another session" }).click();
    await home.getByText(/The facilitator link is not saved yet/).waitFor();
    await run.screen(home, "created-leave-1024", false);
    await home.getByRole("button", { name: "Back to the links" }).click();
    await home.getByRole("button", { name: "Create another session" }).waitFor();
    expect(await home.evaluate(() => document.activeElement?.textContent)).toBe("Create another session");
  });

  step("the printed session card is one page with the code, the links, both QR codes and the warning", async () => {
    // What the printer gets: the page as print media shows it, at A4's width in CSS pixels.
    await home.emulateMedia({ media: "print" });
    await home.setViewportSize({ width: 794, height: 1123 });
    const card = home.locator(".session-card");
    expect(await card.isVisible()).toBe(true);
    expect(await home.locator(".site-header").isVisible()).toBe(false);
    expect(await home.getByRole("button", { name: "Download the session card" }).isVisible()).toBe(false);
    const text = (await card.textContent()) ?? "";
    for (const part of [TITLE, joinCode, joinUrl, projectorUrl, facilitatorUrl, "never project or share it", "no back door"])
      expect(text).toContain(part);
    const qrs = card.getByRole("img");
    expect(await qrs.count()).toBe(2);
    for (const src of await qrs.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src)))
      expect(src).toMatch(/^data:image\/svg\+xml,/);
    await run.shot(home, "card-print", true);
    await home.emulateMedia({ media: null });
    await home.setViewportSize(WIDE);

    for (const format of ["A4", "Letter"] as const) {
      const pdf = await home.pdf({ format, printBackground: true });
      writeFileSync(join(OUT, `keys-card-${format.toLowerCase()}.pdf`), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      // The page tree's count: the card fits one sheet.
      expect(pdf.toString("latin1").match(/\/Type\s*\/Pages\b[^>]*\/Count\s+(\d+)/)?.[1], `${format} pages`).toBe("1");
    }
  });

  step("the downloaded session card is self-contained: code, links, warning, no script, nothing fetched", async () => {
    const downloaded = home.waitForEvent("download");
    await home.getByRole("button", { name: "Download the session card" }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toBe("candor-session-card-keys-review-north-east.html");
    const path = join(OUT, "keys-card.html");
    await file.saveAs(path);
    const html = readFileSync(path, "utf8");
    for (const part of [joinCode, joinUrl, projectorUrl, facilitatorUrl, "never project or share it"]) expect(html).toContain(part);
    expect(html).toContain("Keys review &lt;North&gt; &amp; “East”");
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    // Nothing it needs from elsewhere: images are data: URLs, no stylesheet link, no import.
    expect(html).not.toMatch(/<link|@import|url\(|src="(?!data:)/i);
    expect(html).toContain(`content="default-src 'none'`);
    await home.getByRole("status").filter({ hasText: "Saved as candor-session-card-keys-review-north-east.html" }).waitFor();

    // Opened on its own it shows the card, fetches nothing and passes axe.
    const context = await newContext("card-file");
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("data:") && !r.url().startsWith("file:")) fetched.push(r.url());
    });
    await page.goto(`file://${path}`);
    await heading(page, TITLE).waitFor();
    await page.getByRole("img", { name: "QR code of the facilitator link" }).waitFor();
    expect(fetched).toEqual([]);
    await run.screenAtSizes(page, "card-file");
    await context.close();

    // Saved: the page may now be left without a question.
    const asked: string[] = [];
    home.on("dialog", (d) => void asked.push(d.type()));
    await home.goto(`${run.stack.url}/join`);
    expect(asked).toEqual([]);
  });

  step("the console opened from the facilitator link keeps its key: /f/<roomId> alone opens it again", async () => {
    facilitatorContext = await newContext("facilitator");
    facilitator = await facilitatorContext.newPage();
    await facilitator.goto(facilitatorUrl);
    await connected(facilitator);
    await heading(facilitator, "Topics").waitFor();
    expect(facilitator.url()).not.toContain("#key=");
    await expect.poll(() => deviceKeyOf(facilitator, roomId), { timeout: WAIT }).toContain(key);

    // The tab is closed; later, the same device opens the console's address without the key.
    await facilitator.close();
    facilitator = await facilitatorContext.newPage();
    await facilitator.goto(`${run.stack.url}/f/${roomId}`);
    await connected(facilitator);
    await heading(facilitator, "Topics").waitFor();
  });

  step("the console shows the facilitator link's QR code on request, with the warning, and hides it", async () => {
    const show = facilitator.getByRole("button", { name: "Show facilitator QR code" });
    expect(await show.getAttribute("aria-expanded")).toBe("false");
    await show.click();
    const qr = facilitator.getByRole("img", { name: /QR code of the facilitator link/ });
    await qr.waitFor();
    const src = (await qr.getAttribute("src"))!;
    expect(src).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(src)).toContain("<svg");
    await facilitator.getByText("Don't project this or show it to participants").waitFor();
    const hide = facilitator.getByRole("button", { name: "Hide facilitator QR code" });
    expect(await hide.getAttribute("aria-expanded")).toBe("true");
    await qr.scrollIntoViewIfNeeded();
    for (const [size, viewport] of [
      ["1024", WIDE],
      ["320", NARROW],
    ] as const) {
      await facilitator.setViewportSize(viewport);
      await facilitator.locator(".facilitator-qr").scrollIntoViewIfNeeded();
      // The console's long links break: nothing sticks out sideways (the projector link once widened the side column).
      const overflow = await facilitator.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the console is wider than ${size} px`).toBeLessThanOrEqual(0);
      await run.screen(facilitator, `console-qr-${size}`, false);
    }
    await facilitator.setViewportSize(WIDE);
    // Keyboard: the same button hides it.
    await hide.focus();
    await facilitator.keyboard.press("Enter");
    await qr.waitFor({ state: "detached" });
    expect(await show.getAttribute("aria-expanded")).toBe("false");
  });

  step("a device without the key says what a lost link means; a link pasted into the tab opens the console", async () => {
    const context = await newContext("no-key");
    const page = await context.newPage();
    await page.goto(`${run.stack.url}/f/${roomId}`);
    await heading(page, "This console needs its facilitator link").waitFor();
    await heading(page, "If the facilitator link is lost").waitFor();
    await page
      .getByText(/There is no back door/)
      .filter({ visible: true })
      .waitFor();
    await page
      .getByText(/erases itself, with everything in it, when its retention ends/)
      .filter({ visible: true })
      .waitFor();
    await run.screenAtSizes(page, "no-key");

    // Something that isn't a facilitator link is refused in words.
    await page.getByLabel("Facilitator link").fill(`${run.stack.url}/p/${roomId}`);
    await page.getByRole("button", { name: "Open the console" }).click();
    await page.getByRole("alert").filter({ hasText: "That is not a facilitator link" }).waitFor();
    await page.setViewportSize(NARROW);
    await run.screen(page, "no-key-error-320", false);
    await page.setViewportSize(WIDE);

    // The full link pasted into the address bar of this open tab: only the fragment changes.
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#key=${key}`);
    await connected(page);
    await heading(page, "Topics").waitFor();
    expect(page.url()).not.toContain("#key=");
    await expect.poll(() => deviceKeyOf(page, roomId), { timeout: WAIT }).toContain(key);
    await context.close();

    // The paste field does the same on another device.
    secondDevice = await (await newContext("paste")).newPage();
    await secondDevice.goto(`${run.stack.url}/f/${roomId}`);
    await secondDevice.getByLabel("Facilitator link").fill(facilitatorUrl);
    await secondDevice.getByRole("button", { name: "Open the console" }).click();
    await connected(secondDevice);
    await heading(secondDevice, "Topics").waitFor();
    expect(secondDevice.url()).not.toContain("#key=");
    await expect.poll(() => deviceKeyOf(secondDevice, roomId), { timeout: WAIT }).toContain(key);
  });

  step("a wrong key is refused and never replaces the key kept on the device", async () => {
    const wrong = "x".repeat(43);
    await facilitator.goto(`${run.stack.url}/f/${roomId}#key=${wrong}`);
    await heading(facilitator, "This facilitator link is not valid for this session.").waitFor();
    await heading(facilitator, "If the facilitator link is lost").waitFor();
    expect(await deviceKeyOf(facilitator, roomId)).toContain(key);
    // The refused key leaves this tab too.
    await expect.poll(async () => (await storedValues(facilitator)).some((v) => v.includes(wrong)), { timeout: WAIT }).toBe(false);
    await run.screenAtSizes(facilitator, "refused");
    await facilitator.getByRole("link", { name: "Open with the key saved on this device" }).click();
    await connected(facilitator);
    await heading(facilitator, "Topics").waitFor();
  });

  step("deleting the session forgets the key here; a device whose session is gone forgets it too", async () => {
    await facilitator.getByRole("button", { name: "Delete session…" }).click();
    await facilitator.getByRole("button", { name: "Yes, delete everything" }).click();
    await heading(facilitator, "This session no longer exists.").waitFor();
    expect(await deviceKeyOf(facilitator, roomId)).toBeNull();
    expect((await storedValues(facilitator)).some((v) => v.includes(key))).toBe(false);

    // The other device's console hears from the room that the session is gone, and forgets too.
    await heading(secondDevice, "This session no longer exists.").waitFor();
    await expect.poll(() => deviceKeyOf(secondDevice, roomId), { timeout: WAIT }).toBeNull();
    expect((await storedValues(secondDevice)).some((v) => v.includes(key))).toBe(false);
  });

  step(
    "the key went to the server in no URL and no request body",
    async () => {
      expect(key).not.toBe("");
      expect(run.sent.urls.length).toBeGreaterThan(0);
      expect(run.sent.urls.filter((u) => u.includes(key))).toEqual([]);
      expect(run.sent.bodies.filter((b) => b.includes(key))).toEqual([]);
    },
    true,
  );

  run.finalChecks();
});
