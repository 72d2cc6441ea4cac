/**
 * A stand-in for the platform around the room model (party/room/ports.ts): an in-memory storage
 * that can be told to fail, a clock the test moves, and sockets whose attachments are copied the
 * way the runtime serialises them. {@link RoomHost} plays the Durable Object's life: start, a
 * wake from hibernation (memory gone, sockets and attachments kept), a restart (memory and sockets
 * gone), and the alarm firing. The model under test is the real one.
 */
import * as Y from "yjs";
import { RoomConfigSchema, type RoomConfig } from "../../core/api";
import { sha256Hex } from "../../core/encoding";
import { type ClientMessage, encodeClient, parseServerMessage, type ServerMessage } from "../../core/protocol";
import { getTemplate } from "../../core/templates/index";
import { RoomModel } from "../../party/room/model";
import type { Peer, RoomPorts, RoomStorage } from "../../party/room/ports";

export class FakeStorage implements RoomStorage {
  readonly data = new Map<string, unknown>();
  alarm: number | null = null;
  /** The next this-many `put`s throw (a storage failure), changing nothing. */
  failPuts = 0;
  readonly puts: Record<string, unknown>[] = [];
  /** How many times the room waited for its writes to be durable. */
  syncs = 0;

  async list(): Promise<Map<string, unknown>> {
    return new Map([...this.data].map(([k, v]) => [k, structuredClone(v)]));
  }
  async put(entries: Record<string, unknown>, _options?: { allowUnconfirmed?: boolean }): Promise<void> {
    if (this.failPuts > 0) {
      this.failPuts--;
      throw new Error("storage unavailable");
    }
    this.puts.push(entries);
    for (const [k, v] of Object.entries(entries)) this.data.set(k, structuredClone(v));
  }
  async sync(): Promise<void> {
    this.syncs++;
  }

  async delete(keys: string[]): Promise<number> {
    let n = 0;
    for (const k of keys) if (this.data.delete(k)) n++;
    return n;
  }
  async deleteAll(): Promise<void> {
    this.data.clear();
  }
  async setAlarm(at: number): Promise<void> {
    this.alarm = at;
  }
  async deleteAlarm(): Promise<void> {
    this.alarm = null;
  }
  /** Everything stored, as text: what a scan of the database would see. */
  dump(): string {
    return JSON.stringify([...this.data], (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : v));
  }
}

export class FakePeer implements Peer {
  #state: unknown = null;
  readonly frames: ServerMessage[] = [];
  closed: { code?: number; reason?: string } | null = null;

  get state(): unknown {
    return this.#state;
  }
  setState(state: unknown): unknown {
    // The runtime serialises attachments: nothing the model keeps a reference to is shared.
    this.#state = structuredClone(state);
    return this.#state;
  }
  send(frame: string): void {
    const parsed = parseServerMessage(frame);
    if (!parsed.ok) throw new Error(`the room sent an invalid frame: ${frame}`);
    this.frames.push(parsed.value);
  }
  close(code?: number, reason?: string): void {
    this.closed = { code, reason };
  }
  last(): ServerMessage | undefined {
    return this.frames.at(-1);
  }
}

export class RoomHost {
  readonly storage = new FakeStorage();
  now = 1_795_000_000_000;
  peers = new Set<FakePeer>();
  awake = false;
  /** Timers the room set (`clock.later`); run when the test lets time pass ({@link runTimers}). */
  timers: (() => void)[] = [];
  model!: RoomModel;
  doc!: Y.Doc;
  starts = 0;

  constructor(readonly name = "AAAAAAAAAAAAAAAAAAAAAA") {}

  ports(): RoomPorts {
    return {
      storage: this.storage,
      clock: { now: () => this.now, later: (_ms, fn) => void this.timers.push(fn) },
      jsonPeers: () => [...this.peers].filter((p) => !p.closed),
      closeAll: (code, reason) => {
        for (const p of this.peers) p.close(code, reason);
      },
      keepAwake: (on) => (this.awake = on),
    };
  }

