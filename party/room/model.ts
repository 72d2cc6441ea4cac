/**
 * @module room/model
 * A Candor session, with no platform in it: what the room keeps, what it answers to sockets and to
 * the Worker, and when it acts on its own (alarm). The adapter (party/session-room.ts) plugs it
 * into PartyServer and the Durable Object; unit tests plug it into fakes (party/room/ports.ts).
 *
 * Where things live (docs/design.md §3, §6):
 * - storage (core/stored.ts): the config, the session's aggregates and recorded consensus, the doc;
 *   never a ballot, a pass or a per-ballot time;
 * - the Yjs doc: a projection of the session, the facilitators' notes and the community directory;
 * - memory and the phones' socket attachments: the open round's ballots (room/live-round.ts).
 */
import * as Y from "yjs";
import { type Door, KeySchema, type RoomAnswer, type RoomConfig, RoomConfigSchema, type RoomRefusal } from "../../core/api";
import { sessionLanguage } from "../../core/languages";
import { decodeBallot, encodeBallot } from "../../core/ballot-codec";
import { checkBallot } from "../../core/ballots";
import { applyCommand, type ConfigChange } from "../../core/commands";
import { facilityNames, facilityRoles } from "../../core/facilities";
import { defaultDirectory, DirectorySchema } from "../../core/directory";
import { directoryMap, ensureDirectory, readDirectory, tidyDirectory, writeDirectory } from "../../core/directory-doc";
import { NOTES_MAX } from "../../core/limits";
// Refused frames carry zod's wording of the issue: in English (core/zod-english.ts).
import "../../core/zod-english";
import { perspectivesPresent } from "../../core/perspectives";
import { type Refusal, refusalMessage } from "../../core/refusals";
import {
  type Ballot,
  CLOSE_GONE,
  type ClientMessage,
  type Command,
  type ErrorCode,
  type LiveState,
  type Perspective,
  type ServerMessage,
  type SessionMeta,
  encodeAck,
  encodeServer,
  parseClientMessage,
} from "../../core/protocol";
import {
  initialSession,
  type OpenRound,
  openRounds,
  openSetOf,
  revoteOf,
  revotedRound,
  revoteOfRound,
  roundIdOf,
  type SessionState,
} from "../../core/session";
import { configRecord, docRecord, loadRoom, sessionRecords, toRecords } from "../../core/stored";
import { toSecond } from "../../core/times";
import {
  constantTimeEqual,
  issueToken,
  issueWriteTicket,
  receiptFor,
  sha256Hex,
  signPerspective,
  verifyPerspective,
  verifyReceipt,
  verifyToken,
  verifyWriteTicket,
  viewTicket,
} from "./crypto";
import {
  capNotes,
  clearDoc,
  insertNotes,
  projectionStale,
  readNotes,
  addRecordedNotes,
  restoreDoc,
  SERVER_ORIGIN,
  strangeRoots,
  writeProjection,
} from "./doc";
import type { BucketPolicy } from "../../core/limits";
import {
  type Bucket,
  CONNECTION_POLICY,
  JOIN_POLICY,
  MAX_VIOLATIONS,
  newBucket,
  ROOM_POLICY,
  take,
  takeBytes,
  YJS_READER_POLICY,
  YJS_WRITER_POLICY,
} from "./limiter";
import { type RoundCodec, LiveRound } from "./live-round";
import { asFacilitator, asScreen, type PeerState, readPeerState } from "./peer-state";
import type { Peer, RoomPorts } from "./ports";

/** A write ticket lasts a working day; the console asks for a new one when it reconnects. */
const TICKET_TTL_MS = 12 * 60 * 60 * 1000;
/** After a restart (every socket dropped), an expired countdown waits this long for phones to re-send. */
export const RESTART_GRACE_MS = 10_000;
/**
 * While an orphan ballot is held the room must stay in memory: the adapter keeps a timer (so it
 * can't hibernate) and the alarm fires at least this often (an event, so it isn't evicted as idle).
 */
export const KEEP_AWAKE_ALARM_MS = 30_000;
/** If a timed close could not be saved, the alarm tries again this much later. */
const RETRY_ALARM_MS = 2_000;
/** The least idle time before the platform hibernates an object (docs/design.md §6.4). */
const HIBERNATION_IDLE_S = 10;
/**
 * "x of N have voted" goes to projectors and consoles at most this long after a ballot. A burst of
 * ballots (everyone taps at once) then costs one count frame per screen, not one per ballot: the
 * room answers each phone sooner, and the count is no later than the burst's last ballot.
 */
export const COUNT_COALESCE_MS = 10;
/**
 * A phone whose socket closed still counts as present this long: a screen that locks, or a
 * network that drops for a moment, is not someone leaving, and auto-close must not fire on it.
 */
export const LEAVE_GRACE_MS = 10_000;
/** A Yjs frame larger than this is not something our screens send. */
export const MAX_YJS_FRAME_BYTES = 64 * 1024;
/** Durable Object storage takes values up to 2 MB; the doc stays far below (notes are capped). */
const MAX_DOC_BYTES = 1536 * 1024;

/** A refused command: the frame's code, and for a refusal of core/commands.ts (or "restarting") its reason. */
type CommandResult = { ok: true } | { ok: false; code: ErrorCode; message: string; refusal?: Refusal };
type Limits = { bucket: Bucket; violations: number; policy: BucketPolicy };

