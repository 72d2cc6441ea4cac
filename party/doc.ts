/**
 * @module doc
 * The Yjs doc the projector and console sync: a projection of the room's persisted state (which
 * holds only aggregates) plus the facilitators' collaborative notes. The room server is the only
 * writer of the projection; facilitators may write notes; everyone else is read-only.
 *
 * Layout:
 * - map "live": "meta" → session metadata, "session" → {@link SessionState}
 * - text "notes:<domainId>" and "actions:<domainId>": collaborative notes and action items
 */
import * as Y from "yjs";
import type { RoomConfig } from "../core/api";
import type { DocMeta, NotesByDomain, SessionState } from "../core/session";

/** Transaction origin of the room's own writes, so observers can tell them from a client's. */
export const SERVER_ORIGIN = "candor-room";

/** What every screen may know about the session: no key hash, no secret. */
export function publicMeta(config: RoomConfig): DocMeta {
  return {
    title: config.title,
    joinCode: config.joinCode,
    facility: config.facility,
    facilities: config.facilities,
    templateId: config.template.id,
    templateVersion: config.template.version,
    domainIds: config.template.domains.map((d) => d.id),
    k: config.k,
    createdDay: config.createdDay,
  };
}

export function writeProjection(doc: Y.Doc, config: RoomConfig, session: SessionState): void {
  doc.transact(() => {
    const live = doc.getMap("live");
    live.set("meta", publicMeta(config));
    live.set("session", session);
  }, SERVER_ORIGIN);
}

/** Builds the doc a room starts from after a restart: the projection and the saved notes. */
export function buildDoc(config: RoomConfig, session: SessionState, notes: NotesByDomain): Y.Doc {
  const doc = new Y.Doc();
  writeProjection(doc, config, session);
  doc.transact(() => {
    for (const [domainId, n] of Object.entries(notes)) {
      if (n.notes) doc.getText(`notes:${domainId}`).insert(0, n.notes);
      if (n.actions) doc.getText(`actions:${domainId}`).insert(0, n.actions);
    }
  }, SERVER_ORIGIN);
  return doc;
}

export function readNotes(doc: Y.Doc, domainIds: readonly string[]): NotesByDomain {
  return Object.fromEntries(
    domainIds.map((id) => [id, { notes: doc.getText(`notes:${id}`).toString(), actions: doc.getText(`actions:${id}`).toString() }]),
  );
}

/**
 * True when the "live" map no longer equals what the room wrote: a facilitator's Yjs client
 * edited the projection. The room then rewrites it, so only notes are really collaborative.
 */
export function projectionTampered(doc: Y.Doc, config: RoomConfig, session: SessionState): boolean {
  const live = doc.getMap("live");
  return JSON.stringify(live.get("session")) !== JSON.stringify(session) ||
    JSON.stringify(live.get("meta")) !== JSON.stringify(publicMeta(config)) ||
    live.size !== 2;
}
