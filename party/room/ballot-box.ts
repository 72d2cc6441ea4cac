/**
 * @module room/ballot-box
 * The open round's ballots in the room's memory. Besides this, a ballot exists on the server only
 * in its phone socket's attachment (room/live-round.ts); nothing here is ever written to storage,
 * the doc or a log (docs/design.md §3.1). After a restart phones re-send their ballot (they keep
 * it until the round closes).
 */
import type { Ballot } from "../../core/protocol";

export class BallotBox {
  #roundId: string | null = null;
  /** Keyed by the token's nonce: a re-sent or changed ballot replaces, never adds. */
  #ballots = new Map<string, Ballot>();

  get roundId(): string | null {
    return this.#roundId;
  }

  get size(): number {
    return this.#ballots.size;
  }

  /** Starts collecting for a round, dropping whatever an earlier round left. */
  open(roundId: string): void {
    this.#roundId = roundId;
    this.#ballots.clear();
  }

  /** Forgets every ballot: called the moment a round's aggregate exists. */
  drop(): void {
    this.#roundId = null;
    this.#ballots.clear();
  }

  has(nonce: string): boolean {
    return this.#ballots.has(nonce);
  }

  put(nonce: string, ballot: Ballot): void {
    if (ballot.roundId !== this.#roundId) throw new Error("ballot for another round");
    this.#ballots.set(nonce, ballot);
  }

  get(nonce: string): Ballot | undefined {
    return this.#ballots.get(nonce);
  }

  values(): Iterable<Ballot> {
    return this.#ballots.values();
  }
}
