// The bench's clients, shared by every scenario. The sockets, the Yjs provider and the room's
// creation are the integration tests' own (tests/integration/clients.ts: the bench runs under tsx,
// so it imports them as they are); what is here is what only the bench does: pacing a
// facilitator's commands under the room's per-socket bucket, phones that back off as real ones do,
// timing acks, counts and reveals, and abandoning a step whose runtime reloaded under it.
import { performance } from "node:perf_hooks";
import { CONNECTION_POLICY } from "../../core/limits.ts";
import {
  closeEverything,
  greetingCounter as countGreetings,
  createRoom as createTestRoom,
  JsonClient,
  SocketClient,
  viewTicketOf,
  yjsClient,
} from "../../tests/integration/clients.ts";

export { closeEverything, viewTicketOf };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Set when the run abandons a step (the runtime reloaded under it): waits end at once, no new
 * socket opens, and every open one is closed, so the step fails fast instead of timing out.
 */
let aborted = false;

/** Polls `cond` every 5 ms until it holds or `timeoutMs` passes (or the step is abandoned); returns whether it held. */
export async function until(cond, timeoutMs, everyMs = 5) {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (aborted || performance.now() > end) return false;
    await sleep(everyMs);
  }
  return true;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

/** Abandons the running step: see {@link aborted}. */
export function abortAll() {
  aborted = true;
  closeEverything();
}
export const resetAbort = () => (aborted = false);

const refuseWhenAborted = () => {
  if (aborted) throw new Error("step abandoned");
};

/** A room's JSON socket (the tests' JsonClient, reading frames with JSON.parse as the echo clients do), unless the step was abandoned. */
export async function openRoomSocket(stack, roomId, timeoutMs = 15_000) {
  refuseWhenAborted();
  return JsonClient.open(stack, roomId, { timeoutMs, unchecked: true });
}

/** A socket to the bench's echo room (scripts/bench/worker.ts), which sends every frame straight back. */
export async function openEchoSocket(stack, name) {
  refuseWhenAborted();
  const url = `${stack.url.replace(/^http/, "ws")}/parties/echo-room/${name}`;
  return SocketClient.connect(url, JSON.parse, { origin: stack.appOrigin });
}

/** The room's own per-socket bucket, mirrored with a margin, so a facilitator's long command sequence never trips it. */
const PACE = { capacity: CONNECTION_POLICY.capacity - 2, perSecond: CONNECTION_POLICY.perSecond * 0.85 };
const buckets = new WeakMap();

/** Sends `msg` on `client` once the mirrored bucket holds a token; returns the send time. */
async function sendPaced(client, msg) {
  const b = buckets.get(client) ?? { tokens: PACE.capacity, at: performance.now() };
  buckets.set(client, b);
  for (let i = 0; i < 100; i++) {
    const now = performance.now();
    b.tokens = Math.min(PACE.capacity, b.tokens + ((now - b.at) / 1000) * PACE.perSecond);
    b.at = now;
    if (b.tokens >= 1) break;
    await sleep(Math.ceil(((1 - b.tokens) / PACE.perSecond) * 1000));
  }
  b.tokens -= 1;
  return client.send(msg);
}

export const closeAll = (clients) => clients.forEach((c) => c?.close());

// ---- HTTP ----------------------------------------------------------------------------------------

export const createRoom = (stack, body) => createTestRoom(stack, { title: "Benchmark", ...body });

export function getSummary(stack, roomId, key, format) {
  return fetch(`${stack.url}/api/rooms/${roomId}/summary?format=${format}`, {
    headers: { authorization: `Bearer ${key}` },
    signal: AbortSignal.timeout(15_000),
  });
}

/** The last round's respondents of one domain in a summary/1 JSON (`domains[].respondents`). */
export function respondentsIn(summary, domainId) {
  const domain = summary?.domains?.find?.((d) => d.id === domainId);
  return typeof domain?.respondents === "number" ? domain.respondents : null;
}

/** Respondents of `domainId`'s last round, from GET /api/rooms/:id/summary?format=json. */
export async function summaryRespondents(stack, created, domainId) {
  const res = await getSummary(stack, created.roomId, created.facilitatorKey, "json");
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`summary answered ${res.status}`);
  }
  return respondentsIn(await res.json(), domainId);
}

// ---- joining -------------------------------------------------------------------------------------

/** A projector or console: open, say hello, wait for the welcome. */
export async function joinAs(stack, roomId, hello) {
  const client = await openRoomSocket(stack, roomId);
  const reply = client.next((m) => m.t === "welcome" || m.t === "error", 15_000, undefined, `welcome (${hello.role})`);
  client.send(hello);
  const msg = await reply;
  if (msg.t !== "welcome") {
    client.close();
    throw new Error(`${hello.role} refused: ${JSON.stringify(msg)}`);
  }
  client.welcome = msg;
  return client;
}

/**
 * A phone joins as a real one does: its socket opens, it says hello, and a "rate-limited" answer
 * (the room's join bucket is empty) makes it say hello again after `retryDelay(attempt)`, the
 * phone's own jittered back-off (core/backoff.ts). Resolves with the phone (its socket, with
 * `welcome`, `attempts` and the times of its first hello and its welcome); throws on any other
 * refusal, or when it is not in within `timeoutMs`.
 */
