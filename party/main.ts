/**
 * @module main
 * A Candor session: one PartyKit room. It adapts sockets, storage and timers to the pure logic in
 * `core/` and keeps the one thing that must never be persisted, the open round's ballots, in
 * memory only (DESIGN §3.1).
 *
 * Storage (party/storage.ts) holds the config, the session's aggregates and recorded consensus,
 * and the facilitators' notes; none of its keys can hold a ballot, a token or a per-ballot time.
 */
import type * as Party from "partykit/server";
import { onConnect as yjsConnect, unstable_getYDoc, type YPartyKitOptions } from "y-partykit";
import type * as Y from "yjs";
import { type RoomConfig, RoomRequestSchema } from "../core/api";
import { checkBallot } from "../core/ballots";
import { applyCommand } from "../core/commands";
import { perspectivesPresent } from "../core/perspectives";
import {
  type Ballot,
  type ClientMessage,
  type Command,
  type ErrorCode,
  type LiveState,
  type Perspective,
  type ServerMessage,
  type SessionMeta,
  encodeServer,
  parseClientMessage,
} from "../core/protocol";
import { initialSession, type NotesByDomain, roundIdOf, type SessionState } from "../core/session";
import { BallotBox } from "./ballot-box";
import { constantTimeEqual, issueToken, issueWriteTicket, sha256Hex, verifyToken, verifyWriteTicket, viewTicket } from "./crypto";
import { buildDoc, projectionTampered, readNotes, SERVER_ORIGIN, writeProjection } from "./doc";
import { json, jsonError, readJson, refuseForeignOrigin, refuseUnlessWorker } from "./http";
import { type Bucket, CONNECTION_POLICY, JOIN_POLICY, MAX_VIOLATIONS, newBucket, ROOM_POLICY, take, takeBytes, YJS_READER_POLICY, YJS_WRITER_POLICY } from "./limiter";
import { capNotes, loadRoom, NOTES_MAX, saveNotes, saveSession } from "./storage";

type Role = "phone" | "screen" | "facilitator";
interface SocketInfo {
  channel: "json" | "yjs";
  /** Yjs connections only: whether the facilitator's ticket made it writable. */
  writable: boolean;
  role: Role | null;
  nonce: string | null;
  bucket: Bucket;
  violations: number;
}

/** A write ticket lasts a working day; the console asks for a new one when it reconnects. */
const TICKET_TTL_MS = 12 * 60 * 60 * 1000;
/** After a restart, an expired countdown waits this long so phones can re-send their ballots. */
const RESTART_GRACE_MS = 10_000;
const NOTES_SAVE_DELAY_MS = 300;
/** Close codes: 4404 = no such room (never created, deleted or expired); 4403 = missing ticket. */
const CLOSE_GONE = 4404;
const CLOSE_NO_TICKET = 4403;
/** A Yjs frame larger than this is not something our screens send. */
const MAX_YJS_FRAME_BYTES = 64 * 1024;

export default class RoomServer implements Party.Server {
  config: RoomConfig | null = null;
  session: SessionState | null = null;
  readonly box = new BallotBox();
  /** Perspectives of everyone who joined, by token nonce; memory only, never linked to ballots. */
  readonly perspectives = new Map<string, Perspective>();
  readonly sockets = new WeakMap<Party.Connection, SocketInfo>();
  readonly roomBucket: Bucket = newBucket(ROOM_POLICY, Date.now());
  /** New passes per room: a script minting passes to outvote the k gate has to do it slowly. */
  readonly joinBucket: Bucket = newBucket(JOIN_POLICY, Date.now());
  /** Set first thing when the room is erased, so no timer or late await writes anything again. */
  #erased = false;
  #notes: NotesByDomain = {};
  #timer: ReturnType<typeof setTimeout> | null = null;
  #notesTimer: ReturnType<typeof setTimeout> | null = null;
  #observedDoc: Y.Doc | null = null;

  constructor(readonly room: Party.Room) {}

  // --- gates that run in the edge worker, before the room wakes ------------------------------

  static onBeforeConnect(req: Party.Request, lobby: Party.Lobby) {
    return refuseForeignOrigin(req as unknown as Request, lobby.env) ?? req;
  }

