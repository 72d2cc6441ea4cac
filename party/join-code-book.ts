/**
 * @module join-code-book
 * The join-code directory's rules, with no platform in it: one tiny object per code (the object's
 * name *is* the code) maps it to its session until the session's retention ends. The adapter is
 * party/join-codes.ts; unit tests give it a fake storage.
 */
import { type CodeClaim, CodeClaimSchema, type CodeLookup } from "../core/api";
import { CODE_ENTRY_KEY, type CodeEntry, codeEntryRecord, loadCodeEntry } from "../core/stored";
import type { Clock } from "./room/ports";

export interface CodeStorage {
  get(key: string): Promise<unknown>;
  put(entries: Record<string, unknown>): Promise<void>;
  deleteAll(): Promise<void>;
  setAlarm(scheduledTime: number): Promise<void>;
}

export class JoinCodeBook {
  constructor(
    private readonly storage: CodeStorage,
    private readonly clock: Pick<Clock, "now">,
  ) {}

  /** The live entry: none when absent, expired (then erased) or unreadable. */
  async #entry(): Promise<CodeEntry | null> {
    const entry = loadCodeEntry(await this.storage.get(CODE_ENTRY_KEY));
    if (entry === null || "unreadable" in entry) return null;
    if (entry.expiresAt <= this.clock.now()) {
      await this.storage.deleteAll();
      return null;
    }
    return entry;
  }

  /** Claims the code for a room; false when another room holds it. Repeating a claim is fine. */
  async claim(raw: unknown): Promise<boolean> {
    const claim: CodeClaim = CodeClaimSchema.parse(raw);
    const entry = await this.#entry();
    if (entry && entry.roomId !== claim.roomId) return false;
    await this.storage.put(codeEntryRecord(claim));
    await this.storage.setAlarm(claim.expiresAt);
    return true;
  }

  async lookup(): Promise<CodeLookup | null> {
    const entry = await this.#entry();
    return entry ? { roomId: entry.roomId, title: entry.title, k: entry.k } : null;
  }

  /** Frees the code if `roomId` holds it (the session was deleted, or could not be created). */
  async release(roomId: unknown): Promise<void> {
    const entry = await this.#entry();
    if (entry && entry.roomId === roomId) await this.storage.deleteAll();
  }

  /** The session's retention is over: the code goes with it. */
  async expire(): Promise<void> {
    await this.storage.deleteAll();
  }
}
