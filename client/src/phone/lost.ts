/**
 * @module phone/lost
 * What of a phone's answers was not counted when its round stopped (closed, timed out or
 * cancelled), so the phone can say so plainly instead of letting its owner believe they voted.
 * Only the verdict is kept, never the answers: the phone forgets those with the round
 * (docs/design.md §3.1).
 */
import type { Ballot } from "../../../core/protocol";
import type { StoredRoom } from "./stored";

/**
 * answers: none of this phone's answers counted (a draft never sent, or a ballot the room never
 * acknowledged); changes: an earlier ballot counted, later changes did not; unsure: a ballot may
 * have reached the room on a connection that dropped before the room answered, so it can't tell.
 */
export type Lost = "answers" | "changes" | "unsure";

export interface Missed {
  roundId: string;
  lost: Lost;
  /**
   * What remains lost if the room's ack still arrives: a close can overtake the ack of a ballot it
   * counted (the room answers the ballot after an await), so a late ack takes the verdict back.
   */
  ifAcked: Lost | null;
}

/** A ballot's answers, to compare: the draft is saved as sent, and an edit keeps its keys' order. */
export const answersOf = (b: Ballot): string => JSON.stringify([b.answers, b.ratings]);

function verdict(sent: Ballot | undefined, draft: Ballot | undefined, acked: boolean, receipt: boolean, unsure: boolean): Lost | null {
  const unacked = sent !== undefined && !acked;
  if (unacked && unsure) return "unsure";
  // After sending, the draft is what was sent; it differs only if the person changed it since.
  const unsent = draft !== undefined && (sent === undefined || answersOf(draft) !== answersOf(sent));
  if (!unacked && !unsent) return null;
  // A receipt for the round means one of this phone's ballots in it was held, and so counted.
  return receipt ? "changes" : "answers";
}

/**
 * What the phone held for a round that is no longer open (`open` is the open round now, or null),
 * judged when the phone learns that the round stopped. `acked` is the round this page heard acked.
 * `unconfirmed` is the round of a ballot that may have reached the room on a connection that
 * dropped before the room answered (or from an earlier page), when the phone learns of the stop
 * only on reconnecting; on a live connection the room's answer comes before its next state.
 */
export function missedRound(stored: StoredRoom, open: string | null, acked: string | null, unconfirmed: string | null): Missed | null {
  const roundId = [stored.sent?.roundId, stored.draft?.roundId].find((id) => id !== undefined && id !== open);
  if (roundId === undefined) return null;
  const sent = stored.sent?.roundId === roundId ? stored.sent : undefined;
  const draft = stored.draft?.roundId === roundId ? stored.draft : undefined;
  const receipt = stored.receipts?.[roundId] !== undefined;
  const lost = verdict(sent, draft, acked === roundId, receipt, unconfirmed === roundId);
  return lost ? { roundId, lost, ifAcked: verdict(sent, draft, true, true, false) } : null;
}
