// The phone page's first load on throttled 3G (docs/design.md §8: "usable within 2.0 s on
// throttled 3G, 400 kbps, 400 ms RTT"), measured in Debian's Chromium through playwright-core
// against the running stack. Used by run.mjs; `node scripts/bench/phone-load.mjs` runs it alone on
// a stack of its own and prints the result as JSON (for working on this file).
//
// The flow it measures: `/j/<code>` is HTML with the join answer (`{ roomId, title, k }`) embedded
// as `<script type="application/json" id="candor-join">`, so the phone makes no `/api/join`
// request; its JS and CSS load; it shows the anonymity notice and opens the room socket at once
// (at the app's own origin, `/parties/room/<roomId>`), but sends its `hello` only when the person
// presses Continue; the room's `welcome` then brings the waiting screen ("You're in"). The bench
// checks each step of that (the block is in the page, no API request was made, no hello went out
// before Continue) and reports any departure.
//
// Each load is a fresh browser context (empty cache, no storage) with a 360×740 touch viewport.
// A CDP session of the page applies Network.emulateNetworkConditions: `latency` is "minimum
// latency from request sent to response headers received", i.e. added to every request (and the
// socket's handshake), not per packet; throughputs are bytes/s shared by all transfers. Connection
// set-up (DNS, TCP, TLS) is NOT emulated: on loopback it costs nothing, so the figures are for an
// already-resolved host whose connections open instantly. The CPU is not throttled either.
//
// Every throttled load is made in two ways, alternating: Continue clicked as soon as the notice is
// usable (as the bench always did), and Continue clicked after a reading pause of PAUSE_MS on the
// page's clock, long enough for the socket opened during the notice to be ready.
//
// Times come from the page's own clock (performance.now(), 0 = navigation start): an init script
// records when the notice's Continue button is in the DOM, visible and enabled ("usable", taken
// after the next frame), when the Continue click happens, and when the waiting screen's heading
// ("You're in") appears ("joined"). CDP Network events give the waterfall and the socket's upgrade,
// hello and welcome; they are put on the page's clock through the document's send time (CDP
// ResourceTiming.sendStart = the navigation entry's requestStart).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../tests/e2e/chromium.ts";
import { namedIn } from "./html.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
export { CHROMIUM };
export const PROFILE = { latencyMs: 400, kbps: 400 };
export const VIEWPORT = { width: 360, height: 740 };
export const LOADS = 5;
/** The reading pause of the second way of clicking Continue (ms from "usable" to the click). */
export const PAUSE_MS = 1000;
/** The two ways of clicking Continue, each measured LOADS times (alternating). */
export const MODES = [
  { pauseMs: 0, label: "Continue at once" },
  { pauseMs: PAUSE_MS, label: `Continue after a ${PAUSE_MS / 1000} s pause` },
];
/** The data block's id (worker/phone-boot.ts, client/src/phone/boot.ts). */
const BOOT_ID = "candor-join";
const TITLE = "Benchmark";
/** Bounds on every wait of one load; far above the expected few seconds. */
const WAIT_MS = 20_000;

/** The English strings the bench waits for, read from the client so a wording change follows. */
function uiStrings() {
  const en = readFileSync(join(ROOT, "client", "src", "i18n", "en", "phone.ts"), "utf8");
  const get = (key) => {
    const m = new RegExp(`"${key.replace(/\./g, "\\.")}":\\s*"([^"]*)"`).exec(en);
    if (!m) throw new Error(`client/src/i18n/en/phone.ts has no "${key}"`);
    return m[1];
  };
  return { continue: get("phone.welcome.continue"), joined: get("phone.lobby.title"), welcome: get("phone.welcome.title") };
}

/** Runs in the page before its own scripts: marks "usable", the click and "joined" on the page's clock. */
function pageProbe(strings) {
  const marks = {};
  Object.defineProperty(window, "__benchMarks", { value: marks });
  const now = () => performance.now();
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
  };
  // After the next frame: the DOM change has been rendered (rAF runs before paint; the message
  // after it runs once the frame is done).
  const afterFrame = (key) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (marks[key] = now());
      ch.port2.postMessage(0);
    });
  const check = () => {
    if (marks.usableDom === undefined) {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === strings.continue);
      if (button && !button.disabled && visible(button)) {
        marks.usableDom = now();
        afterFrame("usable");
      }
    }
    if (marks.joinedDom === undefined) {
      const heading = [...document.querySelectorAll("h1, h2")].find((h) => h.textContent.trim() === strings.joined);
      if (heading && visible(heading)) {
        marks.joinedDom = now();
        afterFrame("joined");
      }
    }
    if (marks.usableDom !== undefined && marks.joinedDom !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener("click", () => (marks.click ??= now()), true);
}

