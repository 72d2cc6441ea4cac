/**
 * An in-memory stand-in for how the Worker reaches rooms and join codes (worker/rooms.ts `Rooms`),
 * for the Worker's unit tests. It keeps the RPC contracts of core/api.ts as the real objects do
 * (party/room/model.ts, party/join-code-book.ts): a room stores the config it was created with and
 * checks a key by comparing its SHA-256 with `config.keyHash`; a code is claimed for one room until
 * it expires, looked up and released. Every call is recorded. Switches make the next calls of one
 * method throw, answer something else (malformed values, refusals) or wait until the test resumes them.
 */
import type { Directory } from "../../core/directory";
import { createHash } from "node:crypto";
import {
  type CodeClaim,
  CodeClaimSchema,
  type CodeRpc,
  KeySchema,
  type RoomAnswer,
  type RoomConfig,
  RoomConfigSchema,
  type RoomRefusal,
  type RoomRpc,
} from "../../core/api";
import { initialSession } from "../../core/session";
import type { Rooms } from "../../worker/rooms";

export type Op =
  | "room.create"
  | "room.summary"
  | "room.joinCode"
  | "room.erase"
  | "room.template"
  | "room.door"
  | "code.claim"
  | "code.lookup"
  | "code.release";

/** One call: which method, on which room id or code, with which arguments. */
export interface Call {
  op: Op;
  name: string;
  args: unknown[];
}

/** A held call: `arrived` settles when it comes in; it answers (faithfully) only after `resume()`. */
export interface Hold {
  arrived: Promise<void>;
  resume(): void;
}

type Fault = { kind: "throw" } | { kind: "answer"; value: unknown } | { kind: "hold"; arrive: () => void; resumed: Promise<void> };

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const ok = <T>(value: T): RoomAnswer<T> => ({ ok: true, value });
const refuse = (refusal: RoomRefusal): RoomAnswer<never> => ({ ok: false, refusal });

export class FakeRooms implements Rooms {
  readonly calls: Call[] = [];
  /** Live rooms by id. */
  readonly configs = new Map<string, RoomConfig>();
  /** The community directory each room was created with, when the request brought one. */
  readonly directories = new Map<string, Directory>();
  /** Rooms erased: the real room then refuses a create with "no-room". */
  readonly erased = new Set<string>();
  /** Rooms whose door is shut (locked or ended): their join answer says joining is closed. */
  readonly shut = new Set<string>();
  /** Claimed codes. */
  readonly codes = new Map<string, CodeClaim>();
  readonly #faults = new Map<Op, Fault[]>();

  /** The ops called so far, in order. */
  ops(): Op[] {
    return this.calls.map((c) => c.op);
  }

  /** A room that exists already, with its code claimed. */
  seed(config: RoomConfig): void {
    const parsed = RoomConfigSchema.parse(config);
    this.configs.set(parsed.roomId, parsed);
    this.codes.set(parsed.joinCode, { roomId: parsed.roomId, title: parsed.title, k: parsed.k, expiresAt: parsed.expiresAt });
  }

  /** The next `times` calls of `op` throw (a platform failure: overload, restart, lost connection). */
  throwNext(op: Op, times = 1): void {
    for (let i = 0; i < times; i++) this.#push(op, { kind: "throw" });
  }

  /** The next `times` calls of `op` answer `value` instead of the real answer, changing nothing. */
  answerNext(op: Op, value: unknown, times = 1): void {
    for (let i = 0; i < times; i++) this.#push(op, { kind: "answer", value });
  }

  refuseNext(op: Extract<Op, `room.${string}`>, refusal: RoomRefusal, times = 1): void {
    this.answerNext(op, refuse(refusal), times);
  }

  /** The next call of `op` waits for `resume()`; never resuming it is a call that hangs. */
  hold(op: Op): Hold {
    let arrive!: () => void;
    let resume!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    const resumed = new Promise<void>((r) => (resume = r));
    this.#push(op, { kind: "hold", arrive, resumed });
    return { arrived, resume };
  }

