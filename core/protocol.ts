/**
 * @module protocol
 * The wire protocol of a room's JSON socket, shared by the phone, the projector, the console and
 * the room server. Nothing else in the project calls `JSON.parse` on network input: every frame
 * goes through {@link parseClientMessage} / {@link parseServerMessage}, and senders validate what
 * they send with {@link encode}.
 *
 * Ballots travel only here, never on the Yjs socket (docs/design.md §3.5, §6).
 */
import * as z from "zod/mini";
import { FacilityListSchema, FacilityRolesSchema, NOT_AVAILABLE } from "./facilities";
import { LANGUAGES } from "./languages";
import { NOTES_MAX } from "./limits";
import { REFUSAL_REASONS } from "./refusals";
import { IdSchema } from "./template";

/** Frames larger than this are refused before parsing (issue 3: > 16 KB). */
export const MAX_FRAME_BYTES = 16 * 1024;

/** The room closes a socket with this when its session does not exist (never created, erased, expired). */
export const CLOSE_GONE = 4404;
/** The room closes a Yjs socket with this when its ticket is missing or wrong ("this link is incomplete"). */
export const CLOSE_NO_TICKET = 4403;
/** The room's stored state can't be read by the version running now (a rollback, say): try again later. */
export const CLOSE_UNREADABLE = 4503;
/** What a phone sends to keep its socket alive; the platform answers {@link PONG_FRAME} without waking the room. */
export const PING_FRAME = '{"t":"ping"}';
export const PONG_FRAME = '{"t":"pong"}';

export const PERSPECTIVES = ["clinical", "administration", "support", "external", "lived-experience", "prefer-not"] as const;
export const PerspectiveSchema = z.enum(PERSPECTIVES);
/** One of the languages Candor speaks (core/languages.ts): the session's, for the projector, console and report. */
export const LanguageSchema = z.enum(LANGUAGES);
export type Perspective = z.infer<typeof PerspectiveSchema>;

const Ref = z.string().check(z.regex(/^[A-Za-z0-9_.:#-]{1,64}$/));
/** A signed anonymous participant token: `<nonce>.<hmac>`, both base64url. */
export const TokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}$/));
/** The room's signature over something it vouches for (a pass's perspective, a ballot's round): base64url. */
export const SignatureSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));
const Count = z.number().check(z.int(), z.gte(0));
/** The reveal threshold k, never below 3 (docs/design.md §3.4). */
const K = z.number().check(z.int(), z.gte(3));
export const AnswerSchema = z.enum(["yes", "no", "na"]);
export type Answer = z.infer<typeof AnswerSchema>;
/** A rating: a scale point 1..K, "dk" (don't know) or, on AAAQ, "na" (service not available). */
export const RatingValueSchema = z.union([z.number().check(z.int(), z.gte(1), z.lte(9)), z.literal("dk"), z.literal("na")]);
export type RatingValue = z.infer<typeof RatingValueSchema>;

/**
 * One person's answers for one round. Lives in the room server's memory and on the phone only.
 * `ratings` has one entry for ordinary domains (key "domain") and one per facility index
 * ("0", "1", …) for per-facility domains (AAAQ).
 * @example {"roundId":"safety#1","answers":{"safety.1":"yes"},"ratings":{"domain":4}}
 */
/** A rating's key: "domain", or a facility's index on per-facility domains. */
const RatingKey = z.string().check(z.regex(/^(domain|[0-9]{1,2})$/));

export const BallotSchema = z.strictObject({
  roundId: Ref,
  /**
   * In a re-vote (LiveState `revoteOf`): the receipt the room gave this pass for its ballot in the
   * round being re-voted. Only passes that voted then may vote again (docs/design.md §3.11).
   */
  receipt: z.optional(SignatureSchema),
  // Keys are template ids, so "__proto__" and friends can never be one.
  answers: z.record(IdSchema, AnswerSchema).check(z.refine((a) => Object.keys(a).length <= 64, "too many answers")),
  ratings: z.record(RatingKey, RatingValueSchema).check(z.refine((r) => Object.keys(r).length <= 20, "too many ratings")),
});
export type Ballot = z.infer<typeof BallotSchema>;

// ---- facilitator commands -------------------------------------------------------------------

export const ConsensusEntrySchema = z.strictObject({
  /**
   * The group's recorded value on the domain's scale, null for "no consensus reached", or
   * "not-available" (the seed's N/A on AAAQ: "Service not available"; only on a scale that has it).
   */
  value: z.nullable(z.union([z.number().check(z.int(), z.gte(1), z.lte(9)), z.literal(NOT_AVAILABLE)])),
});

