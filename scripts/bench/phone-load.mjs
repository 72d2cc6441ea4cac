// The phone page's first load on throttled 3G (DESIGN §8: "usable within 3 s on throttled 3G,
// 400 kbps, 400 ms RTT"), measured in Debian's Chromium through playwright-core against the
// running stack. Used by run.mjs; `node scripts/bench/phone-load.mjs` runs it alone on a stack of
// its own and prints the result as JSON (for working on this file).
//
// Each load is a fresh browser context (empty cache, no storage) with a 360×740 touch viewport.
// A CDP session of the page applies Network.emulateNetworkConditions: `latency` is "minimum
// latency from request sent to response headers received", i.e. added to every request (and the
// socket's handshake), not per packet; throughputs are bytes/s shared by all transfers. Connection
// set-up (DNS, TCP, TLS) is NOT emulated: on loopback it costs nothing, so the figures are for an
// already-resolved host whose connections open instantly. The CPU is not throttled either.
//
// Times come from the page's own clock (performance.now(), 0 = navigation start): an init script
// records when the notice's Continue button is in the DOM, visible and enabled ("usable", taken
// after the next frame), when the Continue click happens, and when the waiting screen's heading
// ("You're in") appears ("joined"). CDP Network events give the waterfall; they are put on the
// page's clock through the document's send time (CDP ResourceTiming.sendStart = the navigation
// entry's requestStart).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "..", "..");
export const CHROMIUM = "/usr/bin/chromium";
export const PROFILE = { latencyMs: 400, kbps: 400 };
export const VIEWPORT = { width: 360, height: 740 };
export const LOADS = 5;
const TITLE = "Benchmark";
/** Bounds on every wait of one load; far above the expected few seconds. */
const WAIT_MS = 20_000;

/** The English strings the bench waits for, read from the client so a wording change follows. */
function uiStrings() {
  const en = readFileSync(join(ROOT, "client", "src", "i18n", "en.ts"), "utf8");
  const get = (key) => {
    const m = new RegExp(`"${key.replace(/\./g, "\\.")}":\\s*"([^"]*)"`).exec(en);
    if (!m) throw new Error(`client/src/i18n/en.ts has no "${key}"`);
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
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    timeout: 30_000,
  });
  return browser;
}

