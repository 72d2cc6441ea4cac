// `npm run bench`: Candor's performance targets (docs/design.md §8), measured against one fresh
// `wrangler dev` (scripts/stack.mjs) running Candor's Worker and rooms together with a bare echo
// room (scripts/bench/wrangler.bench.toml, scripts/bench/worker.ts). Prints a Markdown results block
// and writes it, with the method text (./method.md), into docs/benchmarks.md (or BENCH_OUT; a quick
// run with BENCH_QUICK=1 only prints). Knobs: see ./config.mjs.
//
// The parts: ./config.mjs (sizes, knobs, the limits imported from core/), ./client.mjs (the
// socket clients), ./scenarios/*.mjs (one file per kind of measurement), ./phone-load.mjs (the 3G
// load in Chromium), ./report.mjs (the Markdown and writing it), ./method.md (the method text).
//
// Everything talks to 127.0.0.1; every wait is bounded; sockets, the browser and the stack are
// stopped even when a step fails, and a watchdog stops the whole run if it hangs.
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startStack } from "../stack.mjs";
import { abortAll, closeEverything, createRoom, resetAbort, until } from "./client.mjs";
import { BENCH_CONFIG, benchConfigDrift, chromiumPresent, DIST, OUT, QUICK, LIMITS, retryDelay, SIZES, WATCHDOG_MS } from "./config.mjs";
import { CHROMIUM, closePhoneBrowser, phoneLoadRun, PROFILE as PHONE_PROFILE } from "./phone-load.mjs";
import { machine, report, writeReport } from "./report.mjs";
import { bigRoomRun } from "./scenarios/big-room.mjs";
import { echoRound } from "./scenarios/echo.mjs";
import { pageWeightsInBrowser, staticPageWeights } from "./scenarios/pages.mjs";
import { summaryRun } from "./scenarios/summary.mjs";
import { integrityRun, votingRound } from "./scenarios/voting.mjs";
import { pooled } from "./stats.mjs";