  room(roomId: string): Promise<RoomRpc> {
    const run = <T>(op: Op, args: unknown[], real: () => T) => this.#run(op, roomId, args, real);
    return Promise.resolve({
      create: (config, directory) =>
        run("room.create", [config, directory], () => {
          const created = this.#create(roomId, config);
          if (created.ok && directory) this.directories.set(roomId, directory);
          return created;
        }),
      summary: (key) =>
        run("room.summary", [key], () => {
          const refusal = this.#checkKey(roomId, key);
          if (refusal) return refuse(refusal);
          const { secret: _secret, keyHash: _keyHash, ...config } = this.configs.get(roomId)!;
          return ok({ config, session: initialSession(config.template.domains.map((d) => d.id)), notes: {} });
        }),
      joinCode: (key) =>
        run("room.joinCode", [key], () => {
          const refusal = this.#checkKey(roomId, key);
          return refusal ? refuse(refusal) : ok(this.configs.get(roomId)!.joinCode);
        }),
      erase: (key) =>
        run("room.erase", [key], () => {
          const refusal = this.#checkKey(roomId, key);
          if (refusal) return refuse(refusal);
          this.configs.delete(roomId);
          this.erased.add(roomId);
          return ok(null);
        }),
      template: () =>
        run("room.template", [], () => {
          const config = this.configs.get(roomId);
          return config ? ok<unknown>(config.template) : refuse("no-room");
        }),
      door: () =>
        run("room.door", [], () => (this.configs.has(roomId) ? ok<unknown>({ open: !this.shut.has(roomId) }) : refuse("no-room"))),
    } satisfies RoomRpc);
  }

  code(code: string): CodeRpc {
    const run = <T>(op: Op, args: unknown[], real: () => T) => this.#run(op, code, args, real);
    return {
      claim: (claim) =>
        run("code.claim", [claim], () => {
          const parsed = CodeClaimSchema.parse(claim); // the real directory throws on a malformed claim too
          const held = this.#held(code);
          if (held && held.roomId !== parsed.roomId) return false;
          this.codes.set(code, parsed);
          return true;
        }),
      lookup: () =>
        run("code.lookup", [], () => {
          const held = this.#held(code);
          return held ? { roomId: held.roomId, title: held.title, k: held.k } : null;
        }),
      release: (roomId) =>
        run("code.release", [roomId], () => {
          if (this.#held(code)?.roomId === roomId) this.codes.delete(code);
        }),
    };
  }

  #push(op: Op, fault: Fault): void {
    const queue = this.#faults.get(op) ?? [];
    queue.push(fault);
    this.#faults.set(op, queue);
  }

  /** Records the call (synchronously), then applies the next fault of `op`, if any. */
  async #run<T>(op: Op, name: string, args: unknown[], real: () => T): Promise<T> {
    this.calls.push({ op, name, args });
    const fault = this.#faults.get(op)?.shift();
    if (fault?.kind === "throw") throw new Error(`injected failure of ${op}`);
    if (fault?.kind === "answer") return fault.value as T;
    if (fault?.kind === "hold") {
      fault.arrive();
      await fault.resumed;
    }
    return real();
  }

  #create(roomId: string, raw: unknown): RoomAnswer<null> {
    const parsed = RoomConfigSchema.safeParse(raw);
    if (!parsed.success || parsed.data.roomId !== roomId) return refuse("invalid");
    if (this.erased.has(roomId)) return refuse("no-room");
    const existing = this.configs.get(roomId);
    // A repeated create (a lost answer) is fine; another key for the same id is not.
    if (existing) return existing.keyHash === parsed.data.keyHash ? ok(null) : refuse("exists");
    this.configs.set(roomId, parsed.data);
    return ok(null);
  }

  #checkKey(roomId: string, key: unknown): RoomRefusal | null {
    const config = this.configs.get(roomId);
    if (!config) return "no-room";
    const parsed = KeySchema.safeParse(key);
    return parsed.success && sha256(parsed.data) === config.keyHash ? null : "wrong-key";
  }

  /** The code's live claim; an expired one is forgotten, as the directory does. */
  #held(code: string): CodeClaim | undefined {
    const held = this.codes.get(code);
    if (held && held.expiresAt <= Date.now()) {
      this.codes.delete(code);
      return undefined;
    }
    return held;
  }
}
