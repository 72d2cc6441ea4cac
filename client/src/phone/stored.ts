/**
 * @module phone/stored
 * What a phone keeps about a room, on the phone only (docs/design.md §3.1):
 * - the anonymous token (localStorage), so a reload or reconnect is the same participant and is
 *   not counted twice;
 * - the ballot of the open round: `sent` (what was submitted and must be re-sent after a
 *   reconnect) and `draft` (answers being edited), cleared as soon as the round is no longer open;
 * - whether the privacy notice was read;
 * - the chosen perspective in sessionStorage only: it is re-sent in each hello (the room keeps it in
 *   memory) but should not outlive the browser tab on a possibly shared phone.
 */
import { type Ballot, BallotSchema, type Perspective, PerspectiveSchema, TokenSchema } from "../../../core/protocol";
import { keysWithPrefix, readJson, readText, writeJson, writeText } from "../lib/storage";

const PREFIX = "candor:room:";
/** Rooms remembered at most; older entries are pruned so the phone doesn't collect them. */
const MAX_ROOMS = 8;

export interface StoredRoom {
  token?: string;
  sent?: Ballot;
  draft?: Ballot;
  noticeSeen?: boolean;
  /** Order of last use, for pruning; a counter, not a time (no timestamps are kept). */
  seq?: number;
}

function parseRoom(raw: unknown): StoredRoom {
  if (typeof raw !== "object" || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const token = TokenSchema.safeParse(r.token);
  const sent = BallotSchema.safeParse(r.sent);
  const draft = BallotSchema.safeParse(r.draft);
  return {
    ...(token.success ? { token: token.data } : {}),
    ...(sent.success ? { sent: sent.data } : {}),
    ...(draft.success ? { draft: draft.data } : {}),
    ...(r.noticeSeen === true ? { noticeSeen: true } : {}),
    ...(typeof r.seq === "number" ? { seq: r.seq } : {}),
  };
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
}
