/**
 * @module console/shortcuts
 * The console's keyboard shortcuts, for a facilitator presenting from a laptop: each key, what it
 * does, and whether it can now. Keys act only when no field has the focus (typing notes never
 * triggers one) and no modifier is held (the browser's own shortcuts stay theirs).
 */
import { useEffect, useRef } from "preact/hooks";
import type { DocMeta, SessionState } from "../../../core/session";
import type { MessageKey } from "../i18n";

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it (letters in lower case). */
  keys: string[];
  /** What the help shows for the keys, e.g. "R" or "→ / ]". */
  label: string;
  does: MessageKey;
  /** Runs it; returns false when it can't be done now (nothing happens then). */
  run: () => boolean;
}

/** The topic `step` places from the one on screen, in the session's order (null at either end). */
export function adjacentTopic(meta: DocMeta, session: SessionState, step: 1 | -1): string | null {
  const ids = meta.domainIds;
  const at = session.domainId ? ids.indexOf(session.domainId) : step === 1 ? -1 : ids.length;
  return ids[at + step] ?? null;
}

/** A field, or a control that uses these keys itself, has the focus. */
const typingIn = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function useShortcuts(shortcuts: Shortcut[]): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const shortcut = current.current.find((s) => s.keys.includes(key));
      if (shortcut?.run()) e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
