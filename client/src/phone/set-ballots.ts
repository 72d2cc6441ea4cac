/**
 * @module phone/set-ballots
 * A phone's own ballots in a self-paced set (docs/design.md §1.2): one per open topic, kept on the
 * phone (phone/stored.ts) until that topic's round closes, and how far each topic has got. Pure:
 * the hook (usePhoneRoom) does the sending and the storing.
 */
import type { Ballot, OpenTopic } from "../../../core/protocol";
import { answersOf, type Lost, missedRound } from "./lost";
import type { StoredRoom } from "./stored";

/**
 * How far this phone has got with one topic of the set: nothing yet; answers begun but not sent;
 * sent and not yet confirmed; confirmed by the room; or confirmed, then changed without sending.
 */
export type TopicProgress = "not-started" | "started" | "sending" | "answered" | "changed";

/** `list` with `ballot` in place of the one for its round. */
export const withBallot = (list: readonly Ballot[] | undefined, ballot: Ballot): Ballot[] => [
  ...(list ?? []).filter((b) => b.roundId !== ballot.roundId),
  ballot,
];

export const ballotFor = (list: readonly Ballot[] | undefined, roundId: string): Ballot | null =>
  list?.find((b) => b.roundId === roundId) ?? null;

export function topicProgress(stored: StoredRoom, roundId: string, acked: boolean): TopicProgress {
  const sent = ballotFor(stored.setSent, roundId);
  const draft = ballotFor(stored.setDrafts, roundId);
  if (!sent) return draft ? "started" : "not-started";
  if (draft && answersOf(draft) !== answersOf(sent)) return "changed";
  return acked ? "answered" : "sending";
}

/** Whether this phone may answer `topic`: a re-vote takes only phones with a receipt for the round it re-votes (§3.11). */
export const mayAnswer = (stored: StoredRoom, topic: OpenTopic): boolean =>
  !topic.revoteOf || stored.receipts?.[topic.revoteOf] !== undefined;

/**
 * Keeps only the ballots of rounds still open (`open`), and says what of the dropped ones was not
 * counted (the worst of them; null when everything counted or nothing was dropped).
 */
export function pruneSet(
  stored: StoredRoom,
  open: ReadonlySet<string>,
  acked: ReadonlySet<string>,
): { setSent: Ballot[]; setDrafts: Ballot[]; lost: Lost | null; changed: boolean } {
  const keep = (list: readonly Ballot[] | undefined) => (list ?? []).filter((b) => open.has(b.roundId));
  const setSent = keep(stored.setSent);
  const setDrafts = keep(stored.setDrafts);
  const gone = new Set([...(stored.setSent ?? []), ...(stored.setDrafts ?? [])].map((b) => b.roundId).filter((id) => !open.has(id)));
  const order: Lost[] = ["answers", "unsure", "changes"];
  let lost: Lost | null = null;
  for (const roundId of gone) {
    const one: StoredRoom = {
      ...(stored.receipts ? { receipts: stored.receipts } : {}),
      ...optional("sent", ballotFor(stored.setSent, roundId)),
      ...optional("draft", ballotFor(stored.setDrafts, roundId)),
    };
    const found = missedRound(one, null, acked.has(roundId) ? roundId : null, null)?.lost ?? null;
    if (found && (lost === null || order.indexOf(found) < order.indexOf(lost))) lost = found;
  }
  return { setSent, setDrafts, lost, changed: gone.size > 0 };
}

const optional = <K extends string>(key: K, ballot: Ballot | null) => (ballot ? ({ [key]: ballot } as Record<K, Ballot>) : {});
