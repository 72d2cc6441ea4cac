// Voting rounds in one room: N phones vote on "safety" (at random moments within SPREAD_MS, or
// all in one event-loop tick), then the facilitator closes. Measures the ballot acks, the
// projector's "x of N voted" and the reveal's fan-out; the integrity round (300 phones) also
// checks that every ballot was counted exactly once.
import { performance } from "node:perf_hooks";
import { SPREAD_MS } from "../config.mjs";
import {
  command,
  docRespondents,
  liveVoted,
  openStatesSince,
  setUpRoom,
  sleep,
  summaryRespondents,
  trackBallot,
  until,
  watchReveal,
} from "../client.mjs";
import { pooled } from "../stats.mjs";

/** Ballot `i` of a round: a rating only (items are optional), spread over the 5 points. */
export const ballotOf = (roundId, i) => ({ roundId, answers: {}, ratings: { domain: (i % 5) + 1 } });

/**
 * Opens "safety" in a fresh room of `n` phones, lets them vote in `pattern` ("spread" or
 * "instant"), closes the round, and measures. With `keepOpen` the room is handed back open (the
 * caller closes it).
 */
export async function votingRound(stack, n, pattern, { retryDelay, keepOpen = false } = {}) {
  const room = await setUpRoom(stack, n, { retryDelay });
  const { facilitator, projector, phones } = room;
  try {
    const opened = phones.map((p) => p.next((m) => m.t === "state" && m.state.phase === "open", 15_000, undefined, "open state"));
    await command(facilitator, { op: "open", domainId: "safety" });
    const states = await Promise.all(opened);
    const roundId = states[0].state.roundId;
    await sleep(300); // let the open fan-out settle

    const votes = phones.map((phone, i) => trackBallot(phone, ballotOf(roundId, i), retryDelay));
    const voteStart = performance.now();
    if (pattern === "instant") votes.forEach((v) => v.send());
    else votes.forEach((v) => setTimeout(v.send, Math.random() * SPREAD_MS));
    await until(() => votes.every((v) => v.settled()), SPREAD_MS + 30_000);
    votes.forEach((v) => v.cancel());
    const acked = votes.filter((v) => v.ackAt !== null);
    await until(() => liveVoted(projector, roundId, voteStart) >= acked.length, 5_000);
    await sleep(200); // anything late (a duplicate count) would show up now
    const lastVoted = liveVoted(projector, roundId, voteStart);

    // Projector latency: the v-th ballot in ack order is taken as the one that made the count v.
    const counts = openStatesSince(projector, roundId, voteStart);
    const byAck = [...acked].sort((a, b) => a.ackAt - b.ackAt);
    const projectorLatency = [];
    let missingCounts = 0;
    byAck.forEach((v, i) => {
      const frame = counts.find((f) => f.state.voted >= i + 1);
      if (frame) projectorLatency.push(frame.t - v.sentAt);
      else missingCounts++;
    });

    // Reveal: close, then every phone's first "revealed" state.
    const revealed = watchReveal(phones);
    const { sentAt: closeAt } = await command(facilitator, { op: "close" });
    await until(() => revealed.every((t) => t !== null), 15_000);
    const result = {
      n,
      pattern,
      roundId,
      samples: {
        ack: acked.map((v) => v.ackAt - v.sentAt),
        projector: projectorLatency,
        reveal: revealed.filter((t) => t !== null).map((t) => t - closeAt),
      },
      acked: acked.length,
      refused: votes.filter((v) => v.error !== null).map((v) => v.error),
      retried: votes.reduce((s, v) => s + v.retries, 0),
      silent: votes.filter((v) => !v.settled()).length,
      lastVoted,
      missingCounts,
      notRevealed: revealed.filter((t) => t === null).length,
      joinAttempts: phones.reduce((s, p) => s + p.attempts, 0),
    };
    if (keepOpen) return { result, room };
    room.close();
    return { result };
  } catch (e) {
    room.close();
    throw e;
  }
}

/**
 * `n` phones vote in one tick: is every ballot counted exactly once? Respondents come from the
 * summary's JSON (the export a facilitator downloads) and, as a cross-check, from the projector's
 * synced Yjs doc.
 */
export async function integrityRun(stack, n, { retryDelay }) {
  const { result, room } = await votingRound(stack, n, "instant", { retryDelay, keepOpen: true });
  try {
    return { ...pooled([result]), ...(await countCheck(stack, room.created, n)), joinAttempts: result.joinAttempts };
  } finally {
    room.close();
  }
}

/** Lost and doubled ballots of "safety"'s last round: summary JSON respondents against `n` phones, with the doc as a cross-check. */
export async function countCheck(stack, created, n) {
  const respondents = await summaryRespondents(stack, created, "safety");
  let docCount = null;
  let docError = null;
  try {
    docCount = await docRespondents(stack, created, "safety");
  } catch (e) {
    docError = e.message;
  }
  return {
    respondents,
    docRespondents: docCount,
    docError,
    lost: respondents === null ? null : Math.max(0, n - respondents),
    doubled: respondents === null ? null : Math.max(0, respondents - n),
  };
}
