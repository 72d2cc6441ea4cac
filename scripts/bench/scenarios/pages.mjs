// Page weight: every script and stylesheet a page fetches during its first load, gzipped at level 9,
// and a transfer-time model of the phone's first load on 3G (kept for comparison with the browser
// measurement of phone-load.mjs).
//
// Measured in the real Chromium the bench drives (the one of phone-load.mjs), against the running
// stack: a page's first load is everything it fetches from navigation until its first screen is up
// (the phone's notice with its Continue button, the home page's create form, the projector's lobby,
// the console) and the network has then been quiet for QUIET_MS. So a chunk the page imports at boot
// (a language's catalogue, say) counts like one its HTML names; a chunk fetched only on a later
// event (a panel opened, a result revealed) does not. Each page is a fresh browser context with an
// empty cache, not throttled. The sizes are those of the bodies served, gzipped here at level 9
// (what the wire would carry with a good compressor); the HTML's is the document's own.
//
// Without Chromium (a quick run), or for another build than the one the stack serves (BENCH_DIST),
// the older static measure stands in, and the report says so: what each HTML page names (entry
// script, modulepreloads, stylesheets) and their static imports, which misses every chunk a page
// imports at run time.
//
// Alone: `npx tsx scripts/bench/scenarios/pages.mjs` (needs a built dist/client) starts a stack of
// its own, measures, prints the table rows and the per-page file lists as JSON.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { constants as zlibConstants, gzipSync } from "node:zlib";
import { DIST } from "../config.mjs";
import { namedIn as named } from "../html.mjs";
import { closePhoneBrowser, launchPhoneBrowser } from "../phone-load.mjs";

export const PAGES = ["phone", "index", "projector", "console"];

/** The network must stay this quiet after the first screen for the first load to be over. */
export const QUIET_MS = 1000;
/** Bound on every wait of one page's load. */
const WAIT_MS = 20_000;

/**
 * Each page's address (from the room the step creates) and what says its first screen is up, by
 * structure rather than by words, so a translated page is recognized alike.
 */
const FIRST_SCREEN = {
  // The anonymity notice with its Continue button (client/src/phone/Welcome.tsx).
  phone: { url: (stack, room) => room.joinUrl ?? `${stack.url}/j/${room.joinCode}`, ready: ".welcome-form button[type=submit]" },
  // The create form (client/src/home/CreateForm.tsx).
  index: { url: (stack) => `${stack.url}/`, ready: "form.create" },
  // The projector itself, not its "Loading…" or error message (client/src/projector.tsx).
  projector: { url: (_stack, room) => room.projectorUrl, ready: ".projector:not(.projector__message)" },
  // The console's grid of panels, drawn once the doc has synced (client/src/console.tsx).
  console: { url: (_stack, room) => room.facilitatorUrl, ready: ".console__grid" },
};

