// The benchmark's settings: sizes and repeats (with the quick run's smaller ones), where the
// report goes, and what it takes from the app's own sources: the room's rate limits
// (core/limits.ts) and the phone's back-off after "rate-limited" (core/backoff.ts).
//
// Environment knobs:
//   BENCH_QUICK=1       a quick check that every step works: fewer repeats, smaller rooms (the
//                       1,000-phone room becomes 100), the 3G phone load skipped if Chromium is
//                       missing. Prints the report only: docs/benchmarks.md is not touched.
//   BENCH_OUT=<file>    write the generated part of the report (method + results block) to this
//                       file instead of docs/benchmarks.md (e.g. BENCH_OUT=/tmp/bench.md).
//   BENCH_DIST=<dir>    measure the page weight of another build than dist/client (statically: what
//                       each HTML names; the stack serves dist/client, so Chromium can't load it).
//   BENCH_WATCHDOG_S=<s> give up (cleaning up) after this many seconds instead of the default.
//   BENCH_VERBOSE=1     stream wrangler dev's output to stderr (a failed step prints its last lines anyway).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { retryDelay } from "../../core/backoff.ts";
import { CONNECTION_POLICY, JOIN_POLICY, MAX_VIOLATIONS, ROOM_POLICY } from "../../core/limits.ts";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const BENCH_DIR = import.meta.dirname;
/** The bench's wrangler config: the app plus the echo room, in one `wrangler dev`. */
export const BENCH_CONFIG = "scripts/bench/wrangler.bench.toml";
export const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(ROOT, "dist", "client");
export const DOC = join(ROOT, "docs", "benchmarks.md");
export const METHOD_FILE = join(BENCH_DIR, "method.md");

const truthy = (v) => v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
export const QUICK = truthy(process.env.BENCH_QUICK);
/** Where the report is written: BENCH_OUT, else docs/benchmarks.md, but never in a quick run without BENCH_OUT. */
export const OUT = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : QUICK ? null : DOC;

export const SIZES = QUICK
  ? { phones: 50, repeats: 2, bigRoom: 100, hugeRoom: 100, summaryRepeats: 5, phoneLoads: 1 }
  : { phones: 100, repeats: 5, bigRoom: 300, hugeRoom: 1000, summaryRepeats: 20, phoneLoads: 5 };
/** Phones of the 12-domain summary session. */
export const SUMMARY_PHONES = 5;
/** "Random within 1 s": each phone votes at a random moment of this window. */
export const SPREAD_MS = 1000;
/** Idle time after which the local runtime hibernates an object with no events (10 s; as the integration tests). */
export const HIBERNATE_IDLE_MS = 13_000;
/**
 * The whole run is abandoned (and cleaned up) after this long. The 1,000-phone room alone takes
 * about 2 minutes: 700 of its phones wait for the join rate (10 a second after the burst).
 */
export const WATCHDOG_MS = Number(process.env.BENCH_WATCHDOG_S ?? (QUICK ? 300 : 900)) * 1000;

// ---- the targets of docs/design.md §8 (limits to judge against; every figure is measured) ------

export const TARGETS = {
  spreadAckMs: 10,
  spreadEchoRatio: 2,
  instantAckMs: 50,
  instantEchoRatio: 3,
  projectorMs: 50,
  revealMs: 100,
  bigEchoRatio: 3,
  phoneJsKb: 30,
  phoneCssKb: 10,
  phoneUsableMs: 2000,
  screenJsKb: 60,
  summaryMs: 50,
};

// ---- limits, from the app's own sources ---------------------------------------------------------

/**
 * The room's token buckets (core/limits.ts) and the phone's back-off after "rate-limited"
 * (core/backoff.ts), imported as they are (the bench runs under tsx), so the bench's phones join
 * and back off exactly as real ones do and the report states the limits it ran under.
 */
export const LIMITS = { join: JOIN_POLICY, room: ROOM_POLICY, connection: CONNECTION_POLICY, maxViolations: MAX_VIOLATIONS };
export { retryDelay };

/**
 * wrangler.bench.toml must declare every Durable Object class, binding and migration tag of
 * wrangler.toml: a class the app gained since would otherwise be missing from the bench's Worker.
 * Returns the list of what is missing (empty when in step).
 */
export function benchConfigDrift() {
  const read = (f) => readFileSync(join(ROOT, f), "utf8");
  const names = (text, re) => [...text.matchAll(re)].map((m) => m[1]);
  const app = read("wrangler.toml");
  const bench = read(BENCH_CONFIG);
  const missing = [];
  for (const re of [
    /class_name\s*=\s*"([^"]+)"/g,
    /^\s*name\s*=\s*"([A-Z_]+)"/gm,
    /tag\s*=\s*"([^"]+)"/g,
    /compatibility_date\s*=\s*"([^"]+)"/g,
  ]) {
    for (const n of names(app, re)) if (!names(bench, re).includes(n)) missing.push(n);
  }
  const classes = (text) =>
    names(text, /new_sqlite_classes\s*=\s*\[([^\]]*)\]/g).flatMap((l) => [...l.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
  for (const c of classes(app)) if (!classes(bench).includes(c)) missing.push(`migration of ${c}`);
  return missing;
}

/** The Chromium the 3G phone load drives (Debian's). */
export const chromiumPresent = (path) => existsSync(path);
