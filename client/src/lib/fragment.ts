/**
 * @module lib/fragment
 * Capabilities (the facilitator key, the projector's view ticket) arrive in the URL fragment,
 * which browsers never send to a server (docs/design.md §3.6). One is taken out of the address bar at once
 * (so it doesn't linger on screen, in a screenshot or in the history), kept in memory, and in
 * sessionStorage so a reload of this tab still works. The console keeps its key longer, on the
 * device (console/key.ts).
 */
import { readText, writeText } from "./storage";

const storageKey = (name: string, roomId: string) => `candor:${name}:${roomId}`;

/**
 * The value of `name` in the fragment, if it is there: taken out of the address bar (the rest of
 * the fragment goes with it) and kept in this tab.
 */
export function readFragmentSecret(name: string, roomId: string): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const fromHash = params.get(name);
  if (!fromHash) return null;
  writeText("session", storageKey(name, roomId), fromHash);
  history.replaceState(history.state, "", location.pathname + location.search);
  return fromHash;
}

/** The secret from the fragment, else the one this tab kept. */
export function takeFragmentSecret(name: string, roomId: string): string | null {
  return readFragmentSecret(name, roomId) ?? readText("session", storageKey(name, roomId));
}

/** Forgets this tab's copy; with `only`, just if it is that value (a newer one stays). */
export function forgetFragmentSecret(name: string, roomId: string, only?: string): void {
  const key = storageKey(name, roomId);
  if (only === undefined || readText("session", key) === only) writeText("session", key, null);
}

/**
 * Calls `onSecret` whenever a link with `name` in its fragment is opened in this very page: a
 * full link pasted into the address bar of an open tab changes only the fragment, so the page
 * isn't loaded again and only `hashchange` tells. Returns the unsubscribe function.
 */
export function onFragmentSecret(name: string, roomId: string, onSecret: (secret: string) => void): () => void {
  const listener = () => {
    const secret = readFragmentSecret(name, roomId);
    if (secret) onSecret(secret);
  };
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}
