/**
 * @module room/ports
 * What the room model needs from its platform, as narrow interfaces: the Durable Object's storage
 * (key-value part and alarm), a clock, the open sockets and a way to stay in memory. The adapter
 * (party/session-room.ts) hands in the real ones; unit tests hand in fakes, so every rule of the
 * room runs without a runtime: restarts, alarms, countdowns, failing storage.
 */

/** The part of `DurableObjectStorage` a room uses. */
export interface RoomStorage {
  list(): Promise<Map<string, unknown>>;
  put(entries: Record<string, unknown>, options?: { allowUnconfirmed?: boolean }): Promise<void>;
  /** Resolves once every write made so far is durable (even those made with `allowUnconfirmed`). */
  sync(): Promise<void>;
  delete(keys: string[]): Promise<number>;
  deleteAll(): Promise<void>;
  setAlarm(scheduledTime: number): Promise<void>;
  deleteAlarm(): Promise<void>;
}

export interface Clock {
  now(): number;
  /** Runs `fn` once, `ms` from now (a timer of the runtime; tests may run it when they like). */
  later(ms: number, fn: () => void): void;
}

/**
 * One open socket as the room sees it (PartyServer's `Connection` has this shape). `state` is the
 * socket's attachment: kept by the platform with the socket, through hibernation, never in
 * storage, and gone when the socket closes. It is read as untrusted data.
 */
export interface Peer {
  readonly state: unknown;
  setState(state: unknown): unknown;
  send(frame: string): void;
  close(code?: number, reason?: string): void;
}

export interface RoomPorts {
  storage: RoomStorage;
  clock: Clock;
  /** The open JSON sockets (phones, projectors, consoles), including after a wake from hibernation. */
  jsonPeers(): Iterable<Peer>;
  /** Closes every open socket, Yjs ones included (the room was erased). */
  closeAll(code: number, reason: string): void;
  /**
   * Keep the object in memory (true) or let it hibernate again (false). While the open round holds
   * a ballot whose phone has gone (its socket closed), memory is the ballot's only home on the
   * server, so the room must not hibernate until the round closes or the phone comes back.
   */
  keepAwake(on: boolean): void;
}
