// The bench's clients, shared by every scenario: a JSON room socket (phone, projector,
// facilitator) over `ws`, a phone's join with the real phone's back-off, facilitator commands,
// the HTTP calls (create, summary) and the projector's Yjs doc over y-partyserver's provider.
//
// Plain ESM JavaScript so Node 20 runs it as is; every message is a JSON literal matching
// core/protocol.ts. Sockets go to the app's own origin: `/parties/room/<roomId>` (JSON, or
// `?ch=yjs` for the doc, with the ticket as the first message) and `/parties/echo-room/<name>` (the bench's echo room). Every
// socket is registered, so a failed step's sockets are closed by the run's cleanup.
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import YProvider from "y-partyserver/provider";
import * as Y from "yjs";

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

/** Every open socket (ws) and Yjs provider, so cleanup can close whatever a failed step left behind. */
export const openSockets = new Set();
const providers = new Set();
export function closeEverything() {
  for (const p of providers) p.destroy();
  providers.clear();
  for (const ws of openSockets) ws.terminate();
  openSockets.clear();
}
/** Abandons the running step: see {@link aborted}. */
export function abortAll() {
  aborted = true;
  closeEverything();
}
export const resetAbort = () => (aborted = false);

export const wsBase = (stack) => stack.url.replace(/^http/, "ws");
export const roomUrl = (stack, roomId, query = "") => `${wsBase(stack)}/parties/room/${roomId}${query}`;
export const echoUrl = (stack, name) => `${wsBase(stack)}/parties/echo-room/${name}`;

/** The bench's mirror of the room's per-connection bucket, with a margin, so a facilitator's long command sequence never trips it. */
let connectionPolicy = { capacity: 30, perSecond: 3 };
export const setConnectionPolicy = (policy) => (connectionPolicy = policy);

export class Client {
  /** @type {{ t: number, msg: any }[]} */
  frames = [];
  closed = null;
  #waiters = [];
  #tokens;
  #refilledAt = performance.now();

  constructor(ws) {
    this.ws = ws;
    this.#tokens = connectionPolicy.capacity - 2;
    openSockets.add(ws);
    ws.on("message", (data) => {
      const t = performance.now();
      let msg;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        msg = { t: "unparsed", raw: data.toString() };
      }
      this.frames.push({ t, msg });
      this.onFrame?.(msg, t);
      if (this.#waiters.length) this.#waiters = this.#waiters.filter((w) => (w.pred(msg) ? (w.resolve({ msg, t }), false) : true));
    });
    ws.on("close", (code) => {
      this.closed = code;
      openSockets.delete(ws);
      // Nothing more will arrive: whoever waits for a frame learns it now, not at its timeout.
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const w of waiters) w.reject(new Error(`socket closed (${code}) while waiting for ${w.what}`));
    });
    ws.on("error", () => {});
  }

  /** Opens a socket with the app's Origin (as a browser page would send); bounded by `timeoutMs`. */
  static open(url, origin, timeoutMs = 15_000) {
    if (aborted) return Promise.reject(new Error("step abandoned"));
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: origin ? { origin } : {}, perMessageDeflate: false });
      openSockets.add(ws);
      const fail = (e) => (clearTimeout(timer), openSockets.delete(ws), ws.terminate(), reject(e));
      const timer = setTimeout(() => fail(new Error(`connect timed out: ${url.replace(/\?.*/, "")}`)), timeoutMs);
      ws.once("open", () => (clearTimeout(timer), resolve(new Client(ws))));
      ws.once("error", (e) => fail(e));
      ws.once("unexpected-response", (_req, res) => fail(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }

  #refill() {
    const now = performance.now();
    const rate = connectionPolicy.perSecond * 0.85;
    this.#tokens = Math.min(connectionPolicy.capacity - 2, this.#tokens + ((now - this.#refilledAt) / 1000) * rate);
    this.#refilledAt = now;
  }

  /** Sends a JSON message now; returns the send time. */
  send(msg) {
    this.#refill();
    this.#tokens -= 1;
    const t = performance.now();
    this.ws.send(typeof msg === "string" ? msg : JSON.stringify(msg));
    return t;
  }

  /** Sends after waiting for a token of the mirrored per-connection bucket. */
  async sendPaced(msg) {
    for (let i = 0; i < 100; i++) {
      this.#refill();
      if (this.#tokens >= 1) break;
      await sleep(Math.ceil(((1 - this.#tokens) / (connectionPolicy.perSecond * 0.85)) * 1000));
    }
    return this.send(msg);
  }

  /**
   * The first frame from now on matching `pred`; rejects at `timeoutMs`, or as soon as the socket
   * closes. (A rejection nobody awaits yet is not an unhandled one: whoever awaits it still gets it.)
   */
  next(pred, timeoutMs = 10_000, what = "a frame") {
    const p = new Promise((resolve, reject) => {
      if (this.closed !== null) return reject(new Error(`socket closed (${this.closed}) before waiting for ${what}`));
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        const last = this.frames
          .slice(-2)
          .map((f) => JSON.stringify(f.msg))
          .join(" | ");
        reject(new Error(`timed out waiting for ${what}; last frames: ${last || "none"}`));
      }, timeoutMs);
      const waiter = { pred, what, resolve: (v) => (clearTimeout(timer), resolve(v)), reject: (e) => (clearTimeout(timer), reject(e)) };
      this.#waiters.push(waiter);
    });
    p.catch(() => {});
    return p;
  }

  close() {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
    openSockets.delete(this.ws);
  }
}

export const closeAll = (clients) => clients.forEach((c) => c?.close());

// ---- HTTP ----------------------------------------------------------------------------------------

export async function createRoom(stack, body) {
  const res = await fetch(`${stack.url}/api/rooms`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ templateId: "icmec-2", title: "Benchmark", ...body }),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status !== 201) throw new Error(`create room failed: ${res.status} ${await res.text()}`);
  return res.json();
}

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