async function main() {
  const t0 = performance.now();
  const log = (s) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}\n`);
  const S = SIZES;
  const r = { machine: machine(), sizes: S, errors: [], load: [os.loadavg()[0]] };
  let stack = null;
  r.reloaded = [];
  // wrangler dev rebuilds and reloads the Worker when a source file it bundled changes: every
  // socket drops and every room forgets its memory. A step during which that happened measured
  // something else: it is abandoned at once and run again (up to RERUNS times), and the report
  // names it.
  const count = (re) => (stack?.logs().worker.match(re) ?? []).length;
  const reloads = () => count(/Reloading local server/g);
  const settle = () => until(() => count(/Local server updated and ready/g) >= reloads(), 60_000, 100);
  const attempt = async (_name, fn) => {
    try {
      return { value: await fn() };
    } catch (e) {
      return { error: e };
    }
  };
  const RERUNS = 2;
  const step = async (name, fn) => {
    log(name);
    for (let round = 1; ; round++) {
      resetAbort();
      const before = reloads();
      const abandon = () => (abortAll(), closePhoneBrowser());
      const watch = stack ? setInterval(() => reloads() > before && abandon(), 250) : null;
      const { value, error } = await attempt(name, fn);
      clearInterval(watch);
      if (reloads() > before) {
        await abandon();
        resetAbort();
        await settle();
        if (round <= RERUNS) {
          log("  wrangler dev reloaded during this step (a source file changed): running it again");
          r.reloaded.push(name);
          continue;
        }
        const message = `wrangler dev reloaded during each of ${round} runs of this step (source files changed under the bench); its figures are void`;
        log(`  failed: ${message}`);
        r.errors.push({ step: name, message });
        return null;
      }
      if (!error) return value;
      log(`  failed: ${error.message}`);
      r.errors.push({ step: name, message: error.message.split("\n")[0] });
      // What the runtime said last (to the terminal only, not the report), without the upgrade lines.
      const tail = stack
        ?.logs()
        .worker.split("\n")
        .filter((l) => l.trim() && !/ 101 Switching Protocols /.test(l))
        .slice(-15);
      if (tail?.length) log(`  wrangler dev's last lines:\n    ${tail.join("\n    ")}`);
      return null;
    }
  };

  if (!existsSync(join(DIST, "phone.html"))) throw new Error(`${DIST} has no phone.html: run \`npx vite build\` (npm run bench does it)`);
  const drift = benchConfigDrift();
  if (drift.length) throw new Error(`${BENCH_CONFIG} is behind wrangler.toml (missing: ${drift.join(", ")}); add them`);
  r.limits = LIMITS;
  const fdsNeeded = S.hugeRoom + 50;
  if (Number(r.machine.openFiles) < fdsNeeded)
    log(`warning: open-file limit ${r.machine.openFiles} is below the ~${fdsNeeded} sockets of the ${S.hugeRoom}-phone room`);

  const cleanup = async () => {
    closeEverything();
    await Promise.all([closePhoneBrowser(), stack?.stop()]);
    // The stack's rooms persisted to a temporary folder of its own; nothing in it is needed now.
    if (stack?.persistDir?.startsWith(join(os.tmpdir(), "candor-rooms-"))) rmSync(stack.persistDir, { recursive: true, force: true });
  };
  const watchdog = setTimeout(async () => {
    log(`watchdog: still running after ${WATCHDOG_MS / 1000} s, giving up`);
    await cleanup();
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, async () => {
      await cleanup();
      process.exit(130);
    });
  }

  try {
    log(`starting wrangler dev (${BENCH_CONFIG}: Candor + the echo room)${QUICK ? "; quick run" : ""}`);
    // BENCH_VERBOSE=1 streams wrangler dev's output to stderr.
    const verbose = process.env.BENCH_VERBOSE && process.env.BENCH_VERBOSE !== "0";
    stack = await startStack({ config: BENCH_CONFIG, ...(verbose ? { log: (_name, text) => process.stderr.write(text) } : {}) });

    // In Chromium, every script a page fetches during its first load; the static measure (what the
    // HTML names) only without Chromium or for another build than the one the stack serves.
    const weights =
      process.env.BENCH_DIST || !chromiumPresent(CHROMIUM)
        ? await step("page weight (static: what each HTML names)", async () => staticPageWeights())
        : await step("page weight (Chromium: each page's first load)", () => pageWeightsInBrowser(stack, { createRoom, log }));
    r.pages = weights?.rows ?? null;
    r.pageMethod = weights ? { method: weights.method, quietMs: weights.quietMs ?? null } : null;

    await step("warm-up (not reported)", async () => {
      await echoRound(stack, 10, "spread");
      await votingRound(stack, 10, "spread", { retryDelay });
    });
    // Echo and Candor alternate so both see the same machine state; each pattern runs `repeats` times.
    const runs = { echoSpread: [], spread: [], echoInstant: [], instant: [] };
    for (let i = 1; i <= S.repeats; i++) {
      const of = `(${i}/${S.repeats})`;
      runs.echoSpread.push(await step(`echo: ${S.phones} clients, random within 1 s ${of}`, () => echoRound(stack, S.phones, "spread")));
      runs.spread.push(
        (await step(`candor: ${S.phones} phones, random within 1 s ${of}`, () => votingRound(stack, S.phones, "spread", { retryDelay })))
          ?.result,
      );
      runs.echoInstant.push(await step(`echo: ${S.phones} clients, same instant ${of}`, () => echoRound(stack, S.phones, "instant")));
      runs.instant.push(
        (await step(`candor: ${S.phones} phones, same instant ${of}`, () => votingRound(stack, S.phones, "instant", { retryDelay })))
          ?.result,
      );
    }
    for (const [k, v] of Object.entries(runs)) r[k] = pooled(v);
    r.echoBig = pooled([await step(`echo: ${S.bigRoom} clients, same instant`, () => echoRound(stack, S.bigRoom, "instant"))]);
    r.integrity = await step(`candor: ${S.bigRoom} phones, same instant, integrity`, () => integrityRun(stack, S.bigRoom, { retryDelay }));
    r.echoHuge = pooled([await step(`echo: ${S.hugeRoom} clients, same instant`, () => echoRound(stack, S.hugeRoom, "instant"))]);
    r.huge = await step(`candor: ${S.hugeRoom} phones in one room, join at the join rate, vote, hibernate, close`, () =>
      bigRoomRun(stack, S.hugeRoom, { retryDelay, limits: r.limits, log }),
    );
    r.summary = await step("summary export, 12-domain session", () => summaryRun(stack, { repeats: S.summaryRepeats, retryDelay }));
    if (QUICK && !chromiumPresent(CHROMIUM)) {
      r.phoneLoadSkipped = `quick run: no Chromium at ${CHROMIUM}`;
      log(`phone first load on 3G: skipped (${r.phoneLoadSkipped})`);
    } else {
      r.phoneLoad = await step(
        `phone first load on throttled 3G (Chromium, ${PHONE_PROFILE.kbps} kbps, ${PHONE_PROFILE.latencyMs} ms per request)`,
        () => phoneLoadRun(stack, { loads: S.phoneLoads, createRoom, log }),
      );
    }
  } finally {
    log("stopping");
    await cleanup();
    clearTimeout(watchdog);
  }

  r.seconds = (performance.now() - t0) / 1000;
  r.load.push(os.loadavg()[0]);
  const block = report(r);
  console.log(block);
  if (OUT) {
    writeReport(OUT, block);
    log(`wrote ${OUT}`);
  } else log("quick run: nothing written (BENCH_OUT=<file> writes the report to a file)");
  process.exitCode = r.errors.length ? 1 : 0;
}

main().catch(async (e) => {
  console.error(e);
  closeEverything();
  await closePhoneBrowser();
  process.exit(1);
});