  static onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
    return refuseUnlessWorker(req as unknown as Request, lobby.env) ?? req;
  }

  // --- lifecycle -------------------------------------------------------------------------------

  async onStart() {
    // Storage is a boundary too: a value that no longer fits the schema is refused, not trusted.
    const stored = await loadRoom(this.room.storage);
    if (!stored) return; // not created (yet), or erased
    this.config = stored.config;
    this.session = stored.session;
    this.#notes = stored.notes;
    if (this.session.phase === "open") {
      this.box.open(roundIdOf(this.session.domainId ?? "", this.session.round));
      const minDeadline = Date.now() + RESTART_GRACE_MS;
      if (this.session.deadline !== null && this.session.deadline < minDeadline) {
        await this.commit({ ...this.session, deadline: minDeadline });
      }
    }
    this.armTimer();
  }

  async onAlarm() {
    // Retention is over (DESIGN §3.8): erase everything this room ever stored.
    await this.erase();
  }

  // --- HTTP: Worker → room ---------------------------------------------------------------------

  async onRequest(req: Party.Request): Promise<Response> {
    let body: unknown;
    try {
      body = await readJson(req as unknown as Request, 256 * 1024);
    } catch {
      return jsonError("invalid JSON body", 400);
    }
    const parsed = RoomRequestSchema.safeParse(body);
    if (!parsed.success) return jsonError("invalid room request", 400);
    const request = parsed.data;
    if (request.op === "create") return this.create(request.config);
    if (!this.config || !this.session) return jsonError("no such room", 404);
    if (!(await this.keyMatches(request.key))) return jsonError("wrong facilitator key", 403);
    if (request.op === "summary") {
      return json({ config: this.publicConfig(), session: this.session, notes: this.currentNotes() });
    }
    await this.erase();
    return new Response(null, { status: 204 });
  }

  private async create(config: RoomConfig): Promise<Response> {
    if (config.roomId !== this.room.id) return jsonError("room id mismatch", 400);
    if (this.config) {
      // A retried create (the dev server drops kept-alive connections) is not an error.
      return this.config.keyHash === config.keyHash ? json({ ok: true }, 201) : jsonError("room exists", 409);
    }
    this.config = config;
    this.session = initialSession(this.domainIds());
    this.#notes = {};
    await this.room.storage.put("config", config);
    await saveSession(this.room.storage, null, this.session);
    await this.room.storage.setAlarm(config.expiresAt);
    await this.doc();
    return json({ ok: true }, 201);
  }

  private async erase() {
    // Forget first, then delete: a timer or an await that resumes later must find nothing to save.
    this.#erased = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#notesTimer) clearTimeout(this.#notesTimer);
    this.box.drop();
    this.perspectives.clear();
    const domainIds = this.domainIds();
    this.config = null;
    this.session = null;
    this.#notes = {};
    const doc = this.#observedDoc;
    if (doc) {
      doc.transact(() => {
        doc.getMap("live").clear();
        for (const id of domainIds) {
          doc.getText(`notes:${id}`).delete(0, doc.getText(`notes:${id}`).length);
          doc.getText(`actions:${id}`).delete(0, doc.getText(`actions:${id}`).length);
        }
      }, SERVER_ORIGIN);
    }
    for (const conn of this.room.getConnections()) conn.close(CLOSE_GONE, "session deleted");
    await this.room.storage.deleteAll();
    await this.room.storage.deleteAlarm();
  }

  // --- sockets ---------------------------------------------------------------------------------

  async onConnect(conn: Party.Connection, ctx: Party.ConnectionContext) {
    if (!this.config) {
      conn.close(CLOSE_GONE, "no such session");
      return;
    }
    const url = new URL(ctx.request.url);
    const info: SocketInfo = {
      channel: "json",
      writable: false,
      role: null,
      nonce: null,
      bucket: newBucket(CONNECTION_POLICY, Date.now()),
      violations: 0,
    };
    if (url.searchParams.get("ch") === "yjs") {
      // The doc holds results and the facilitators' notes: only the projector's view ticket or a
      // facilitator's write ticket opens it, never the join code alone. Only the write ticket
      // makes it writable; y-partykit drops sync-step-2 and update messages from the others.
      const ticket = url.searchParams.get("ticket") ?? "";
      const secret = this.config.secret;
      const writable = await verifyWriteTicket(secret, ticket, Date.now());
      if (!writable && !constantTimeEqual(ticket, await viewTicket(secret))) {
        conn.close(CLOSE_NO_TICKET, "this link is incomplete");
        return;
      }
      Object.assign(info, { channel: "yjs", writable, bucket: newBucket(writable ? YJS_WRITER_POLICY : YJS_READER_POLICY, Date.now()) });
      this.sockets.set(conn, info);
      await this.doc();
      return yjsConnect(conn, this.room, { ...this.yOptions, readOnly: !writable });
    }
    this.sockets.set(conn, info);
  }

  async onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    const info = this.sockets.get(sender);
    if (!info) return;
    const now = Date.now();
    if (info.channel === "yjs") {
      // y-partykit handles the frames; this only bounds what one Yjs socket may send, since
      // y-partykit itself buffers and applies frames of any size and count.
      const bytes = typeof message === "string" ? message.length * 3 : message.byteLength;
      const policy = info.writable ? YJS_WRITER_POLICY : YJS_READER_POLICY;
      if (bytes > MAX_YJS_FRAME_BYTES || !takeBytes(info.bucket, policy, now, bytes)) sender.close(1008, "too much data");
      return;
    }
    if (!take(info.bucket, CONNECTION_POLICY, now) || !take(this.roomBucket, ROOM_POLICY, now)) {
      info.violations++;
      if (info.violations > MAX_VIOLATIONS) sender.close(1008, "too many messages");
      else this.sendError(sender, "rate-limited", "too many messages; slow down");
      return;
    }
    const parsed = parseClientMessage(message);
    if (!parsed.ok) return this.sendError(sender, parsed.code, parsed.message);
    if (!this.config || !this.session) return this.sendError(sender, "gone", "this session no longer exists");
    try {
      await this.handle(parsed.value, sender, info);
    } catch (e) {
      // Never echo internals, and never log the message: it may be a ballot.
      console.error("room: message handling failed:", e instanceof Error ? e.name : "unknown");
      this.sendError(sender, "bad-message", "the room could not handle that message");
    }
  }

  onClose(conn: Party.Connection) {
    this.sockets.delete(conn);
  }

  private async handle(msg: ClientMessage, conn: Party.Connection, info: SocketInfo) {
    switch (msg.t) {
      case "ping":
        return this.send(conn, { t: "pong" });
      case "hello":
        if (msg.role === "phone") return this.helloPhone(msg, conn, info);
        if (msg.role === "screen") {
          info.role = "screen";
          return this.send(conn, { t: "welcome", role: "screen", meta: this.sessionMeta(), state: this.liveState() });
        }
        if (!(await this.keyMatches(msg.key))) return this.sendError(conn, "forbidden", "wrong facilitator key");
        info.role = "facilitator";
        return this.send(conn, {
          t: "welcome",
          role: "facilitator",
          writeTicket: await issueWriteTicket(this.config!.secret, Date.now() + TICKET_TTL_MS),
          viewTicket: await viewTicket(this.config!.secret),
          meta: this.sessionMeta(),
          state: this.liveState(),
        });
      case "ballot":
        if (info.role !== "phone" || !info.nonce) return this.sendError(conn, "not-joined", "join the session before voting");
        return this.receiveBallot(conn, info.nonce, msg.ballot, true);
      case "cmd": {
        if (info.role !== "facilitator") return this.sendError(conn, "forbidden", "only the facilitator can do that", msg.id);
        const outcome = await this.runCommand(msg.cmd);
        if (!outcome.ok) return this.sendError(conn, "bad-command", outcome.message, msg.id);
        return this.send(conn, { t: "done", id: msg.id });
      }
    }
  }

  private async helloPhone(msg: Extract<ClientMessage, { t: "hello"; role: "phone" }>, conn: Party.Connection, info: SocketInfo) {
    const config = this.config!;
    let token = msg.token;
    let nonce: string | null = null;
    if (token) {
      nonce = await verifyToken(config.secret, token);
      if (!nonce) return this.sendError(conn, "bad-token", "this device's pass is not valid for this session; join again");
    } else {
      if (this.session!.locked) return this.sendError(conn, "locked", "joining is closed for this session");
      // One pass per connection, and passes only so fast: every pass is a potential ballot.
      if (info.nonce) return this.sendError(conn, "bad-message", "this connection already has a pass");
      if (!take(this.joinBucket, JOIN_POLICY, Date.now())) return this.sendError(conn, "rate-limited", "too many people joining at once; try again");
      ({ token, nonce } = await issueToken(config.secret));
      if (this.#erased || !this.session) return this.sendError(conn, "gone", "this session no longer exists");
      // Only the count is persisted, never the token: "joined" must survive a restart because it
      // bounds how many ballots a round may accept.
      await this.commit({ ...this.session!, issued: this.session!.issued + 1 }, { phones: false });
    }
    info.role = "phone";
    info.nonce = nonce;
    if (msg.perspective) this.perspectives.set(nonce, msg.perspective);
    const accepted = msg.ballot ? await this.receiveBallot(conn, nonce, msg.ballot, false) : false;
    this.send(conn, { t: "welcome", role: "phone", token, ballotAccepted: accepted, meta: this.sessionMeta(), state: this.liveState() });
  }

  /** Holds a ballot for the open round; with `reply`, acknowledges or explains a refusal. */
  private async receiveBallot(conn: Party.Connection, nonce: string, ballot: Ballot, reply: boolean): Promise<boolean> {
    const session = this.session!;
    const config = this.config!;
    const refuse = (code: ErrorCode, message: string) => {
      if (reply) this.sendError(conn, code, message);
      return false;
    };
    if (session.phase !== "open" || ballot.roundId !== this.box.roundId) {
      const openNow = session.phase === "open" ? ` (voting is open on round ${this.box.roundId})` : "";
      return refuse("round-closed", `round ${ballot.roundId} is not open${openNow}`);
    }
    const domain = config.template.domains.find((d) => d.id === session.domainId);
    if (!domain) return refuse("round-closed", "no domain is open");
    const checked = checkBallot(config.template, domain, config.facilities, ballot);
    if (!checked.ok) return refuse("bad-ballot", checked.message);
    const isNew = !this.box.has(nonce);
    if (isNew && this.box.size >= session.issued) return refuse("full", "this round already has a ballot for every pass issued");
    this.box.put(nonce, checked.ballot);
    if (reply) this.send(conn, { t: "ack", roundId: ballot.roundId });
    if (isNew) {
      this.broadcastState({ phones: false });
      if (session.autoClose && this.box.size >= session.issued) await this.runCommand({ op: "close" });
    }
    return true;
  }

  // --- facilitator commands ----------------------------------------------------------------------

  async runCommand(cmd: Command): Promise<{ ok: true } | { ok: false; message: string }> {
    const config = this.config!;
    const before = this.session!;
    if (cmd.op === "record") {
      // The consensus keeps a copy of the notes as they were when the group recorded it.
      const notes = this.currentNotes()[cmd.domainId];
      const text = (given: string | undefined, typed: string | undefined) => (given ?? typed ?? "").slice(0, NOTES_MAX);
      cmd = { ...cmd, notes: text(cmd.notes, notes?.notes), actions: text(cmd.actions, notes?.actions) };
    }
    const outcome = applyCommand(before, cmd, {
      template: config.template,
      facilities: config.facilities,
      k: config.k,
      now: Date.now(),
      ballots: () => this.box.values(),
    });
    if (!outcome.ok) return outcome;
    let next = outcome.state;
    // The aggregate exists now, so the ballots go, before anything is awaited.
    if (outcome.roundEnded) this.box.drop();
    // Perspectives are released once, at the end: released per round, a name appearing between
    // two rounds would tell everyone the perspective of whoever joined in between (§3.10).
    if (cmd.op === "end") next = { ...next, perspectives: perspectivesPresent(this.perspectives.values(), config.k) };
    if (next.phase === "open" && (before.phase !== "open" || before.round !== next.round || before.domainId !== next.domainId)) {
      this.box.open(roundIdOf(next.domainId ?? "", next.round));
    }
    await this.commit(next);
    if (cmd.op === "record") await this.saveNotesNow();
    this.armTimer();
    return { ok: true };
  }

  private armTimer() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const session = this.session;
    if (!session || session.phase !== "open" || session.deadline === null) return;
    this.#timer = setTimeout(() => {
      this.runCommand({ op: "close" }).catch(() => console.error("room: countdown close failed"));
    }, Math.max(0, session.deadline - Date.now()));
  }

  // --- state, doc and fan-out ------------------------------------------------------------------

  /** Sets the state synchronously (so no later message sees the old one), persists, fans out. */
  private async commit(next: SessionState, opts: { phones: boolean } = { phones: true }) {
    if (this.#erased) return;
    const previous = this.session;
    this.session = next;
    const doc = await this.doc();
    writeProjection(doc, this.config!, next);
    try {
      await saveSession(this.room.storage, previous, next);
    } catch (e) {
      // Not stored means not done: put back what storage still holds, so a restart can't
      // resurrect a state that screens never saw (or the reverse).
      if (this.session === next && previous) {
        this.session = previous;
        writeProjection(doc, this.config!, previous);
      }
      throw e;
    }
    this.broadcastState(opts);
  }

  sessionMeta(): SessionMeta {
    const c = this.config!;
    return { title: c.title, templateId: c.template.id, domainIds: this.domainIds(), facilities: c.facilities, k: c.k };
  }

  liveState(): LiveState {
    const s = this.session!;
    return {
      phase: s.phase,
      domainId: s.domainId,
      roundId: s.phase === "open" ? this.box.roundId : s.domainId ? roundIdOf(s.domainId, s.round) : null,
      round: s.round,
      joined: s.issued,
      voted: this.box.size,
      locked: s.locked,
      autoClose: s.autoClose,
      deadline: s.deadline,
      k: this.config!.k,
    };
  }

  /**
   * Phones get the state when the phase changes; vote counts go to screens and facilitators
   * only, since sending every count to every phone costs O(N²) frames for nothing they need.
   */
  private broadcastState({ phones }: { phones: boolean }) {
    const frame = encodeServer({ t: "state", state: this.liveState() });
    for (const conn of this.room.getConnections()) {
      const info = this.sockets.get(conn);
      if (!info || info.channel !== "json" || info.role === null) continue;
      if (info.role === "phone" && !phones) continue;
      conn.send(frame);
    }
  }

  private send(conn: Party.Connection, msg: ServerMessage) {
    conn.send(encodeServer(msg));
  }

  private sendError(conn: Party.Connection, code: ErrorCode, message: string, id?: string) {
    this.send(conn, id === undefined ? { t: "error", code, message } : { t: "error", code, message, id });
  }

  // --- Yjs -------------------------------------------------------------------------------------

  /**
   * The doc is not persisted by y-partykit: storage holds our validated state instead, and the
   * doc is rebuilt from it. Options must be the same object shape on every call (y-partykit
   * hashes them), so they are built once.
   */
  private readonly yOptions: YPartyKitOptions = {
    gc: true,
    persist: false,
    load: async () => (this.config && this.session ? buildDoc(this.config, this.session, this.#notes) : null),
  };

  private async doc(): Promise<Y.Doc> {
    const doc = await unstable_getYDoc(this.room, this.yOptions);
    if (this.#observedDoc !== doc) {
      this.#observedDoc = doc;
      doc.on("update", (_update: Uint8Array, origin: unknown) => {
        if (origin !== SERVER_ORIGIN) this.onFacilitatorEdit(doc);
      });
    }
    return doc;
  }

  private onFacilitatorEdit(doc: Y.Doc) {
    if (!this.config || !this.session) return;
    if (projectionTampered(doc, this.config, this.session)) writeProjection(doc, this.config, this.session);
    if (this.#notesTimer) clearTimeout(this.#notesTimer);
    this.#notesTimer = setTimeout(() => {
      this.#notesTimer = null;
      if (this.#erased) return;
      this.#notes = capNotes(readNotes(doc, this.domainIds()));
      saveNotes(this.room.storage, this.#notes).catch(() => console.error("room: saving notes failed"));
    }, NOTES_SAVE_DELAY_MS);
  }

  /** Recording consensus saves the notes at once: a restart must not lose what was recorded. */
  private async saveNotesNow() {
    this.#notes = this.currentNotes();
    await saveNotes(this.room.storage, this.#notes);
  }

  private currentNotes(): NotesByDomain {
    return capNotes(this.#observedDoc ? { ...this.#notes, ...readNotes(this.#observedDoc, this.domainIds()) } : this.#notes);
  }

  // --- helpers -----------------------------------------------------------------------------------

  private domainIds(): string[] {
    return this.config?.template.domains.map((d) => d.id) ?? [];
  }

  private async keyMatches(key: string): Promise<boolean> {
    return !!this.config && constantTimeEqual(await sha256Hex(key), this.config.keyHash);
  }

  private publicConfig() {
    const { secret: _secret, keyHash: _keyHash, ...rest } = this.config!;
    return rest;
  }
}
