// 1,000 phones in one room, hibernation on, everyone votes (docs/design.md §8).
//
// - Joining: every phone opens its socket and says hello at once (sockets opened 50 at a time),
//   so the room's join bucket (core/limits.ts JOIN_POLICY: a burst, then a steady rate) refuses
//   most of them with "rate-limited" at first; each then says hello again after the phone's own
//   jittered back-off (usePhoneRoom's retryDelay), as real phones do.
// - Voting: once "safety" is open, all phones send their ballot in one event-loop tick.
// - Hibernation: after the last ack, nothing happens for HIBERNATE_IDLE_MS, long enough for the
//   runtime to evict the idle object while its sockets stay open. A raw Yjs socket counts the
//   room's greetings: a second one after the close proves the object left memory and was started
//   again, so the close found the 1,000 ballots in the phones' socket attachments only.
// - Close: the facilitator closes; every phone must see "revealed"; the summary's JSON must count
//   each phone exactly once (the projector's synced doc is read as a cross-check).
import { performance } from "node:perf_hooks";
import { HIBERNATE_IDLE_MS } from "../config.mjs";
import {
  closeAll,
  command,
  createRoom,
  greetingCounter,
  joinAs,
  joinPhone,
  liveVoted,
  pool,
  openRoomSocket,
  sleep,
  trackBallot,
  until,
  watchReveal,
} from "../client.mjs";
import { stats } from "../stats.mjs";
import { ballotOf, countCheck } from "./voting.mjs";

export async function bigRoomRun(stack, n, { retryDelay, limits, log = () => {} }) {
  const created = await createRoom(stack, { domainIds: ["safety"] });
  const phones = [];
  let facilitator = null;
  let projector = null;
  let greeter = null;
  try {
    facilitator = await joinAs(stack, created.roomId, { t: "hello", role: "facilitator", key: created.facilitatorKey });
    projector = await joinAs(stack, created.roomId, { t: "hello", role: "screen" });

    // --- join ------------------------------------------------------------------------------------
    // Bounded by what the join rate allows, plus the longest back-offs and a margin.
    const expectedMs = (Math.max(0, n - limits.join.capacity) / limits.join.perSecond) * 1000;
    const joinTimeoutMs = expectedMs + 90_000;
    const joinStart = performance.now();
    let joined = 0;
    const progress = setInterval(
      () => log(`  ${joined}/${n} phones in after ${((performance.now() - joinStart) / 1000).toFixed(0)} s`),
      15_000,
    );
    const failures = [];
    try {
      await pool(Array.from({ length: n }), 50, async () => {
        const client = await openRoomSocket(stack, created.roomId, 30_000);
        phones.push(client);
        // Each phone joins on its own from here (not waiting for the pool), as a room fills.
        client.joining = joinPhone(stack, created.roomId, { retryDelay, timeoutMs: joinTimeoutMs, client }).then(
          () => joined++,
          (e) => failures.push(e.message),
        );
      });
      await Promise.all(phones.map((p) => p.joining));
    } finally {
      clearInterval(progress);
    }
    if (failures.length)
      throw new Error(`${failures.length} of ${n} phones could not join: ${[...new Set(failures)].slice(0, 3).join("; ")}`);
    const firstHello = Math.min(...phones.map((p) => p.helloAt));
    const lastWelcome = Math.max(...phones.map((p) => p.welcomeAt));
    const attempts = phones.map((p) => p.attempts);
    const joinedSeen = Math.max(0, ...projector.frames.filter((m) => m.t === "state").map((m) => m.state.joined));
    const join = {
      seconds: (lastWelcome - firstHello) / 1000,
      socketsSeconds: (Math.max(...phones.map((p) => p.helloAt)) - firstHello) / 1000,
      perPhone: stats(phones.map((p) => p.welcomeAt - p.helloAt)),
      firstTry: attempts.filter((a) => a === 1).length,
      refusals: attempts.reduce((s, a) => s + a - 1, 0),
      maxAttempts: Math.max(...attempts),
      projectorJoined: joinedSeen,
      bound: expectedMs / 1000,
    };
    log(`  all ${n} in: ${join.seconds.toFixed(1)} s from the first hello to the last welcome, ${join.refusals} "rate-limited" answers`);

    // --- vote ------------------------------------------------------------------------------------
    const opened = phones.map((p) => p.next((m) => m.t === "state" && m.state.phase === "open", 30_000, undefined, "open state"));
    await command(facilitator, { op: "open", domainId: "safety" });
    const roundId = (await Promise.all(opened))[0].state.roundId;
    await sleep(500);
    const votes = phones.map((phone, i) => trackBallot(phone, ballotOf(roundId, i), retryDelay));
    const voteStart = performance.now();
    votes.forEach((v) => v.send());
    await until(() => votes.every((v) => v.settled()), 60_000);
    votes.forEach((v) => v.cancel());
    const voteSettled = performance.now();
    const acked = votes.filter((v) => v.ackAt !== null);
    await until(() => liveVoted(projector, roundId, voteStart) >= acked.length, 10_000);
    await sleep(300);
    const lastVoted = liveVoted(projector, roundId, voteStart);
    log(`  ${acked.length}/${n} ballots acked in ${((voteSettled - voteStart) / 1000).toFixed(2)} s; projector count ${lastVoted}`);

    // --- hibernate -------------------------------------------------------------------------------
    greeter = await greetingCounter(stack, created);
    const greetingsBefore = greeter.greetings();
    log(`  idle ${HIBERNATE_IDLE_MS / 1000} s so the room can hibernate`);
    await sleep(HIBERNATE_IDLE_MS);
    const greetingsIdle = greeter.greetings();

    // --- close and reveal ------------------------------------------------------------------------
    const revealed = watchReveal(phones);
    const { sentAt: closeAt, doneAt } = await command(facilitator, { op: "close" }, 60_000);
    await until(() => revealed.every((t) => t !== null), 30_000);
    await until(() => greeter.greetings() > greetingsIdle, 2_000, 20);
    const woke = greeter.greetings() > greetingsIdle && greetingsIdle === greetingsBefore;
    const check = await countCheck(stack, created, n);
    return {
      n,
      join,
      samples: { ack: acked.map((v) => v.ackAt - v.sentAt), reveal: revealed.filter((t) => t !== null).map((t) => t - closeAt) },
      ack: stats(acked.map((v) => v.ackAt - v.sentAt)),
      reveal: stats(revealed.filter((t) => t !== null).map((t) => t - closeAt)),
      closeDone: doneAt - closeAt,
      voteSeconds: (voteSettled - voteStart) / 1000,
      acked: acked.length,
      refused: votes.filter((v) => v.error !== null).map((v) => v.error),
      retried: votes.reduce((s, v) => s + v.retries, 0),
      silent: votes.filter((v) => !v.settled()).length,
      lastVoted,
      notRevealed: revealed.filter((t) => t === null).length,
      hibernated: woke,
      greetings: { before: greetingsBefore, idle: greetingsIdle, after: greeter.greetings() },
      ...check,
    };
  } finally {
    greeter?.close();
    closeAll([facilitator, projector, ...phones]);
  }
}
