// The report: the Markdown results block of one run, and writing it, with the method text
// (./method.md), into docs/benchmarks.md (or BENCH_OUT). Every number in the block is one this run
// measured; targets come from docs/design.md §8 (config.mjs TARGETS).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { DIST, HIBERNATE_IDLE_MS, METHOD_FILE, QUICK, ROOT, TARGETS as T } from "./config.mjs";
import { phoneLoadReport } from "./phone-load.mjs";
import { threeGModel } from "./scenarios/pages.mjs";
import { kb, ms, ratio, sec, x } from "./stats.mjs";

export const MARK_START = "<!-- bench:results:start -->";
export const MARK_END = "<!-- bench:results:end -->";

export function machine() {
  const cpus = os.cpus();
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
    } catch {
      return "?";
    }
  };
  let openFiles = "?";
  try {
    openFiles = execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8", timeout: 5000 }).trim();
  } catch {}
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus[0]?.model?.trim() ?? "unknown CPU",
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    wrangler: version("wrangler"),
    workerd: version("workerd"),
    openFiles,
  };
}

const verdict = (ok) => (ok === null || ok === undefined ? "not measured" : ok ? "**pass**" : "**FAIL**");
const perRun = (r, k) => (r && r.runs > 1 ? ` (per round: ${r.perRun.map((p) => ms(p[k])).join(", ")})` : "");
/** Every phone's ballot acknowledged, none refused or unanswered. */
const allAcked = (r) => r && r.acked === r.n && r.ack?.n === r.n && r.refused.length === 0 && r.silent === 0;
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

