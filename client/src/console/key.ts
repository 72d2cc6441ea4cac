/**
 * @module console/key
 * The facilitator key arrives in the URL fragment (`#key=…`), which browsers never send to a
 * server (DESIGN §3.6). It is taken out of the address bar at once (so it doesn't linger on
 * screen, in a screenshot or a shared screen), kept in memory, and in sessionStorage so a reload
 * of this tab still works. It is sent only in the JSON hello and in Authorization headers.
 */
import { readText, writeText } from "../lib/storage";

const storageKey = (roomId: string) => `candor:key:${roomId}`;

export function takeFacilitatorKey(roomId: string): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const fromHash = params.get("key");
  if (fromHash) {
    writeText("session", storageKey(roomId), fromHash);
    history.replaceState(history.state, "", location.pathname + location.search);
    return fromHash;
  }
  return readText("session", storageKey(roomId));
}

export function forgetFacilitatorKey(roomId: string): void {
  writeText("session", storageKey(roomId), null);
}
