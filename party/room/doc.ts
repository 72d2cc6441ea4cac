/**
 * @module room/doc
 * The Yjs doc the projector and console sync: a projection of the room's stored state (which holds
 * only aggregates) plus the facilitators' collaborative notes. The room is the only writer of the
 * projection; facilitators may write notes; everyone else is read-only.
 *
 * Layout:
 * - map "live": "meta" → session metadata, "session" → {@link SessionState}
 * - text "notes:<domainId>" and "actions:<domainId>": collaborative notes and action items
 * - map "directory": the community directory the facilitators fill in (core/directory-doc.ts)
 *
 * The doc is stored whole (core/stored.ts `doc`), so a room that wakes or restarts has the very
 * doc its screens hold: the same items under the same client ids. A doc rebuilt from its text
 * instead would merge with a screen's copy into doubled notes.
 */
import * as Y from "yjs";
import type { RoomConfig } from "../../core/api";
import { sessionLanguage } from "../../core/languages";
import { facilityNames, facilityRoles } from "../../core/facilities";
import { clearDirectory, DIRECTORY_ROOT } from "../../core/directory-doc";
import { NOTES_MAX } from "../../core/limits";
import type { DocMeta, NotesByDomain, SessionState } from "../../core/session";

/** Transaction origin of the room's own writes, so observers can tell them from a client's. */
export const SERVER_ORIGIN = "candor-room";

const notesText = (doc: Y.Doc, domainId: string) => doc.getText(`notes:${domainId}`);
const actionsText = (doc: Y.Doc, domainId: string) => doc.getText(`actions:${domainId}`);

/** What every screen may know about the session: no key hash, no secret. */
export function publicMeta(config: RoomConfig): DocMeta {
  return {
    title: config.title,
    joinCode: config.joinCode,
    facility: config.facility,
    facilities: facilityNames(config.facilities),
    roles: facilityRoles(config.facilities),
    templateId: config.template.id,
    templateVersion: config.template.version,
    domainIds: config.template.domains.map((d) => d.id),
    k: config.k,
    createdDay: config.createdDay,
    lang: sessionLanguage(config),
  };
}

const PROJECTION_KEYS = new Set(["meta", "session"]);

export function writeProjection(doc: Y.Doc, config: RoomConfig, session: SessionState): void {
  doc.transact(() => {
    const live = doc.getMap("live");
    for (const key of [...live.keys()]) if (!PROJECTION_KEYS.has(key)) live.delete(key);
    live.set("meta", publicMeta(config));
    live.set("session", session);
  }, SERVER_ORIGIN);
}

/**
 * Top-level names in the doc that the room never made: only "live", each domain's notes and
 * action items, and the directory belong there. A client that adds others is misbehaving (Yjs can't remove a
 * top-level type once it exists, so the room closes that client's socket instead).
 */
export function strangeRoots(doc: Y.Doc, domainIds: readonly string[]): string[] {
  const allowed = new Set(["live", DIRECTORY_ROOT, ...domainIds.flatMap((id) => [`notes:${id}`, `actions:${id}`])]);
  return [...doc.share.keys()].filter((name) => !allowed.has(name));
}

/**
 * True when the "live" map is not what the room would write: a facilitator's client edited the
 * projection, or the stored doc is older than the stored session. The room then rewrites it.
 */
export function projectionStale(doc: Y.Doc, config: RoomConfig, session: SessionState): boolean {
  const live = doc.getMap("live");
  return (
    JSON.stringify(live.get("session")) !== JSON.stringify(session) ||
    JSON.stringify(live.get("meta")) !== JSON.stringify(publicMeta(config)) ||
    live.size !== 2
  );
}

/**
 * Puts a stored doc into `doc`. False when the update can't be applied (it is then left as it
 * was): the room rebuilds what it can from the session, and says so.
 */
export function restoreDoc(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    Y.applyUpdate(doc, update, SERVER_ORIGIN);
    return true;
  } catch {
    return false;
  }
}

/** Writes notes kept outside the doc (layout 1 of storage) into it, where they live from now on. */
export function insertNotes(doc: Y.Doc, notes: NotesByDomain): void {
  doc.transact(() => {
    for (const [domainId, n] of Object.entries(notes)) {
      if (n.notes) notesText(doc, domainId).insert(0, n.notes);
      if (n.actions) actionsText(doc, domainId).insert(0, n.actions);
    }
  }, SERVER_ORIGIN);
}

/**
 * Puts a topic's notes or action items given in a `record` command into the doc, which is the one
 * place the summary reads them from, so a client without the doc (an API caller, a script) still
 * has its words kept. Nothing in the doc is ever deleted for them: into an empty text they go as
 * they are; a text that already holds them is left alone; else they are added after what the
 * facilitators typed, on a line of their own.
 */
export function addRecordedNotes(doc: Y.Doc, domainId: string, given: { notes?: string; actions?: string }): void {
  doc.transact(() => {
    for (const [text, value] of [
      [notesText(doc, domainId), given.notes],
      [actionsText(doc, domainId), given.actions],
    ] as const) {
      const words = value?.trim();
      if (!words) continue;
      const current = text.toString();
      if (current.includes(words)) continue;
      text.insert(text.length, current.trim() ? `${current.endsWith("\n") ? "" : "\n"}${words}` : words);
    }
  }, SERVER_ORIGIN);
}

export function readNotes(doc: Y.Doc, domainIds: readonly string[]): NotesByDomain {
  return Object.fromEntries(
    domainIds.map((id) => [id, { notes: notesText(doc, id).toString(), actions: actionsText(doc, id).toString() }]),
  );
}

/**
 * Cuts every notes and action-items text to {@link NOTES_MAX} characters, so the doc (stored
 * whole, and sent whole to every screen that connects) stays small however much is pasted in.
 * Returns true when it cut anything.
 */
export function capNotes(doc: Y.Doc, domainIds: readonly string[]): boolean {
  let cut = false;
  doc.transact(() => {
    for (const id of domainIds) {
      for (const text of [notesText(doc, id), actionsText(doc, id)]) {
        if (text.length > NOTES_MAX) {
          text.delete(NOTES_MAX, text.length - NOTES_MAX);
          cut = true;
        }
      }
    }
  }, SERVER_ORIGIN);
  return cut;
}

/** Empties the doc in memory (the room was erased): screens still connected see nothing remain. */
export function clearDoc(doc: Y.Doc, domainIds: readonly string[]): void {
  doc.transact(() => {
    doc.getMap("live").clear();
    for (const id of domainIds) {
      notesText(doc, id).delete(0, notesText(doc, id).length);
      actionsText(doc, id).delete(0, actionsText(doc, id).length);
    }
    clearDirectory(doc, SERVER_ORIGIN);
  }, SERVER_ORIGIN);
}
