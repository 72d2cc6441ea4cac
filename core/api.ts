/**
 * @module api
 * Schemas of the HTTP API (docs/design.md §7) and of the Worker → room calls behind it. The Worker and
 * the room both validate with these, so a change here is a change of contract on both sides.
 */
import * as z from "zod/mini";
import { FacilityListSchema, StoredFacilityListSchema } from "./facilities";
import { FACILITY_NAME_MAX, TITLE_MAX } from "./limits";
import { type Directory, DirectorySchema } from "./directory";
import type { ApiErrorCode } from "./refusals";
import { LanguageSchema } from "./protocol";
import { MIN_K, RoomIdSchema } from "./join";
import { TemplateSchema } from "./template";

// What a page needs to find and join a room lives in ./join.ts, so a page that only joins (the
// phone) doesn't carry this module's other schemas and the directory template they pull in. Its
// names are this module's too: the contract is one.
export {
  type CodeLookup,
  CodeLookupSchema,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinCodeSchema,
  type JoinResponse,
  JoinResponseSchema,
  MIN_K,
  PHONE_BOOT_ID,
  type PhoneBoot,
  PhoneBootSchema,
  RoomIdSchema,
} from "./join";

export const DEFAULT_K = 5;
/** Above 20 a small workshop could never reveal anything. */
export const MAX_K = 20;
export const MAX_RETENTION_DAYS = 90;
export const DEFAULT_RETENTION_DAYS = 30;

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const Int = z.number().check(z.int());
const K = z.number().check(z.int(), z.gte(MIN_K));

/** `POST /api/rooms` body. */
export const CreateRoomBodySchema = z.strictObject({
  templateId: z.string().check(z.minLength(1), z.maxLength(40)),
  title: Text(TITLE_MAX),
  /** The facility under review: what domains 1–11 assess (absent: none named). */
  facility: z.optional(Text(FACILITY_NAME_MAX)),
  /** Today's domains, in the template's order; default: all. */
  domainIds: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(40))).check(
      z.minLength(1),
      z.maxLength(50),
      z.refine((ids) => new Set(ids).size === ids.length, "topic listed twice"),
    ),
  ),
  /**
   * The facilities domain 12 rates, in order, with their roles (core/facilities.ts); the console can
   * change them until domain 12 opens. Absent: none yet.
   */
  facilities: z.optional(FacilityListSchema),
  /** The reveal threshold (docs/design.md §3.4): default 5, never below 3. */
  k: z._default(z.number().check(z.int(), z.gte(MIN_K), z.lte(MAX_K)), DEFAULT_K),
  retentionDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(MAX_RETENTION_DAYS)), DEFAULT_RETENTION_DAYS),
  /**
   * The community directory to start from (read in the browser from an earlier summary file);
   * default: Section V's tables with their pre-filled rows. Organizations only (docs/privacy.md).
   */
  directory: z.optional(DirectorySchema),
  /** The session's language (projector, console, the report's default); phones choose their own. Default English. */
  lang: z._default(LanguageSchema, "en"),
});
export type CreateRoomBody = z.infer<typeof CreateRoomBodySchema>;

export const CreateRoomResponseSchema = z.strictObject({
  roomId: RoomIdSchema,
  joinCode: z.string(),
  joinUrl: z.url(),
  facilitatorKey: z.string(),
  facilitatorUrl: z.url(),
  projectorUrl: z.url(),
  /** When the room erases itself (epoch ms, to the hour): the organizer's last day to download. */
  expiresAt: Int,
});
export type CreateRoomResponse = z.infer<typeof CreateRoomResponseSchema>;

/**
 * What a room holds about itself, written at creation (only `facilities` changes later). `keyHash` is SHA-256 of the
 * facilitator key (never the key); `secret` signs participant tokens and write tickets so the
 * room can verify them after a restart without storing them.
 */
export const RoomConfigSchema = z.strictObject({
  roomId: RoomIdSchema,
  joinCode: z.string(),
  title: Text(TITLE_MAX),
  facility: z.nullable(Text(FACILITY_NAME_MAX)),
  /**
   * The facilities the per-facility topic (domain 12) rates, with their roles: explicit, never
   * derived from the title. The one part of the config that changes after creation: the console
   * may set it until that topic opens (core/facilities.ts).
   */
  facilities: StoredFacilityListSchema,
  k: K,
  keyHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  secret: z.string().check(z.minLength(32)),
  /** A snapshot of the template, cut to today's domains, so later template edits can't skew it. */
  template: TemplateSchema,
  /** Day only (YYYY-MM-DD): nothing finer than the day is kept (docs/design.md §3.7, §5). */
  createdDay: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  expiresAt: Int,
  /**
   * The session's language (issue 13), set at creation and changed by the console's "language"
   * command. Absent from rooms created before it: read as English (core/languages.ts `sessionLanguage`).
   */
  lang: z.optional(LanguageSchema),
});
export type RoomConfig = z.infer<typeof RoomConfigSchema>;