/** The projector's view ticket: the `view` parameter of the projector link's fragment. */
export const viewTicketOf = (created) => new URLSearchParams(new URL(created.projectorUrl).hash.slice(1)).get("view") ?? "";

/** A projector or console: open, say hello, wait for the welcome. */
export async function joinAs(stack, roomId, hello) {
  const client = await Client.open(roomUrl(stack, roomId), stack.appOrigin);
  const reply = client.next((m) => m.t === "welcome" || m.t === "error", 15_000, `welcome (${hello.role})`);
  client.send(hello);
  const { msg } = await reply;
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
 * phone's own jittered back-off. Resolves with the phone (its socket's `Client`, with `welcome`,
 * `attempts` and the times of its first hello and its welcome); throws on any other refusal, or
 * when it is not in within `timeoutMs`.
 */
export async function joinPhone(stack, roomId, { retryDelay, timeoutMs = 60_000, client = null } = {}) {
  client ??= await Client.open(roomUrl(stack, roomId), stack.appOrigin);
  const deadline = performance.now() + timeoutMs;
  client.attempts = 0;
  for (;;) {
    const reply = client.next((m) => m.t === "welcome" || m.t === "error", Math.max(1, deadline - performance.now()), "welcome (phone)");
    const sentAt = client.send({ t: "hello", role: "phone" });
    client.helloAt ??= sentAt;
    client.attempts++;
    let answer;
    try {
      answer = await reply;
    } catch (e) {
      client.close();
      throw e;
    }
    const { msg, t } = answer;
    if (msg.t === "welcome") {
      client.welcome = msg;
      client.welcomeAt = t;
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
/** Sends a facilitator command and waits for its "done" (throws on its error). */
export async function command(facilitator, cmd, timeoutMs = 15_000) {
  const id = `b${++commandSeq}`;
  const reply = facilitator.next(
    (m) => ((m.t === "done" || m.t === "error") && m.id === id) || (m.t === "error" && m.code === "rate-limited"),
    timeoutMs,
    `reply to ${cmd.op}`,
  );
  const sentAt = await facilitator.sendPaced({ t: "cmd", id, cmd });
  const { msg, t } = await reply;
  if (msg.t !== "done") throw new Error(`command ${cmd.op} failed: ${JSON.stringify(msg)}`);
  return { sentAt, doneAt: t };
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
        v.timer = setTimeout(() => (v.retries++, phone.send(v.frame)), retryDelay(v.retries));
      } else v.error = msg.code;
    }
  };
  v.frame = JSON.stringify({ t: "ballot", ballot });
  v.send = () => (v.sentAt = phone.send(v.frame));
  v.settled = () => v.ackAt !== null || v.error !== null;
  v.cancel = () => clearTimeout(v.timer);
  return v;
}

