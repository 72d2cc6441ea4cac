/**
 * Real clients for integration tests: JSON sockets (`ws`) as phones, projectors and consoles, and
 * Yjs providers as the screens' doc sync, all talking to the real `wrangler dev` over loopback.
 * Every frame a client receives is recorded, so tests can assert on everything anyone saw.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import YProvider from "y-partyserver/provider";
import type { CreateRoomResponse } from "../../core/api";
import { type Ballot, type ClientMessage, type ServerMessage, encodeClient, parseServerMessage } from "../../core/protocol";

export interface Stack {
  url: string;
  appOrigin: string;
}

export async function createRoom(stack: Stack, body: Record<string, unknown> = {}): Promise<CreateRoomResponse> {
  const res = await fetch(`${stack.url}/api/rooms`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ templateId: "icmec-2", title: "Integration test", ...body }),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateRoomResponse;
}

export function roomSocketUrl(stack: Stack, roomId: string, query = ""): string {
  return `${stack.url.replace(/^http/, "ws")}/parties/room/${roomId}${query}`;
}

export class JsonClient {
  readonly raw: string[] = [];
  readonly frames: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: { pred: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const text = data.toString();
      this.raw.push(text);
      const parsed = parseServerMessage(text);
      if (!parsed.ok) throw new Error(`server sent an invalid frame: ${text}`);
      this.frames.push(parsed.value);
      this.waiters = this.waiters.filter((w) => (w.pred(parsed.value) ? (w.resolve(parsed.value), false) : true));
    });
    ws.on("close", (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(stack: Stack, roomId: string, origin = stack.appOrigin, headers: Record<string, string> = {}): Promise<JsonClient> {
    const ws = new WebSocket(roomSocketUrl(stack, roomId), { headers: { origin, ...headers } });
    const client = new JsonClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    return client;
  }

  send(msg: ClientMessage): void {
    this.ws.send(encodeClient(msg));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Resolves with the first frame, from now on or already received since `from`, matching `pred`. */
  next<T extends ServerMessage>(pred: (m: ServerMessage) => m is T, timeoutMs?: number, from?: number): Promise<T>;
  next(pred: (m: ServerMessage) => boolean, timeoutMs?: number, from?: number): Promise<ServerMessage>;
  next(pred: (m: ServerMessage) => boolean, timeoutMs = 10_000, from?: number): Promise<ServerMessage> {
    if (from !== undefined) {
      const seen = this.frames.slice(from).find(pred);
      if (seen) return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting; last frames: ${this.raw.slice(-3).join(" | ")}`)), timeoutMs);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** Sends and waits for the reply a message gets (ack / done / welcome / error). */
  async request(msg: ClientMessage, timeoutMs = 10_000): Promise<ServerMessage> {
    const from = this.frames.length;
    this.send(msg);
    const isReply = (m: ServerMessage) => m.t === "error" || m.t === "ack" || m.t === "done" || m.t === "welcome" || m.t === "pong";
    const reply = await this.next(isReply, timeoutMs, from);
    return reply;
  }

  close(): void {
    this.ws.close();
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
export async function yjsClient(stack: Stack, room: Pick<CreateRoomResponse, "roomId" | "projectorUrl">, ticket = viewTicketOf(room)) {
  const roomId = room.roomId;
  const doc = new Y.Doc();
  const host = stack.url.replace(/^https?:\/\//, "");
  const params: Record<string, string> = { ch: "yjs" };
  const provider = new YProvider(host, roomId, doc, {
    party: "room",
    params,
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string) {
        super(url, { headers: { origin: stack.appOrigin } });
      }
    } as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalState(null);
  // As the screens do: the ticket is the socket's first message, never in its URL.
  provider.on("status", ({ status }: { status: string }) => {
    if (status === "connected") provider.sendMessage(JSON.stringify({ t: "ticket", ticket }));
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("yjs sync timed out")), 10_000);
    if (provider.synced) return (clearTimeout(timer), resolve());
    provider.once("synced", () => (clearTimeout(timer), resolve()));
  });
  return { doc, provider, destroy: () => provider.destroy() };
}

/**
 * A raw Yjs socket of a screen, admitted with `ticket` as its first message (as the screens do),
 * recording every binary frame the room sends it.
 */
export async function rawYjsSocket(stack: Stack, roomId: string, ticket: string | null) {
  const ws = new WebSocket(roomSocketUrl(stack, roomId, "?ch=yjs"), { headers: { origin: stack.appOrigin } });
  const frames: Buffer[] = [];
  ws.on("message", (data: Buffer, isBinary: boolean) => isBinary && frames.push(data));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("unexpected-response", (_q, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  if (ticket !== null) ws.send(`__YPS:${JSON.stringify({ t: "ticket", ticket })}`);
  return { ws, frames };
}

export const until = async (cond: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
