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
 * last two, which check axe and what every page reported, always run). New screens are
 * screenshotted to test-artifacts/e2e/keys-*.png at 1024×768 and 320×640 and checked with axe.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningStack, startStack } from "../integration/stack";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium";

const ROOT = join(import.meta.dirname, "..", "..");
const OUT = join(ROOT, "test-artifacts", "e2e");
const AXE_SOURCE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** Long enough for a loaded two-core machine; every wait is on something the page shows. */
const WAIT = 30_000;
const WIDE = { width: 1024, height: 768 };
const NARROW = { width: 320, height: 640 };
/** Markup characters in the title: the file must escape them. */
const TITLE = "Keys review <North> & “East”";
const DEVICE_KEY = (roomId: string) => `candor:facilitator:${roomId}`;

interface Problem {
  page: string;
  kind: "console" | "pageerror" | "csp" | "http";
  text: string;
}
interface AxeFinding {
  screen: string;
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let stack: RunningStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: Problem[] = [];
const axeFindings: AxeFinding[] = [];
const axeScreens: string[] = [];
/** Every URL any page asked for (documents, scripts, API calls, sockets): the key must be in none. */
const urlsSent: string[] = [];
/** Every request body any page sent. */
const bodiesSent: string[] = [];

function watch(page: Page, name: string): void {
  page.on("console", (m) => {
    if (m.type() === "error") problems.push({ page: name, kind: "console", text: m.text() });
  });
  page.on("pageerror", (e) => void problems.push({ page: name, kind: "pageerror", text: e.message }));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push({ page: name, kind: "http", text: `${r.status()} ${r.url()}` });
  });
  page.on("request", (r) => {
    urlsSent.push(r.url());
    const body = r.postData();
    if (body) bodiesSent.push(body);
  });
  page.on("websocket", (ws) => void urlsSent.push(ws.url()));
}

async function newContext(name: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ deviceScaleFactor: 1, viewport: WIDE, ...options });
  contexts.push(context);
  context.setDefaultTimeout(WAIT);
  await context.exposeBinding("__candorCsp", (_source, text: string) => void problems.push({ page: name, kind: "csp", text }));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __candorCsp: (t: string) => void }).__candorCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  context.on("page", (p) => watch(p, name));
  return context;
}

/** A screenshot in test-artifacts/e2e/keys-<name>.png, with every image loaded and no focus ring. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.screenshot({ path: join(OUT, `keys-${name}.png`), fullPage, animations: "disabled" });
}

/** axe-core on the page as it is now; findings are checked together at the end. */
async function axe(page: Page, screen: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const run = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe.run;
    const r = await run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
  axeScreens.push(screen);
  axeFindings.push(...found.map((f) => ({ screen, ...f })));
}

/** The screen at 1024×768 and at 320×640: a picture and an axe run at each; back to 1024×768. */
async function bothSizes(page: Page, name: string, fullPage = true): Promise<void> {
  for (const [size, viewport] of [
    ["1024", WIDE],
    ["320", NARROW],
  ] as const) {
    await page.setViewportSize(viewport);
    // Nothing sticks out sideways at this width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} is wider than ${size} px`).toBeLessThanOrEqual(0);
    await shot(page, `${name}-${size}`, fullPage);
    await axe(page, `${name}-${size}`);
  }
  await page.setViewportSize(WIDE);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { name });
const connected = (page: Page) => page.getByRole("status").filter({ hasText: "Connected" }).waitFor();
const deviceKeyOf = (page: Page, roomId: string) => page.evaluate((k) => localStorage.getItem(k), DEVICE_KEY(roomId));
/** Every value in both web storages of the page's origin. */
const storedValues = (page: Page) =>
  page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((s) => Array.from({ length: s.length }, (_, i) => s.getItem(s.key(i) ?? "") ?? "")),
  );

