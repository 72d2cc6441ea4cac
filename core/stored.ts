/**
 * @module stored
 * How a room's state is laid out in Durable Object storage, and how older layouts are read.
 * Storage is a boundary like the network: every record is validated when read, carries the
 * layout version it was written in, and older versions are migrated here, in pure code, so a room
 * never fails to wake because a schema grew (docs/design.md §6.3).
 *
 * Nothing here can hold a ballot, a pass or a per-ballot time: SQLite-backed objects keep 30 days
 * of point-in-time recovery, so whatever is written is recoverable for that long (§3.1).
 *
 * Layout, version 4 (every value is `{ v: 4, value }`):
 * - `config`: the {@link RoomConfig}, written at creation and again when the facilitators change
 *   the facilities domain 12 rates (before it opens, core/facilities.ts)
 * - `session`: the {@link SessionState} without its domains
 * - `domain:<id>`: one {@link DomainState} per domain (rounds' aggregates, recorded consensus)
 * - `doc`: the Yjs doc as one update (the screens' projection, the facilitators' notes and the
 *   community directory), so a room that wakes from hibernation has the very doc its screens hold,
 *   not a look-alike. A doc stored before the directory gets it when the room wakes (the room adds
 *   the seed's tables, core/directory-doc.ts `ensureDirectory`); the record's layout is unchanged.
 *
 * Version 3 (2026-11-28): as 4, but the config's `facilities` is a bare list of names, the
 * organizer's own first (the facility under review, or the title standing in for it), read as
 * entries with the roles that layout gave them (core/facilities.ts `fromLegacyNames`); and the
 * session has no `openSet` (no self-paced set, §1.2: the one-topic flow, which is what an absent
 * `openSet` means), read as it is.
 *
 * Version 2 (2026-11-28): as 3, but no round carries `withheld` (the differencing rule, §3.11,
 * came with 3) and the session has no `headcount` (null when read); read as it is.
 *
 * Version 1 (the PartyKit era, values without `v`): `config`, `session` and `domain:<id>` as
 * above but bare, and `notes:<id>` = `{ notes, actions }` per domain instead of `doc`.
 */
import * as z from "zod/mini";
import { type RoomConfig, RoomConfigSchema } from "./api";
import { fromLegacyNames } from "./facilities";
import { NOTES_MAX } from "./limits";
import {
  type DomainState,
  DomainStateSchema,
  initialSession,
  type NotesByDomain,
  NotesSchema,
  type SessionState,
  SessionStateSchema,
} from "./session";

export const STORAGE_VERSION = 4;

export const DOC_KEY = "doc";
export const domainKey = (id: string): string => `domain:${id}`;
const LEGACY_NOTES_PREFIX = "notes:";

/** Every record this version writes. */
const envelope = <T>(value: T) => ({ v: STORAGE_VERSION, value });

/** A record's version: 1 for a bare value (the PartyKit era), else its `v`. */
function versionOf(raw: unknown): number | null {
  if (raw === null || typeof raw !== "object") return null;
  if (!("v" in raw)) return 1;
  const v = (raw as { v: unknown }).v;
  return typeof v === "number" && Number.isInteger(v) && v >= 1 ? v : null;
}

/**
 * The value of a record of any known version, in today's shape; throws a plain message otherwise.
 * `upgrade` turns an older layout's value (bare, for layout 1) into today's shape.
 */