/** The projector's latest "voted" for round `roundId` since `since`. */
export function liveVoted(projector, roundId, since) {
  let voted = 0;
  for (const f of projector.frames) {
    if (f.t >= since && f.msg.t === "state" && f.msg.state.phase === "open" && f.msg.state.roundId === roundId)
      voted = Math.max(voted, f.msg.state.voted);
  }
  return voted;
}

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

/** A Yjs provider of the room, read-only with the projector's view ticket, like the projector's own. */
function provider(stack, created) {
  const doc = new Y.Doc();
  const origin = stack.appOrigin;
  const p = new YProvider(stack.url.replace(/^https?:\/\//, ""), created.roomId, doc, {
    party: "room",
    params: { ch: "yjs" },
    WebSocketPolyfill: class extends WebSocket {
      constructor(url) {
        super(url, { headers: { origin }, perMessageDeflate: false });
      }
    },
    disableBc: true,
  });
  p.awareness.setLocalState(null);
  // The ticket is the socket's first message, as the projector sends it.
  p.on("status", ({ status }) => status === "connected" && p.sendMessage(JSON.stringify({ t: "ticket", ticket: viewTicketOf(created) })));
  providers.add(p);
  return { doc, provider: p, destroy: () => (providers.delete(p), p.destroy(), doc.destroy()) };
}

/** Respondents of `domainId`'s last round as the projector's synced doc shows them (`live.session`). */
export async function docRespondents(stack, created, domainId) {
  const y = provider(stack, created);
  try {
    if (!(await until(() => y.provider.synced, 15_000, 20))) throw new Error("Yjs sync timed out");
    const rounds = y.doc.getMap("live").get("session")?.domains?.[domainId]?.rounds ?? [];
    return rounds.length ? rounds[rounds.length - 1].respondents : null;
  } finally {
    y.destroy();
  }
}

/**
 * A raw Yjs socket of the projector that counts the room's greetings: the room's Yjs server sends
 * every Yjs socket a sync step 1 (bytes 0, 0) when it connects and again whenever the object
 * starts. A second greeting on a socket that said nothing means the object left memory and was
 * started again: a wake from hibernation (as tests/integration/live-room.test.ts checks it).
 */
export async function greetingCounter(stack, created) {
  const ws = new WebSocket(roomUrl(stack, created.roomId, "?ch=yjs"), {
    headers: { origin: stack.appOrigin },
    perMessageDeflate: false,
  });
  openSockets.add(ws);
  const frames = [];
  ws.on("message", (data, isBinary) => isBinary && frames.push(data));
  ws.on("error", () => {});
  ws.on("close", () => openSockets.delete(ws));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Yjs socket did not open")), 15_000);
    ws.once("open", () => (clearTimeout(timer), resolve()));
    ws.once("unexpected-response", (_q, res) => (clearTimeout(timer), reject(new Error(`Yjs upgrade refused: ${res.statusCode}`))));
  });
  ws.send(`__YPS:${JSON.stringify({ t: "ticket", ticket: viewTicketOf(created) })}`); // the ticket, first message
  if (!(await until(() => frames.length > 0, 15_000, 20))) throw new Error("no first sync step from the room's Yjs server");
  return {
    greetings: () => frames.filter((f) => f[0] === 0 && f[1] === 0).length,
    close: () => (ws.terminate(), openSockets.delete(ws)),
  };
}
