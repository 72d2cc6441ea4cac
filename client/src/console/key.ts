/**
 * @module console/key
 * The facilitator key (`#key=…`): sent only in the JSON hello and in Authorization headers, and
 * kept where a lost tab can't lose it:
 * - in the link's fragment, read once and taken out of the address bar (lib/fragment.ts);
 * - in this tab (sessionStorage), so a reload works even before the room has answered;
 * - on this device (localStorage, by room id) once the room has accepted it, so `/f/<roomId>`
 *   opens again without the link after the tab or the browser was closed. It stays until the
 *   session is deleted from this console, the room says the session is gone, or the room refuses
 *   it. A mistyped link therefore never replaces a good key kept on the device: only an accepted
 *   key is kept.
 * There is no other copy and no way to ask for the key again (docs/design.md §3.6: the room
 * keeps only its hash).
 */
import { useEffect, useState } from "preact/hooks";
import { MAX_RETENTION_DAYS } from "../../../core/api";
import { forgetFragmentSecret, onFragmentSecret, takeFragmentSecret } from "../lib/fragment";
import { keysWithPrefix, readJson, writeJson } from "../lib/storage";

const PREFIX = "candor:facilitator:";
const deviceKey = (roomId: string) => `${PREFIX}${roomId}`;
const DAY_MS = 86_400_000;
/**
 * No session outlives its longest retention, counted from its creation; the key was kept after
 * that, so an entry older than this belongs to a session that has erased itself (one spare day).
 */
const KEEP_AT_MOST_MS = (MAX_RETENTION_DAYS + 1) * DAY_MS;

interface Kept {
  key: string;
  /** When this device first kept it (ms): only to drop entries of sessions that can't exist any more. */
  since: number;
}

function readKept(roomId: string): Kept | null {
  const v = readJson("local", deviceKey(roomId)) as Partial<Kept> | null;
  return v && typeof v.key === "string" && typeof v.since === "number" ? { key: v.key, since: v.since } : null;
}

/** The key this device keeps for the room, if any. */
export const savedFacilitatorKey = (roomId: string): string | null => readKept(roomId)?.key ?? null;

/** The link's key, else this tab's, else this device's. */
export const takeFacilitatorKey = (roomId: string): string | null => takeFragmentSecret("key", roomId) ?? savedFacilitatorKey(roomId);

/** The room accepted `key`: keep it on this device (its first date stays). */
export function keepFacilitatorKey(roomId: string, key: string): void {
  if (readKept(roomId)?.key === key) return;
  writeJson("local", deviceKey(roomId), { key, since: Date.now() } satisfies Kept);
}

/**
 * Forgets the key in this tab and on this device. With `refused`, only where that key is held:
 * a refused key must not take a good one with it.
 */
export function forgetFacilitatorKey(roomId: string, refused?: string): void {
  forgetFragmentSecret("key", roomId, refused);
  if (refused === undefined || readKept(roomId)?.key === refused) writeJson("local", deviceKey(roomId), null);
}

/** Drops the keys of sessions that have erased themselves by now (their consoles were never opened again). */
export function pruneOldFacilitatorKeys(now = Date.now()): void {
  for (const name of keysWithPrefix("local", PREFIX)) {
    const kept = readKept(name.slice(PREFIX.length));
    if (!kept || now - kept.since > KEEP_AT_MOST_MS) writeJson("local", name, null);
  }
}

/** The console's key: as found when the page opened, then whatever full link is pasted into this tab. */
export function useFacilitatorKey(roomId: string): string | null {
  const [key, setKey] = useState(() => takeFacilitatorKey(roomId));
  useEffect(() => onFragmentSecret("key", roomId, setKey), [roomId]);
  return key;
}