const answer = <T>(value: T): RoomAnswer<T> => ({ ok: true, value });
const refuse = (refusal: RoomRefusal): RoomAnswer<never> => ({ ok: false, refusal });
const assertNever = (x: never): never => {
  throw new Error(`unhandled: ${JSON.stringify(x)}`);
};

export class RoomModel {
  #config: RoomConfig | null = null;
  #session: SessionState | null = null;
  /** Set when stored records can't be read by this version: the room refuses, never guesses. */
  #unreadable = false;
  /** Set first thing when the room is erased, so no timer or late await writes anything again. */
  #erased = false;
  /** The alarm time this instance last set (null: none, or not known yet). */
  #alarmAt: number | null = null;
  /** How many top-level names the doc holds that the room never made (see doc.ts `strangeRoots`). */
  #strangeRoots = 0;
  /** A count frame for the watchers is due (see {@link COUNT_COALESCE_MS}). */
  #countDue = false;
  /** Passes whose phone left less than {@link LEAVE_GRACE_MS} ago: still counted as present. */
  readonly #leaving = new Set<string>();

  /** The session write in flight, if any: its state is set but may yet be undone. */
  #storing: Promise<void> | null = null;
  /** The projectors and consoles: live counts go to them on every ballot. */
  readonly #watchers = new Set<Peer>();
  readonly #limits = new WeakMap<Peer, Limits>();
  readonly #roomBucket: Bucket;
  /** New passes per room: a script minting passes to outvote the k gate has to do it slowly. */
  readonly #joinBucket: Bucket;
  readonly round: LiveRound;

  private constructor(
    private readonly ports: RoomPorts,
    /** The live doc that the Yjs sockets sync (PartyServer's), which this model writes into. */
    readonly doc: Y.Doc,
    /** The room's id (its Durable Object name). */
    readonly name: string,
  ) {
    const now = ports.clock.now();
    this.#roomBucket = newBucket(ROOM_POLICY, now);
    this.#joinBucket = newBucket(JOIN_POLICY, now);
    // Set again in #load once the room knows whether anyone has joined yet.
    this.round = new LiveRound((any) => {
      ports.keepAwake(any);
      this.#schedule().catch(() => console.error("room: scheduling the alarm failed"));
    });
  }

  /**
   * The room after a start, a wake from hibernation or a restart: its stored state (migrated if it
   * was written by an older version), the doc, and the open round rebuilt from the sockets that
   * stayed open. `doc` is the live doc; it must not yet broadcast (call {@link attach} once it does).
   */
  static async open(ports: RoomPorts, doc: Y.Doc, name: string): Promise<RoomModel> {
    const model = new RoomModel(ports, doc, name);
    await model.#load();
    return model;
  }

  async #load(): Promise<void> {
    const { storage, clock } = this.ports;
    const records = await storage.list();
    const loaded = loadRoom(records);
    if (loaded.status === "absent") {
      // Never created (or erased): keep nothing, not even PartyServer's note of the room's name.
      if (records.size > 0) await storage.deleteAll();
      return;
    }
    if (loaded.status === "unreadable") {
      this.#unreadable = true;
      console.error("room: stored state is unreadable:", loaded.reason);
      return;
    }
    const { config, session } = loaded;
    this.#config = config;
    this.#session = session;
    const restored = loaded.doc !== null && restoreDoc(this.doc, loaded.doc);
    if (loaded.doc !== null && !restored) console.error("room: the stored doc could not be read; notes are rebuilt from what was recorded");
    if (!restored) insertNotes(this.doc, loaded.doc === null ? loaded.legacyNotes : this.#recordedNotes());
    // A doc from before the directory (or one rebuilt) gets the seed's tables, made by the room
    // before any console syncs: consoles never make a table themselves (core/directory-doc.ts).
    const directoryAdded = ensureDirectory(this.doc, SERVER_ORIGIN);
    if (loaded.migrated || !restored || directoryAdded) {
      if (!restored) writeProjection(this.doc, config, session);
      await storage.put({ ...toRecords(config, session), ...docRecord(Y.encodeStateAsUpdate(this.doc)) });
      if (loaded.obsoleteKeys.length > 0) await storage.delete(loaded.obsoleteKeys);
    }
    // Buckets live in memory, and memory is new after every wake: a room that has passes out
    // starts with what 10 s of rest (the least before hibernation) would have refilled, not with
    // a full burst, so sleeping and waking again gives a pass-minting script nothing extra.
    if (session.issued > 0) this.#joinBucket.tokens = Math.min(JOIN_POLICY.capacity, JOIN_POLICY.perSecond * HIBERNATION_IDLE_S);
    const peers = [...this.ports.jsonPeers()];
    for (const peer of peers) {
      const role = readPeerState(peer.state).role;
      if (role === "screen" || role === "facilitator") this.#watchers.add(peer);
    }
    this.round.rebuild(peers, this.#codecsFor(session));
    // A restart drops every socket, and phones need a moment to come back and re-send. A wake
    // from hibernation keeps them connected, with their ballots: no wait then.
    const graceUntil = clock.now() + RESTART_GRACE_MS;
    if (peers.length === 0 && session.phase === "open") {
      // Until then the room has heard from only the first phones back: it neither closes by itself
      // (they would look like everyone) nor takes a round back as "without ballots" (the others'
      // are on their way).
      this.#restartGraceUntil = graceUntil;
      if (session.deadline !== null && session.deadline < graceUntil) await this.#commit({ ...session, deadline: toSecond(graceUntil) });
    }
    await this.#schedule({ force: true });
  }

  /** Consensus notes recorded per domain: all that is left of the notes if the doc is lost. */
  #recordedNotes() {
    const domains = this.#session?.domains ?? {};
    return Object.fromEntries(
      Object.entries(domains).flatMap(([id, d]) => (d.consensus ? [[id, { notes: d.consensus.notes, actions: d.consensus.actions }]] : [])),
    );
  }

