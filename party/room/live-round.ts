/**
 * @module room/live-round
 * Where the open rounds' ballots live, and nowhere else (docs/design.md §3.1):
 * - in the room's memory (one {@link BallotBox} per open round), keyed by the pass's nonce;
 * - in the attachment of the phone socket that sent them (compact, core/ballot-codec.ts), which
 *   the platform keeps through hibernation and drops with the socket.
 *
 * One round is open in the one-topic flow; a self-paced set opens several at once, and a phone's
 * attachment then holds its ballot for each topic it answered (core/self-paced.ts keeps them
 * within the attachment's budget).
 *
 * A wake from hibernation empties memory; {@link LiveRound.rebuild} fills it again from the
 * attachments. A ballot whose phone has gone (socket closed) lives in memory only: its pass is an
 * *orphan*, and while there is one the room must not hibernate (`onOrphans`). When the phone comes
 * back, its new socket takes the ballots over. When the rounds end, every copy is dropped.
 *
 * Perspectives (§3.10) follow the same homes: memory and the phone's attachment, never storage.
 */
import type { Ballot, Perspective } from "../../core/protocol";
import { BallotBox } from "./ballot-box";
import { asPhone, fitsAttachment, type HeldBallot, heldBallots, type PhoneState, readPeerState } from "./peer-state";
import type { Peer } from "./ports";

/** An open round as the attachments see it: its id and how its ballots are written compactly. */
export interface RoundCodec {
  roundId: string;
  encode(ballot: Ballot): string;
  decode(code: string): Ballot | null;
}

interface Open {
  codec: RoundCodec;
  box: BallotBox;
}

export class LiveRound {
  /** The open rounds by id, in the order they were opened. */
  #open = new Map<string, Open>();
  /** For each pass, the open socket that carries it (the newest, if a phone reconnected). */
  readonly #phoneOf = new Map<string, Peer>();
  /** Passes whose ballots are held in memory only: their socket closed before the rounds did. */
  readonly #orphans = new Set<string>();
  readonly #perspectives = new Map<string, Perspective>();

  constructor(private readonly onOrphans: (any: boolean) => void) {}