let failed = false;
/** One step; after a failure the remaining steps are skipped, with the pages' state saved. */
function step(name: string, fn: () => Promise<void>, always = false): void {
  it(name, async (ctx) => {
    if (failed && !always) ctx.skip();
    try {
      await fn();
    } catch (e) {
      if (always) throw e;
      failed = true;
      let n = 0;
      for (const c of contexts)
        for (const p of c.pages()) await p.screenshot({ path: join(OUT, `keys-failed-${++n}.png`), fullPage: true }).catch(() => {});
      const logs = stack?.logs();
      if (logs) console.error(`--- wrangler dev (tail) ---\n${logs.worker.slice(-3000)}`);
      throw e;
    }
  });
}

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

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    // This run's pictures only (other e2e files write here too).
    for (const f of readdirSync(OUT)) if (f.startsWith("keys-")) rmSync(join(OUT, f));
    stack = await startStack();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await stack?.stop();
  });

  step("the created page offers the session card and asks before it is left", async () => {
    const context = await newContext("home", { acceptDownloads: true });
    home = await context.newPage();
    await home.goto(`${stack.url}/`);
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
    await bothSizes(home, "created");

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
    await shot(home, "created-leave-1024", false);
    await axe(home, "created-leave-1024");
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
    await shot(home, "card-print", true);
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
    await bothSizes(page, "card-file");
    await context.close();

    // Saved: the page may now be left without a question.
    const asked: string[] = [];
    home.on("dialog", (d) => void asked.push(d.type()));
    await home.goto(`${stack.url}/join`);
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
    await facilitator.goto(`${stack.url}/f/${roomId}`);
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
      await shot(facilitator, `console-qr-${size}`, false);
      await axe(facilitator, `console-qr-${size}`);
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
    await page.goto(`${stack.url}/f/${roomId}`);
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
    await bothSizes(page, "no-key");

    // Something that isn't a facilitator link is refused in words.
    await page.getByLabel("Facilitator link").fill(`${stack.url}/p/${roomId}`);
    await page.getByRole("button", { name: "Open the console" }).click();
    await page.getByRole("alert").filter({ hasText: "That is not a facilitator link" }).waitFor();
    await page.setViewportSize(NARROW);
    await shot(page, "no-key-error-320", false);
    await axe(page, "no-key-error-320");
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
    await secondDevice.goto(`${stack.url}/f/${roomId}`);
    await secondDevice.getByLabel("Facilitator link").fill(facilitatorUrl);
    await secondDevice.getByRole("button", { name: "Open the console" }).click();
    await connected(secondDevice);
    await heading(secondDevice, "Topics").waitFor();
    expect(secondDevice.url()).not.toContain("#key=");
    await expect.poll(() => deviceKeyOf(secondDevice, roomId), { timeout: WAIT }).toContain(key);
  });

  step("a wrong key is refused and never replaces the key kept on the device", async () => {
    const wrong = "x".repeat(43);
    await facilitator.goto(`${stack.url}/f/${roomId}#key=${wrong}`);
    await heading(facilitator, "This facilitator link is not valid for this session.").waitFor();
    await heading(facilitator, "If the facilitator link is lost").waitFor();
    expect(await deviceKeyOf(facilitator, roomId)).toContain(key);
    // The refused key leaves this tab too.
    await expect.poll(async () => (await storedValues(facilitator)).some((v) => v.includes(wrong)), { timeout: WAIT }).toBe(false);
    await bothSizes(facilitator, "refused");
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
      expect(urlsSent.length).toBeGreaterThan(0);
      expect(urlsSent.filter((u) => u.includes(key))).toEqual([]);
      expect(bodiesSent.filter((b) => b.includes(key))).toEqual([]);
    },
    true,
  );

  step(
    "axe finds no serious or critical problem on any screen",
    async () => {
      writeFileSync(join(OUT, "keys-axe.json"), JSON.stringify({ screens: axeScreens, findings: axeFindings }, null, 2));
      for (const f of axeFindings) console.log(`axe ${f.impact} on ${f.screen}: ${f.id} — ${f.help} (${f.targets.join(" | ")})`);
      expect(axeScreens.length).toBeGreaterThan(0);
      expect(axeFindings.filter((f) => f.impact === "serious" || f.impact === "critical")).toEqual([]);
    },
    true,
  );

  step(
    "no page reported a CSP violation, a script error, a console error or a failed request",
    async () => {
      expect(problems).toEqual([]);
    },
    true,
  );
});
