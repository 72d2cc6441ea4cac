/**
 * Real clients of a running Candor (`wrangler dev` over loopback): JSON sockets (`ws`) as phones,
 * projectors and consoles, Yjs providers and raw Yjs sockets as the screens' doc sync, and the
 * HTTP calls that create a room. The integration tests and the benchmark (scripts/bench/) both use
 * these, so the bench measures the same client the tests prove.
 *
 * Every frame a client receives is recorded with its arrival time, so a test can assert on
 * everything anyone saw and the bench can time it. Every socket and provider is registered until
 * it closes, so {@link closeEverything} can clean up after a step that failed half way.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import YProvider from "y-partyserver/provider";
import * as Y from "yjs";
import type { CreateRoomResponse } from "../../core/api";
import { type Ballot, type ClientMessage, encodeClient, parseServerMessage, type ServerMessage } from "../../core/protocol";

export interface Stack {
  url: string;
  appOrigin: string;
}

/** Whatever is still open: sockets and Yjs providers. */
const live = new Set<{ terminate(): void }>();

/** Closes every socket and provider still open (a failed step's leftovers). */
export function closeEverything(): void {
  for (const x of [...live]) x.terminate();
  live.clear();
}

export async function createRoom(stack: Stack, body: Record<string, unknown> = {}): Promise<CreateRoomResponse> {
  const res = await fetch(`${stack.url}/api/rooms`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ templateId: "icmec-2", title: "Integration test", ...body }),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateRoomResponse;
}

/** The session's summary in one format, asked for with the facilitator key (in the header, never the URL). */
export function fetchSummary(stack: Stack, room: Pick<CreateRoomResponse, "roomId" | "facilitatorKey">, format: string): Promise<Response> {
  return fetch(`${stack.url}/api/rooms/${room.roomId}/summary?format=${format}`, {
    headers: { authorization: `Bearer ${room.facilitatorKey}` },
  });
}

export function roomSocketUrl(stack: Stack, roomId: string, query = ""): string {
  return `${stack.url.replace(/^http/, "ws")}/parties/room/${roomId}${query}`;
}

export interface ConnectOptions {
  /** The Origin header, as a browser page sends it; none when null. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** How long the upgrade may take. */
  timeoutMs?: number;
}

