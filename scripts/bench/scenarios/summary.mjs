// Summary export of a 12-domain session (docs/design.md §8: ≤ 50 ms server time). A room with all
// of icmec-2's domains (3 facilities for the per-facility one), each voted by a few phones,
// revealed and recorded; then each format of GET /api/rooms/:id/summary is requested in sequence.
//
// There is no HTTP path into a room any more (the Worker calls rooms by Durable Object RPC), so
// the room's own part can't be timed from outside. Two requests frame the export instead:
// GET /api/health (the Worker alone: wrangler dev's HTTP path) and GET /api/rooms/:id/template
// (the Worker plus one RPC into the room, with a small job: the template snapshot).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ratingKeys } from "../../../core/ballots.ts";
import { SUMMARY_FORMATS } from "../../../core/summary/formats.ts";
import { ROOT, SUMMARY_PHONES } from "../config.mjs";
import { command, getSummary, setUpRoom } from "../client.mjs";
import { stats } from "../stats.mjs";

export async function summaryRun(stack, { repeats, retryDelay }) {
  const template = JSON.parse(readFileSync(join(ROOT, "core", "templates", "icmec-2.json"), "utf8"));
  const others = ["Clinic A", "Clinic B"];
  const facilities = ["Benchmark Hospital", ...others];
  const room = await setUpRoom(stack, SUMMARY_PHONES, {
    body: {
      facility: facilities[0],
      facilities: facilities.map((name, i) => (i === 0 ? { name, yours: true, underReview: true } : { name })),
    },
    retryDelay,
  });
  const { facilitator, phones, created } = room;
  try {
    const scaleSize = (d) => template.scales[d.rating.scale].points.length;
    for (const domain of template.domains) {
      const opened = phones.map((p) => p.next((m) => m.t === "state" && m.state.phase === "open", 10_000, undefined, "open state"));
      await command(facilitator, { op: "open", domainId: domain.id });
      const roundId = (await Promise.all(opened))[0].state.roundId;
      const acks = phones.map((p, i) => {
        const answers = Object.fromEntries(domain.items.map((item, j) => [item.id, ["yes", "no", "yes", "na"][(i + j) % 4]]));
        const ratings = Object.fromEntries(ratingKeys(domain, facilities).map((k, j) => [k, ((i + j) % scaleSize(domain)) + 1]));
        const reply = p.next((m) => m.t === "ack" || m.t === "error", 10_000, undefined, "ballot ack");
        p.send({ t: "ballot", ballot: { roundId, answers, ratings } });
        return reply;
      });
      for (const msg of await Promise.all(acks))
        if (msg.t !== "ack") throw new Error(`summary setup ballot refused: ${JSON.stringify(msg)}`);
      await command(facilitator, { op: "close" });
      const consensus = Object.fromEntries(ratingKeys(domain, facilities).map((k) => [k, { value: 3 }]));
      await command(facilitator, {
        op: "record",
        domainId: domain.id,
        consensus,
        notes: `Notes on ${domain.title}.`,
        actions: "Review in six months.",
      });
    }
    const { roomId, facilitatorKey } = created;
    const out = { domains: template.domains.length, phones: SUMMARY_PHONES, repeats, formats: {}, health: null, template: null };
    out.health = await timeHttp(repeats, () => fetch(`${stack.url}/api/health`, { signal: AbortSignal.timeout(15_000) }));
    out.template = await timeHttp(repeats, () =>
      fetch(`${stack.url}/api/rooms/${roomId}/template`, { signal: AbortSignal.timeout(15_000) }),
    );
    for (const format of SUMMARY_FORMATS)
      out.formats[format] = await timeHttp(repeats, () => getSummary(stack, roomId, facilitatorKey, format));
    return out;
  } finally {
    room.close();
  }
}

/** Median and p95 of `repeats` sequential requests; failures (status ≠ 200 or a reset) counted apart. */
async function timeHttp(repeats, request) {
  const times = [];
  const failures = [];
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    try {
      const res = await request();
      const body = await res.arrayBuffer();
      const t = performance.now() - t0;
      if (res.status === 200) {
        times.push(t);
        bytes = body.byteLength;
      } else failures.push(String(res.status));
    } catch (e) {
      failures.push(e?.cause?.code ?? e?.name ?? "error");
    }
  }
  return { ...stats(times), failures, bytes };
}