const gz = (buf) => gzipSync(buf, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
const kind = (path) => (path.endsWith(".css") ? "css" : path.endsWith(".js") ? "js" : null);

/** Sums of what a page loads: `bodies` maps each file's path to its bytes; `lazy` names those its HTML doesn't. */
function weigh(page, html, bodies, lazy) {
  let js = 0;
  let css = 0;
  let jsRaw = 0;
  let cssRaw = 0;
  const files = [];
  for (const [path, body] of bodies) {
    const size = gz(body);
    if (kind(path) === "css") (css += size), (cssRaw += body.length);
    else (js += size), (jsRaw += body.length);
    const name = path.replace(/^\/assets\//, "");
    files.push(lazy.has(path) ? `${name} (imported at run time)` : name);
  }
  return { page, js, css, jsRaw, cssRaw, htmlGz: gz(Buffer.from(html)), files };
}

/** The scripts and stylesheets an HTML text names (`<script src>`, modulepreloads, stylesheets), as one set. */
function namedIn(html) {
  const { scripts, preloads, styles } = named(html);
  return new Set([...scripts, ...preloads, ...styles]);
}

/**
 * One page's first load in a fresh context: navigate, wait for its first screen, then for QUIET_MS
 * without a request in flight or starting (the room's WebSocket is not a request here). Returns
 * the document and the paths of the scripts and stylesheets fetched, in order.
 */
async function firstLoad(browser, page, url, ready) {
  const phone = page === "phone";
  const context = await browser.newContext({
    viewport: phone ? { width: 360, height: 740 } : { width: 1280, height: 800 },
    isMobile: phone,
    hasTouch: phone,
    serviceWorkers: "block",
  });
  try {
    context.setDefaultTimeout(WAIT_MS);
    const tab = await context.newPage();
    const origin = new URL(url).origin;
    const assets = [];
    const errors = [];
    let inFlight = 0;
    let last = performance.now();
    const touch = () => (last = performance.now());
    tab.on("request", (r) => {
      inFlight++;
      touch();
      const u = new URL(r.url());
      if (u.origin === origin && kind(u.pathname) && !assets.includes(u.pathname)) assets.push(u.pathname);
    });
    const done = () => (inFlight--, touch());
    tab.on("requestfinished", done);
    tab.on("requestfailed", done);
    tab.on("pageerror", (e) => errors.push(e.message));
    const response = await tab.goto(url, { waitUntil: "load", timeout: WAIT_MS });
    if (!response?.ok()) throw new Error(`${page}: ${url} answered ${response?.status()}`);
    const html = await response.text();
    await tab.waitForSelector(ready, { state: "visible", timeout: WAIT_MS });
    const end = performance.now() + WAIT_MS;
    while (inFlight > 0 || performance.now() - last < QUIET_MS) {
      if (performance.now() > end) throw new Error(`${page}: the network never went quiet for ${QUIET_MS} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (errors.length) throw new Error(`${page}: errors on the page: ${errors.join("; ")}`);
    return { html, assets };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * The browser measurement: a room is created (so the projector and console have a session to
 * show), then each page of PAGES is loaded once. Returns one row per page, plus `method: "browser"`.
 */
export async function pageWeightsInBrowser(stack, { createRoom, log = () => {} }) {
  const room = await createRoom(stack, { domainIds: ["safety"], title: "Benchmark" });
  const browser = await launchPhoneBrowser();
  try {
    const rows = [];
    for (const page of PAGES) {
      const { url, ready } = FIRST_SCREEN[page];
      const { html, assets } = await firstLoad(browser, page, url(stack, room), ready);
      const named = namedIn(html);
      const bodies = new Map();
      for (const path of assets) {
        const res = await fetch(`${stack.url}${path}`, { signal: AbortSignal.timeout(15_000) });
        if (!res.ok) throw new Error(`${page}: ${path} answered ${res.status}`);
        bodies.set(path, Buffer.from(await res.arrayBuffer()));
      }
      const row = weigh(page, html, bodies, new Set(assets.filter((p) => !named.has(p))));
      log(`  ${page}: ${(row.js / 1024).toFixed(1)} KB JS gz in ${assets.filter((p) => kind(p) === "js").length} scripts`);
      rows.push(row);
    }
    return { method: "browser", quietMs: QUIET_MS, rows };
  } finally {
    await closePhoneBrowser();
  }
}

/** The static measure of one built page: what its HTML names and their static imports. */
export function staticPageWeight(page) {
  const html = readFileSync(join(DIST, `${page}.html`), "utf8");
  const files = namedIn(html);
  // Static imports the HTML did not list (Vite normally lists them all as modulepreload).
  const queue = [...files].filter((f) => f.endsWith(".js"));
  while (queue.length) {
    const file = queue.shift();
    const path = join(DIST, file.replace(/^\//, ""));
    if (!existsSync(path)) continue;
    const code = readFileSync(path, "utf8");
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      const dep = `/${join(dirname(file.replace(/^\//, "")), m[1])}`;
      if (!files.has(dep)) files.add(dep), queue.push(dep);
    }
  }
  const bodies = new Map();
  for (const file of files) {
    if (/^[a-z]+:\/\//i.test(file)) continue;
    const path = join(DIST, file.replace(/^\//, ""));
    if (!existsSync(path)) throw new Error(`${page}.html loads ${file}, which is not in ${DIST}`);
    bodies.set(file, readFileSync(path));
  }
  return weigh(page, html, bodies, new Set());
}

export const staticPageWeights = () => ({
  method: "static",
  rows: PAGES.filter((p) => existsSync(join(DIST, `${p}.html`))).map(staticPageWeight),
});

/**
 * A transfer-time model of the phone's first load on the 3G profile of docs/design.md §8
 * (400 kbps, 400 ms RTT): TCP connect, HTML, then scripts and styles in parallel on one
 * connection, then the room socket's connect and upgrade. It leaves out parse/render time. It
 * predates the browser measurement (phone-load.mjs) and is kept only for comparison: the phone
 * opens its socket while the notice is shown, so the socket's 2 RTT are not on the path to "usable".
 */
export function threeGModel(phone) {
  const rtt = 0.4;
  const bytesPerSecond = 400_000 / 8;
  const html = rtt + rtt + phone.htmlGz / bytesPerSecond; // connect, then request
  const assets = rtt + (phone.js + phone.css) / bytesPerSecond;
  const socket = rtt + rtt; // connect + upgrade to the room
  return html + assets + socket;
}

// Alone: `npx tsx scripts/bench/scenarios/pages.mjs` (needs a built dist/client).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { startStack } = await import("../../stack.mjs");
  const { rmSync } = await import("node:fs");
  const stack = await startStack();
  // The bench's own room creation (./client.mjs), as in a whole run.
  const { createRoom } = await import("../client.mjs");
  try {
    const r = await pageWeightsInBrowser(stack, { createRoom, log: (s) => process.stderr.write(`${s}\n`) });
    const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
    for (const p of r.rows)
      console.log(
        `| ${p.page} | ${kb(p.js)} | ${kb(p.css)} | ${kb(p.jsRaw)} | ${kb(p.cssRaw)} | ${kb(p.htmlGz)} | ${p.files.join(", ")} |`,
      );
  } finally {
    await closePhoneBrowser();
    await stack.stop();
    rmSync(stack.persistDir, { recursive: true, force: true });
  }
}