export async function joinPhone(stack, roomId, { retryDelay, timeoutMs = 60_000, client = null } = {}) {
  client ??= await openRoomSocket(stack, roomId);
  const deadline = performance.now() + timeoutMs;
  client.attempts = 0;
  for (;;) {
    const reply = client.next(
      (m) => m.t === "welcome" || m.t === "error",
      Math.max(1, deadline - performance.now()),
      undefined,
      "welcome (phone)",
    );
    const sentAt = client.send({ t: "hello", role: "phone" });
    client.helloAt ??= sentAt;
    client.attempts++;
    let msg;
    try {
      msg = await reply;
    } catch (e) {
      client.close();
      throw e;
    }
    if (msg.t === "welcome") {
      client.welcome = msg;
      client.welcomeAt = client.timeOf(msg);
      return client;
    }
    if (msg.code !== "rate-limited" || !retryDelay) {
      client.close();
      throw new Error(`phone refused: ${JSON.stringify(msg)}`);
    }
    const wait = retryDelay(client.attempts - 1);
    if (performance.now() + wait > deadline) {
      client.close();
      throw new Error(`phone not in after ${client.attempts} hellos within ${Math.round(timeoutMs / 1000)} s`);
    }
    await sleep(wait);
  }
}

let commandSeq = 0;
/** Sends a facilitator command, paced under the socket's bucket, and waits for its "done" (throws on its error). */
export async function command(facilitator, cmd, timeoutMs = 15_000) {
  const id = `b${++commandSeq}`;
  const reply = facilitator.next(
    (m) => ((m.t === "done" || m.t === "error") && m.id === id) || (m.t === "error" && m.code === "rate-limited"),
    timeoutMs,
    undefined,
    `reply to ${cmd.op}`,
  );
  const sentAt = await sendPaced(facilitator, { t: "cmd", id, cmd });
  const msg = await reply;
  if (msg.t !== "done") throw new Error(`command ${cmd.op} failed: ${JSON.stringify(msg)}`);
  return { sentAt, doneAt: facilitator.timeOf(msg) };
}

/**
 * A room with a facilitator, a projector and `n` joined phones, `concurrency` joining at a time,
 * each with the phone's back-off. Closes everything it opened if joining fails.
 */
export async function setUpRoom(stack, n, { body = { domainIds: ["safety"] }, retryDelay, concurrency = 20, joinTimeoutMs = 60_000 } = {}) {
  const created = await createRoom(stack, body);
  const phones = [];
  const room = {
    created,
    facilitator: null,
    projector: null,
    phones,
    close: () => closeAll([room.facilitator, room.projector, ...phones]),
  };
  try {
    room.facilitator = await joinAs(stack, created.roomId, { t: "hello", role: "facilitator", key: created.facilitatorKey });
    room.projector = await joinAs(stack, created.roomId, { t: "hello", role: "screen" });
    await pool(Array.from({ length: n }), concurrency, async () => {
      phones.push(await joinPhone(stack, created.roomId, { retryDelay, timeoutMs: joinTimeoutMs }));
    });
  } catch (e) {
    room.close();
    throw e;
  }
  return room;
}

// ---- voting --------------------------------------------------------------------------------------

/**
 * One phone's ballot, with the phone's retry: the record gets `ackAt` on its ack, or `error` on a
 * refusal other than "rate-limited"; a "rate-limited" answer re-sends the same ballot after
 * `retryDelay(attempt)` (counted in `retries`), as usePhoneRoom does. `sentAt` is the first send.
 */
export function trackBallot(phone, ballot, retryDelay) {
  const v = { phone, sentAt: null, ackAt: null, error: null, retries: 0, timer: null };
  phone.onFrame = (msg, t) => {
    if (msg.t === "ack" && v.ackAt === null) v.ackAt = t;
    else if (msg.t === "error" && v.ackAt === null && v.error === null) {
      if (msg.code === "rate-limited" && retryDelay && v.retries < 10) {
        v.timer = setTimeout(() => (v.retries++, phone.sendRaw(v.frame)), retryDelay(v.retries));
      } else v.error = msg.code;
    }
  };
  v.frame = JSON.stringify({ t: "ballot", ballot });
  v.send = () => (v.sentAt = phone.sendRaw(v.frame));
  v.settled = () => v.ackAt !== null || v.error !== null;
  v.cancel = () => clearTimeout(v.timer);
  return v;
}

/** The projector's "open" states of round `roundId` received since `since`, each with its arrival time. */
export function openStatesSince(projector, roundId, since) {
  const out = [];
  projector.frames.forEach((msg, i) => {
    const t = projector.times[i];
    if (t >= since && msg.t === "state" && msg.state.phase === "open" && msg.state.roundId === roundId) out.push({ t, state: msg.state });
  });
  return out;
}

/** The projector's latest "voted" for round `roundId` since `since`. */
export const liveVoted = (projector, roundId, since) =>
  openStatesSince(projector, roundId, since).reduce((max, f) => Math.max(max, f.state.voted), 0);

/** Watches every phone for its first "revealed" state; `times[i]` is phone i's receive time. */
export function watchReveal(phones) {
  const times = phones.map(() => null);
  phones.forEach((p, i) => {
    p.onFrame = (msg, t) => {
      if (msg.t === "state" && msg.state.phase === "revealed" && times[i] === null) times[i] = t;
    };
  });
  return times;
}

// ---- the projector's doc (Yjs) -------------------------------------------------------------------

/** Respondents of `domainId`'s last round as the projector's synced doc shows them (`live.session`). */
export async function docRespondents(stack, created, domainId) {
  refuseWhenAborted();
  const y = await yjsClient(stack, created, viewTicketOf(created), 15_000);
  try {
    const rounds = y.doc.getMap("live").get("session")?.domains?.[domainId]?.rounds ?? [];
    return rounds.length ? rounds[rounds.length - 1].respondents : null;
  } finally {
    y.destroy();
  }
}

/** The projector's raw Yjs socket counting the room's greetings (a second one = a wake): the tests' own. */
export async function greetingCounter(stack, created) {
  refuseWhenAborted();
  return countGreetings(stack, created, 15_000);
}
