/**
 * @module api
 * Schemas of the HTTP API (DESIGN §7) and of the Worker → room calls behind it. The Worker and
 * the room both validate with these, so a change here is a change of contract on both sides.
 */
import { z } from "zod";
import { TemplateSchema } from "./template";

/**
 * Join codes are typed on phones: 6 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). 25^6 ≈ 2.4·10^8 codes; codes are only an address, the
 * facilitator's lock is what keeps strangers out.
 */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 6;
export const JoinCodeSchema = z
  .string()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), "not a join code"));

/** Room ids are 128-bit random, base64url: unguessable, safe in a path. */
export const RoomIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "not a room id");

export const MIN_K = 3;
export const DEFAULT_K = 5;
export const DEFAULT_RETENTION_DAYS = 30;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** `POST /api/rooms` body. */
export const CreateRoomBodySchema = z.strictObject({
  templateId: z.string().min(1).max(40),
  title: Text(120),
  /** The facility under review; domain 12 rates it first. */
  facility: Text(120).optional(),
  /** Today's domains, in the template's order; default: all. */
  domainIds: z
    .array(z.string().min(1).max(40))
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, "domain listed twice")
    .optional(),
  /** The other facilities of the referral network (domain 12), after the organizer's own. */
  facilities: z.array(Text(80)).max(8).optional(),
  /** The reveal threshold (DESIGN §3.4): default 5, never below 3. */
  k: z.number().int().min(MIN_K).max(20).default(DEFAULT_K),
  retentionDays: z.number().int().min(1).max(90).default(DEFAULT_RETENTION_DAYS),
});
export type CreateRoomBody = z.infer<typeof CreateRoomBodySchema>;

export const CreateRoomResponseSchema = z.strictObject({
  roomId: RoomIdSchema,
  joinCode: z.string(),
  joinUrl: z.string().url(),
  facilitatorKey: z.string(),
  facilitatorUrl: z.string().url(),
  projectorUrl: z.string().url(),
});
export type CreateRoomResponse = z.infer<typeof CreateRoomResponseSchema>;

/**
 * What a room holds about itself, written once at creation. `keyHash` is SHA-256 of the
 * facilitator key (never the key); `secret` signs participant tokens and write tickets so the
 * room can verify them after a restart without storing them.
 */
export const RoomConfigSchema = z.strictObject({
  roomId: RoomIdSchema,
  joinCode: z.string(),
  title: Text(120),
  facility: Text(120).nullable(),
  /** The organizer's own facility first, then the referral network (domain 12). */
  facilities: z.array(Text(120)).min(1),
  k: z.number().int().min(MIN_K),
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  secret: z.string().min(32),
  /** A snapshot of the template, cut to today's domains, so later template edits can't skew it. */
  template: TemplateSchema,
  /** Day only (YYYY-MM-DD): nothing finer than the day is kept (DESIGN §3.7, §5). */
  createdDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  expiresAt: z.number().int(),
});
export type RoomConfig = z.infer<typeof RoomConfigSchema>;

/** Worker → room (`POST /parties/main/:roomId`, authorised by the shared secret). */
export const RoomRequestSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("create"), config: RoomConfigSchema }),
  z.strictObject({ op: z.literal("summary"), key: z.string().max(200) }),
  z.strictObject({ op: z.literal("delete"), key: z.string().max(200) }),
]);
export type RoomRequest = z.infer<typeof RoomRequestSchema>;

/** Worker → join-code directory (`POST /parties/codes/:code`). */
export const CodeRequestSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("claim"), roomId: RoomIdSchema, title: Text(120), k: z.number().int().min(MIN_K), expiresAt: z.number().int() }),
  z.strictObject({ op: z.literal("lookup") }),
  z.strictObject({ op: z.literal("release"), roomId: RoomIdSchema }),
]);
export type CodeRequest = z.infer<typeof CodeRequestSchema>;

/** A phone learns k before it connects, so it can show the anonymity notice before it joins. */
export const JoinResponseSchema = z.strictObject({ roomId: RoomIdSchema, title: z.string(), k: z.number().int().min(MIN_K) });
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

/**
 * What the Worker embeds in the join link's page (`/j/:code`) as
 * `<script type="application/json" id="candor-join">`: the code's room and where browsers reach
 * PartyKit, i.e. `GET /api/join/:code` and `GET /api/config` in one, so the phone can show the
 * notice without a round trip of its own.
 */
export const PhoneBootSchema = JoinResponseSchema.extend({ partyUrl: z.url({ protocol: /^https?$/ }) });
export type PhoneBoot = z.infer<typeof PhoneBootSchema>;

/** Every API error body. `issues` lists validation problems when there are any. */
export interface ApiError {
  error: string;
  issues?: { path: string; message: string }[];
}

/** Header carrying the Worker ↔ PartyKit shared secret. */
export const PARTY_SECRET_HEADER = "x-candor-secret";
