/**
 * @module room/live-round
 * Where the open round's ballots live, and nowhere else (docs/design.md §3.1):
 * - in the room's memory ({@link BallotBox}), keyed by the pass's nonce;
 * - in the attachment of the phone socket that sent it (compact, core/ballot-codec.ts), which the
 *   platform keeps through hibernation and drops with the socket.
 *
 * A wake from hibernation empties memory; {@link LiveRound.rebuild} fills it again from the
 * attachments. A ballot whose phone has gone (socket closed) lives in memory only: it is an
 * *orphan*, and while there is one the room must not hibernate (`onOrphans`). When the phone comes
 * back, its new socket takes the ballot over. When the round ends, every copy is dropped.
 *
 * Perspectives (§3.10) follow the same homes: memory and the phone's attachment, never storage.
 */
import type { Ballot, Perspective } from "../../core/protocol";
import { BallotBox } from "./ballot-box";
import { asPhone, fitsAttachment, type PhoneState, readPeerState } from "./peer-state";
import type { Peer } from "./ports";

/** The open round as the attachments see it: its id and how its ballots are written compactly. */
export interface RoundCodec {
  roundId: string;
  encode(ballot: Ballot): string;
  decode(code: string): Ballot | null;
}

export class LiveRound {
  readonly box = new BallotBox();
  #codec: RoundCodec | null = null;
  /** For each pass, the open socket that carries it (the newest, if a phone reconnected). */
  readonly #phoneOf = new Map<string, Peer>();
  /** Passes whose ballot is held in memory only: their socket closed before the round did. */
  readonly #orphans = new Set<string>();
  readonly #perspectives = new Map<string, Perspective>();

  constructor(private readonly onOrphans: (any: boolean) => void) {}

  get roundId(): string | null {
    return this.box.roundId;
  }

  get orphans(): number {
    return this.#orphans.size;
  }

  /** Passes with an open socket, or with a ballot in the round though their socket has gone. */
  present(): Set<string> {
    return new Set([...this.#phoneOf.keys(), ...this.#orphans]);
  }

  perspectives(): Iterable<Perspective> {
    return this.#perspectives.values();
  }

  /**
   * After a wake or a restart: every open phone socket's pass and perspective, and the ballots
   * their attachments hold for `codec`'s round (if one is open). A ballot that no longer decodes
   * is ignored; its phone re-sends it.
   */
  rebuild(peers: Iterable<Peer>, codec: RoundCodec | null): void {
    this.#codec = codec;
    if (codec) this.box.open(codec.roundId);
    else this.box.drop();
    for (const peer of peers) {
      const state = readPeerState(peer.state);
      if (state.role !== "phone") continue;
      if (state.perspective) this.#perspectives.set(state.nonce, state.perspective);
      const ballot = codec && state.ballot?.roundId === codec.roundId ? codec.decode(state.ballot.code) : null;
      // Of two sockets of one pass, the one that carries the ballot is its home.
      if (!this.#phoneOf.has(state.nonce) || ballot) this.#phoneOf.set(state.nonce, peer);
      if (ballot) this.box.put(state.nonce, ballot);
    }
  }

  /** Starts collecting for a new round: nothing from an earlier one is carried over. */
  open(codec: RoundCodec, peers: Iterable<Peer>): void {
    this.dropBallots(peers);
    this.#codec = codec;
    this.box.open(codec.roundId);
  }

  /**
   * A phone said hello with the pass `nonce` on `peer`. The socket becomes the pass's home: an
   * older socket of the same pass gives up its copy, and a ballot held in memory moves in.
   */
  attachPhone(peer: Peer, nonce: string, perspective: Perspective | undefined): void {
    this.#release(nonce, peer);
    this.#phoneOf.set(nonce, peer);
    const kept = perspective ?? this.#perspectives.get(nonce);
    if (kept) this.#perspectives.set(nonce, kept);
    const ballot = this.box.get(nonce);
    const state = asPhone(
      nonce,
      kept,
      ballot && this.#codec ? { roundId: this.#codec.roundId, code: this.#codec.encode(ballot) } : undefined,
    );
    peer.setState(fitsAttachment(state) ? state : asPhone(nonce, kept));
    this.#adopt(nonce);
  }

  /**
   * Holds `ballot` for `nonce`, in memory and in `peer`'s attachment. False (and nothing held) when
   * the round isn't the ballot's or its compact form could not fit the attachment.
   */
  hold(peer: Peer, nonce: string, ballot: Ballot): boolean {
    const codec = this.#codec;
    if (!codec || ballot.roundId !== codec.roundId || ballot.roundId !== this.box.roundId) return false;
    const current = readPeerState(peer.state);
    const perspective = current.role === "phone" ? current.perspective : undefined;
    const state: PhoneState = asPhone(nonce, perspective, { roundId: codec.roundId, code: codec.encode(ballot) });
    if (!fitsAttachment(state)) return false;
    this.#release(nonce, peer);
    peer.setState(state);
    this.box.put(nonce, ballot);
    this.#phoneOf.set(nonce, peer);
    this.#adopt(nonce);
    return true;
  }

  /** A socket closed: if it carried a pass whose ballot is held, that ballot is now an orphan. */
  closed(peer: Peer): void {
    const state = readPeerState(peer.state);
    if (state.role !== "phone") return;
    const carrier = this.#phoneOf.get(state.nonce);
    if (carrier && carrier !== peer) return; // a newer socket of the same pass carries it
    this.#phoneOf.delete(state.nonce);
    if (!this.box.has(state.nonce) && this.#codec && state.ballot?.roundId === this.#codec.roundId) {
      // The socket closed while the room was asleep: its attachment is the only copy left.
      const ballot = this.#codec.decode(state.ballot.code);
      if (ballot) this.box.put(state.nonce, ballot);
    }
    if (this.box.has(state.nonce)) {
      this.#orphans.add(state.nonce);
      if (this.#orphans.size === 1) this.onOrphans(true);
    }
  }

  /** The round's aggregate exists: every copy of every ballot goes, in memory and in every socket's attachment. */
  dropBallots(peers: Iterable<Peer>): void {
    for (const peer of [...peers, ...this.#phoneOf.values()]) {
      const state = readPeerState(peer.state);
      if (state.role === "phone" && state.ballot) peer.setState(asPhone(state.nonce, state.perspective));
    }
    this.box.drop();
    this.#codec = null;
    if (this.#orphans.size > 0) {
      this.#orphans.clear();
      this.onOrphans(false);
    }
  }

  /** Forgets everything (the room is erased). */
  forget(): void {
    this.dropBallots([]);
    this.#phoneOf.clear();
    this.#perspectives.clear();
  }

  /** An older socket of the same pass gives up its copy of the ballot: only one socket carries it. */
  #release(nonce: string, newer: Peer): void {
    const previous = this.#phoneOf.get(nonce);
    if (!previous || previous === newer) return;
    const old = readPeerState(previous.state);
    if (old.role === "phone" && old.ballot) previous.setState(asPhone(old.nonce, old.perspective));
  }

  #adopt(nonce: string): void {
    if (this.#orphans.delete(nonce) && this.#orphans.size === 0) this.onOrphans(false);
  }
}