  /** The ids of the open rounds. */
  roundIds(): string[] {
    return [...this.#open.keys()];
  }

  /** Whether round `roundId` is collecting here. */
  isOpen(roundId: string): boolean {
    return this.#open.has(roundId);
  }

  /** How many ballots round `roundId` holds (0 when it isn't open). */
  size(roundId: string): number {
    return this.#open.get(roundId)?.box.size ?? 0;
  }

  /** Whether the pass `nonce` has a ballot in round `roundId`. */
  has(roundId: string, nonce: string): boolean {
    return this.#open.get(roundId)?.box.has(nonce) ?? false;
  }

  /** Round `roundId`'s ballots (none when it isn't open). */
  ballots(roundId: string): Iterable<Ballot> {
    return this.#open.get(roundId)?.box.values() ?? [];
  }

  get orphans(): number {
    return this.#orphans.size;
  }

  /** Passes with an open socket, or with a ballot in an open round though their socket has gone. */
  present(): Set<string> {
    return new Set([...this.#phoneOf.keys(), ...this.#orphans]);
  }

  perspectives(): Iterable<Perspective> {
    return this.#perspectives.values();
  }

  /**
   * After a wake or a restart: every open phone socket's pass and perspective, and the ballots
   * their attachments hold for the `codecs`' rounds. A ballot that no longer decodes is ignored;
   * its phone re-sends it.
   */
  rebuild(peers: Iterable<Peer>, codecs: readonly RoundCodec[]): void {
    this.#reset(codecs);
    for (const peer of peers) {
      const state = readPeerState(peer.state);
      if (state.role !== "phone") continue;
      if (state.perspective) this.#perspectives.set(state.nonce, state.perspective);
      const ballots = this.#decode(heldBallots(state));
      // Of two sockets of one pass, the one that carries ballots is its home.
      if (!this.#phoneOf.has(state.nonce) || ballots.length > 0) this.#phoneOf.set(state.nonce, peer);
      for (const [open, ballot] of ballots) open.box.put(state.nonce, ballot);
    }
  }

  /** Starts collecting for new rounds: nothing from an earlier one is carried over. */
  open(codecs: readonly RoundCodec[], peers: Iterable<Peer>): void {
    this.dropBallots(peers);
    this.#reset(codecs);
  }

  /**
   * A phone said hello with the pass `nonce` on `peer`. The socket becomes the pass's home: an
   * older socket of the same pass gives up its copy, and ballots held in memory move in.
   */
  attachPhone(peer: Peer, nonce: string, perspective: Perspective | undefined): void {
    this.#release(nonce, peer);
    this.#phoneOf.set(nonce, peer);
    const kept = perspective ?? this.#perspectives.get(nonce);
    if (kept) this.#perspectives.set(nonce, kept);
    const state = asPhone(nonce, kept, this.#heldFor(nonce));
    peer.setState(fitsAttachment(state) ? state : asPhone(nonce, kept));
    this.#adopt(nonce);
  }

  /**
   * Holds `ballot` for `nonce`, in memory and (with the pass's other open ballots) in `peer`'s
   * attachment. False (and nothing held) when the ballot's round isn't open or the attachment
   * could not take it.
   */
  hold(peer: Peer, nonce: string, ballot: Ballot): boolean {
    const open = this.#open.get(ballot.roundId);
    if (!open) return false;
    const current = readPeerState(peer.state);
    const perspective = current.role === "phone" ? current.perspective : undefined;
    const others = this.#heldFor(nonce).filter((h) => h.roundId !== ballot.roundId);
    const state: PhoneState = asPhone(nonce, perspective, [...others, { roundId: ballot.roundId, code: open.codec.encode(ballot) }]);
    if (!fitsAttachment(state)) return false;
    this.#release(nonce, peer);
    peer.setState(state);
    open.box.put(nonce, ballot);
    this.#phoneOf.set(nonce, peer);
    this.#adopt(nonce);
    return true;
  }

  /** A socket closed: if it carried a pass with ballots held, its ballots are now orphans. */
  closed(peer: Peer): void {
    const state = readPeerState(peer.state);
    if (state.role !== "phone") return;
    const carrier = this.#phoneOf.get(state.nonce);
    if (carrier && carrier !== peer) return; // a newer socket of the same pass carries it
    this.#phoneOf.delete(state.nonce);
    for (const [open, ballot] of this.#decode(heldBallots(state))) {
      // The socket closed while the room was asleep: its attachment is the only copy left.
      if (!open.box.has(state.nonce)) open.box.put(state.nonce, ballot);
    }
    if (this.#holdsAny(state.nonce)) {
      this.#orphans.add(state.nonce);
      if (this.#orphans.size === 1) this.onOrphans(true);
    }
  }

  /** The rounds' aggregates exist: every copy of every ballot goes, in memory and in every socket's attachment. */
  dropBallots(peers: Iterable<Peer>): void {
    for (const peer of [...peers, ...this.#phoneOf.values()]) {
      const state = readPeerState(peer.state);
      if (state.role === "phone" && heldBallots(state).length > 0) peer.setState(asPhone(state.nonce, state.perspective));
    }
    this.#reset([]);
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

  #reset(codecs: readonly RoundCodec[]): void {
    for (const { box } of this.#open.values()) box.drop();
    this.#open = new Map(
      codecs.map((codec) => {
        const box = new BallotBox();
        box.open(codec.roundId);
        return [codec.roundId, { codec, box }];
      }),
    );
  }

  /** The held ballots of an attachment that belong to open rounds and still decode. */
  #decode(held: readonly HeldBallot[]): [Open, Ballot][] {
    return held.flatMap((h): [Open, Ballot][] => {
      const open = this.#open.get(h.roundId);
      const ballot = open?.codec.decode(h.code);
      return open && ballot ? [[open, ballot]] : [];
    });
  }

  /** The pass's ballots in memory, compact, for its socket's attachment. */
  #heldFor(nonce: string): HeldBallot[] {
    return [...this.#open.values()].flatMap(({ codec, box }) => {
      const ballot = box.get(nonce);
      return ballot ? [{ roundId: codec.roundId, code: codec.encode(ballot) }] : [];
    });
  }

  #holdsAny(nonce: string): boolean {
    return [...this.#open.values()].some(({ box }) => box.has(nonce));
  }

  /** An older socket of the same pass gives up its copy of the ballots: only one socket carries them. */
  #release(nonce: string, newer: Peer): void {
    const previous = this.#phoneOf.get(nonce);
    if (!previous || previous === newer) return;
    const old = readPeerState(previous.state);
    if (old.role === "phone" && heldBallots(old).length > 0) previous.setState(asPhone(old.nonce, old.perspective));
  }

  #adopt(nonce: string): void {
    if (this.#orphans.delete(nonce) && this.#orphans.size === 0) this.onOrphans(false);
  }
}