function read<T>(key: string, raw: unknown, schema: z.ZodMiniType<T>, upgrade: (value: unknown, version: number) => unknown = (x) => x): T {
  const version = versionOf(raw);
  if (version === null) throw new Error(`${key}: not a stored record`);
  if (version > STORAGE_VERSION) throw new Error(`${key}: written by a newer version of Candor (layout ${version})`);
  const value = upgrade(version === 1 ? raw : (raw as { value: unknown }).value, version);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${key}: does not match layout ${version}`);
  return parsed.data;
}

const DocUpdateSchema = z.instanceof(Uint8Array);

/** Layouts 1–3 kept the config's facilities as names (see the layout notes above). */
function configFromV3(value: unknown, version: number): unknown {
  if (version > 3 || value === null || typeof value !== "object") return value;
  const old = value as { facilities?: unknown; facility?: unknown };
  const names = z.array(z.string()).safeParse(old.facilities);
  if (!names.success) return value; // the schema says what is wrong
  return { ...old, facilities: fromLegacyNames(names.data, typeof old.facility === "string" ? old.facility : null) };
}

export type LoadedRoom =
  /** Never created, or erased. */
  | { status: "absent" }
  /** Records exist but can't be read by this version: the room refuses politely, never crashes. */
  | { status: "unreadable"; reason: string }
  | {
      status: "ok";
      config: RoomConfig;
      session: SessionState;
      /** The stored Yjs doc, or null (layout 1, or a room that never saved one). */
      doc: Uint8Array | null;
      /** Layout 1's notes, to be put into the doc; empty from layout 2 on. */
      legacyNotes: NotesByDomain;
      /** True when any record was in an older layout: the room rewrites them all ({@link toRecords}). */
      migrated: boolean;
      /** Keys that only an older layout used, to delete once the room has rewritten its state. */
      obsoleteKeys: string[];
    };

/** Reads a room from all its storage records (`storage.list()`). Pure: no I/O, no trust. */
export function loadRoom(records: ReadonlyMap<string, unknown>): LoadedRoom {
  const rawConfig = records.get("config");
  if (rawConfig === undefined) return { status: "absent" };
  try {
    const config = read("config", rawConfig, RoomConfigSchema, configFromV3);
    const domainIds = config.template.domains.map((d) => d.id);
    const fresh = initialSession(domainIds);
    let migrated = versionOf(rawConfig) !== STORAGE_VERSION;
    const domains: Record<string, DomainState> = {};
    for (const id of domainIds) {
      const raw = records.get(domainKey(id));
      if (raw !== undefined && versionOf(raw) !== STORAGE_VERSION) migrated = true;
      domains[id] = raw === undefined ? fresh.domains[id]! : read(domainKey(id), raw, DomainStateSchema);
    }
    const rawHead = records.get("session");
    if (rawHead !== undefined && versionOf(rawHead) !== STORAGE_VERSION) migrated = true;
    const HeadSchema = z.omit(SessionStateSchema, { domains: true });
    // Layout 1 kept an empty `domains` in the head; the domains always came from their own records.
    const dropDomains = (bare: unknown, version: number) => {
      if (version !== 1) return bare;
      const { domains: _domains, ...rest } = bare as Record<string, unknown>;
      return rest;
    };
    const head = rawHead === undefined ? fresh : read("session", rawHead, HeadSchema, dropDomains);
    const session = SessionStateSchema.parse({ ...head, domains });
    const rawDoc = records.get(DOC_KEY);
    const doc = rawDoc === undefined ? null : read(DOC_KEY, rawDoc, DocUpdateSchema);
    const legacyNotes: NotesByDomain = {};
    const obsoleteKeys: string[] = [];
    for (const [key, raw] of records) {
      if (!key.startsWith(LEGACY_NOTES_PREFIX)) continue;
      obsoleteKeys.push(key);
      const id = key.slice(LEGACY_NOTES_PREFIX.length);
      if (!domainIds.includes(id)) continue;
      const notes = NotesSchema.safeParse({ [id]: raw });
      if (!notes.success) throw new Error(`${key}: does not match layout 1`);
      legacyNotes[id] = { notes: notes.data[id]!.notes.slice(0, NOTES_MAX), actions: notes.data[id]!.actions.slice(0, NOTES_MAX) };
    }
    if (obsoleteKeys.length > 0) migrated = true;
    return { status: "ok", config, session, doc, legacyNotes, migrated, obsoleteKeys };
  } catch (e) {
    return { status: "unreadable", reason: e instanceof Error ? e.message : "unreadable" };
  }
}

/**
 * The records that store `next`: the session head, and every domain whose state object is not
 * the one `previous` had (all of them when `previous` is null). Values are enveloped with the
 * current layout version.
 */
export function sessionRecords(previous: SessionState | null, next: SessionState): Record<string, unknown> {
  const { domains, ...head } = next;
  const entries: Record<string, unknown> = { session: envelope(head) };
  for (const [id, domain] of Object.entries(domains)) {
    if (previous?.domains[id] !== domain) entries[domainKey(id)] = envelope(domain);
  }
  return entries;
}

/** The config record, written once when the room is created. */
export const configRecord = (config: RoomConfig): Record<string, unknown> => ({ config: envelope(config) });

/** The doc record: the whole doc as one Yjs update. */
export const docRecord = (update: Uint8Array): Record<string, unknown> => ({ [DOC_KEY]: envelope(update) });

/** Everything a room stores, in the current layout (creation, or rewriting a migrated room). */
export const toRecords = (config: RoomConfig, session: SessionState): Record<string, unknown> => ({
  ...configRecord(config),
  ...sessionRecords(null, session),
});

// --- the join-code directory (one Durable Object per code) ------------------------------------

/** What a code's object stores under `entry` (layout 1: the bare value; 2: enveloped). */
export const CodeEntrySchema = z.strictObject({
  roomId: z.string(),
  title: z.string(),
  k: z.number().check(z.int()),
  expiresAt: z.number().check(z.int()),
});
export type CodeEntry = z.infer<typeof CodeEntrySchema>;
export const CODE_ENTRY_KEY = "entry";

/** The code's entry, null when there is none, or an error message when it can't be read. */
export function loadCodeEntry(raw: unknown): CodeEntry | null | { unreadable: string } {
  if (raw === undefined) return null;
  try {
    return read(CODE_ENTRY_KEY, raw, CodeEntrySchema);
  } catch (e) {
    return { unreadable: e instanceof Error ? e.message : "unreadable" };
  }
}

export const codeEntryRecord = (entry: CodeEntry): Record<string, unknown> => ({ [CODE_ENTRY_KEY]: envelope(entry) });
