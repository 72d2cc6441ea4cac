/**
 * @module session-room
 * A Candor session as a Durable Object (binding `SESSION_ROOMS`, one object per room): the thin
 * platform adapter over the room model (party/room/model.ts). It only maps PartyServer's hooks,
 * y-partyserver's doc sync and the Worker's RPC calls onto the model.
 *
 * One object holds both kinds of socket (docs/design.md §6.2):
 * - JSON sockets (tag `ch:json`): phones, projectors, consoles; the model reads and answers them;
 * - Yjs sockets (tag `ch:yjs`): projector and console sync the doc through y-partyserver, once
 *   their first message brought a ticket (read for the projector's, write for a facilitator's).
 * y-partyserver sends its sync, update and awareness frames to `getConnections()` without a tag;
 * here that means the Yjs sockets that showed a ticket, so neither a phone nor a socket without a
 * ticket ever receives a Yjs frame.
 *
 * Hibernation is on: the object may leave memory while sockets stay open. The model rebuilds
 * itself on wake from storage and from the sockets' attachments. Keep-alive pings are answered by
 * the platform without waking the object.
 */
import * as encoding from "lib0/encoding";
import { type Connection, type ConnectionContext, Server, type WSMessage } from "partyserver";
import { withYjs } from "y-partyserver";
import * as syncProtocol from "y-protocols/sync";
import { z } from "zod";
import type { RoomAnswer } from "../core/api";
import {
  CLOSE_GONE,
  CLOSE_NO_TICKET,
  CLOSE_UNREADABLE,
  PING_FRAME,
  PONG_FRAME,
  YJS_CUSTOM_PREFIX,
  type YjsSaved,
  YjsTicketSchema,
} from "../core/protocol";
import { RoomModel } from "./room/model";
import type { RoomPorts } from "./room/ports";

/**
 * Socket tags. PartyServer puts the connection id (`_pk`, chosen by the client) among a socket's
 * tags, so ours carry a ":" that no connection id may hold (worker/room-sockets.ts refuses ids
 * outside [A-Za-z0-9_-]): an id can never pass for a channel.
 */
const JSON_TAG = "ch:json";
const YJS_TAG = "ch:yjs";

/**
 * What a Yjs socket may do, kept in its attachment (so it survives hibernation): nothing until its
 * first message brings a ticket (`pending`), then read (the projector's view ticket) or write (a
 * facilitator's write ticket).
 */
const YjsAccessSchema = z.strictObject({ v: z.literal(1), yjs: z.enum(["pending", "reader", "writer"]) });
type YjsAccess = z.infer<typeof YjsAccessSchema>["yjs"];
const yjsAccess = (connection: Connection): YjsAccess => {
  const parsed = YjsAccessSchema.safeParse(connection.state);
  return parsed.success ? parsed.data.yjs : "pending";
};
/** y-protocols' message type of a sync message (the first byte of a Yjs frame). */
const MESSAGE_SYNC = 0;
const NO_ROOM = { ok: false, refusal: "no-room" } as const;
/** The storage key every room has from its creation on, in every layout (core/stored.ts). */
const CONFIG_KEY = "config";
/** The close code a peer's Close frame without a status code arrives as. */
const NO_STATUS_RECEIVED = 1005;
/** y-protocols' message type of an awareness update (the first byte of a Yjs frame). */
const MESSAGE_AWARENESS = 1;

/** Long enough not to cost anything, short enough to be a pending timer: see {@link SessionRoom.keepAwake}. */
const KEEP_AWAKE_TICK_MS = 5_000;

const firstByte = (message: ArrayBuffer | ArrayBufferView): number | undefined =>
  message.byteLength === 0
    ? undefined
    : (message instanceof ArrayBuffer ? new Uint8Array(message, 0, 1) : new Uint8Array(message.buffer, message.byteOffset, 1))[0];

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

const byteLength = (message: WSMessage): number => (typeof message === "string" ? message.length * 3 : message.byteLength);

export class SessionRoom extends withYjs(Server) {
  static override options = { hibernate: true };
  /** Store the doc soon after an edit: a restart loses at most this much of the newest typing. */
  static override callbackOptions = { debounceWait: 300, debounceMaxWait: 2000 };