const name = (url) => {
  const u = new URL(url);
  if (u.protocol.startsWith("ws")) return `WebSocket ${u.pathname.replace(/\/parties\/main\/[^/]+/, "/parties/main/:room")}`;
  if (u.pathname.startsWith("/j/")) return "/j/:code (HTML)";
  if (u.pathname.startsWith("/api/join/")) return "/api/join/:code";
  return u.pathname.replace(/^\/assets\//, "");
};

/**
 * One cold load: navigate to the join link, wait until the notice is usable, click Continue, wait
 * for "joined" and for the template JSON. Returns the page marks and the request waterfall.
 */
async function oneLoad(joinUrl, title, strings, { throttle }) {
  const context = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 1, serviceWorkers: "block" });
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
    const ws = {};
    cdp.on("Network.webSocketCreated", (e) => ((ws.id ??= e.requestId), e.requestId === ws.id && (ws.url = e.url)));
    // webSocketCreated has no timestamp; the handshake events do.
    cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => e.requestId === ws.id && (ws.handshakeSent ??= e.timestamp));
    cdp.on("Network.webSocketHandshakeResponseReceived", (e) => e.requestId === ws.id && ((ws.handshakeDone ??= e.timestamp), (ws.status = e.response.status)));
    cdp.on("Network.webSocketFrameSent", (e) => {
      if (e.requestId !== ws.id) return;
      if (/"t":"hello"/.test(e.response.payloadData)) ws.helloSent ??= e.timestamp;
    });
    cdp.on("Network.webSocketFrameReceived", (e) => {
      if (e.requestId !== ws.id) return;
      const data = e.response.payloadData;
      ws.framesIn = (ws.framesIn ?? 0) + 1;
      ws.bytesIn = (ws.bytesIn ?? 0) + data.length;
      if (/"t":"welcome"/.test(data)) ((ws.welcome ??= e.timestamp), (ws.welcomeBytes ??= data.length));
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

    await page.goto(joinUrl, { waitUntil: "commit", timeout: WAIT_MS });
    await page.waitForFunction(() => window.__benchMarks.usable !== undefined, null, { timeout: WAIT_MS, polling: 50 });
    // The same check the e2e test makes: the notice and an enabled Continue button.
    const button = page.getByRole("button", { name: strings.continue });
    if (!(await button.isVisible()) || !(await button.isEnabled())) throw new Error("Continue marked usable but Playwright finds it hidden or disabled");
    const heading = (await page.locator("h1").first().textContent())?.trim();
    if (heading !== strings.welcome.replace("{title}", title)) throw new Error(`unexpected heading on the notice: ${heading}`);

    await button.click();
    await page.waitForFunction(() => window.__benchMarks.joined !== undefined, null, { timeout: WAIT_MS, polling: 50 });
    // The template JSON is fetched once the room's welcome names it; wait for it to finish.
    const templateReq = () => [...reqs.values()].find((r) => r.url && new URL(r.url).pathname.startsWith("/api/templates/"));
    const deadline = performance.now() + WAIT_MS;
    while (!(templateReq()?.done) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100)); // late events (favicon, frames)

    const pageInfo = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const paint = Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]));
      return {
        marks: { ...window.__benchMarks },
        nav: { requestStart: nav.requestStart, responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd },
        fcp: paint["first-contentful-paint"] ?? null,
        timeOrigin: performance.timeOrigin,
        entry: [...document.querySelectorAll("script[src]")].map((s) => new URL(s.src).pathname),
        preloads: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname),
        styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname),
      };
    });
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
      if (u.pathname.startsWith("/api/join/") || u.pathname === "/api/config") return "api";
      if (u.pathname.startsWith("/api/templates/")) return "template";
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
        }
      : null;
    const m = pageInfo.marks;
    return {
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

/** Where the time goes in one load: the critical chain, phase by phase (page ms). */
export function phases(load) {
  const by = (role) => load.requests.filter((r) => r.role === role);
  const html = by("html")[0];
  const assets = [...by("entry"), ...by("preload"), ...by("css")];
  const api = by("api");
  const max = (rs, k) => (rs.length ? Math.max(...rs.map((r) => r[k] ?? -Infinity)) : null);
  const min = (rs, k) => (rs.length ? Math.min(...rs.map((r) => r[k] ?? Infinity)) : null);
  const s = load.socket;
  return {
    htmlStart: html?.start ?? null,
    htmlEnd: html?.end ?? null,
    assetsStart: min(assets, "start"),
    assetsEnd: max(assets, "end"),
    apiStart: min(api, "start"),
    apiEnd: max(api, "end"),
    usable: load.usable,
    click: load.click,
    wsHandshakeSent: s?.handshakeSent ?? null,
    wsHandshakeDone: s?.handshakeDone ?? null,
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
  const assets = load.requests.filter((r) => ["entry", "preload", "css"].includes(r.role));
  const sum = (rs, k) => rs.reduce((n, r) => n + (r[k] ?? 0), 0);
  return {
    html: span(0, p.htmlEnd),
    discover: span(p.htmlEnd, p.assetsStart),
    assets: span(p.assetsStart, p.assetsEnd),
    boot: span(p.assetsEnd, p.apiStart),
    api: span(p.apiStart, p.apiEnd),
    render: span(p.apiEnd, p.usable),
    usable: p.usable,
    handshake: span(p.click, p.wsHandshakeDone),
    hello: span(p.wsHandshakeDone, p.welcome),
    toJoined: span(p.welcome, p.joined),
    clickToJoined: span(p.click, p.joined),
    template: span(p.templateStart, p.templateEnd),
    templateAfterJoined: span(p.joined, p.templateEnd),
    templateAfterClick: span(p.click, p.templateEnd),
    earlyRequests: early.length,
    earlyBytes: sum(early, "bytes"),
    earlyHeaderBytes: sum(early, "headerBytes"),
    assetBytes: sum(assets, "bytes"),
    assetHeaderBytes: sum(assets, "headerBytes"),
    assetDecoded: sum(assets, "decoded"),
    allRequests: load.requests.length + (load.socket ? 1 : 0),
    allBytes: sum(load.requests, "bytes"),
  };
}

const sec = (v) => (v === null || v === undefined || Number.isNaN(v) ? "–" : `${(v / 1000).toFixed(2)} s`);
const kib = (b) => `${(b / 1024).toFixed(1)} KB`;
const at = (v) => (v === null || v === undefined ? "–" : `${Math.round(v)}`);

/**
 * The Markdown section of run.mjs's report for this measurement. `modelSeconds` is the
 * transfer-only model's estimate, shown for comparison.
 */
export function phoneLoadReport(p, modelSeconds) {
  const L = [];
  const rows = p.runs.map(breakdown);
  const med = (k) => median(rows.map((r) => r[k]));
  L.push(
    `#### Phone first load on throttled 3G (Chromium ${p.chromium}; CDP Network.emulateNetworkConditions: ${p.profile.latencyMs} ms added to every request, ${p.profile.kbps} kbps down and up; ${p.loads} cold loads, each a fresh context with an empty cache, ${VIEWPORT.width}×${VIEWPORT.height} touch viewport, CPU not throttled)`,
  );
  L.push("");
  L.push(`| load | first paint | **usable** (Continue enabled) | Continue → "You're in" | Continue → template loaded | requests before usable | on the wire before usable |`);
  L.push("| --- | --- | --- | --- | --- | --- | --- |");
  const w = breakdown(p.warm);
  L.push(`| warm-up, not throttled (not in the median) | ${sec(p.warm.fcp)} | ${sec(p.warm.usable)} | ${sec(w.clickToJoined)} | ${sec(w.templateAfterClick)} | ${w.earlyRequests} | ${kib(w.earlyBytes)} |`);
  p.runs.forEach((run, i) => {
    const b = rows[i];
    L.push(`| ${i + 1} | ${sec(run.fcp)} | ${sec(run.usable)} | ${sec(b.clickToJoined)} | ${sec(b.templateAfterClick)} | ${b.earlyRequests} | ${kib(b.earlyBytes)} |`);
  });
  L.push(`| **median** | ${sec(p.fcp)} | **${sec(p.usable)}** | ${sec(med("clickToJoined"))} | ${sec(med("templateAfterClick"))} | ${med("earlyRequests")} | ${kib(med("earlyBytes"))} |`);
  L.push("");
  L.push(
    `The transfer-only model of the page-weight step gives ${modelSeconds === null ? "–" : `${modelSeconds.toFixed(2)} s`} for comparison (it has no API round trip, but counts the room socket, which the phone opens only after Continue).`,
  );
  L.push("");

  const t = p.typical;
  const tb = breakdown(t);
  const tmpl = t.template;
  L.push(`Where the time goes (median of the ${p.loads} loads for each step; the steps run one after another):`);
  L.push("");
  L.push("| step | from → to | median |");
  L.push("| --- | --- | --- |");
  L.push(`| HTML \`/j/:code\` | navigation start → last byte | ${sec(med("html"))} |`);
  L.push(`| find the assets | HTML's last byte → first asset requested | ${sec(med("discover"))} |`);
  L.push(
    `| JS + CSS: entry script, ${t.requests.filter((r) => r.role === "preload").length} modulepreloads, ${t.requests.filter((r) => r.role === "css").length} stylesheets, all requested at once | first asset requested → last asset byte | ${sec(med("assets"))} (${kib(med("assetBytes"))} on the wire, ${kib(med("assetHeaderBytes"))} of it response headers; ${kib(med("assetDecoded"))} decoded) |`,
  );
  L.push(`| run the JS | last asset byte → \`/api/join\` + \`/api/config\` requested | ${sec(med("boot"))} |`);
  L.push(`| \`/api/join/:code\` and \`/api/config\`, in parallel | first requested → last byte | ${sec(med("api"))} |`);
  L.push(`| render the notice | last API byte → Continue usable | ${sec(med("render"))} |`);
  L.push(`| **usable** | navigation start → Continue usable | **${sec(p.usable)}** |`);
  L.push(`| room socket: connect and upgrade | Continue clicked → 101 | ${sec(med("handshake"))} |`);
  L.push(`| hello → welcome | 101 → welcome frame | ${sec(med("hello"))} |`);
  L.push(`| render the waiting screen | welcome frame → "You're in" | ${sec(med("toJoined"))} |`);
  L.push(
    `| template JSON \`${tmpl ? tmpl.name : "/api/templates/:id"}\`, requested when the welcome names it | request → last byte | ${sec(med("template"))}${tmpl ? ` (${kib(tmpl.bytes)} on the wire, ${kib(tmpl.decoded)} of JSON)` : ""}; done ${sec(med("templateAfterJoined"))} after "You're in" |`,
  );
  L.push("");

  const idx = (p.typicalIndex ?? p.runs.indexOf(t)) + 1;
  const protocols = [...new Set(t.requests.map((r) => r.protocol).filter(Boolean))].join(", ");
  const conns = new Set(t.requests.map((r) => r.connection).filter((c) => c !== null && c !== undefined));
  L.push(
    `Waterfall of load ${idx} (the median one), ms on the page's clock (0 = navigation start). ${t.requests.length} HTTP requests + 1 WebSocket, ${kib(tb.allBytes)} on the wire in all; ${protocols || "protocol unknown"} over ${conns.size} connections.`,
  );
  L.push("");
  L.push("| request | role | start | response headers | last byte | on the wire | of which headers | body decoded | connection |");
  L.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of t.requests) {
    L.push(
      `| ${r.name} | ${r.role} | ${at(r.start)} | ${at(r.headers)} | ${at(r.end)} | ${r.bytes} B | ${r.headerBytes ?? "–"} B | ${r.decoded} B | ${r.connection ?? "–"}${r.reused ? " (reused)" : ""}${r.failed ? `; failed: ${r.failed}` : ""} |`,
    );
  }
  const s = t.socket;
  if (s) {
    L.push(`| ${s.name} | room socket | ${at(s.handshakeSent)} (Continue clicked at ${at(t.click)}) | ${at(s.handshakeDone)} (${s.status}) | hello sent ${at(s.helloSent)}, welcome ${at(s.welcome)} | – | – | welcome frame ${s.welcomeBytes ?? "–"} B | own |`);
  }
  L.push(`| *usable* | | | | ${at(t.usable)} | | | | |`);
  L.push(`| *"You're in"* | | | | ${at(t.joined)} | | | | |`);
  L.push("");
  const errs = [...new Set([...p.warm.errors, ...p.runs.flatMap((r) => r.errors)])];
  if (errs.length) {
    L.push(`Console errors on the phone page: ${errs.join("; ")}`);
    L.push("");
  }
  return L;
}

/**
 * The whole measurement: one unthrottled warm-up load (reported apart), then `loads` cold loads
 * on the 3G profile, each into the same room. Returns per-load results and medians.
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
    const runs = [];
    for (let i = 1; i <= loads; i++) {
      const load = await oneLoad(joinUrl, TITLE, strings, { throttle: true });
      log(`  3G load ${i}/${loads}: usable ${(load.usable / 1000).toFixed(2)} s, click → joined ${(load.clickToJoined / 1000).toFixed(2)} s`);
      runs.push(load);
    }
    const byUsable = [...runs].sort((a, b) => a.usable - b.usable);
    return {
      chromium: version,
      profile: PROFILE,
      loads: runs.length,
      warm,
      runs,
      usable: median(runs.map((r) => r.usable)),
      fcp: median(runs.map((r) => r.fcp)),
      clickToJoined: median(runs.map((r) => r.clickToJoined)),
      joined: median(runs.map((r) => r.joined)),
      templateDone: median(runs.map((r) => (r.template?.end != null && r.click != null ? r.template.end - r.click : null))),
      /** The load whose "usable" is the median one (the middle of an odd count). */
      typical: byUsable[Math.floor((byUsable.length - 1) / 2)],
      typicalIndex: runs.indexOf(byUsable[Math.floor((byUsable.length - 1) / 2)]),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await closePhoneBrowser();
  }
}

// Alone: `node scripts/bench/phone-load.mjs` (needs a built dist/client).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { startStack } = await import("../stack.mjs");
  const stack = await startStack();
  const createRoom = async (s, body) => {
    const res = await fetch(`${s.url}/api/rooms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ templateId: "icmec-2", ...body }),
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status !== 201) throw new Error(`create room failed: ${res.status}`);
    return res.json();
  };
  try {
    const r = await phoneLoadRun(stack, { createRoom, loads: Number(process.env.LOADS ?? LOADS), log: (s) => process.stderr.write(`${s}\n`) });
    console.log(JSON.stringify({ ...r, phases: r.runs.map(phases) }, null, 1));
  } finally {
    await closePhoneBrowser();
    await stack.stop();
  }
}