export const CommandSchema = z.discriminatedUnion("op", [
  /** Open voting on a domain; a domain that already has rounds gets a new, empty round. */
  z.strictObject({ op: z.literal("open"), domainId: Ref }),
  /**
   * Open a self-paced set (docs/design.md §1.2): each listed topic collects ballots for its own
   * next round at once, and each participant answers them in any order. "close" closes them all.
   */
  z.strictObject({ op: z.literal("open-set"), domainIds: z.array(Ref).check(z.minLength(1), z.maxLength(64)) }),
  /** Freeze the open round's ballots, compute the aggregate, reveal it (if ≥ k), drop ballots. */
  z.strictObject({ op: z.literal("close") }),
  /** Take back an open round no ballot has reached yet, as if it had never been opened (a mistaken open). */
  z.strictObject({ op: z.literal("cancel") }),
  /** Start a new round on the current (revealed) domain after discussion (Delphi). */
  z.strictObject({ op: z.literal("new-round") }),
  /** Show an earlier domain's results without opening voting ("go back"). */
  z.strictObject({ op: z.literal("show"), domainId: Ref }),
  /** Record the group's consensus: one entry per facility for per-facility domains. */
  z.strictObject({
    op: z.literal("record"),
    domainId: Ref,
    consensus: z.record(RatingKey, ConsensusEntrySchema),
    notes: z.optional(z.string().check(z.maxLength(NOTES_MAX))),
    actions: z.optional(z.string().check(z.maxLength(NOTES_MAX))),
  }),
  z.strictObject({ op: z.literal("skip"), domainId: Ref }),
  /** The group's decision that a topic needs improvement (true), does not (false), or undecided (null). */
  z.strictObject({ op: z.literal("mark"), domainId: Ref, improve: z.nullable(z.boolean()) }),
  z.strictObject({ op: z.literal("lock"), locked: z.boolean() }),
  z.strictObject({ op: z.literal("auto-close"), enabled: z.boolean() }),
  /** Start (seconds) or clear (null) a countdown for the open round; at zero the round closes. */
  z.strictObject({ op: z.literal("timer"), seconds: z.nullable(z.number().check(z.int(), z.gte(10), z.lte(3600))) }),
  z.strictObject({ op: z.literal("end") }),
  /**
   * Set the facilities the per-facility topic (domain 12) rates, with their roles; refused once
   * that topic has opened a round (core/facilities.ts).
   */
  z.strictObject({ op: z.literal("facilities"), facilities: FacilityListSchema }),
  /**
   * The facilitator's head-count of the people in the room (null: not counted). Passes issued
   * beyond it are shown as a warning before a reveal (docs/design.md §3.2): each pass can vote.
   */
  z.strictObject({ op: z.literal("headcount"), count: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(100_000))) }),
  /**
   * The session's language: what the projector and every console show, and the report's default
   * (issue 13). Phones keep their own. Allowed at any time, even after the end.
   */
  z.strictObject({ op: z.literal("language"), lang: LanguageSchema }),
]);
export type Command = z.infer<typeof CommandSchema>;

// ---- client → server ------------------------------------------------------------------------

/**
 * First frame of a phone. Without a token the room issues one (unless joining is locked).
 * After a reconnect or restart the phone re-sends its token and its ballot for the open round.
 * @example {"t":"hello","role":"phone","token":"…","perspective":"clinical","ballot":{…}}
 */
const HelloPhoneSchema = z.strictObject({
  t: z.literal("hello"),
  role: z.literal("phone"),
  token: z.optional(TokenSchema),
  perspective: z.optional(PerspectiveSchema),
  /**
   * The room's signature over this pass's perspective, from an earlier welcome: proof that the
   * perspective was given while joining was open, so it still counts after a lock or a restart.
   */
  perspectiveSig: z.optional(SignatureSchema),
  ballot: z.optional(BallotSchema),
});
/** The projector: a read-only screen that receives live counts. */
const HelloScreenSchema = z.strictObject({ t: z.literal("hello"), role: z.literal("screen") });
/** The console: the facilitator key comes from the URL fragment, never a query string. */
const HelloFacilitatorSchema = z.strictObject({
  t: z.literal("hello"),
  role: z.literal("facilitator"),
  key: z.string().check(z.minLength(20), z.maxLength(100)),
});

/**
 * The first message of a projector's or console's Yjs socket (sent as y-partyserver's custom
 * message, `__YPS:` + this JSON): its ticket. Tickets never ride in the socket's URL, where proxies
 * and platform logs may keep them; until this arrives the socket gets nothing of the doc.
 */
export const YjsTicketSchema = z.strictObject({ t: z.literal("ticket"), ticket: z.string().check(z.minLength(1), z.maxLength(200)) });
export type YjsTicket = z.infer<typeof YjsTicketSchema>;
/** y-partyserver's prefix of a custom (text) message on its socket. */
export const YJS_CUSTOM_PREFIX = "__YPS:";