  #model: RoomModel | null = null;
  #awake: ReturnType<typeof setInterval> | null = null;

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    // Phones ping every 25 s; the platform answers without waking a hibernating room.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  override getConnections<T = unknown>(tag?: string): Iterable<Connection<T>> {
    if (tag) return super.getConnections<T>(tag);
    const all = super.getConnections<T>(YJS_TAG);
    return (function* () {
      for (const connection of all) if (yjsAccess(connection as Connection) !== "pending") yield connection;
    })();
  }

  #ports(): RoomPorts {
    return {
      storage: this.ctx.storage,
      clock: { now: () => Date.now(), later: (ms, fn) => void setTimeout(fn, ms) },
      jsonPeers: () => super.getConnections(JSON_TAG),
      closeAll: (code, reason) => {
        for (const ws of this.ctx.getWebSockets()) ws.close(code, reason);
      },
      keepAwake: (on) => this.keepAwake(on),
    };
  }

  /**
   * A pending interval keeps a Durable Object from hibernating (it could not be recreated after):
   * set while the model holds a ballot whose phone has gone, which memory alone carries.
   */
  keepAwake(on: boolean): void {
    if (on && !this.#awake) this.#awake = setInterval(() => {}, KEEP_AWAKE_TICK_MS);
    if (!on && this.#awake) {
      clearInterval(this.#awake);
      this.#awake = null;
    }
  }

  // --- lifecycle -----------------------------------------------------------------------------

  override async onLoad(): Promise<undefined> {
    // The model puts the stored doc into `this.document` itself, before it broadcasts anything.
    this.#model = await RoomModel.open(this.#ports(), this.document, this.name);
    return undefined;
  }

  override async onStart(): Promise<void> {
    await super.onStart();
    this.#model!.attach();
  }

  override async onSave(): Promise<void> {
    const stored = await this.#model?.saveDoc();
    if (!stored) return;
    // The consoles hear what is now stored, so their "saved" is the disk's word, not a guess.
    const saved = JSON.stringify({ t: "saved", sv: toBase64(stored) } satisfies YjsSaved);
    for (const connection of this.getConnections()) {
      if (yjsAccess(connection) === "writer") this.sendCustomMessage(connection, saved);
    }
  }

  override async onAlarm(): Promise<void> {
    await (await this.#ready()).alarm();
  }

  /** The model, after PartyServer's start-up (RPC calls don't pass through it by themselves). */
  async #ready(): Promise<RoomModel> {
    if (!this.#model) await this.setName(this.name);
    return this.#model!;
  }

  /**
   * Whether this object holds a room, from one storage read and without starting anything: a
   * request for a room id that was never created (or was erased) must not make PartyServer write
   * its note of the object's name, nor cost a start.
   */
  async #holdsRoom(): Promise<boolean> {
    if (this.#model) return this.#model.exists || this.#model.unreadable;
    return (await this.ctx.storage.get(CONFIG_KEY)) !== undefined;
  }

  // --- sockets -------------------------------------------------------------------------------

  /**
   * A socket the room will refuse (no such session, or an unreadable one) is refused before
   * PartyServer accepts it: a hibernatable socket closed while its
   * upgrade is still being answered takes the runtime ten seconds to shut (measured with
   * wrangler dev), and the client would wait that long to learn the session is gone.
   */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() === "websocket") {
      const refusal = (await this.#holdsRoom()) ? this.#refusal(await this.#ready()) : { code: CLOSE_GONE, reason: "no such session" };
      if (refusal) {
        const [client, server] = Object.values(new WebSocketPair());
        server!.accept();
        server!.close(refusal.code, refusal.reason);
        return new Response(null, { status: 101, webSocket: client! });
      }
    }
    return super.fetch(request);
  }

  #refusal(model: RoomModel): { code: number; reason: string } | null {
    if (model.unreadable) return { code: CLOSE_UNREADABLE, reason: "this session can't be opened right now" };
    if (!model.exists) return { code: CLOSE_GONE, reason: "no such session" };
    return null;
  }

  override async getConnectionTags(_connection: Connection, ctx: ConnectionContext): Promise<string[]> {
    return new URL(ctx.request.url).searchParams.get("ch") === "yjs" ? [YJS_TAG] : [JSON_TAG];
  }

  override isReadOnly(connection: Connection): boolean {
    return yjsAccess(connection) !== "writer";
  }

  override onConnect(connection: Connection): void {
    const model = this.#model!;
    // (Refused sockets never get here, see fetch; this covers a session erased in between.)
    if (model.unreadable) connection.close(CLOSE_UNREADABLE, "this session can't be opened right now");
    else if (!model.exists) connection.close(CLOSE_GONE, "no such session");
    // A Yjs socket hears nothing of the doc until its first message brings a ticket.
    else if (connection.tags.includes(YJS_TAG)) connection.setState({ v: 1, yjs: "pending" });
  }

  override async onMessage(connection: Connection, message: WSMessage): Promise<void> {
    const model = this.#model!;
    if (!connection.tags.includes(YJS_TAG)) return model.message(connection, message);
    const access = yjsAccess(connection);
    if (!model.admitYjs(connection, byteLength(message), access === "writer")) return connection.close(1008, "too much data");
    if (access === "pending") return this.#admit(connection, message);
    // Screens publish no awareness and trust none: relaying it would only be a side channel. Nor
    // do they send text (y-partyserver would log it as a custom message) or empty frames.
    if (typeof message === "string" || firstByte(message) === undefined || firstByte(message) === MESSAGE_AWARENESS) return;
    super.onMessage(connection, message);
  }

  /**
   * A pending Yjs socket's first text message: its ticket (core/protocol.ts `YjsTicketSchema`).
   * The doc holds results and the facilitators' notes, so only the projector's view ticket or a
   * facilitator's write ticket opens it, never the join code alone. Once admitted, the socket gets
   * the doc at once (the request it sent on opening was not answered) and is asked for its own.
   */
  async #admit(connection: Connection, message: WSMessage): Promise<void> {
    if (typeof message !== "string") return; // its sync request on opening, before the ticket
    let ticket: z.infer<typeof YjsTicketSchema> | null = null;
    try {
      const parsed = message.startsWith(YJS_CUSTOM_PREFIX)
        ? YjsTicketSchema.safeParse(JSON.parse(message.slice(YJS_CUSTOM_PREFIX.length)))
        : null;
      ticket = parsed?.success ? parsed.data : null;
    } catch {
      ticket = null;
    }
    const role = ticket ? await this.#model!.ticketRole(ticket.ticket) : null;
    if (!role) return connection.close(CLOSE_NO_TICKET, "this link is incomplete");
    connection.setState({ v: 1, yjs: role });
    super.onConnect(connection, { request: new Request("https://room.invalid/") }); // sync step 1: "send me yours"
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, this.document); // the whole doc
    try {
      connection.send(encoding.toUint8Array(encoder));
    } catch {
      // closed meanwhile
    }
  }

  override onClose(connection: Connection, code: number, reason: string, wasClean: boolean): void {
    if (connection.tags.includes(YJS_TAG)) super.onClose(connection, code, reason, wasClean);
    else this.#model?.closed(connection);
  }

  /**
   * PartyServer answers a client's Close frame with one of its own, except when the frame had no
   * status code (1005): it treats that like a dropped connection, and the client then waits for
   * its close to time out (30 s in `ws`). A Close frame without a code is still a Close frame, and
   * the runtime does not answer it for hibernatable sockets: answer it here.
   */
  override async webSocketClose(ws: WebSocket, code: number, reason: string, wasClean: boolean): Promise<void> {
    await super.webSocketClose(ws, code, reason, wasClean);
    if (code === NO_STATUS_RECEIVED) {
      try {
        ws.close(1000, "");
      } catch {
        // already closed
      }
    }
  }

  /** A phone that drops off is normal, and whatever went wrong is not worth a log line about a person. */
  override onError(): void {}

  /** Rooms take sockets only; the Worker calls them by RPC (below). */
  override onRequest(): Response {
    return new Response("not found", { status: 404 });
  }

  // --- the Worker's calls (core/api.ts RoomRpc) ------------------------------------------------

  async create(config: unknown, directory?: unknown): Promise<RoomAnswer<null>> {
    return (await this.#ready()).create(config, directory);
  }

  async summary(key: unknown): Promise<RoomAnswer<unknown>> {
    return (await this.#holdsRoom()) ? (await this.#ready()).summary(key) : NO_ROOM;
  }

  async joinCode(key: unknown): Promise<RoomAnswer<string>> {
    return (await this.#holdsRoom()) ? (await this.#ready()).joinCode(key) : NO_ROOM;
  }

  async erase(key: unknown): Promise<RoomAnswer<null>> {
    return (await this.#holdsRoom()) ? (await this.#ready()).erase(key) : NO_ROOM;
  }

  async door(): Promise<RoomAnswer<unknown>> {
    return (await this.#holdsRoom()) ? (await this.#ready()).door() : NO_ROOM;
  }

  async template(): Promise<RoomAnswer<unknown>> {
    return (await this.#holdsRoom()) ? (await this.#ready()).template() : NO_ROOM;
  }
}