export function report(r) {
  const m = r.machine;
  const S = r.sizes;
  const L = [];
  L.push(`### Run of ${m.date}${QUICK ? " (quick run: BENCH_QUICK=1)" : ""}`);
  L.push("");
  L.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM; Node ${m.node}; wrangler ${m.wrangler} (\`wrangler dev\`, workerd ${m.workerd}), one \`wrangler dev\` for Candor and the echo room (scripts/bench/wrangler.bench.toml); all traffic on 127.0.0.1; open-file limit ${m.openFiles}. Run took ${r.seconds.toFixed(0)} s; 1-minute load average ${r.load.map((l) => l.toFixed(2)).join(" at start, ")} at end (other work on the machine shares its ${m.cores} cores with the runtime and the clients).`,
  );
  L.push("");
  if (r.limits) {
    const { join: j, room, connection } = r.limits;
    L.push(
      `Room limits, from core/limits.ts: joins ${j.capacity} at once, then ${j.perSecond} a second; messages per room ${room.capacity} at once, then ${room.perSecond} a second; per socket ${connection.capacity}, then ${connection.perSecond} a second. A phone refused with \`rate-limited\` tries again after core/backoff.ts's \`retryDelay\` (1–3 s, growing by half to 5–15 s), as the phone page does.`,
    );
    L.push("");
  }
  if (r.reloaded?.length) {
    L.push(
      `wrangler dev reloaded the Worker ${plural(r.reloaded.length, "time", "times")} during a step (a source file changed while the bench ran; every socket drops and every room forgets its memory). Such a run of a step was abandoned and the step run again; only a run without a reload is reported. Steps re-run: ${[...new Set(r.reloaded)].map((n) => `${n}${r.reloaded.filter((m) => m === n).length > 1 ? ` (${r.reloaded.filter((m) => m === n).length} times)` : ""}`).join("; ")}.`,
    );
    L.push("");
  }
  if (QUICK) {
    L.push(
      `**Quick run**: ${S.phones} phones instead of 100, ${S.repeats} rounds per pattern instead of 5, ${S.bigRoom} instead of 300 and ${S.hugeRoom} instead of 1,000 phones in the big rooms, ${S.summaryRepeats} requests per summary format, ${S.phoneLoads} 3G load per way of pressing Continue. It checks that every step works; its verdicts are not the targets' (they name 100, 300 and 1,000 phones).`,
    );
    L.push("");
  }

  const { spread, instant, echoSpread, echoInstant, echoBig, echoHuge, integrity: big, huge } = r;
  const spreadRatio = ratio(spread?.ack.p95, echoSpread?.reply.p95);
  const instantRatio = ratio(instant?.ack.p95, echoInstant?.reply.p95);
  const bigRatio = ratio(big?.ack.p95, echoBig?.reply.p95);
  const phone = r.pages?.find((p) => p.page === "phone");
  const screens = r.pages?.filter((p) => p.page === "projector" || p.page === "console") ?? [];
  const sum = r.summary;
  const sumWorst = sum ? Math.max(...Object.values(sum.formats).map((f) => f.p50 ?? Infinity)) : null;

  L.push("#### Targets (docs/design.md §8)");
  L.push("");
  L.push("| what | target | measured | result |");
  L.push("| --- | --- | --- | --- |");
  L.push(
    `| ballot acknowledged, ${S.phones} phones at random moments within 1 s | p95 ≤ ${T.spreadAckMs} ms and ≤ ${T.spreadEchoRatio}× the echo room | p95 ${ms(spread?.ack.p95)}${perRun(spread, "ack")}; echo p95 ${ms(echoSpread?.reply.p95)}${perRun(echoSpread, "reply")}; ratio ${x(spreadRatio)} | ${verdict(spread && echoSpread ? spread.ack.p95 <= T.spreadAckMs && spreadRatio <= T.spreadEchoRatio && allAcked(spread) : null)} |`,
  );
  L.push(
    `| the same ${S.phones} phones voting at the same instant | p95 ≤ ${T.instantAckMs} ms and ≤ ${T.instantEchoRatio}× the echo room | p95 ${ms(instant?.ack.p95)}${perRun(instant, "ack")}; echo p95 ${ms(echoInstant?.reply.p95)}${perRun(echoInstant, "reply")}; ratio ${x(instantRatio)} | ${verdict(instant && echoInstant ? instant.ack.p95 <= T.instantAckMs && instantRatio <= T.instantEchoRatio && allAcked(instant) : null)} |`,
  );
  const projP95 = spread && instant ? Math.max(spread.projector.p95, instant.projector.p95) : null;
  L.push(
    `| "x of N voted" reaches the projector after a ballot | p95 ≤ ${T.projectorMs} ms | p95 ${ms(spread?.projector.p95)} (random moments), ${ms(instant?.projector.p95)} (same instant) | ${verdict(projP95 === null ? null : projP95 <= T.projectorMs && spread.missingCounts === 0 && instant.missingCounts === 0)} |`,
  );
  const revP95 = spread && instant ? Math.max(spread.reveal.p95, instant.reveal.p95) : null;
  L.push(
    `| reveal reaches all ${S.phones} phones | p95 ≤ ${T.revealMs} ms | p95 ${ms(spread?.reveal.p95)} (after the random-moment vote), ${ms(instant?.reveal.p95)} (after the same-instant vote) | ${verdict(revP95 === null ? null : revP95 <= T.revealMs && spread.notRevealed === 0 && instant.notRevealed === 0)} |`,
  );
  L.push(
    `| ${S.bigRoom} phones in one room, everyone votes | 0 lost, 0 double-counted; ack p95 ≤ ${T.bigEchoRatio}× the echo room's at the same instant | ${big ? `${big.acked} acked, ${big.lost ?? "?"} lost, ${big.doubled ?? "?"} doubled (respondents ${big.respondents ?? "?"}); ack p95 ${ms(big.ack.p95)}, echo p95 ${ms(echoBig?.reply.p95)}, ratio ${x(bigRatio)}` : "–"} | ${verdict(big && echoBig ? big.lost === 0 && big.doubled === 0 && allAcked(big) && big.lastVoted === S.bigRoom && bigRatio <= T.bigEchoRatio : null)} |`,
  );
  L.push(
    `| ${S.hugeRoom} phones in one room (hibernation on), everyone votes | 0 lost, 0 doubled; reveal reaches all | ${huge ? `${huge.acked} acked, ${huge.lost ?? "?"} lost, ${huge.doubled ?? "?"} doubled (respondents ${huge.respondents ?? "?"}); reveal reached ${huge.n - huge.notRevealed} of ${huge.n} phones${huge.hibernated ? ", after the room had hibernated" : ", **but the room was not seen to hibernate**"}; joining took ${sec(huge.join.seconds * 1000)}; ack p95 ${ms(huge.ack.p95)}` : "–"} | ${verdict(huge ? huge.lost === 0 && huge.doubled === 0 && huge.notRevealed === 0 && allAcked(huge) : null)} |`,
  );
  L.push(
    `| phone page, first load | ≤ ${T.phoneJsKb} KB JS + ≤ ${T.phoneCssKb} KB CSS gzipped | ${phone ? `${kb(phone.js)} JS + ${kb(phone.css)} CSS` : "–"} | ${verdict(phone ? phone.js <= T.phoneJsKb * 1024 && phone.css <= T.phoneCssKb * 1024 : null)} |`,
  );
  const model = phone ? threeGModel(phone) : null;
  const pl = r.phoneLoad;
  const s2 = (v) => (v === null || v === undefined ? "–" : (v / 1000).toFixed(2));
  if (pl) {
    const flow = pl.problems.length ? ` **Flow not as expected: ${pl.problems.join("; ")}.**` : "";
    const ok = pl.usable !== null && pl.usable <= T.phoneUsableMs;
    L.push(
      `| phone page usable on throttled 3G (400 kbps, 400 ms RTT) | ≤ ${(T.phoneUsableMs / 1000).toFixed(1)} s | median ${s2(pl.usable)} s from navigation to an enabled Continue on the anonymity notice, ${plural(pl.loads, "cold load", "cold loads")} in Chromium with Continue pressed at once (${pl.runs.map((l) => s2(l.usable)).join(", ")} s; CDP throttling, ${pl.profile.latencyMs} ms per request, connection set-up not emulated; join answer embedded in the HTML, no API request); ${s2(pl.pausedUsable)} s in ${plural(pl.loads, "more load", "more loads")} with a ${pl.pauseMs / 1000} s reading pause. Joined ("You're in") ${s2(pl.clickToJoined)} s after a Continue pressed at once, ${s2(pl.pausedClickToJoined)} s after one pressed after the pause. Transfer-only model, for reference: ${model === null ? "–" : `${model.toFixed(2)} s`}.${flow} | ${verdict(pl.usable === null ? null : ok)}${pl.usable === null ? "" : ok ? ` (margin ${((T.phoneUsableMs - pl.usable) / 1000).toFixed(2)} s)` : ` (over by ${((pl.usable - T.phoneUsableMs) / 1000).toFixed(2)} s)`} |`,
    );
  } else {
    L.push(
      `| phone page usable on throttled 3G (400 kbps, 400 ms RTT) | ≤ ${(T.phoneUsableMs / 1000).toFixed(1)} s | not measured (${r.phoneLoadSkipped ?? "the Chromium step failed"}); transfer-only model ${model === null ? "–" : `${model.toFixed(2)} s`} | not measured |`,
    );
  }
  L.push(
    `| projector and console pages | ≤ ${T.screenJsKb} KB JS gzipped each | ${screens.length ? screens.map((p) => `${p.page} ${kb(p.js)}`).join(", ") : "–"} | ${verdict(screens.length === 2 ? screens.every((p) => p.js <= T.screenJsKb * 1024) : null)} |`,
  );
  L.push(
    `| summary export of a 12-domain session | ≤ ${T.summaryMs} ms server time | slowest format's median ${ms(sumWorst)} end to end (an upper bound of the server time) | ${verdict(sumWorst === null ? null : sumWorst <= T.summaryMs)} |`,
  );
  L.push("");

  // --- the echo comparison in one place ---
  L.push("#### Ballot acknowledged against the echo room (same run, same `wrangler dev`)");
  L.push("");
  L.push("| round | Candor ballot → ack p95 | echo text → reply p95 | ratio | target | result |");
  L.push("| --- | --- | --- | --- | --- | --- |");
  const cmp = (label, c, e, rt, target) =>
    L.push(
      `| ${label} | ${ms(c?.ack.p95)} | ${ms(e?.reply.p95)} | ${x(rt)} | ${target ? `≤ ${target}×` : "none"} | ${target ? verdict(rt === null ? null : rt <= target) : "–"} |`,
    );
  cmp(
    `${S.phones} phones, random moments within 1 s${spread?.runs > 1 ? ` ×${spread.runs}` : ""}`,
    spread,
    echoSpread,
    spreadRatio,
    T.spreadEchoRatio,
  );
  cmp(
    `${S.phones} phones, same instant${instant?.runs > 1 ? ` ×${instant.runs}` : ""}`,
    instant,
    echoInstant,
    instantRatio,
    T.instantEchoRatio,
  );
  cmp(`${S.bigRoom} phones, same instant`, big, echoBig, bigRatio, T.bigEchoRatio);
  cmp(`${S.hugeRoom} phones, same instant (for reference)`, huge, echoHuge, ratio(huge?.ack.p95, echoHuge?.reply.p95), null);
  L.push("");

  // --- all voting rounds ---
  L.push(`#### Voting rounds (client-side \`performance.now()\`; ${S.phones}-phone rows pool ${S.repeats} rounds each)`);
  L.push("");
  L.push("| round | measure | n | p50 | p95 | max |");
  L.push("| --- | --- | --- | --- | --- | --- |");
  const rows = [
    [`${S.phones} phones, random within 1 s`, spread],
    [`${S.phones} phones, same instant`, instant],
    [`${S.bigRoom} phones, same instant`, big],
    [`${S.hugeRoom} phones, same instant, hibernation before the close`, huge],
  ];
  const line = (label, what, s) => s && L.push(`| ${label} | ${what} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`);
  for (const [label, v] of rows) {
    if (!v) continue;
    const head = `${label}${v.runs > 1 ? ` ×${v.runs}` : ""}`;
    line(head, "ballot → ack", v.ack);
    line("", "ballot → projector count", v.projector);
    line("", `close → phone sees "revealed"`, v.reveal);
  }
  for (const [label, v] of [
    [`echo, ${S.phones} clients, random within 1 s`, echoSpread],
    [`echo, ${S.phones} clients, same instant`, echoInstant],
    [`echo, ${S.bigRoom} clients, same instant`, echoBig],
    [`echo, ${S.hugeRoom} clients, same instant (beside the ${S.hugeRoom}-phone room)`, echoHuge],
  ]) {
    if (v) line(`${label}${v.runs > 1 ? ` ×${v.runs}` : ""}`, "text → reply", v.reply);
  }
  L.push("");
  const problems = [];
  for (const [label, v] of rows) {
    if (!v) continue;
    if (v.refused.length) problems.push(`${label}: ${v.refused.length} ballots refused (${[...new Set(v.refused)].join(", ")})`);
    if (v.retried) problems.push(`${label}: ${v.retried} ballots re-sent after "rate-limited"`);
    if (v.silent) problems.push(`${label}: ${v.silent} ballots got no answer`);
    if (v.notRevealed) problems.push(`${label}: ${v.notRevealed} phones never saw "revealed"`);
    if (v.missingCounts) problems.push(`${label}: the projector never showed ${v.missingCounts} of the counts`);
    if (v.lastVoted !== v.acked) problems.push(`${label}: projector's last count ${v.lastVoted} ≠ ${v.acked} acks`);
  }
  for (const [label, v] of [
    ["echo random", echoSpread],
    ["echo same instant", echoInstant],
    [`echo ${S.bigRoom}`, echoBig],
    [`echo ${S.hugeRoom}`, echoHuge],
  ]) {
    if (v?.failed) problems.push(`${label}: ${v.failed} messages got no reply`);
  }
  L.push(
    problems.length
      ? `Anomalies: ${problems.join("; ")}.`
      : "No ballot was refused, re-sent or unanswered, every phone saw the reveal, and every projector count matched the acks.",
  );
  if (big) {
    L.push("");
    L.push(
      `${S.bigRoom}-phone round: ${big.acked} acks, projector's last count before close ${big.lastVoted}, respondents ${big.respondents ?? "?"} in GET /api/rooms/:id/summary?format=json and ${big.docRespondents ?? `? (${big.docError})`} in the projector's synced Yjs doc.`,
    );
  }
  L.push("");

  if (huge) L.push(...hugeSection(huge, S));

  if (r.pages) {
    const built = DIST === join(ROOT, "dist", "client") ? "dist/client" : `${DIST} (BENCH_DIST)`;
    L.push(
      r.pageMethod?.method === "browser"
        ? `#### Page weight (gzip level 9 of every script and stylesheet each page of ${built} fetched in Chromium during its first load: from navigation until its first screen was up and the network had been quiet for ${r.pageMethod.quietMs / 1000} s; empty cache)`
        : `#### Page weight (static, gzip level 9 of what each HTML page in ${built} names: entry script, modulepreloads, stylesheets; chunks a page imports at run time are NOT counted, Chromium being absent or BENCH_DIST set)`,
    );
    L.push("");
    L.push("| page | JS gz | CSS gz | JS raw | CSS raw | HTML gz | files |");
    L.push("| --- | --- | --- | --- | --- | --- | --- |");
    for (const p of r.pages) {
      const target =
        p.page === "phone"
          ? ` (target ≤ ${T.phoneJsKb} KB JS, ≤ ${T.phoneCssKb} KB CSS)`
          : p.page === "projector" || p.page === "console"
            ? ` (target ≤ ${T.screenJsKb} KB JS)`
            : "";
      L.push(
        `| ${p.page}${target} | ${kb(p.js)} | ${kb(p.css)} | ${kb(p.jsRaw)} | ${kb(p.cssRaw)} | ${kb(p.htmlGz)} | ${p.files.join(", ")} |`,
      );
    }
    L.push("");
  }

  if (pl) L.push(...phoneLoadReport(pl, model));

  if (sum) {
    L.push(
      `#### Summary export (${sum.domains} domains voted by ${sum.phones} phones, revealed and recorded; ${sum.repeats} sequential requests each)`,
    );
    L.push("");
    L.push("| request | median | p95 | max | failed | bytes |");
    L.push("| --- | --- | --- | --- | --- | --- |");
    const row = (label, v) =>
      L.push(
        `| ${label} | ${ms(v.p50)} | ${ms(v.p95)} | ${ms(v.max)} | ${v.failures.length ? `${v.failures.length} (${[...new Set(v.failures)].join(", ")})` : "0"} | ${v.bytes} |`,
      );
    for (const [f, v] of Object.entries(sum.formats)) row(`GET /api/rooms/:id/summary?format=${f}`, v);
    row("GET /api/health (the Worker alone: wrangler dev's HTTP path)", sum.health);
    row("GET /api/rooms/:id/template (the Worker + one RPC into the room, small job)", sum.template);
    L.push("");
  }
  if (r.errors.length) {
    L.push(`Steps that failed: ${r.errors.map((e) => `${e.step}: ${e.message}`).join("; ")}`);
    L.push("");
  }
  return L.join("\n");
}