/**
 * Room → console, on the Yjs socket of a facilitator after each save of the doc: the state vector
 * (base64) of what is now durably stored. The console compares it with its own doc to say
 * "saving…" or "saved" truthfully (docs/design.md §6.3).
 */
export const YjsSavedSchema = z.strictObject({ t: z.literal("saved"), sv: z.string().check(z.maxLength(64 * 1024)) });
export type YjsSaved = z.infer<typeof YjsSavedSchema>;

const BallotFrameSchema = z.strictObject({ t: z.literal("ballot"), ballot: BallotSchema });
const PingFrameSchema = z.strictObject({ t: z.literal("ping") });

export const ClientMessageSchema = z.discriminatedUnion("t", [
  // zod refuses duplicate discriminator values, so the three hellos are a union of their own.
  z.discriminatedUnion("role", [HelloPhoneSchema, HelloScreenSchema, HelloFacilitatorSchema]),
  BallotFrameSchema,
  z.strictObject({ t: z.literal("cmd"), id: Ref, cmd: CommandSchema }),
  PingFrameSchema,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/**
 * What a phone may send: the same frames as above, without the screens' and facilitators' (a phone
 * sends no command). The phone validates its frames with this, so its page carries no command schema.
 */
export const PhoneMessageSchema = z.discriminatedUnion("t", [HelloPhoneSchema, BallotFrameSchema, PingFrameSchema]);

// ---- server → client ------------------------------------------------------------------------

export const PhaseSchema = z.enum(["lobby", "open", "revealed", "ended"]);
export type Phase = z.infer<typeof PhaseSchema>;

/** One open round of a self-paced set, as every connection may see it: its ids and its count. */
export const OpenTopicSchema = z.strictObject({
  domainId: Ref,
  roundId: Ref,
  voted: Count,
  revoteOf: z.nullable(Ref),
});
export type OpenTopic = z.infer<typeof OpenTopicSchema>;

/**
 * The live state every connection may see. It carries counts, never values: while a round is
 * open nobody, the facilitator included, learns anything but "x of N have voted".
 */
export const LiveStateSchema = z.strictObject({
  phase: PhaseSchema,
  domainId: z.nullable(Ref),
  roundId: z.nullable(Ref),
  round: Count,
  joined: Count,
  /**
   * The N of "x of N have voted": passes whose phone is connected now, or was until a moment ago
   * (a brief drop doesn't count as leaving), or whose ballot is in the open round (docs/design.md
   * §3.3). A count only, like every figure here.
   */
  present: Count,
  voted: Count,
  locked: z.boolean(),
  autoClose: z.boolean(),
  /** Epoch ms when the round's countdown ends, or null. */
  deadline: z.nullable(z.number()),
  k: K,
  /**
   * When the open round re-votes a topic whose result was shown: the round id it re-votes. Only
   * passes with a receipt for that round may vote (docs/design.md §3.11). Null otherwise.
   */
  revoteOf: z._default(z.nullable(Ref), null),
  /**
   * A self-paced set's open rounds (phase "open", domainId and roundId null), in the facilitator's
   * order: each one's "x have voted" and the round it re-votes, as above but per topic. Empty
   * otherwise.
   */
  set: z._default(z.array(OpenTopicSchema).check(z.maxLength(64)), []),
});
export type LiveState = z.infer<typeof LiveStateSchema>;

/** What a phone needs to render the session: which template, which facilities, which k. */
export const SessionMetaSchema = z.strictObject({
  title: z.string(),
  templateId: z.string(),
  domainIds: z.array(z.string()),
  facilities: z.array(z.string()),
  /** Which of `facilities` is yours and which is under review (absent from rooms before roles). */
  roles: z.optional(FacilityRolesSchema),
  k: K,
  /** The session's language (core/languages.ts): the projector's and consoles'; phones choose their own. */
  lang: LanguageSchema,
});
export type SessionMeta = z.infer<typeof SessionMetaSchema>;

export const ErrorCodeSchema = z.enum([
  "bad-message",
  "too-large",
  "rate-limited",
  "not-joined",
  "bad-token",
  "locked",
  "round-closed",
  "wrong-round",
  "bad-ballot",
  "full",
  "forbidden",
  "bad-command",
  "ended",
  "gone",
  /** The room could not save a change (nothing changed; try again). */
  "unavailable",
  /** A re-vote takes ballots only from passes that voted in the round it re-votes. */
  "not-in-earlier-round",
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ServerMessageSchema = z.discriminatedUnion("t", [
  z.strictObject({
    t: z.literal("welcome"),
    role: z.enum(["phone", "screen", "facilitator"]),
    /** Phones only: the anonymous token to keep (localStorage) and re-send after a reconnect. */
    token: z.optional(TokenSchema),
    /** Phones only: whether the ballot sent in hello was accepted for the open round. */
    ballotAccepted: z.optional(z.boolean()),
    /** Phones only, with an accepted ballot: its receipt (see the "ack" message). */
    receipt: z.optional(SignatureSchema),
    /** Phones only: the room's signature over the perspective it recorded for this pass. */
    perspectiveSig: z.optional(SignatureSchema),
    /**
     * Phones only: the hello carried a perspective the room could not record, because joining is
     * closed and the pass had none signed before. The phone forgets it.
     */
    perspectiveRefused: z.optional(z.literal(true)),
    /** Facilitators only: a time-limited ticket that makes their Yjs connection writable. */
    writeTicket: z.optional(z.string()),
    /** Facilitators only: the projector's view ticket, for the projector link they hand on. */
    viewTicket: z.optional(z.string()),
    meta: SessionMetaSchema,
    state: LiveStateSchema,
  }),
  z.strictObject({ t: z.literal("state"), state: LiveStateSchema }),
  /** The session's meta changed (the facilities of domain 12, before it opens): render with this. */
  z.strictObject({ t: z.literal("meta"), meta: SessionMetaSchema }),
  z.strictObject({
    t: z.literal("ack"),
    roundId: Ref,
    /** The room's receipt for this pass's ballot in this round: what a re-vote of it asks for. */
    receipt: z.optional(SignatureSchema),
  }),
  z.strictObject({ t: z.literal("done"), id: Ref }),
  z.strictObject({
    t: z.literal("error"),
    code: ErrorCodeSchema,
    /** Developers' English (logs, tests); a page never shows it: it words `code`, or `reason` (issue 13). */
    message: z.string(),
    /** The command id the error answers, when it answers one. */
    id: z.optional(Ref),
    /** A refused command's reason (core/refusals.ts), worded by the console as `refusal.<reason>`. */
    reason: z.optional(z.enum(REFUSAL_REASONS)),
    /** The reason's values: a topic id (shown as the topic's title), numbers of a scale, a rating key. */
    vars: z.optional(
      z.strictObject({ topic: z.optional(Ref), rating: z.optional(Ref), value: z.optional(z.number()), max: z.optional(z.number()) }),
    ),
  }),
  z.strictObject({ t: z.literal("pong") }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** A refusal names the command it refuses (`id`) whenever the frame was a command with a readable id. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; id?: string };

/** Just enough of a command frame to name it in an error, when the rest of it is wrong. */
const CommandIdSchema = z.object({ t: z.literal("cmd"), id: Ref });

const utf8 = new TextEncoder();

function parseFrame<T>(schema: z.ZodMiniType<T>, frame: unknown): Parsed<T> {
  if (typeof frame !== "string") return { ok: false, code: "bad-message", message: "expected a JSON text frame" };
  // Characters can be up to 3 bytes; count bytes only when the length alone can't decide.
  if (frame.length > MAX_FRAME_BYTES || (frame.length * 3 > MAX_FRAME_BYTES && utf8.encode(frame).length > MAX_FRAME_BYTES)) {
    return { ok: false, code: "too-large", message: `message larger than ${MAX_FRAME_BYTES} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, code: "bad-message", message: "not valid JSON" };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join(".")}` : "";
    const message = `invalid message${where}: ${first?.message ?? "unknown"}`;
    const named = CommandIdSchema.safeParse(json);
    return named.success ? { ok: false, code: "bad-message", message, id: named.data.id } : { ok: false, code: "bad-message", message };
  }
  return { ok: true, value: result.data };
}

export const parseClientMessage = (frame: unknown): Parsed<ClientMessage> => parseFrame(ClientMessageSchema, frame);
export const parseServerMessage = (frame: unknown): Parsed<ServerMessage> => parseFrame(ServerMessageSchema, frame);

/** Serialise a client message after validating it, so a bug on the sending side fails loudly here. */
export const encodeClient = (message: ClientMessage): string => JSON.stringify(ClientMessageSchema.parse(message));
/** A phone's frame, validated as a phone's (its page never sends a command: one that tried would fail here). */
export const encodePhoneMessage = (message: ClientMessage): string => JSON.stringify(PhoneMessageSchema.parse(message));
/** Serialise a server message after validating it. */
export const encodeServer = (message: ServerMessage): string => JSON.stringify(ServerMessageSchema.parse(message));
/**
 * A ballot's ack, serialised without the schema pass of {@link encodeServer}: it is the room's
 * hottest frame (one per ballot, a burst of hundreds when a room votes at once) and, since it
 * carries the pass's own receipt, can't be encoded once per round. Both fields are the room's own,
 * already checked: the open round's id and a receipt it signed. Its type is checked here at
 * compile time, and tests/unit/protocol.test.ts checks the frame against the schema.
 */
export const encodeAck = (roundId: string, receipt: string): string =>
  JSON.stringify({ t: "ack", roundId, receipt } satisfies ServerMessage);
