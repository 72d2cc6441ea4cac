/**
 * @module phone/stored
 * What a phone keeps about a room, on the phone only (docs/design.md §3.1):
 * - the anonymous token (localStorage), so a reload or reconnect is the same participant and is
 *   not counted twice;
 * - the ballot of the open round: `sent` (what was submitted and must be re-sent after a
 *   reconnect) and `draft` (answers being edited), cleared as soon as the round is no longer open;
 * - in a self-paced set (docs/design.md §1.2), the same per open topic: `setSent` and `setDrafts`,
 *   one ballot per round id, each dropped as soon as its round is no longer open;
 * - whether the privacy notice was read;
 * - the room's receipts for this phone's ballots, by round (not the answers): a re-vote of a
 *   topic takes ballots only from phones that voted in its last shown round (docs/design.md §3.11);
 * - the chosen perspective in sessionStorage only, with the room's signature over it: both are
 *   re-sent in each hello (the room keeps perspectives in memory only; the signature shows it was
 *   given while joining was open) but should not outlive the browser tab on a possibly shared phone.
 */
import * as z from "zod/mini";
import { type Ballot, BallotSchema, type Perspective, PerspectiveSchema, SignatureSchema, TokenSchema } from "../../../core/protocol";
import { keysWithPrefix, readJson, readText, writeJson, writeText } from "../lib/storage";

const PREFIX = "candor:room:";
/** Rooms remembered at most; older entries are pruned so the phone doesn't collect them. */
const MAX_ROOMS = 8;
/** Receipts kept per room: one per round voted in; a session has a few dozen rounds at most. */
const MAX_RECEIPTS = 48;

export interface StoredRoom {
  token?: string;
  sent?: Ballot;
  draft?: Ballot;
  /** A self-paced set: the ballot submitted for each open topic (re-sent after a reconnect). */
  setSent?: Ballot[];
  /** A self-paced set: the answers being edited, per open topic. */
  setDrafts?: Ballot[];
  noticeSeen?: boolean;
  /** The room's receipt for this phone's ballot, by round id. */
  receipts?: Record<string, string>;
  /** Order of last use, for pruning; a counter, not a time (no timestamps are kept). */
  seq?: number;
}

/** One ballot per round of a set, at most as many as a set may have (core/protocol.ts). */
const SetSchema = z.array(BallotSchema).check(z.maxLength(64));

function parseRoom(raw: unknown): StoredRoom {
  if (typeof raw !== "object" || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const token = TokenSchema.safeParse(r.token);
  const sent = BallotSchema.safeParse(r.sent);
  const draft = BallotSchema.safeParse(r.draft);
  const setSent = SetSchema.safeParse(r.setSent);
  const setDrafts = SetSchema.safeParse(r.setDrafts);
  return {
    ...(token.success ? { token: token.data } : {}),
    ...(sent.success ? { sent: sent.data } : {}),
    ...(draft.success ? { draft: draft.data } : {}),
    ...(setSent.success && setSent.data.length > 0 ? { setSent: setSent.data } : {}),
    ...(setDrafts.success && setDrafts.data.length > 0 ? { setDrafts: setDrafts.data } : {}),
    ...(r.noticeSeen === true ? { noticeSeen: true } : {}),
    ...receiptsOf(r.receipts),
    ...(typeof r.seq === "number" ? { seq: r.seq } : {}),
  };
}

function receiptsOf(raw: unknown): { receipts?: Record<string, string> } {
  if (typeof raw !== "object" || raw === null) return {};
  const kept = Object.entries(raw).filter(
    ([roundId, sig]) => /^[A-Za-z0-9_.:#-]{1,64}$/.test(roundId) && SignatureSchema.safeParse(sig).success,
  );
  return kept.length ? { receipts: Object.fromEntries(kept.slice(-MAX_RECEIPTS)) } : {};
}

/** Keeps the room's receipt for this phone's ballot in `roundId`. */
export function saveReceipt(roomId: string, roundId: string, receipt: string): void {
  const receipts = { ...loadRoom(roomId).receipts };
  delete receipts[roundId]; // re-inserted last: pruning drops the oldest
  receipts[roundId] = receipt;
  saveRoom(roomId, { receipts: Object.fromEntries(Object.entries(receipts).slice(-MAX_RECEIPTS)) });
}

export function loadRoom(roomId: string): StoredRoom {
  return parseRoom(readJson("local", PREFIX + roomId));
}

export function saveRoom(roomId: string, patch: Partial<StoredRoom>): StoredRoom {
  const keys = keysWithPrefix("local", PREFIX);
  const seqs = keys.map((k) => parseRoom(readJson("local", k)).seq ?? 0);
  const next: StoredRoom = { ...loadRoom(roomId), ...patch, seq: Math.max(0, ...seqs) + 1 };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key as keyof StoredRoom];
  writeJson("local", PREFIX + roomId, next);
  prune(keys);
  return next;
}

export function forgetRoom(roomId: string): void {
  writeJson("local", PREFIX + roomId, null);
  writeText("session", `candor:perspective:${roomId}`, null);
  writeText("session", `candor:perspective-sig:${roomId}`, null);
}

function prune(keys: string[]): void {
  if (keys.length <= MAX_ROOMS) return;
  const bySeq = keys.map((k) => ({ k, seq: parseRoom(readJson("local", k)).seq ?? 0 })).sort((a, b) => a.seq - b.seq);
  for (const { k } of bySeq.slice(0, keys.length - MAX_ROOMS)) writeJson("local", k, null);
}

export function loadPerspective(roomId: string): Perspective | undefined {
  const parsed = PerspectiveSchema.safeParse(readText("session", `candor:perspective:${roomId}`));
  return parsed.success ? parsed.data : undefined;
}

export function savePerspective(roomId: string, perspective: Perspective): void {
  writeText("session", `candor:perspective:${roomId}`, perspective);
  writeText("session", `candor:perspective-sig:${roomId}`, null); // a new choice needs the room's word again
}

/** The room's signature over this tab's perspective, if it gave one. */
export function loadPerspectiveSig(roomId: string): string | undefined {
  const parsed = SignatureSchema.safeParse(readText("session", `candor:perspective-sig:${roomId}`));
  return parsed.success ? parsed.data : undefined;
}

export function savePerspectiveSig(roomId: string, sig: string): void {
  writeText("session", `candor:perspective-sig:${roomId}`, sig);
}

/** The room would not record the perspective (joining had closed): forget it, and its signature. */
export function forgetPerspective(roomId: string): void {
  writeText("session", `candor:perspective:${roomId}`, null);
  writeText("session", `candor:perspective-sig:${roomId}`, null);
}