function hugeSection(h, S) {
  const L = [];
  const j = h.join;
  L.push(`#### ${S.hugeRoom} phones in one room (hibernation on)`);
  L.push("");
  L.push("| step | measure | value |");
  L.push("| --- | --- | --- |");
  L.push(
    `| join | first hello → last welcome | ${sec(j.seconds * 1000)} (${j.bound > 0 ? `the join rate alone allows it in no less than ${sec(j.bound * 1000)}` : "all within the join bucket's burst"}) |`,
  );
  L.push(`| | sockets opened (50 at a time), first → last hello | ${sec(j.socketsSeconds * 1000)} |`);
  L.push(`| | phones in at their first hello | ${j.firstTry} of ${h.n} |`);
  L.push(
    `| | "rate-limited" answers to a hello (each followed by the phone's back-off) | ${j.refusals}; at most ${plural(j.maxAttempts, "hello", "hellos")} for one phone |`,
  );
  L.push(
    `| | one phone's first hello → its welcome, p50 / p95 / max | ${ms(j.perPhone.p50)} / ${ms(j.perPhone.p95)} / ${ms(j.perPhone.max)} |`,
  );
  L.push(`| | "joined" on the projector | ${j.projectorJoined} |`);
  L.push(
    `| vote | ballots acked, all in one tick | ${h.acked} of ${h.n}, the last ${ms(h.voteSeconds * 1000)} after the sends; re-sent after "rate-limited": ${h.retried}; refused: ${h.refused.length}; unanswered: ${h.silent} |`,
  );
  L.push(`| | ballot → ack, p50 / p95 / max | ${ms(h.ack.p50)} / ${ms(h.ack.p95)} / ${ms(h.ack.max)} |`);
  L.push(`| | projector's last count before the close | ${h.lastVoted} |`);
  L.push(
    `| hibernate | room's Yjs greetings on an idle socket: before / after ${HIBERNATE_IDLE_MS / 1000} s idle / after the close | ${h.greetings.before} / ${h.greetings.idle} / ${h.greetings.after}: ${h.hibernated ? "the room left memory while idle and the close woke it" : "**no wake seen: the room did not hibernate**"} |`,
  );
  L.push(`| close | close sent → facilitator's "done" | ${ms(h.closeDone)} |`);
  L.push(
    `| | close → phone sees "revealed", p50 / p95 / max | ${ms(h.reveal.p50)} / ${ms(h.reveal.p95)} / ${ms(h.reveal.max)}; ${h.n - h.notRevealed} of ${h.n} phones |`,
  );
  L.push(
    `| count | respondents: summary JSON / projector's doc | ${h.respondents ?? "?"} / ${h.docRespondents ?? `? (${h.docError})`}: ${h.lost ?? "?"} lost, ${h.doubled ?? "?"} doubled |`,
  );
  L.push("");
  return L;
}

/** The generated part of docs/benchmarks.md: the method text and the results block between the markers. */
export function generated(block) {
  const method = readFileSync(METHOD_FILE, "utf8").trimEnd();
  return `${method}\n\n${MARK_START}\n## Latest results\n\n${block}\n${MARK_END}`;
}

/**
 * Writes the method text and the results block into `file`: everything up to the end marker is
 * replaced, and whatever follows it (the hand-written reading of the figures) is kept. A file
 * without the markers gets the generated part first and its old text after.
 */
export function writeReport(file, block) {
  const text = generated(block);
  if (!existsSync(file)) return writeFileSync(file, `${text}\n`);
  const old = readFileSync(file, "utf8");
  const end = old.indexOf(MARK_END);
  const rest =
    end !== -1 && old.indexOf(MARK_START) !== -1 && old.indexOf(MARK_START) < end ? old.slice(end + MARK_END.length) : `\n\n${old}`;
  writeFileSync(file, text + rest);
}
