/**
 * @module join
 * What finding and joining a room takes: the join code, the room id, and the join answer a phone
 * gets before it connects. Part of the HTTP API (core/api.ts re-exports every name here), kept in
 * a module of its own so a page that only joins, the phone, doesn't load the API's other schemas
 * and the community directory's template that they pull in (issue 13: the phone's first load is
 * counted in bytes).
 */
import * as z from "zod/mini";

/**
 * Join codes are typed on phones: 6 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). 25^6 ≈ 2.4·10^8 codes; codes are only an address, the
 * facilitator's lock is what keeps strangers out.
 */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 6;
export const JoinCodeSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) => s.toUpperCase().replace(/[\s-]/g, "")),
  ),
  z.string().check(z.regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), "not a join code")),
);

/** Room ids are 128-bit random, base64url: unguessable, safe in a path. */
export const RoomIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, "not a room id"));

export const MIN_K = 3;
/** The reveal threshold's floor (docs/design.md §3.4): no room has a smaller k. */
const K = z.number().check(z.int(), z.gte(MIN_K));

/** What the join-code book knows of the room behind a code (from its claim). */
export const CodeLookupSchema = z.strictObject({ roomId: RoomIdSchema, title: z.string(), k: K });
export type CodeLookup = z.infer<typeof CodeLookupSchema>;

/**
 * A phone learns k before it connects, so it can show the anonymity notice before it joins, and
 * whether joining is closed, so a latecomer learns that before reading a notice for nothing.
 */
export const JoinResponseSchema = z.extend(CodeLookupSchema, { joiningOpen: z.boolean() });
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

/**
 * What the Worker embeds in the join link's page (`/j/:code`) as
 * `<script type="application/json" id="candor-join">`: what `GET /api/join/:code` would answer,
 * so the phone can show the notice without a round trip of its own. (Rooms are at the page's own
 * origin, so nothing else is needed to open the socket.)
 */
export const PhoneBootSchema = JoinResponseSchema;
export type PhoneBoot = JoinResponse;
/** The id of that data block's element: the Worker writes it, the phone reads it. */
export const PHONE_BOOT_ID = "candor-join";