  /** The object starts (first time, after hibernation, or after a restart): a new model, a new doc. */
  async start(): Promise<RoomModel> {
    this.doc = new Y.Doc();
    this.awake = false;
    this.model = await RoomModel.open(this.ports(), this.doc, this.name);
    this.model.attach();
    this.starts++;
    return this.model;
  }

  /** Memory goes, sockets stay (with their attachments). The doc was saved before (as the adapter's debounce does). */
  async hibernate(): Promise<RoomModel> {
    await this.model.saveDoc();
    return this.start();
  }

  /** Memory and every socket go (a deploy, an eviction). */
  async restart(): Promise<RoomModel> {
    for (const p of this.peers) p.closed ??= { code: 1001 };
    this.peers.clear();
    return this.start();
  }

  async alarm(): Promise<void> {
    if (this.storage.alarm === null) throw new Error("no alarm set");
    this.now = Math.max(this.now, this.storage.alarm);
    this.storage.alarm = null;
    await this.model.alarm();
  }

  connect(): FakePeer {
    const p = new FakePeer();
    this.peers.add(p);
    return p;
  }

  disconnect(p: FakePeer): void {
    p.closed ??= { code: 1001 };
    this.model.closed(p);
    this.peers.delete(p);
  }

  async send(p: FakePeer, msg: ClientMessage): Promise<ServerMessage | undefined> {
    const before = p.frames.length;
    await this.model.message(p, encodeClient(msg));
    this.runTimers();
    return p.frames.slice(before).find((f) => f.t !== "state");
  }

  /** Lets the room's short timers fire (the coalesced vote count). */
  runTimers(): void {
    for (const fn of this.timers.splice(0)) fn();
  }
}

export const FACILITATOR_KEY = "k".repeat(43);

export async function roomConfig(
  o: { domainIds?: string[]; k?: number; name?: string; expiresIn?: number; now?: number } = {},
): Promise<RoomConfig> {
  const full = getTemplate("icmec-2")!;
  const ids = o.domainIds ?? ["privacy", "safety", "services-aaaq"];
  return RoomConfigSchema.parse({
    roomId: o.name ?? "AAAAAAAAAAAAAAAAAAAAAA",
    joinCode: "ACDEFG",
    title: "Unit ward",
    facility: "St. Unit",
    facilities: [{ name: "St. Unit", yours: true, underReview: true }, { name: "City Clinic" }, { name: "Harbour Shelter" }],
    k: o.k ?? 3,
    keyHash: await sha256Hex(FACILITATOR_KEY),
    secret: "s".repeat(43),
    template: { ...full, domains: full.domains.filter((d) => ids.includes(d.id)) },
    createdDay: "2026-11-27",
    expiresAt: (o.now ?? 1_795_000_000_000) + (o.expiresIn ?? 30 * 86_400_000),
  });
}

/** A created room with a facilitator and `phones` joined phones (with their passes). */
export async function createdRoom(o: { phones?: number; k?: number } = {}) {
  const host = new RoomHost();
  await host.start();
  const created = await host.model.create(await roomConfig({ k: o.k }));
  if (!created.ok) throw new Error(`create refused: ${created.refusal}`);
  const console_ = host.connect();
  const welcome = await host.send(console_, { t: "hello", role: "facilitator", key: FACILITATOR_KEY });
  if (welcome?.t !== "welcome") throw new Error("facilitator refused");
  const phones: { peer: FakePeer; token: string }[] = [];
  for (let i = 0; i < (o.phones ?? 0); i++) {
    const peer = host.connect();
    const w = await host.send(peer, { t: "hello", role: "phone" });
    if (w?.t !== "welcome" || !w.token) throw new Error("phone refused");
    phones.push({ peer, token: w.token });
  }
  let seq = 0;
  const command = (cmd: Extract<ClientMessage, { t: "cmd" }>["cmd"]) => host.send(console_, { t: "cmd", id: `c${++seq}`, cmd });
  return { host, console_, phones, command };
}