let browser = null;

/** Closes the browser if one is open (run.mjs's cleanup calls this on any failure). */
export async function closePhoneBrowser() {
  const b = browser;
  browser = null;
  await b?.close().catch(() => {});
}

export async function launchPhoneBrowser() {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    timeout: 30_000,
  });
  return browser;
}

/** The template the phone renders: the room's snapshot (`/api/rooms/:roomId/template`), or a catalogue one. */
const isTemplate = (path) => /^\/api\/rooms\/[^/]+\/template$/.test(path) || path.startsWith("/api/templates/");

const name = (url) => {
  const u = new URL(url);
  if (u.protocol.startsWith("ws")) return `WebSocket ${u.pathname.replace(/\/parties\/room\/[^/]+/, "/parties/room/:room")}`;
  if (u.pathname.startsWith("/j/")) return "/j/:code (HTML)";
  if (u.pathname.startsWith("/api/join/")) return "/api/join/:code";
  if (/^\/api\/rooms\/[^/]+\/template$/.test(u.pathname)) return "/api/rooms/:roomId/template";
  return u.pathname.replace(/^\/assets\//, "");
};

/**
 * One cold load: navigate to the join link, wait until the notice is usable, click Continue (at
 * once, or `pauseMs` after "usable" on the page's clock), wait for "joined" and for the template
 * JSON. Returns the page marks, the request waterfall and the room socket's events.
 */
async function oneLoad(joinUrl, title, strings, { throttle, pauseMs = 0 }) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    serviceWorkers: "block",
  });
  try {
    context.setDefaultTimeout(WAIT_MS);
    await context.addInitScript(pageProbe, strings);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

    const cdp = await context.newCDPSession(page);
    const reqs = new Map();
    const req = (id) => {
      let r = reqs.get(id);
      if (!r) reqs.set(id, (r = { id, bytes: 0, decoded: 0 }));
      return r;
    };
    cdp.on("Network.requestWillBeSent", (e) => {
      const r = req(e.requestId);
      Object.assign(r, { url: e.request.url, method: e.request.method, type: e.type, sent: e.timestamp, wall: e.wallTime });
    });
    cdp.on("Network.responseReceived", (e) => {
      const r = req(e.requestId);
      Object.assign(r, {
        headers: e.timestamp,
        status: e.response.status,
        protocol: e.response.protocol,
        timing: e.response.timing,
        connectionId: e.response.connectionId,
        reused: e.response.connectionReused,
        headerBytes: e.response.encodedDataLength,
      });
    });
    cdp.on("Network.dataReceived", (e) => (req(e.requestId).decoded += e.dataLength));
    cdp.on("Network.loadingFinished", (e) => Object.assign(req(e.requestId), { done: e.timestamp, bytes: e.encodedDataLength }));
    cdp.on("Network.loadingFailed", (e) => Object.assign(req(e.requestId), { done: e.timestamp, failed: e.errorText }));
    const ws = { count: 0, hellos: 0 };
    cdp.on("Network.webSocketCreated", (e) => (ws.count++, (ws.id ??= e.requestId), e.requestId === ws.id && (ws.url = e.url)));
    // webSocketCreated has no timestamp; the handshake events do.
    cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => e.requestId === ws.id && (ws.handshakeSent ??= e.timestamp));
    cdp.on(
      "Network.webSocketHandshakeResponseReceived",
      (e) => e.requestId === ws.id && ((ws.handshakeDone ??= e.timestamp), (ws.status = e.response.status)),
    );
    cdp.on("Network.webSocketFrameSent", (e) => {
      if (e.requestId !== ws.id) return;
      if (/"t":"hello"/.test(e.response.payloadData)) (ws.helloSent ??= e.timestamp), ws.hellos++;
    });
    cdp.on("Network.webSocketFrameReceived", (e) => {
      if (e.requestId !== ws.id) return;
      const data = e.response.payloadData;
      ws.framesIn = (ws.framesIn ?? 0) + 1;
      ws.bytesIn = (ws.bytesIn ?? 0) + data.length;
      if (/"t":"welcome"/.test(data)) (ws.welcome ??= e.timestamp), (ws.welcomeBytes ??= data.length);
    });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (throttle) {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: PROFILE.latencyMs,
        downloadThroughput: (PROFILE.kbps * 1000) / 8,
        uploadThroughput: (PROFILE.kbps * 1000) / 8,
      });
    }

    const response = await page.goto(joinUrl, { waitUntil: "commit", timeout: WAIT_MS });
    await page.waitForFunction(() => window.__benchMarks.usable !== undefined, null, { timeout: WAIT_MS, polling: 50 });
    // The same check the e2e test makes: the notice and an enabled Continue button.
    const button = page.getByRole("button", { name: strings.continue });
    if (!(await button.isVisible()) || !(await button.isEnabled()))
      throw new Error("Continue marked usable but Playwright finds it hidden or disabled");
    const heading = (await page.locator("h1").first().textContent())?.trim();
    if (heading !== strings.welcome.replace("{title}", title)) throw new Error(`unexpected heading on the notice: ${heading}`);

    // The reading pause, on the page's clock (the checks above happen during it).
    if (pauseMs > 0)
      await page.waitForFunction((ms) => performance.now() >= window.__benchMarks.usable + ms, pauseMs, { timeout: WAIT_MS, polling: 10 });
    await button.click();
    await page.waitForFunction(() => window.__benchMarks.joined !== undefined, null, { timeout: WAIT_MS, polling: 50 });
    // The template JSON is fetched once the room's welcome names it; wait for it to finish.
    const templateReq = () => [...reqs.values()].find((r) => r.url && isTemplate(new URL(r.url).pathname));
    const deadline = performance.now() + WAIT_MS;
    while (!templateReq()?.done && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100)); // late events (favicon, frames)

    const pageInfo = await page.evaluate((bootId) => {
      const nav = performance.getEntriesByType("navigation")[0];
      const paint = Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]));
      return {
        marks: { ...window.__benchMarks },
        nav: {
          requestStart: nav.requestStart,
          responseEnd: nav.responseEnd,
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
        },
        fcp: paint["first-contentful-paint"] ?? null,
        timeOrigin: performance.timeOrigin,
        // The Worker's data block: still in the DOM (the phone reads it, it doesn't remove it).
        boot: (() => {
          const el = document.getElementById(bootId);
          if (!el) return null;
          let keys = null;
          try {
            keys = Object.keys(JSON.parse(el.textContent ?? ""));
          } catch {}
          return {
            type: el.getAttribute("type"),
            inHead: el.parentElement === document.head,
            bytes: new TextEncoder().encode(el.outerHTML).length,
            keys,
          };
        })(),
      };
    }, BOOT_ID);
    // What the HTML itself names (a run-time import adds <link>s of its own to the live DOM).
    const paths = (list) => list.map((href) => new URL(href, joinUrl).pathname);
    const named = namedIn((await response?.text().catch(() => "")) ?? "");
    Object.assign(pageInfo, { entry: paths(named.scripts), preloads: paths(named.preloads), styles: paths(named.styles) });
    await cdp.detach().catch(() => {});

    // CDP monotonic seconds → page milliseconds (0 = navigation start).
    const doc = [...reqs.values()].find((r) => r.type === "Document");
    if (!doc?.timing) throw new Error("no document response seen over CDP");
    let zero = doc.timing.requestTime * 1000 + doc.timing.sendStart - pageInfo.nav.requestStart;
    if (!Number.isFinite(zero)) zero = doc.sent * 1000 - (doc.wall * 1000 - pageInfo.timeOrigin);
    const at = (s) => (s === undefined ? null : s * 1000 - zero);

    const roleOf = (r) => {
      const u = new URL(r.url);
      if (r === doc) return "html";
      if (pageInfo.entry.includes(u.pathname)) return "entry";
      if (pageInfo.preloads.includes(u.pathname)) return "preload";
      if (pageInfo.styles.includes(u.pathname)) return "css";
      // A script or stylesheet the HTML doesn't name: imported at run time (a language's catalogue, say).
      if (u.origin === new URL(doc.url).origin && /^\/assets\/.+\.(js|css)$/.test(u.pathname)) return "import";
      if (u.pathname.startsWith("/api/join/")) return "api";
      if (isTemplate(u.pathname)) return "template";
      return "other";
    };
    const requests = [...reqs.values()]
      .filter((r) => r.url && /^https?:/.test(r.url))
      .map((r) => ({
        name: name(r.url),
        role: roleOf(r),
        start: at(r.sent),
        // ResourceTiming's receiveHeadersEnd (the responseReceived event itself can arrive later).
        headers: r.timing ? r.timing.requestTime * 1000 + r.timing.receiveHeadersEnd - zero : at(r.headers),
        end: at(r.done),
        bytes: r.bytes,
        headerBytes: r.headerBytes ?? null,
        decoded: r.decoded,
        protocol: r.protocol ?? null,
        connection: r.connectionId ?? null,
        reused: r.reused ?? null,
        failed: r.failed ?? null,
        status: r.status ?? null,
      }))
      .sort((a, b) => a.start - b.start);
    const socket = ws.id
      ? {
          name: name(ws.url),
          handshakeSent: at(ws.handshakeSent),
          handshakeDone: at(ws.handshakeDone),
          status: ws.status ?? null,
          helloSent: at(ws.helloSent),
          welcome: at(ws.welcome),
          welcomeBytes: ws.welcomeBytes ?? null,
          framesIn: ws.framesIn ?? 0,
          hellos: ws.hellos,
          sockets: ws.count,
        }
      : null;
    const m = pageInfo.marks;
    return {
      pauseMs,
      boot: pageInfo.boot,
      usable: m.usable ?? null,
      usableDom: m.usableDom ?? null,
      fcp: pageInfo.fcp,
      click: m.click ?? null,
      joined: m.joined ?? null,
      clickToJoined: m.joined !== undefined && m.click !== undefined ? m.joined - m.click : null,
      template: requests.find((r) => r.role === "template") ?? null,
      requests,
      socket,
      docSentAt: at(doc.sent),
      errors,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/**
 * The scripts and stylesheets of the first load: what the HTML names, and what the page imports at
 * run time before the notice is usable (a language's catalogue, say); not what it fetches later
 * (the ballot's scripts, with the template, once the room has welcomed the phone).
 */
const firstAssets = (load) =>
  load.requests.filter(
    (r) => ["entry", "preload", "css"].includes(r.role) || (r.role === "import" && load.usable !== null && r.start < load.usable),
  );

/** Where the time goes in one load: the critical chain, event by event (page ms). */
export function phases(load) {
  const by = (role) => load.requests.filter((r) => r.role === role);
  const html = by("html")[0];
  const assets = firstAssets(load);
  const api = by("api");
  const max = (rs, k) => (rs.length ? Math.max(...rs.map((r) => r[k] ?? -Infinity)) : null);
  const min = (rs, k) => (rs.length ? Math.min(...rs.map((r) => r[k] ?? Infinity)) : null);
  const s = load.socket;
  return {
    htmlStart: html?.start ?? null,
    htmlEnd: html?.end ?? null,
    assetsStart: min(assets, "start"),
    assetsEnd: max(assets, "end"),
    // Only when the page came without its data block (or the phone ignored it): the old fallback.
    apiStart: min(api, "start"),
    apiEnd: max(api, "end"),
    usable: load.usable,
    wsHandshakeSent: s?.handshakeSent ?? null,
    wsHandshakeDone: s?.handshakeDone ?? null,
    click: load.click,
    helloSent: s?.helloSent ?? null,
    welcome: s?.welcome ?? null,
    joined: load.joined,
    templateStart: load.template?.start ?? null,
    templateEnd: load.template?.end ?? null,
  };
}

const span = (a, b) => (a === null || a === undefined || b === null || b === undefined ? null : b - a);

/** Phase durations of one load (ms), in critical-chain order, plus the bytes before "usable". */
export function breakdown(load) {
  const p = phases(load);
  const early = load.requests.filter((r) => r.start !== null && load.usable !== null && r.start < load.usable);
  const assets = firstAssets(load);
  const html = load.requests.find((r) => r.role === "html");
  const sum = (rs, k) => rs.reduce((n, r) => n + (r[k] ?? 0), 0);
  return {
    html: span(0, p.htmlEnd),
    htmlBytes: html?.bytes ?? null,
    htmlDecoded: html?.decoded ?? null,
    bootBytes: load.boot?.bytes ?? null,
    discover: span(p.htmlEnd, p.assetsStart),
    assets: span(p.assetsStart, p.assetsEnd),
    // Last asset byte → usable: run the JS, read the data block, render the notice (and, without
    // the block, the API round trip: then `boot` and `api` say how much of it that was).
    render: span(p.assetsEnd, p.usable),
    boot: span(p.assetsEnd, p.apiStart),
    api: span(p.apiStart, p.apiEnd),
    usable: p.usable,
    // The room socket, opened while the notice is shown (relative to "usable"; < 0 = before it).
    socketRequested: span(p.usable, p.wsHandshakeSent),
    upgrade: span(p.wsHandshakeSent, p.wsHandshakeDone),
    socketOpen: span(p.usable, p.wsHandshakeDone),
    pause: span(p.usable, p.click),
    // How long the open socket waited for Continue (< 0: Continue came first and the hello waited).
    socketIdle: span(p.wsHandshakeDone, p.click),
    clickToHello: span(p.click, p.helloSent),
    hello: span(p.helloSent, p.welcome),
    toJoined: span(p.welcome, p.joined),
    clickToJoined: span(p.click, p.joined),
    joined: p.joined,
    template: span(p.templateStart, p.templateEnd),
    templateAfterJoined: span(p.joined, p.templateEnd),
    templateAfterClick: span(p.click, p.templateEnd),
    earlyRequests: early.length,
    earlyBytes: sum(early, "bytes"),
    earlyHeaderBytes: sum(early, "headerBytes"),
    assetBytes: sum(assets, "bytes"),
    assetHeaderBytes: sum(assets, "headerBytes"),
    assetDecoded: sum(assets, "decoded"),
    apiRequests: load.requests.filter((r) => r.role === "api").length,
    allRequests: load.requests.length + (load.socket ? 1 : 0),
    allBytes: sum(load.requests, "bytes"),
  };
}

/** Departures from the flow this bench measures (see the header), as short phrases; [] if none. */
export function flowProblems(load) {
  const out = [];
  const b = load.boot;
  if (!b) out.push(`no \`#${BOOT_ID}\` data block in the HTML`);
  else {
    if (b.type !== "application/json") out.push(`the data block's type is ${b.type}`);
    // The join answer, as GET /api/join/:code gives it (core/api.ts JoinResponseSchema).
    const missing = ["roomId", "title", "k"].filter((k) => !b.keys?.includes(k));
    if (missing.length) out.push(`the data block lacks ${missing.join(", ")}`);
  }
  const api = load.requests.filter((r) => r.role === "api");
  if (api.length) out.push(`the phone asked the API anyway (${api.map((r) => r.name).join(", ")})`);
  const s = load.socket;
  if (!s) out.push("no room socket");
  else {
    if (s.sockets > 1) out.push(`${s.sockets} sockets opened`);
    if (s.status !== 101) out.push(`socket upgrade answered ${s.status}`);
    if (s.handshakeSent !== null && load.click !== null && s.handshakeSent > load.click) out.push("the socket opened only after Continue");
    if (s.helloSent !== null && load.click !== null && s.helloSent < load.click) out.push("a hello went out before Continue");
    if (s.hellos !== 1) out.push(`${s.hellos} hellos sent`);
  }
  return out;
}

const none = (v) => v === null || v === undefined || Number.isNaN(v);
const sec = (v) => (none(v) ? "–" : `${(v / 1000).toFixed(2)} s`);
/** A signed duration: "+0.01 s", "−0.47 s". */
const dsec = (v) => (none(v) ? "–" : `${v < 0 ? "−" : "+"}${(Math.abs(v) / 1000).toFixed(2)} s`);
/** A signed offset in ms: "+8 ms", "−3 ms". */
const dms = (v) => (none(v) ? "–" : `${v < 0 ? "−" : "+"}${Math.abs(Math.round(v))} ms`);
const kib = (b) => (none(b) ? "–" : `${(b / 1024).toFixed(1)} KB`);
const at = (v) => (none(v) ? "–" : `${Math.round(v)}`);

/**
 * The Markdown section of run.mjs's report for this measurement. `modelSeconds` is the
 * transfer-only model's estimate, shown for comparison.
 */
export function phoneLoadReport(p, modelSeconds) {
  const L = [];
  const [quick, paused] = p.modes;
  const rowsOf = (mode) => mode.runs.map(breakdown);
  const medOf = (mode, k) => median(rowsOf(mode).map((r) => r[k]));
  const q = (k) => medOf(quick, k);
  const w = (k) => medOf(paused, k);
  L.push(
    `#### Phone first load on throttled 3G (Chromium ${p.chromium}; CDP Network.emulateNetworkConditions: ${p.profile.latencyMs} ms added to every request, ${p.profile.kbps} kbps down and up; ${p.loads} cold loads for each of two ways of pressing Continue, alternating: as soon as the notice is usable, and after a ${paused.pauseMs / 1000} s reading pause; each load a fresh context with an empty cache, ${VIEWPORT.width}×${VIEWPORT.height} touch viewport, CPU not throttled)`,
  );
  L.push("");

  L.push(
    `| load | Continue | first paint | **usable** (Continue enabled) | data block in the HTML | socket open (101), from usable | Continue pressed, from usable | Continue → hello sent | Continue → "You're in" | Continue → template loaded | requests before usable | on the wire before usable |`,
  );
  L.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const blockCell = (load) => (load.boot ? `${load.boot.bytes} B` : "**missing**");
  const row = (label, mode, load) => {
    const b = breakdown(load);
    L.push(
      `| ${label} | ${mode} | ${sec(load.fcp)} | ${sec(load.usable)} | ${blockCell(load)} | ${dsec(b.socketOpen)} | ${dsec(b.pause)} | ${sec(b.clickToHello)} | ${sec(b.clickToJoined)} | ${sec(b.templateAfterClick)} | ${b.earlyRequests} | ${kib(b.earlyBytes)} |`,
    );
  };
  row("warm-up, not throttled (not in the medians)", "at once", p.warm);
  for (const mode of p.modes) {
    const short = mode.pauseMs ? `after ${mode.pauseMs / 1000} s` : "at once";
    mode.runs.forEach((run, i) => row(String(i + 1), short, run));
    const m = (k) => medOf(mode, k);
    const blocks = mode.runs.filter((r) => r.boot).length;
    L.push(
      `| **median** | ${short} | ${sec(mode.fcp)} | **${sec(mode.usable)}** | ${blocks}/${mode.runs.length} loads | ${dsec(m("socketOpen"))} | ${dsec(m("pause"))} | ${sec(m("clickToHello"))} | **${sec(mode.clickToJoined)}** | ${sec(m("templateAfterClick"))} | ${m("earlyRequests")} | ${kib(m("earlyBytes"))} |`,
    );
  }
  L.push("");
  L.push(
    `The transfer-only model of the page-weight step gives ${modelSeconds === null ? "–" : `${modelSeconds.toFixed(2)} s`} for comparison. Like the page now, it makes no API request, but it adds 2 round trips for the room socket, which the phone opens while the notice is shown, off the path to "usable".`,
  );
  L.push("");

  const t = quick.typical;
  const tmpl = t.template;
  const apiSeen = p.modes.some((mode) => mode.runs.some((r) => r.requests.some((x) => x.role === "api")));
  L.push(
    `Where the time goes (median of the ${p.loads} loads of each kind for each step; up to "usable" the steps run one after another):`,
  );
  L.push("");
  L.push(`| step | from → to | Continue at once | Continue after ${paused.pauseMs / 1000} s |`);
  L.push("| --- | --- | --- | --- |");
  const step = (what, fromTo, k, fmt = sec) => L.push(`| ${what} | ${fromTo} | ${fmt(q(k))} | ${fmt(w(k))} |`);
  step(
    `HTML \`/j/:code\`, with the join answer embedded (${t.boot ? `${t.boot.bytes} B data block; ` : "no data block; "}${kib(q("htmlBytes"))} on the wire)`,
    "navigation start → last byte",
    "html",
  );
  step("find the assets", "HTML's last byte → first asset requested", "discover");
  const imported = firstAssets(t).filter((r) => r.role === "import").length;
  L.push(
    `| JS + CSS: entry script, ${t.requests.filter((r) => r.role === "preload").length} modulepreloads, ${t.requests.filter((r) => r.role === "css").length} stylesheets, all requested at once${imported ? `, then ${imported} imported at run time, requested once the scripts run` : ""} | first asset requested → last asset byte | ${sec(q("assets"))} (${kib(q("assetBytes"))} on the wire, ${kib(q("assetHeaderBytes"))} of it response headers; ${kib(q("assetDecoded"))} decoded) | ${sec(w("assets"))} |`,
  );
  if (apiSeen) {
    step("run the JS (page without its data block)", "last asset byte → `/api/join` requested", "boot");
    step("`/api/join/:code` (page without its data block)", "first requested → last byte", "api");
  }
  step(
    `run the JS, read the data block, render the notice${apiSeen ? " (and any API round trip above)" : ""}`,
    "last asset byte → Continue usable",
    "render",
  );
  L.push(`| **usable** | navigation start → Continue usable | **${sec(quick.usable)}** | **${sec(paused.usable)}** |`);
  step("room socket requested, while the notice is shown", "usable → upgrade requested", "socketRequested", dms);
  step("room socket: upgrade", "upgrade requested → 101", "upgrade");
  step("the bench presses Continue", "usable → Continue clicked", "pause");
  step(
    "socket open and idle, waiting for Continue (negative: Continue came first and waits for the socket)",
    "101 → Continue clicked",
    "socketIdle",
    dsec,
  );
  step("hello goes out", "Continue clicked → hello frame sent", "clickToHello");
  step("hello → welcome", "hello frame sent → welcome frame", "hello");
  step("render the waiting screen", `welcome frame → "You're in"`, "toJoined");
  L.push(`| **joined** | Continue clicked → "You're in" | **${sec(quick.clickToJoined)}** | **${sec(paused.clickToJoined)}** |`);
  L.push(`| | navigation start → "You're in" | ${sec(quick.joined)} | ${sec(paused.joined)} |`);
  L.push(
    `| template JSON \`${tmpl ? tmpl.name : "/api/rooms/:roomId/template"}\`, requested when the welcome names it | request → last byte | ${sec(q("template"))}${tmpl ? ` (${kib(tmpl.bytes)} on the wire, ${kib(tmpl.decoded)} of JSON)` : ""}; done ${sec(q("templateAfterJoined"))} after "You're in" | ${sec(w("template"))}; done ${sec(w("templateAfterJoined"))} after "You're in" |`,
  );
  L.push("");

  // The same load's events side by side for the two ways of pressing Continue.
  const tp = paused.typical;
  const qi = quick.typicalIndex + 1;
  const wi = paused.typicalIndex + 1;
  L.push(`The two median loads' events, ms on the page's clock (0 = navigation start):`);
  L.push("");
  L.push(`| event | load ${qi}, Continue at once | load ${wi}, Continue after ${paused.pauseMs / 1000} s |`);
  L.push("| --- | --- | --- |");
  const ev = (label, f) => L.push(`| ${label} | ${at(f(phases(t)))} | ${at(f(phases(tp)))} |`);
  ev("HTML's last byte (join answer in hand)", (x) => x.htmlEnd);
  ev("last JS/CSS byte", (x) => x.assetsEnd);
  ev("**notice usable**", (x) => x.usable);
  ev("room socket upgrade requested", (x) => x.wsHandshakeSent);
  ev("room socket open (101)", (x) => x.wsHandshakeDone);
  ev("**Continue clicked**", (x) => x.click);
  ev("hello sent", (x) => x.helloSent);
  ev("welcome received", (x) => x.welcome);
  ev(`**"You're in"**`, (x) => x.joined);
  ev("template JSON's last byte", (x) => x.templateEnd);
  L.push("");

  const tb = breakdown(t);
  const protocols = [...new Set(t.requests.map((r) => r.protocol).filter(Boolean))].join(", ");
  const conns = new Set(t.requests.map((r) => r.connection).filter((c) => c !== null && c !== undefined));
  L.push(
    `Waterfall of load ${qi} with Continue at once (the median one), ms on the page's clock (0 = navigation start), in time order. ${t.requests.length} HTTP requests + ${t.socket ? t.socket.sockets : 0} WebSocket, ${kib(tb.allBytes)} on the wire in all; ${protocols || "protocol unknown"} over ${conns.size} connections (the socket has a connection of its own, to the app's origin).`,
  );
  L.push("");
  L.push("| request or event | role | start | response headers | last byte | on the wire | of which headers | body decoded | connection |");
  L.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const lines = t.requests.map((r) => ({
    time: r.start,
    text: `| ${r.name} | ${r.role} | ${at(r.start)} | ${at(r.headers)} | ${at(r.end)} | ${r.bytes} B | ${r.headerBytes ?? "–"} B | ${r.decoded} B | ${r.connection ?? "–"}${r.reused ? " (reused)" : ""}${r.failed ? `; failed: ${r.failed}` : ""} |`,
  }));
  const s = t.socket;
  const mark = (time, label) =>
    time !== null && time !== undefined && lines.push({ time, text: `| ${label} | | ${at(time)} | | | | | | |` });
  if (s) {
    lines.push({
      time: s.handshakeSent,
      text: `| ${s.name} | room socket, opened during the notice | ${at(s.handshakeSent)} | ${at(s.handshakeDone)} (${s.status}) | – | – | – | – | own |`,
    });
    mark(s.helloSent, "↳ hello sent on the socket");
    mark(s.welcome, `↳ welcome received (${s.welcomeBytes ?? "–"} B)`);
  }
  mark(t.usable, "*notice usable*");
  mark(t.click, "*Continue clicked*");
  mark(t.joined, `*"You're in"*`);
  lines.sort((a, b) => a.time - b.time).forEach((l) => L.push(l.text));
  L.push("");

  const all = [p.warm, ...p.modes.flatMap((mode) => mode.runs)];
  const flow = [...new Set(all.flatMap(flowProblems))];
  L.push(
    flow.length
      ? `**The flow departed from the one measured** (see phone-load.mjs): ${flow.join("; ")}.`
      : `In every load the HTML carried the \`#${BOOT_ID}\` data block, the phone made no \`/api/join\` request, the room socket opened before Continue, and the single hello went out only after Continue.`,
  );
  L.push("");
  const errs = [...new Set(all.flatMap((r) => r.errors))];
  if (errs.length) {
    L.push(`Console errors on the phone page: ${errs.join("; ")}`);
    L.push("");
  }
  return L;
}

/** Medians of one way of pressing Continue, and its median load by "usable". */
function summarize(mode, runs) {
  const byUsable = [...runs].sort((a, b) => a.usable - b.usable);
  const typical = byUsable[Math.floor((byUsable.length - 1) / 2)];
  return {
    ...mode,
    runs,
    usable: median(runs.map((r) => r.usable)),
    fcp: median(runs.map((r) => r.fcp)),
    clickToJoined: median(runs.map((r) => r.clickToJoined)),
    joined: median(runs.map((r) => r.joined)),
    templateDone: median(runs.map((r) => (r.template?.end != null && r.click != null ? r.template.end - r.click : null))),
    /** The load whose "usable" is the median one (the middle of an odd count). */
    typical,
    typicalIndex: runs.indexOf(typical),
  };
}

/**
 * The whole measurement: one unthrottled warm-up load (reported apart), then `loads` cold loads
 * on the 3G profile for each of MODES (alternating), all into the same room. Returns per-load
 * results and medians; the top-level `usable`, `runs` and `clickToJoined` are those of the first
 * mode (Continue at once, as the target has always been judged).
 */
export async function phoneLoadRun(stack, { loads = LOADS, createRoom, log = () => {} } = {}) {
  const strings = uiStrings();
  const created = await createRoom(stack, { domainIds: ["safety"], title: TITLE });
  const joinUrl = created.joinUrl ?? `${stack.url}/j/${created.joinCode}`;
  const t0 = performance.now();
  await launchPhoneBrowser();
  const version = browser.version();
  try {
    log("  warm-up load, unthrottled");
    const warm = await oneLoad(joinUrl, TITLE, strings, { throttle: false });
    const runs = MODES.map(() => []);
    for (let i = 1; i <= loads; i++) {
      for (const [m, mode] of MODES.entries()) {
        const load = await oneLoad(joinUrl, TITLE, strings, { throttle: true, pauseMs: mode.pauseMs });
        const problems = flowProblems(load);
        log(
          `  3G load ${i}/${loads}, ${mode.label}: usable ${(load.usable / 1000).toFixed(2)} s, click → joined ${(load.clickToJoined / 1000).toFixed(2)} s${problems.length ? `; ${problems.join("; ")}` : ""}`,
        );
        runs[m].push(load);
      }
    }
    const modes = MODES.map((mode, m) => summarize(mode, runs[m]));
    const [quick, paused] = modes;
    return {
      chromium: version,
      profile: PROFILE,
      loads,
      warm,
      modes,
      runs: quick.runs,
      usable: quick.usable,
      fcp: quick.fcp,
      clickToJoined: quick.clickToJoined,
      joined: quick.joined,
      pausedUsable: paused.usable,
      pausedClickToJoined: paused.clickToJoined,
      pauseMs: paused.pauseMs,
      problems: [...new Set([warm, ...runs.flat()].flatMap(flowProblems))],
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await closePhoneBrowser();
  }
}

// Alone: `npx tsx scripts/bench/phone-load.mjs` (needs a built dist/client).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { startStack } = await import("../stack.mjs");
  const { rmSync } = await import("node:fs");
  const stack = await startStack();
  // The bench's own room creation (./client.mjs), as in a whole run.
  const { createRoom } = await import("./client.mjs");
  try {
    const r = await phoneLoadRun(stack, {
      createRoom,
      loads: Number(process.env.LOADS ?? LOADS),
      log: (s) => process.stderr.write(`${s}\n`),
    });
    console.log(JSON.stringify({ ...r, phases: r.modes.map((m) => m.runs.map(phases)) }, null, 1));
  } finally {
    await closePhoneBrowser();
    await stack.stop();
    rmSync(stack.persistDir, { recursive: true, force: true });
  }
}
