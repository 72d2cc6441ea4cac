/**
 * @module lib/fragment
 * Capabilities (the facilitator key, the projector's view ticket) arrive in the URL fragment,
 * which browsers never send to a server (docs/design.md §3.6). One is taken out of the address bar at once
 * (so it doesn't linger on screen or in a screenshot), kept in memory, and in sessionStorage so a
 * reload of this tab still works.
 */
import { readText, writeText } from "./storage";

const storageKey = (name: string, roomId: string) => `candor:${name}:${roomId}`;

export function takeFragmentSecret(name: string, roomId: string): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const fromHash = params.get(name);
  if (fromHash) {
    writeText("session", storageKey(name, roomId), fromHash);
    history.replaceState(history.state, "", location.pathname + location.search);
    return fromHash;
  }
  return readText("session", storageKey(name, roomId));
}

export function forgetFragmentSecret(name: string, roomId: string): void {
  writeText("session", storageKey(name, roomId), null);
}
