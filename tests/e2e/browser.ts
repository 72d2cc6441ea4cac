/**
 * What every browser test of a whole workshop needs: the real stack and Chromium, pages that
 * report what goes wrong on them (CSP violations, script and console errors, failed requests),
 * screenshots in test-artifacts/e2e/, axe-core on each screen, and steps that run in order (after
 * a failed step the rest are skipped, with every page's state saved) followed by the two checks
 * that always run: axe found nothing serious, and no page reported a problem.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningStack, startStack } from "../integration/stack";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium";

const ROOT = join(import.meta.dirname, "..", "..");
export const OUT = join(ROOT, "test-artifacts", "e2e");
const AXE_SOURCE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** Long enough for a loaded two-core machine; every wait is on something the page shows. */
export const WAIT = 30_000;
/** A projector or laptop, and the narrowest phone. */
export const WIDE = { width: 1024, height: 768 };
export const NARROW = { width: 320, height: 640 };

export interface Problem {
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

export interface RunOptions {
  /** Screenshots are named `<prefix>-NN-<name>.png` ("" for the plain `NN-<name>.png`). */
  prefix: string;
  /** Problems expected on a page (a known client bug, reported not failed); keep this empty. */
  knownBugs?: { kind: Problem["kind"]; text: RegExp; what: string }[];
}

export class BrowserRun {
  stack!: RunningStack;
  browser!: Browser;
  readonly pages = new Map<string, Page>();
  readonly problems: Problem[] = [];
  readonly warnings: string[] = [];
  /** Every URL any page asked for (documents, scripts, API calls, sockets) and every request body. */
  readonly sent = { urls: [] as string[], bodies: [] as string[] };
  /** The path of every same-origin request each page made, in order. */
  readonly requested = new Map<string, string[]>();
  readonly #contexts: BrowserContext[] = [];
  readonly #axeFindings: AxeFinding[] = [];
  readonly #axeScreens: string[] = [];
  /** While a context is offline (and for a few seconds after), its failed socket attempts are expected. */
  readonly #offlineUntil = new Map<string, number>();
  #shots = 0;
  #failed = false;

