/**
 * @module storage
 * How a room lays its state out in Durable Object storage, whose values are capped at 128 KiB:
 * "config" (written once), "session" (the state without its domains), "domain:<id>" per domain
 * (round aggregates and the recorded consensus) and "notes:<id>" per domain. Notes are capped, so
 * no key can outgrow the cap however much a group writes. Every value read back is validated.
 */
import type * as Party from "partykit/server";
import { type RoomConfig, RoomConfigSchema } from "../core/api";
import {
  DomainStateSchema,
  initialSession,
  type NotesByDomain,
  NotesSchema,
  type SessionState,
  SessionStateSchema,
} from "../core/session";

/** Characters kept per notes or action-items field: 3 bytes each at most, 2 fields, well under 128 KiB. */
export const NOTES_MAX = 4000;

const capped = (text: string) => text.slice(0, NOTES_MAX);

export function capNotes(notes: NotesByDomain): NotesByDomain {
  return Object.fromEntries(Object.entries(notes).map(([id, n]) => [id, { notes: capped(n.notes), actions: capped(n.actions) }]));
}

export interface StoredRoom {
  config: RoomConfig;
  session: SessionState;
  notes: NotesByDomain;
}

export async function loadRoom(storage: Party.Storage): Promise<StoredRoom | null> {
  const all = await storage.list();
  const config = all.get("config");
  if (config === undefined) return null; // never created, or erased
  const parsedConfig = RoomConfigSchema.parse(config);
  const domainIds = parsedConfig.template.domains.map((d) => d.id);
  const head = all.get("session");
  const fresh = initialSession(domainIds);
  const domains = Object.fromEntries(
    domainIds.map((id) => {
      const stored = all.get(`domain:${id}`);
      return [id, stored === undefined ? fresh.domains[id]! : DomainStateSchema.parse(stored)];
    }),
  );
  const session = SessionStateSchema.parse({ ...(head ?? fresh), domains });
  const notes = NotesSchema.parse(Object.fromEntries(domainIds.flatMap((id) => (all.has(`notes:${id}`) ? [[id, all.get(`notes:${id}`)]] : []))));
  return { config: parsedConfig, session, notes };
}

/** Writes the session head and every domain whose state object changed since `previous`. */
export async function saveSession(storage: Party.Storage, previous: SessionState | null, next: SessionState): Promise<void> {
  const entries: Record<string, unknown> = { session: { ...next, domains: {} } };
  for (const [id, domain] of Object.entries(next.domains)) {
    if (previous?.domains[id] !== domain) entries[`domain:${id}`] = domain;
  }
  await storage.put(entries);
}

export async function saveNotes(storage: Party.Storage, notes: NotesByDomain): Promise<void> {
  const entries = Object.fromEntries(Object.entries(capNotes(notes)).map(([id, n]) => [`notes:${id}`, n]));
  if (Object.keys(entries).length > 0) await storage.put(entries);
}
