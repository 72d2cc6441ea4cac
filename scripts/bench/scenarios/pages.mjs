// Page weight: what each built HTML page loads on first paint, gzipped at level 9, and a
// transfer-time model of the phone's first load on 3G (kept for comparison with the browser
// measurement of phone-load.mjs).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { constants as zlibConstants, gzipSync } from "node:zlib";
import { DIST } from "../config.mjs";

export const PAGES = ["phone", "index", "projector", "console"];

/** gzip -9 sizes of what an HTML page loads on first paint: entry scripts, modulepreloads, styles and their static imports. */
export function pageWeight(page) {
  const html = readFileSync(join(DIST, `${page}.html`), "utf8");
  const files = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) files.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel=["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase() ?? "";
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && (rel.split(/\s+/).includes("modulepreload") || rel.split(/\s+/).includes("stylesheet"))) files.add(href);
  }
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
  let js = 0;
  let css = 0;
  let jsRaw = 0;
  let cssRaw = 0;
  const list = [];
  for (const file of files) {
    if (/^[a-z]+:\/\//i.test(file)) continue;
    const path = join(DIST, file.replace(/^\//, ""));
    if (!existsSync(path)) throw new Error(`${page}.html loads ${file}, which is not in ${DIST}`);
    const raw = readFileSync(path);
    const gz = gzipSync(raw, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
    if (file.endsWith(".css")) (css += gz), (cssRaw += raw.length);
    else (js += gz), (jsRaw += raw.length);
    list.push(file.replace(/^\/assets\//, ""));
  }
  const htmlGz = gzipSync(Buffer.from(html), { level: zlibConstants.Z_BEST_COMPRESSION }).length;
  return { page, js, css, jsRaw, cssRaw, htmlGz, files: list };
}

export const pageWeights = () => PAGES.filter((p) => existsSync(join(DIST, `${p}.html`))).map(pageWeight);

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