  constructor(readonly options: RunOptions) {
    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true });
      // This run's pictures only (other e2e files write here too).
      const mine = options.prefix ? new RegExp(`^${options.prefix}-`) : /^(\d\d-|failed-|summary)/;
      for (const f of readdirSync(OUT)) if (mine.test(f)) rmSync(join(OUT, f));
      this.stack = await startStack();
      // Playwright gives each launch a fresh, throwaway profile directory (it refuses --user-data-dir).
      this.browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    });
    afterAll(async () => {
      for (const c of this.#contexts) await c.close().catch(() => {});
      await this.browser?.close().catch(() => {});
      await this.stack?.stop();
    });
  }

  #file(name: string): string {
    return join(OUT, this.options.prefix ? `${this.options.prefix}-${name}` : name);
  }

  /** A page in a context of its own (its own storage, its own network), watched for problems. */
  async open(name: string, options: BrowserContextOptions): Promise<Page> {
    const page = await (await this.context(name, options)).newPage();
    this.pages.set(name, page);
    return page;
  }

  /** A context (one device: its own storage and network); every page opened in it is watched. */
  async context(name: string, options: BrowserContextOptions): Promise<BrowserContext> {
    const context = await this.browser.newContext({ deviceScaleFactor: 1, ...options });
    this.#contexts.push(context);
    context.setDefaultTimeout(WAIT);
    await context.exposeBinding("__candorCsp", (_source, text: string) => void this.problems.push({ page: name, kind: "csp", text }));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __candorCsp: (t: string) => void }).__candorCsp(
          `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    context.on("page", (page) => this.#watch(page, name));
    return context;
  }

  #watch(page: Page, name: string): void {
    page.on("console", (m) => {
      const text = m.text();
      if (m.type() === "warning") this.warnings.push(`[${name}] ${text}`);
      if (m.type() !== "error") return;
      const offline = (this.#offlineUntil.get(name) ?? 0) > Date.now();
      if (offline && /WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED/.test(text)) return;
      this.problems.push({ page: name, kind: "console", text });
    });
    page.on("pageerror", (e) => void this.problems.push({ page: name, kind: "pageerror", text: e.message }));
    page.on("response", (r) => {
      if (r.status() >= 400) this.problems.push({ page: name, kind: "http", text: `${r.status()} ${r.url()}` });
    });
    if (!this.requested.has(name)) this.requested.set(name, []);
    page.on("request", (r) => {
      this.sent.urls.push(r.url());
      const body = r.postData();
      if (body) this.sent.bodies.push(body);
      const url = new URL(r.url());
      if (url.origin === new URL(this.stack.url).origin) this.requested.get(name)!.push(url.pathname);
    });
    page.on("websocket", (ws) => void this.sent.urls.push(ws.url()));
  }

  /** Takes a page's network away (or gives it back); its failed socket attempts meanwhile are expected. */
  async setOffline(name: string, offline: boolean): Promise<void> {
    const page = this.pages.get(name)!;
    this.#offlineUntil.set(name, offline ? Number.POSITIVE_INFINITY : Date.now() + 5_000);
    await page.context().setOffline(offline);
  }

  /** Closes a page's whole context, as a participant closing the browser. */
  async close(name: string): Promise<void> {
    const page = this.pages.get(name)!;
    this.#offlineUntil.set(name, Number.POSITIVE_INFINITY);
    await page.context().close();
    this.pages.delete(name);
  }

  /** A screenshot in test-artifacts/e2e/, numbered in the order taken. */
  async shot(page: Page, name: string, fullPage = true): Promise<void> {
    // Every image in the picture (the QR code) loaded, and none broken.
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    const broken = await page.evaluate(() => [...document.images].filter((i) => i.naturalWidth === 0).map((i) => i.src));
    for (const src of broken) this.problems.push({ page: name, kind: "http", text: `broken image ${src}` });
    // No focus ring or caret in the picture; then let the page settle after the full-page resize,
    // so the next click doesn't land mid-reflow.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
    this.#shots += 1;
    await page.screenshot({ path: this.#file(`${String(this.#shots).padStart(2, "0")}-${name}.png`), fullPage, animations: "disabled" });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /** axe-core on the page as it is now; findings are checked together at the end. */
  async axe(page: Page, screen: string): Promise<void> {
    // evaluate (not a script tag): the app's CSP allows no inline script, and the check must not
    // cause the violations it is meant to find.
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
    this.#axeScreens.push(screen);
    this.#axeFindings.push(...found.map((f) => ({ screen, ...f })));
  }

  /** "Shot and check": most screens get both. */
  async screen(page: Page, name: string, fullPage = true): Promise<void> {
    await this.shot(page, name, fullPage);
    await this.axe(page, name);
  }

  /**
   * The screen at each size (default 1024×768, then 320×640): nothing sticks out sideways, then a
   * picture and an axe run at each, named `<name>-<width>`; back to the first size.
   */
  async screenAtSizes(page: Page, name: string, fullPage = true, sizes = [WIDE, NARROW]): Promise<void> {
    for (const viewport of sizes) {
      await page.setViewportSize(viewport);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} is wider than ${viewport.width} px`).toBeLessThanOrEqual(0);
      await this.screen(page, `${name}-${viewport.width}`, fullPage);
    }
    await page.setViewportSize(sizes[0]!);
  }

  /** One step of the workshop; after a failure the remaining steps are skipped, with the pages' state saved. */
  step(name: string, fn: () => Promise<void>, always = false): void {
    it(name, async (ctx) => {
      if (this.#failed && !always) ctx.skip();
      try {
        await fn();
      } catch (e) {
        if (always) throw e;
        this.#failed = true;
        for (const [pageName, page] of this.pages)
          await page.screenshot({ path: this.#file(`failed-${pageName}.png`), fullPage: true }).catch(() => {});
        const logs = this.stack?.logs();
        if (logs) console.error(`--- wrangler dev (tail) ---\n${logs.worker.slice(-3000)}`);
        throw e;
      }
    });
  }

  /** The two checks that always run last: declare them after the run's steps. */
  finalChecks(): void {
    this.step(
      "axe finds no serious or critical problem on any screen",
      async () => {
        writeFileSync(this.#file("axe.json"), JSON.stringify({ screens: this.#axeScreens, findings: this.#axeFindings }, null, 2));
        for (const f of this.#axeFindings) console.log(`axe ${f.impact} on ${f.screen}: ${f.id} — ${f.help} (${f.targets.join(" | ")})`);
        expect(this.#axeScreens.length).toBeGreaterThan(0);
        expect(this.#axeFindings.filter((f) => f.impact === "serious" || f.impact === "critical")).toEqual([]);
      },
      true,
    );
    this.step(
      "no page reported a CSP violation, a script error, a console error or a failed request",
      async () => {
        if (this.warnings.length) console.log(`console warnings:\n${this.warnings.join("\n")}`);
        expect(this.requested.size).toBeGreaterThan(0);
        const bugs = this.options.knownBugs ?? [];
        const known = (p: Problem) => bugs.find((b) => b.kind === p.kind && b.text.test(p.text));
        for (const p of this.problems.filter(known)) console.warn(`KNOWN CLIENT BUG on ${p.page}: ${known(p)!.what}: ${p.text}`);
        expect(this.problems.filter((p) => !known(p))).toEqual([]);
      },
      true,
    );
  }
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { name });