/** Opens a WebSocket; rejects on a refused upgrade, an error or the timeout. */
function connect(url: string, { origin = null, headers = {}, timeoutMs = 15_000 }: ConnectOptions): Promise<WebSocket> {
  // No compression: the bench's clients share the machine with the runtime, and the room's frames are small.
  const ws = new WebSocket(url, { headers: origin ? { origin, ...headers } : headers, perMessageDeflate: false });
  live.add(ws);
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      clearTimeout(timer);
      live.delete(ws);
      ws.terminate();
      reject(e);
    };
    const timer = setTimeout(() => fail(new Error(`connect timed out: ${url.replace(/\?.*/, "")}`)), timeoutMs);
    ws.once("open", () => (clearTimeout(timer), resolve(ws)));
    ws.once("error", fail);
    ws.once("unexpected-response", (_req, res) => fail(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}

interface Waiter<M> {
  pred: (m: M) => boolean;
  what: string;
  resolve: (m: M) => void;
  reject: (e: Error) => void;
}

/** A socket that records every text frame as `parse` reads it, with its arrival time. */
export class SocketClient<M> {
  readonly raw: string[] = [];
  readonly frames: M[] = [];
  /** `performance.now()` at each frame's arrival, index for index with {@link frames}. */
  readonly times: number[] = [];
  closed: { code: number; reason: string } | null = null;
  /** Called with every frame as it arrives (the bench times acks and reveals with it). */
  onFrame: ((m: M, t: number) => void) | null = null;
  #waiters: Waiter<M>[] = [];

  constructor(
    readonly ws: WebSocket,
    parse: (text: string) => M,
  ) {
    ws.on("message", (data) => {
      const t = performance.now();
      const text = data.toString();
      this.raw.push(text);
      const msg = parse(text);
      this.frames.push(msg);
      this.times.push(t);
      this.onFrame?.(msg, t);
      if (this.#waiters.length) this.#waiters = this.#waiters.filter((w) => (w.pred(msg) ? (w.resolve(msg), false) : true));
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      live.delete(ws);
      // Nothing more will arrive: whoever waits for a frame learns it now, not at its timeout.
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const w of waiters) w.reject(new Error(`socket closed (${code}) while waiting for ${w.what}`));
    });
    ws.on("error", () => {}); // a close follows; the waiters hear of it there
  }

  static async connect<M>(url: string, parse: (text: string) => M, options: ConnectOptions = {}): Promise<SocketClient<M>> {
    return new SocketClient(await connect(url, options), parse);
  }

  /** Sends a frame as it is; returns the time it was sent. */
  sendRaw(data: string | Buffer): number {
    const t = performance.now();
    this.ws.send(data);
    return t;
  }

  /** When frame `msg` arrived (the last time, for a value that arrived more than once). */
  timeOf(msg: M): number {
    return this.times[this.frames.lastIndexOf(msg)] ?? Number.NaN;
  }

  /**
   * Resolves with the first frame matching `pred`, from now on or already received since index
   * `from`; rejects at `timeoutMs`, or as soon as the socket closes. (A rejection nobody awaits
   * yet is not an unhandled one: whoever awaits it later still gets it.)
   */
  next<T extends M>(pred: (m: M) => m is T, timeoutMs?: number, from?: number, what?: string): Promise<T>;
  next(pred: (m: M) => boolean, timeoutMs?: number, from?: number, what?: string): Promise<M>;
  next(pred: (m: M) => boolean, timeoutMs = 10_000, from?: number, what = "a frame"): Promise<M> {
    if (from !== undefined) {
      const seen = this.frames.slice(from).find(pred);
      if (seen !== undefined) return Promise.resolve(seen);
    }
    const p = new Promise<M>((resolve, reject) => {
      if (this.closed) return reject(new Error(`socket closed (${this.closed.code}) before waiting for ${what}`));
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; last frames: ${this.raw.slice(-3).join(" | ") || "none"}`));
      }, timeoutMs);
      const waiter: Waiter<M> = {
        pred,
        what,
        resolve: (m) => (clearTimeout(timer), resolve(m)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      this.#waiters.push(waiter);
    });
    p.catch(() => {});
    return p;
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
    live.delete(this.ws);
  }
}

/** A server frame, checked against the protocol: a frame the room should never send fails loudly. */
function strictServerMessage(text: string): ServerMessage {
  const parsed = parseServerMessage(text);
  if (!parsed.ok) throw new Error(`server sent an invalid frame: ${text}`);
  return parsed.value;
}

/** A room's JSON socket: every frame it receives must be a valid {@link ServerMessage}. */
export class JsonClient extends SocketClient<ServerMessage> {
  /**
   * Opens a JSON socket to a room, with the app's Origin (as its pages send it) unless told
   * otherwise. Every frame is checked against the protocol, unless `unchecked`: the benchmark reads
   * frames with plain `JSON.parse`, as its echo clients do, so that checking hundreds of phones'
   * frames in its one client process is not billed to the room.
   */
  static async open(stack: Stack, roomId: string, { unchecked = false, ...options }: ConnectOptions & { unchecked?: boolean } = {}) {
    const ws = await connect(roomSocketUrl(stack, roomId), { origin: stack.appOrigin, ...options });
    return new JsonClient(ws, unchecked ? (JSON.parse as (text: string) => ServerMessage) : strictServerMessage);
  }

  /** Sends a client message; returns the time it was sent. */
  send(msg: ClientMessage): number {
    return this.sendRaw(encodeClient(msg));
  }

  /** Sends and waits for the reply a message gets (ack / done / welcome / error). */
  async request(msg: ClientMessage, timeoutMs = 10_000): Promise<ServerMessage> {
    const from = this.frames.length;
    this.send(msg);
    const isReply = (m: ServerMessage) => m.t === "error" || m.t === "ack" || m.t === "done" || m.t === "welcome" || m.t === "pong";
    return this.next(isReply, timeoutMs, from, `the reply to ${msg.t}`);
  }
}

export const isError = (m: ServerMessage): m is Extract<ServerMessage, { t: "error" }> => m.t === "error";

/** A participant's phone: joins, remembers its token and its ballot like the real phone does. */
export class Phone {
  token: string | undefined;
  ballot: Ballot | undefined;
  client!: JsonClient;

  constructor(
    readonly stack: Stack,
    readonly roomId: string,
  ) {}

  async join(): Promise<ServerMessage> {
    this.client = await JsonClient.open(this.stack, this.roomId);
    const hello: ClientMessage = { t: "hello", role: "phone" };
    if (this.token) hello.token = this.token;
    if (this.ballot) hello.ballot = this.ballot;
    const reply = await this.client.request(hello);
    if (reply.t === "welcome" && reply.token) this.token = reply.token;
    return reply;
  }

  async vote(ballot: Ballot): Promise<ServerMessage> {
    this.ballot = ballot;
    return this.client.request({ t: "ballot", ballot });
  }
}

export async function facilitator(stack: Stack, roomId: string, key: string): Promise<{ client: JsonClient; ticket: string }> {
  const client = await JsonClient.open(stack, roomId);
  const welcome = await client.request({ t: "hello", role: "facilitator", key });
  if (welcome.t !== "welcome" || !welcome.writeTicket) throw new Error(`facilitator refused: ${JSON.stringify(welcome)}`);
  return { client, ticket: welcome.writeTicket };
}

let commandSeq = 0;
export async function command(client: JsonClient, cmd: Extract<ClientMessage, { t: "cmd" }>["cmd"]): Promise<ServerMessage> {
  return client.request({ t: "cmd", id: `c${++commandSeq}`, cmd });
}

/** The projector's view ticket, from the fragment of the projector link the API handed out. */
export const viewTicketOf = (room: Pick<CreateRoomResponse, "projectorUrl">): string =>
  new URLSearchParams(new URL(room.projectorUrl).hash.slice(1)).get("view") ?? "";

/** A Yjs doc synced with the room: read-only with the view ticket (default), writable with a write ticket. */
export async function yjsClient(
  stack: Stack,
  room: Pick<CreateRoomResponse, "roomId" | "projectorUrl">,
  ticket = viewTicketOf(room),
  timeoutMs = 10_000,
) {
  const doc = new Y.Doc();
  const host = stack.url.replace(/^https?:\/\//, "");
  const provider = new YProvider(host, room.roomId, doc, {
    party: "room",
    params: { ch: "yjs" },
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string) {
        super(url, { headers: { origin: stack.appOrigin }, perMessageDeflate: false });
      }
    } as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalState(null);
  // As the screens do: the ticket is the socket's first message, never in its URL.
  provider.on("status", ({ status }: { status: string }) => {
    if (status === "connected") provider.sendMessage(JSON.stringify({ t: "ticket", ticket }));
  });
  const handle = { terminate: () => (provider.destroy(), doc.destroy()) };
  live.add(handle);
  const destroy = () => (live.delete(handle), handle.terminate());
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("yjs sync timed out")), timeoutMs);
      if (provider.synced) return (clearTimeout(timer), resolve());
      provider.once("synced", () => (clearTimeout(timer), resolve()));
    });
  } catch (e) {
    destroy();
    throw e;
  }
  return { doc, provider, destroy };
}

/**
 * A raw Yjs socket of a screen, admitted with `ticket` as its first message (as the screens do),
 * recording every binary frame the room sends it.
 */
export async function rawYjsSocket(stack: Stack, roomId: string, ticket: string | null) {
  const ws = await connect(roomSocketUrl(stack, roomId, "?ch=yjs"), { origin: stack.appOrigin });
  const frames: Buffer[] = [];
  ws.on("message", (data: Buffer, isBinary: boolean) => isBinary && frames.push(data));
  ws.on("close", () => live.delete(ws));
  if (ticket !== null) ws.send(`__YPS:${JSON.stringify({ t: "ticket", ticket })}`);
  return { ws, frames };
}

/**
 * A raw Yjs socket of the projector that counts the room's greetings: the room's Yjs server sends
 * every Yjs socket a sync step 1 (bytes 0, 0) when it connects and again whenever the object
 * starts. A second greeting on an open socket that said nothing is proof that the object left
 * memory and was started again (a wake from hibernation).
 */
export async function greetingCounter(stack: Stack, room: Pick<CreateRoomResponse, "roomId" | "projectorUrl">, timeoutMs = 10_000) {
  const { ws, frames } = await rawYjsSocket(stack, room.roomId, viewTicketOf(room));
  await until(() => frames.length > 0, timeoutMs, "the first sync step 1");
  return { greetings: () => frames.filter((f) => f[0] === 0 && f[1] === 0).length, close: () => ws.terminate() };
}

export const until = async (cond: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Every file under the room storage folder, as bytes: what `grep -a` would search. */
export function storageBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}