  /**
   * Called once the doc broadcasts its updates: brings the projection up to date (the stored doc
   * may be older than the stored session) and watches facilitators' edits.
   */
  attach(): void {
    this.doc.on("update", (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (origin !== SERVER_ORIGIN) this.#onFacilitatorEdit(origin, transaction);
    });
    if (this.#config && this.#session && projectionStale(this.doc, this.#config, this.#session)) {
      writeProjection(this.doc, this.#config, this.#session);
    }
    this.#strangeRoots = strangeRoots(this.doc, this.#domainIds()).length;
  }

  /**
   * `origin` is the socket whose update was applied (y-partyserver passes the connection);
   * `transaction` says which shared types it changed.
   */
  #onFacilitatorEdit(origin: unknown, transaction: Y.Transaction): void {
    const config = this.#config;
    const session = this.#session;
    if (!config || !session) return;
    // Only notes are collaborative: a client's edit of the projection is put back at once.
    if (projectionStale(this.doc, config, session)) writeProjection(this.doc, config, session);
    capNotes(this.doc, this.#domainIds());
    // Only an edit that reached the directory (any depth of it) can have put it out of shape: a
    // keystroke in the notes doesn't walk its tables.
    const directory: unknown = directoryMap(this.doc);
    if ([...transaction.changedParentTypes.keys()].some((type) => type === directory)) tidyDirectory(this.doc, SERVER_ORIGIN);
    // Anything else a client writes would only grow the stored doc: that client is shut out.
    const strange = strangeRoots(this.doc, this.#domainIds()).length;
    const writer = origin as Partial<Peer> | null;
    if (strange > this.#strangeRoots && typeof writer?.close === "function") writer.close(1008, "unexpected edit");
    this.#strangeRoots = strange;
  }

  /**
   * Stores the doc whole. Called by the adapter shortly after edits, and by the room itself.
   * Resolves, once what it stored is durable, with the state vector of what it stored, which the
   * adapter passes to the consoles so they can say "saved" truthfully; null when nothing was stored.
   */
  async saveDoc(): Promise<Uint8Array | null> {
    if (this.#erased || !this.#config) return null;
    const update = Y.encodeStateAsUpdate(this.doc);
    const stateVector = Y.encodeStateVector(this.doc);
    if (update.byteLength > MAX_DOC_BYTES) {
      console.error("room: the doc is too large to store");
      return null;
    }
    // Not behind the output gate: the doc is the screens' copy of state stored elsewhere plus the
    // notes, and no message promises it is stored. Gated, every save would hold back the phones'
    // acks until the disk confirmed it (a save lands 0.3 s after each change, in the middle of a vote).
    await this.ports.storage.put(docRecord(update), { allowUnconfirmed: true });
    // The consoles' "saved" is such a promise: it waits for the disk, and holds nothing else back.
    await this.ports.storage.sync();
    return this.#erased ? null : stateVector;
  }

  get exists(): boolean {
    return this.#config !== null;
  }

  get unreadable(): boolean {
    return this.#unreadable;
  }

  // --- the Worker's calls (docs/design.md §7) ------------------------------------------------------

  /**
   * `rawDirectory`: the community directory to start from (an earlier session's), else the seed's
   * tables and pre-filled rows.
   */
  async create(raw: unknown, rawDirectory?: unknown): Promise<RoomAnswer<null>> {
    const parsed = RoomConfigSchema.safeParse(raw);
    if (!parsed.success || parsed.data.roomId !== this.name) return refuse("invalid");
    const directory = rawDirectory === undefined ? defaultDirectory() : DirectorySchema.safeParse(rawDirectory).data;
    if (!directory) return refuse("invalid");
    if (this.#unreadable) return refuse("unreadable");
    if (this.#erased) return refuse("no-room");
    const config = parsed.data;
    // A retried create (a lost answer) is not an error; another key for the same id is.
    if (this.#config) return this.#config.keyHash === config.keyHash ? answer(null) : refuse("exists");
    const session = initialSession(config.template.domains.map((d) => d.id));
    this.#config = config;
    this.#session = session;
    writeProjection(this.doc, config, session);
    writeDirectory(this.doc, directory, SERVER_ORIGIN);
    try {
      await this.ports.storage.put({ ...toRecords(config, session), ...docRecord(Y.encodeStateAsUpdate(this.doc)) });
    } catch (e) {
      this.#config = null;
      this.#session = null;
      throw e;
    }
    await this.#schedule({ force: true });
    return answer(null);
  }

  async summary(key: unknown): Promise<RoomAnswer<unknown>> {
    const refusal = await this.#checkKey(key);
    if (refusal) return refuse(refusal);
    const { secret: _secret, keyHash: _keyHash, ...config } = this.#config!;
    return answer({ config, session: this.#session!, notes: this.#notes(), directory: readDirectory(this.doc) });
  }

  async joinCode(key: unknown): Promise<RoomAnswer<string>> {
    const refusal = await this.#checkKey(key);
    return refusal ? refuse(refusal) : answer(this.#config!.joinCode);
  }

  async erase(key: unknown): Promise<RoomAnswer<null>> {
    const refusal = await this.#checkKey(key);
    if (refusal) return refuse(refusal);
    await this.#eraseNow();
    return answer(null);
  }

  template(): RoomAnswer<unknown> {
    if (this.#unreadable) return refuse("unreadable");
    return this.#config ? answer(this.#config.template) : refuse("no-room");
  }

  /** Whether a newcomer may still join: neither locked nor ended (§3.2). */
  door(): RoomAnswer<Door> {
    if (this.#unreadable) return refuse("unreadable");
    const session = this.#session;
    return this.#config && session ? answer({ open: !session.locked && session.phase !== "ended" }) : refuse("no-room");
  }

  async #checkKey(key: unknown): Promise<RoomRefusal | null> {
    if (this.#unreadable) return "unreadable";
    if (!this.#config) return "no-room";
    const parsed = KeySchema.safeParse(key);
    const matches = parsed.success && constantTimeEqual(await sha256Hex(parsed.data), this.#config.keyHash);
    if (!this.#config) return "no-room"; // erased while hashing
    return matches ? null : "wrong-key";
  }

  async #eraseNow(): Promise<void> {
    // Forget first, then delete: a timer or an await that resumes later must find nothing to save.
    this.#erased = true;
    const domainIds = this.#domainIds();
    this.round.forget();
    this.#watchers.clear();
    this.#config = null;
    this.#session = null;
    clearDoc(this.doc, domainIds);
    this.ports.closeAll(CLOSE_GONE, "session deleted");
    await this.ports.storage.deleteAll();
    await this.ports.storage.deleteAlarm();
    this.#alarmAt = null;
  }

  // --- the alarm: retention, countdown, staying awake ------------------------------------------

  async alarm(): Promise<void> {
    this.#alarmAt = null;
    const config = this.#config;
    if (!config || this.#erased) return;
    const now = this.ports.clock.now();
    // Retention is over (§3.8): erase everything this room ever stored.
    if (now >= config.expiresAt) return this.#eraseNow();
    const session = this.#session!;
    let retry = false;
    if (session.phase === "open" && session.deadline !== null && session.deadline <= now) {
      retry = !(await this.runCommand({ op: "close" })).ok;
    }
    await this.#schedule({ force: true, retry });
  }

  /**
   * Sets the one alarm to the earliest of: the end of retention, the open round's countdown, and
   * (while an orphan ballot is held) a keep-awake tick.
   */
  async #schedule(o: { force?: boolean; retry?: boolean } = {}): Promise<void> {
    const config = this.#config;
    const session = this.#session;
    if (!config || !session || this.#erased) return;
    const now = this.ports.clock.now();
    let at = config.expiresAt;
    if (session.phase === "open" && session.deadline !== null)
      at = Math.min(at, Math.max(session.deadline, o.retry ? now + RETRY_ALARM_MS : now));
    if (this.round.orphans > 0) {
      const current = this.#alarmAt;
      at = Math.min(at, current !== null && current > now && current <= now + KEEP_AWAKE_ALARM_MS ? current : now + KEEP_AWAKE_ALARM_MS);
    }
    at = toSecond(at); // the alarm's time is stored by the platform: no finer than a second
    if (!o.force && at === this.#alarmAt) return;
    this.#alarmAt = at;
    await this.ports.storage.setAlarm(at);
  }

  // --- sockets ---------------------------------------------------------------------------------

  /** What a Yjs socket's ticket opens: writing (a facilitator's write ticket), reading (the view ticket), nothing. */
  async ticketRole(ticket: string): Promise<"writer" | "reader" | null> {
    const config = this.#config;
    if (!config) return null;
    if (await verifyWriteTicket(config.secret, ticket, this.ports.clock.now())) return "writer";
    return constantTimeEqual(ticket, await viewTicket(config.secret)) ? "reader" : null;
  }

  /** Bounds what one Yjs socket may send (y-partyserver applies frames of any size); false: close it. */
  admitYjs(peer: Peer, bytes: number, writable: boolean): boolean {
    const policy = writable ? YJS_WRITER_POLICY : YJS_READER_POLICY;
    const limits = this.#limitsOf(peer, policy);
    return bytes <= MAX_YJS_FRAME_BYTES && takeBytes(limits.bucket, policy, this.ports.clock.now(), bytes);
  }

  /** A frame on a JSON socket: validated, rate-limited, then handled. Never throws. */
  async message(peer: Peer, frame: unknown): Promise<void> {
    const parsed = parseClientMessage(frame);
    const commandId = parsed.ok ? (parsed.value.t === "cmd" ? parsed.value.id : undefined) : parsed.id;
    const now = this.ports.clock.now();
    const limits = this.#limitsOf(peer, CONNECTION_POLICY);
    if (!take(limits.bucket, CONNECTION_POLICY, now) || !take(this.#roomBucket, ROOM_POLICY, now)) {
      limits.violations++;
      if (limits.violations <= MAX_VIOLATIONS) return this.#error(peer, "rate-limited", "too many messages; slow down", commandId);
      peer.close(1008, "too many messages");
      this.closed(peer);
      return;
    }
    if (!parsed.ok) return this.#error(peer, parsed.code, parsed.message, commandId);
    if (this.#unreadable) return this.#error(peer, "unavailable", "this session can't be opened right now; try again later", commandId);
    if (!this.#config || !this.#session) return this.#error(peer, "gone", "this session no longer exists", commandId);
    try {
      await this.#dispatch(peer, parsed.value);
    } catch (e) {
      // Never echo internals, and never log the message: it may be a ballot.
      console.error("room: message handling failed:", e instanceof Error ? e.name : "unknown");
      this.#error(peer, "bad-message", "the room could not handle that message", commandId);
    }
  }

  /** A JSON socket closed. */
  closed(peer: Peer): void {
    this.#watchers.delete(peer);
    this.round.closed(peer);
    const state = readPeerState(peer.state);
    if (state.role !== "phone" || this.round.present().has(state.nonce)) return;
    // Gone for now; counted as present until the grace runs out, unless it comes back.
    const nonce = state.nonce;
    this.#leaving.add(nonce);
    this.ports.clock.later(LEAVE_GRACE_MS, () => {
      if (this.#leaving.delete(nonce) && !this.round.present().has(nonce)) void this.#presenceChanged();
    });
  }

  /** When a restart found a round open and no socket: phones are still coming back to re-send. */
  #restartGraceUntil = 0;
  #inRestartGrace(): boolean {
    return this.ports.clock.now() < this.#restartGraceUntil;
  }

  /** The N of "x of N have voted" (see `LiveState.present`). */
  #present(): number {
    return new Set([...this.round.present(), ...this.#leaving]).size;
  }

  /** Someone left (or came): the watchers hear the new N, and auto-close may now be due. */
  async #presenceChanged(): Promise<void> {
    const session = this.#session;
    if (!session || this.#erased) return;
    if (session.phase === "open" && this.#autoCloseDue(session)) {
      await this.runCommand({ op: "close" });
      return;
    }
    this.#countLater();
  }

  /**
   * Auto-close fires once every pass that may vote and is present has voted: at least one ballot,
   * and as many as the smaller of the passes that may vote (§3.11) and those present. In a
   * self-paced set, once that holds for every open topic (everyone has answered everything).
   */
  #autoCloseDue(session: SessionState): boolean {
    if (this.#inRestartGrace()) return false;
    const open = openRounds(session);
    const present = this.#present();
    return (
      session.autoClose &&
      open.length > 0 &&
      open.every((r) => {
        const voted = this.round.size(r.roundId);
        return voted > 0 && voted >= Math.min(this.#eligible(session, r), present);
      })
    );
  }

  #dispatch(peer: Peer, msg: ClientMessage): Promise<void> | void {
    switch (msg.t) {
      case "ping":
        return this.#send(peer, { t: "pong" });
      case "hello":
        return this.#hello(peer, msg);
      case "ballot": {
        const state = readPeerState(peer.state);
        if (state.role !== "phone") return this.#error(peer, "not-joined", "join the session before voting");
        return this.#receiveBallot(peer, state.nonce, msg.ballot, true).then(() => undefined);
      }
      case "cmd":
        return this.#command(peer, msg);
      default:
        return assertNever(msg);
    }
  }

  async #hello(peer: Peer, msg: Extract<ClientMessage, { t: "hello" }>): Promise<void> {
    const current = readPeerState(peer.state).role;
    if (current !== "none" && current !== msg.role) {
      return this.#error(peer, "bad-message", `this connection already said hello as ${current}`);
    }
    switch (msg.role) {
      case "phone":
        return this.#helloPhone(peer, msg);
      case "screen":
        return this.#welcomeWatcher(peer, asScreen, { t: "welcome", role: "screen", meta: this.#meta(), state: this.liveState() });
      case "facilitator": {
        if ((await this.#checkKey(msg.key)) !== null || !this.#config) return this.#error(peer, "forbidden", "wrong facilitator key");
        const { secret } = this.#config;
        const writeTicket = await issueWriteTicket(secret, this.ports.clock.now() + TICKET_TTL_MS);
        const view = await viewTicket(secret);
        if (!this.#config) return this.#error(peer, "gone", "this session no longer exists");
        return this.#welcomeWatcher(peer, asFacilitator, {
          t: "welcome",
          role: "facilitator",
          writeTicket,
          viewTicket: view,
          meta: this.#meta(),
          state: this.liveState(),
        });
      }
      default:
        return assertNever(msg);
    }
  }

  #welcomeWatcher(peer: Peer, state: PeerState, welcome: ServerMessage): void {
    peer.setState(state);
    this.#watchers.add(peer);
    this.#send(peer, welcome);
  }

  async #helloPhone(peer: Peer, msg: Extract<ClientMessage, { t: "hello"; role: "phone" }>): Promise<void> {
    const config = this.#config!;
    let token = msg.token;
    let nonce: string | null;
    const current = readPeerState(peer.state);
    if (token) {
      nonce = await verifyToken(config.secret, token);
      if (!nonce) return this.#error(peer, "bad-token", "this device's pass is not valid for this session; join again");
      if (current.role === "phone" && current.nonce !== nonce)
        return this.#error(peer, "bad-message", "this connection already has another pass");
    } else {
      if (this.#session!.locked) return this.#error(peer, "locked", "joining is closed for this session");
      // One pass per connection, and passes only so fast: every pass is a potential ballot.
      if (current.role === "phone") return this.#error(peer, "bad-message", "this connection already has a pass");
      if (!take(this.#joinBucket, JOIN_POLICY, this.ports.clock.now())) {
        return this.#error(peer, "rate-limited", "too many people joining at once; try again");
      }
      ({ token, nonce } = await issueToken(config.secret));
      if (!this.#session) return this.#error(peer, "gone", "this session no longer exists");
      // Only the count is stored, never the pass: "joined" bounds how many ballots a round may
      // accept, so it must survive a restart.
      try {
        await this.#commit({ ...this.#session, issued: this.#session.issued + 1 }, { phones: false });
      } catch {
        return this.#error(peer, "unavailable", "the room could not let you in just now; try again");
      }
    }
    // A perspective counts if the room signed it for this pass earlier, or if joining is still
    // open (then it is signed now). Once joining is closed, a pass can't take on a new one: extra
    // passes kept from before the lock can't be dressed up to name a group after the fact (§3.10).
    const perspective = await this.#perspective(config.secret, nonce, msg);
    if (!this.#session) return this.#error(peer, "gone", "this session no longer exists");
    const newcomer = !this.round.present().has(nonce) && !this.#leaving.delete(nonce);
    this.round.attachPhone(peer, nonce, perspective.accepted);
    if (newcomer) this.#countLater();
    const receipt = msg.ballot ? await this.#receiveBallot(peer, nonce, msg.ballot, false) : null;
    this.#send(peer, {
      t: "welcome",
      role: "phone",
      token,
      ballotAccepted: receipt !== null,
      ...(receipt ? { receipt } : {}),
      ...(perspective.sig ? { perspectiveSig: perspective.sig } : {}),
      ...(perspective.refused ? { perspectiveRefused: true as const } : {}),
      meta: this.#meta(),
      state: this.liveState(),
    });
  }

  async #perspective(
    secret: string,
    nonce: string,
    msg: Extract<ClientMessage, { t: "hello"; role: "phone" }>,
  ): Promise<{ accepted?: Perspective; sig?: string; refused?: true }> {
    const { perspective, perspectiveSig } = msg;
    if (!perspective) return {};
    if (perspectiveSig && (await verifyPerspective(secret, nonce, perspective, perspectiveSig)))
      return { accepted: perspective, sig: perspectiveSig };
    const session = this.#session;
    if (!session || session.locked || session.phase === "ended") return { refused: true };
    return { accepted: perspective, sig: await signPerspective(secret, nonce, perspective) };
  }

  /**
   * Holds a ballot for the open round; with `reply`, acknowledges it or explains the refusal.
   * Returns the ballot's receipt when it is held, null when it isn't.
   */
  async #receiveBallot(peer: Peer, nonce: string, ballot: Ballot, reply: boolean): Promise<string | null> {
    // A change being stored (a close, say) may yet fail and be undone: judge the ballot against
    // the state that holds once it is settled, so no phone is told "closed" for a round that isn't.
    while (this.#storing) await this.#storing.catch(() => {});
    const config = this.#config;
    const session = this.#session;
    const refusal = (code: ErrorCode, message: string) => {
      if (reply) this.#error(peer, code, message);
      return null;
    };
    if (!config || !session) return refusal("gone", "this session no longer exists");
    const open = openRounds(session);
    const openRound = open.find((r) => r.roundId === ballot.roundId);
    if (!openRound || !this.round.isOpen(ballot.roundId)) {
      const now =
        open.length === 1 ? ` (voting is open on round ${open[0]!.roundId})` : open.length > 1 ? " (it is not one of the open topics)" : "";
      return refusal("round-closed", `round ${ballot.roundId} is not open${now}`);
    }
    const domain = config.template.domains.find((d) => d.id === openRound.domainId);
    if (!domain) return refusal("round-closed", "no topic is open");
    const checked = checkBallot(config.template, domain, facilityNames(config.facilities), ballot);
    if (!checked.ok) return refusal("bad-ballot", checked.message);
    // A re-vote takes ballots only from passes that voted in the round it re-votes, so the two
    // results can't be compared to read off a newcomer's rating (§3.11).
    const revoted = revoteOfRound(session, openRound);
    if (revoted && !(ballot.receipt && (await verifyReceipt(config.secret, nonce, revoted, ballot.receipt)))) {
      return refusal("not-in-earlier-round", `this round re-votes ${revoted}, and takes ballots only from those who voted in it`);
    }
    if (this.#session !== session) return this.#receiveBallot(peer, nonce, ballot, reply); // changed while checking
    const isNew = !this.round.has(ballot.roundId, nonce);
    if (isNew && this.round.size(ballot.roundId) >= session.issued)
      return refusal("full", "this round already has a ballot for every pass issued");
    if (!this.round.hold(peer, nonce, checked.ballot)) return refusal("bad-ballot", "this ballot is too large to hold");
    const receipt = await this.#receipt(config.secret, nonce, ballot.roundId);
    if (reply) this.#deliver(peer, encodeAck(ballot.roundId, receipt));
    if (isNew) {
      if (this.#autoCloseDue(session)) await this.runCommand({ op: "close" });
      else this.#countLater();
    }
    return receipt;
  }

  async #command(peer: Peer, msg: Extract<ClientMessage, { t: "cmd" }>): Promise<void> {
    if (readPeerState(peer.state).role !== "facilitator") return this.#error(peer, "forbidden", "only the facilitator can do that", msg.id);
    const outcome = await this.runCommand(msg.cmd);
    if (!outcome.ok) return this.#error(peer, outcome.code, outcome.message, msg.id, outcome.refusal);
    this.#send(peer, { t: "done", id: msg.id });
  }

  // --- facilitator commands ----------------------------------------------------------------------

  /**
   * Applies a command (core/commands.ts decides; this keeps the ballots' homes in step). Nothing of
   * the round is dropped until the new state is stored: a failed write changes nothing and loses
   * no ballot.
   */
  async runCommand(cmd: Command): Promise<CommandResult> {
    const config = this.#config;
    const before = this.#session;
    if (!config || !before) return { ok: false, code: "gone", message: "this session no longer exists" };
    if (cmd.op === "cancel" && this.#inRestartGrace()) {
      const refusal: Refusal = { reason: "restarting" };
      return { ok: false, code: "bad-command", message: refusalMessage(refusal), refusal };
    }
    const given = cmd.op === "record" ? { domainId: cmd.domainId, notes: cmd.notes, actions: cmd.actions } : null;
    if (cmd.op === "record") {
      // The consensus keeps a copy of the notes as they were when the group recorded it.
      const typed = this.#notes()[cmd.domainId];
      const text = (given: string | undefined, fromDoc: string | undefined) => (given ?? fromDoc ?? "").slice(0, NOTES_MAX);
      cmd = { ...cmd, notes: text(cmd.notes, typed?.notes), actions: text(cmd.actions, typed?.actions) };
    }
    const outcome = applyCommand(before, cmd, {
      template: config.template,
      facilities: facilityNames(config.facilities),
      k: config.k,
      now: this.ports.clock.now(),
      ballots: (roundId) => this.round.ballots(roundId),
    });
    if (!outcome.ok) {
      const { ok: _, ...refusal } = outcome;
      return { ok: false, code: "bad-command", message: refusalMessage(refusal), refusal };
    }
    if (outcome.config) return this.#changeConfig(outcome.config);
    let next = outcome.state;
    // Perspectives are released once, at the end: released per round, a name appearing between
    // two rounds would tell everyone the perspective of whoever joined in between (§3.10).
    if (cmd.op === "end") next = { ...next, perspectives: perspectivesPresent(this.round.perspectives(), config.k) };
    const opens =
      next.phase === "open" && (before.phase !== "open" || cmd.op === "open" || cmd.op === "open-set" || cmd.op === "new-round");
    try {
      await this.#commit(next, {
        // A topic's mark changes nothing a phone shows: no frame to every phone for it.
        phones: cmd.op !== "mark",
        // The aggregate is stored now, so the round's ballots go everywhere; a new round starts
        // empty before anyone hears that it is open.
        saved: () => {
          if (outcome.roundEnded) this.round.dropBallots(this.ports.jsonPeers());
          if (opens) this.round.open(this.#codecsFor(next), this.ports.jsonPeers());
        },
      });
    } catch {
      return { ok: false, code: "unavailable", message: "the room could not save that; nothing changed, try again" };
    }
    // Words sent with the record (not typed into the doc) join the doc's: the summary reads the doc.
    if (given && !this.#erased) {
      addRecordedNotes(this.doc, given.domainId, { notes: given.notes, actions: given.actions });
      capNotes(this.doc, this.#domainIds());
    }
    await this.#schedule();
    return { ok: true };
  }

  /**
   * Stores a change to the config that core/commands.ts allowed: the facilities domain 12 will rate
   * (that topic hasn't opened) or the session's language. Then it tells every screen and phone, so
   * a phone renders the ballot with the new list and the projector speaks the new language. The
   * config changes in memory first, so an "open" that arrives meanwhile opens with the list the
   * room is storing; a failed write puts the old one back.
   */
  async #changeConfig(change: ConfigChange): Promise<CommandResult> {
    const previous = this.#config!;
    const next: RoomConfig = { ...previous, ...change };
    this.#config = next;
    try {
      await this.ports.storage.put(configRecord(next));
    } catch {
      if (this.#config === next) this.#config = previous;
      return { ok: false, code: "unavailable", message: "the room could not save that; nothing changed, try again" };
    }
    if (this.#erased || !this.#session) return { ok: true };
    writeProjection(this.doc, next, this.#session);
    const frame = encodeServer({ t: "meta", meta: this.#meta() });
    for (const peer of [...this.#watchers]) this.#deliver(peer, frame);
    for (const peer of this.ports.jsonPeers()) {
      if (readPeerState(peer.state).role === "phone") this.#deliver(peer, frame);
    }
    return { ok: true };
  }

  // --- state, doc and fan-out ------------------------------------------------------------------

  /**
   * Makes `next` the state at once (so no later message sees the old one), stores it, then writes
   * the doc and tells the sockets. If storage fails, the previous state is put back and the error
   * thrown: not stored means not done.
   */
  async #commit(next: SessionState, o: { phones: boolean; saved?: () => void } = { phones: true }): Promise<void> {
    const config = this.#config;
    const previous = this.#session;
    if (!config || !previous || this.#erased) throw new Error("no session");
    this.#session = next;
    const storing = this.ports.storage.put(sessionRecords(previous, next));
    this.#storing = storing;
    try {
      await storing;
    } catch (e) {
      if (this.#session === next) this.#session = previous;
      throw e;
    } finally {
      if (this.#storing === storing) this.#storing = null;
    }
    if (this.#erased) return;
    o.saved?.();
    writeProjection(this.doc, config, this.#session);
    this.#broadcastState(o);
  }

  liveState(): LiveState {
    const s = this.#session!;
    return {
      phase: s.phase,
      domainId: s.domainId,
      roundId: s.domainId ? roundIdOf(s.domainId, s.round) : null,
      round: s.round,
      joined: s.issued,
      present: this.#present(),
      // In a self-paced set the counts are per topic (`set`); nothing is summed across topics.
      voted: s.phase === "open" && openSetOf(s).length === 0 ? this.round.size(roundIdOf(s.domainId ?? "", s.round)) : 0,
      locked: s.locked,
      autoClose: s.autoClose,
      deadline: s.deadline,
      k: this.#config!.k,
      revoteOf: revoteOf(s),
      set:
        openSetOf(s).length === 0
          ? []
          : openRounds(s).map((r) => ({
              domainId: r.domainId,
              roundId: r.roundId,
              voted: this.round.size(r.roundId),
              revoteOf: revoteOfRound(s, r),
            })),
    };
  }

  /** Receipts of the open round by pass, so a changed ballot is acknowledged without signing again. */
  #receipts = new Map<string, Map<string, string>>();

  async #receipt(secret: string, nonce: string, roundId: string): Promise<string> {
    // Only the open rounds' receipts are kept: a closed round's are never asked for again.
    for (const id of this.#receipts.keys()) if (!this.round.isOpen(id)) this.#receipts.delete(id);
    let byNonce = this.#receipts.get(roundId);
    if (!byNonce) {
      byNonce = new Map();
      this.#receipts.set(roundId, byNonce);
    }
    let receipt = byNonce.get(nonce);
    if (!receipt) {
      receipt = await receiptFor(secret, nonce, roundId);
      byNonce.set(nonce, receipt);
    }
    return receipt;
  }

  /** How many may vote in the open round: every pass, or in a re-vote those who voted in the round it re-votes. */
  #eligible(session: SessionState, open: OpenRound): number {
    const revoted = revotedRound(session, open);
    return revoted ? Math.min(session.issued, revoted.respondents) : session.issued;
  }

  /** Sends the watchers the vote count soon, once for however many ballots arrive meanwhile. */
  #countLater(): void {
    if (this.#countDue) return;
    this.#countDue = true;
    this.ports.clock.later(COUNT_COALESCE_MS, () => {
      if (this.#countDue && this.#session && !this.#erased) this.#broadcastState({ phones: false });
    });
  }

  /**
   * Phones get the state when the phase changes; vote counts go to projectors and consoles only,
   * since sending every count to every phone costs O(N²) frames for nothing they need.
   */
  #broadcastState({ phones }: { phones: boolean }): void {
    this.#countDue = false; // this frame carries the latest count
    const frame = encodeServer({ t: "state", state: this.liveState() });
    for (const peer of [...this.#watchers]) this.#deliver(peer, frame);
    if (!phones) return;
    for (const peer of this.ports.jsonPeers()) {
      if (readPeerState(peer.state).role === "phone") this.#deliver(peer, frame);
    }
  }

  #meta(): SessionMeta {
    const c = this.#config!;
    return {
      title: c.title,
      templateId: c.template.id,
      domainIds: this.#domainIds(),
      facilities: facilityNames(c.facilities),
      roles: facilityRoles(c.facilities),
      k: c.k,
      lang: sessionLanguage(c),
    };
  }

  #send(peer: Peer, msg: ServerMessage): void {
    this.#deliver(peer, encodeServer(msg));
  }

  /** Sends one frame; a socket that can no longer take it (closed meanwhile) is forgotten, never thrown over. */
  #deliver(peer: Peer, frame: string): void {
    try {
      peer.send(frame);
    } catch {
      this.closed(peer);
    }
  }

  /** `message` is developers' English; a page words `code`, or the refusal's `reason` with its `vars`. */
  #error(peer: Peer, code: ErrorCode, message: string, id?: string, refusal?: Refusal): void {
    this.#send(peer, {
      t: "error",
      code,
      message,
      ...(id === undefined ? {} : { id }),
      ...(refusal ? { reason: refusal.reason, ...(refusal.vars ? { vars: refusal.vars } : {}) } : {}),
    });
  }

  /** A socket's bucket for `policy`; a new one when the socket's policy changed (a Yjs socket admitted as writer). */
  #limitsOf(peer: Peer, policy: BucketPolicy): Limits {
    let limits = this.#limits.get(peer);
    if (!limits || limits.policy !== policy) {
      limits = { bucket: newBucket(policy, this.ports.clock.now()), violations: limits?.violations ?? 0, policy };
      this.#limits.set(peer, limits);
    }
    return limits;
  }

  #notes() {
    const notes = readNotes(this.doc, this.#domainIds());
    for (const n of Object.values(notes)) {
      n.notes = n.notes.slice(0, NOTES_MAX);
      n.actions = n.actions.slice(0, NOTES_MAX);
    }
    return notes;
  }

  #domainIds(): string[] {
    return this.#config?.template.domains.map((d) => d.id) ?? [];
  }

  /** How the open rounds' ballots are written into attachments (none when no round is open). */
  #codecsFor(s: SessionState): RoundCodec[] {
    const config = this.#config;
    if (!config) return [];
    const names = facilityNames(config.facilities);
    return openRounds(s).flatMap(({ domainId, roundId }) => {
      const domain = config.template.domains.find((d) => d.id === domainId);
      if (!domain) return [];
      return [
        {
          roundId,
          encode: (b: Ballot) => encodeBallot(domain, names, b),
          decode: (code: string) => decodeBallot(domain, names, roundId, code),
        },
      ];
    });
  }
}