/**
 * The Worker's calls into a room (Durable Object RPC on the room's stub, docs/design.md §6). Each
 * answers with a {@link RoomAnswer}: a value, or a refusal the Worker turns into an HTTP error.
 * The room validates every argument, and the Worker validates every answer: RPC crosses a
 * boundary like HTTP does, and a deploy may briefly put two versions on either side of it.
 */
export type RoomAnswer<T> = { ok: true; value: T } | { ok: false; refusal: RoomRefusal };
/** Why a room refused: no such room (never created, erased, expired), wrong key, or other trouble. */
export const RoomRefusalSchema = z.enum(["no-room", "wrong-key", "exists", "invalid", "unreadable"]);
export type RoomRefusal = z.infer<typeof RoomRefusalSchema>;
export const roomAnswerSchema = <T extends z.core.$ZodType>(value: T) =>
  z.discriminatedUnion("ok", [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), refusal: RoomRefusalSchema }),
  ]);

/** A facilitator key as the Worker passes it on (the room compares its SHA-256 with the stored hash). */
export const KeySchema = z.string().check(z.minLength(1), z.maxLength(200));

/** What a room answers to the Worker: the calls behind `POST /api/rooms`, the summary, `DELETE`. */
export interface RoomRpc {
  /**
   * Stores the config of a new room (its key's hash, never the key). A repeated create is fine.
   * `directory`: the community directory the room's doc starts with (default: the seed's).
   */
  create(config: RoomConfig, directory?: Directory): Promise<RoomAnswer<null>>;
  /** What the summary is built from: the public config, the session, the notes (key checked). */
  summary(key: string): Promise<RoomAnswer<unknown>>;
  /** The room's join code (key checked): the Worker frees it before erasing the room. */
  joinCode(key: string): Promise<RoomAnswer<string>>;
  /** Erases everything the room stored and closes its sockets (key checked). */
  erase(key: string): Promise<RoomAnswer<null>>;
  /** The template snapshot the room was created with, for phones and screens. */
  template(): Promise<RoomAnswer<unknown>>;
  /** Whether the room still takes newcomers ({@link Door}), for the join answer. */
  door(): Promise<RoomAnswer<unknown>>;
}

/** A code's claim: which room, and what a phone must know before it joins (title, k). */
export const CodeClaimSchema = z.strictObject({
  roomId: RoomIdSchema,
  title: Text(TITLE_MAX),
  k: K,
  expiresAt: Int,
});
export type CodeClaim = z.infer<typeof CodeClaimSchema>;

/** The join-code directory (one tiny Durable Object per code, named by the code). */
export interface CodeRpc {
  /** Claims the code for a room until `expiresAt`; false when another room holds it. */
  claim(claim: CodeClaim): Promise<boolean>;
  /** The room behind the code, or null (unknown or expired). Validated by the Worker. */
  lookup(): Promise<unknown>;
  /** Frees the code if `roomId` holds it. */
  release(roomId: string): Promise<void>;
}

/** What a room tells a phone at its door: whether it still takes newcomers (not locked, not ended). */
export const DoorSchema = z.strictObject({ open: z.boolean() });
export type Door = z.infer<typeof DoorSchema>;

/** `GET /api/templates`: the catalogue, for the create form. */
export const TemplateListSchema = z.array(
  z.strictObject({ id: z.string(), title: z.string(), domains: z.number().check(z.int(), z.gte(1)), version: z.string() }),
);
export type TemplateList = z.infer<typeof TemplateListSchema>;

/**
 * Every API error body. `code` says why (core/refusals.ts API_ERROR_CODES), and a page words it
 * from its catalogue; `error` is the same in developers' English. `issues` lists validation
 * problems when there are any: a page words them by `path` (the field), never by zod's `message`.
 */
export interface ApiError {
  error: string;
  code: ApiErrorCode;
  issues?: { path: string; message: string }[];
}
