// The echo baseline (docs/design.md §8): `n` sockets send the same bytes as a ballot to the bench's
// EchoRoom (scripts/bench/worker.ts), a PartyServer room with hibernation on that sends each
// message straight back, in the same `wrangler dev` as Candor. Same two patterns as the phones.
import { SPREAD_MS } from "../config.mjs";
import { closeAll, openEchoSocket, pool, sleep, until } from "../client.mjs";

let echoSeq = 0;

export async function echoRound(stack, n, pattern) {
  const clients = [];
  // A fresh echo object per round, like a fresh room per voting round.
  const name = `bench-echo-${process.pid}-${++echoSeq}`;
  try {
    await pool(Array.from({ length: n }), 20, async () => clients.push(await openEchoSocket(stack, name)));
    await sleep(300);
    const payload = (i) => JSON.stringify({ t: "ballot", ballot: { roundId: "safety#1", answers: {}, ratings: { domain: (i % 5) + 1 } } });
    const sends = clients.map((c, i) => ({ c, frame: payload(i), sentAt: null, at: null }));
    for (const s of sends) s.c.onFrame = (_m, t) => (s.at ??= t);
    const send = (s) => (s.sentAt = s.c.sendRaw(s.frame));
    if (pattern === "instant") sends.forEach(send);
    else sends.forEach((s) => setTimeout(() => send(s), Math.random() * SPREAD_MS));
    await until(() => sends.every((s) => s.at !== null), SPREAD_MS + 20_000);
    const done = sends.filter((s) => s.at !== null);
    return { n, samples: { reply: done.map((s) => s.at - s.sentAt) }, failed: n - done.length, pattern };
  } finally {
    closeAll(clients);
  }
}
