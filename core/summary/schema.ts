/**
 * @module summary/schema
 * The consensus summary (docs/design.md §5), the only thing a session exports, as a versioned zod schema:
 * a JSON export parses with {@link SummarySchema}, so it can be loaded back and compared with a
 * later assessment. Every field is an aggregate that already passed the reveal gate, a recorded
 * consensus or the group's own text; nothing in here can hold a token, a connection id, a ballot,
 * a round id string or a time finer than the day.
 */
import * as z from "zod/mini";
import { ActionItemSchema } from "../action-items";
import { DirectorySchema } from "../directory";
import { RoomConfigSchema } from "../api";
import { FacilityRolesSchema } from "../facilities";
import { PerspectiveSchema } from "../protocol";
import { DomainStatusSchema, NotesSchema, SessionStateSchema } from "../session";

/**
 * /2 (issue 11): each topic says whether it needs improvement (Candor's suggestion, the
 * facilitator's mark, the reasons) and carries its action items with their fields; the summary
 * opens with the improvement plan. Files of /1 still load ({@link upgradeSummary}).
 */
export const SUMMARY_SCHEMA_ID = "candor.summary/2";
export const SUMMARY_SCHEMA_ID_V1 = "candor.summary/1";

/** What the room answers to `{ op: "summary" }`: its config without `secret` and `keyHash`. */
export const PublicRoomConfigSchema = z.omit(RoomConfigSchema, { secret: true, keyHash: true });
export type PublicRoomConfig = z.infer<typeof PublicRoomConfigSchema>;

export const SummaryInputSchema = z.strictObject({
  config: PublicRoomConfigSchema,
  session: SessionStateSchema,
  notes: NotesSchema,
  /** The community directory; absent from a room of a version before it (during a deploy). */
  directory: z.optional(DirectorySchema),
});
export type SummaryInput = z.infer<typeof SummaryInputSchema>;

const Count = z.number().check(z.int(), z.gte(0));
const Point = z.number().check(z.int(), z.gte(1));
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "day only (YYYY-MM-DD)"));

/** `summarizeRound`'s suggested status (docs/design.md §4); the facilitator's recorded value is separate. */
export const SuggestedStatusSchema = z.enum(["insufficient", "split", "strong", "consensus", "none"]);

/** One rating of one round where the reveal gate passed (n ≥ k). Statistics per docs/design.md §4. */
export const RatingStatsSchema = z.strictObject({
  /** Valid ratings (don't-know and not-available excluded). */
  n: Count,
  dontKnow: Count,
  notAvailable: Count,
  /** counts[i] = ratings of scale point i + 1; length K. */
  counts: z.array(Count),
  /** low < high: an even n whose two middle values differ ("between low and high"). */
  median: z.nullable(z.strictObject({ low: Point, high: Point })),
  q1: z.nullable(z.number()),
  q3: z.nullable(z.number()),
  /** Adjacent pair of scale points (low, low + 1) with the most ratings. */
  bestPair: z.nullable(z.strictObject({ low: Point, high: Point, count: Count })),
  agreementA: z.nullable(z.number()),
  cns: z.nullable(z.number()),
  /** Ratings two or more scale points from the median. */
  dissent: Count,
  suggestedStatus: SuggestedStatusSchema,
});
export type RatingStats = z.infer<typeof RatingStatsSchema>;

/** One rating (the domain's, or one facility's) in one round. Hidden below the gate: no numbers. */
export const RoundRatingSchema = z.discriminatedUnion("shown", [
  z.strictObject({ key: z.string(), shown: z.literal(false) }),
  z.strictObject({
    key: z.string(),
    shown: z.literal(true),
    stats: RatingStatsSchema,
    /** Total-variation distance to the previous shown round of this rating (null if none). */
    change: z.nullable(z.number().check(z.gte(0), z.lte(1))),
    /** The round `change` compares with. */
    changeFrom: z.nullable(z.number().check(z.int(), z.gte(1))),
    /** change ≤ 0.15 (docs/design.md §4). */
    stable: z.nullable(z.boolean()),
  }),
]);
export type RoundRating = z.infer<typeof RoundRatingSchema>;

export const ItemSummarySchema = z.strictObject({
  id: z.string(),
  stem: z.nullable(z.string()),
  text: z.string(),
  yes: Count,
  no: Count,
  na: Count,
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

/** One closed round's aggregate: a round number, never a round id. */
export const RoundSummarySchema = z.strictObject({
  round: z.number().check(z.int(), z.gte(1)),
  /** How many sent a ballot (public live as "x have voted"). */
  respondents: Count,
  /** A re-vote withheld because it would single out people who dropped out (docs/design.md §3.11). */
  withheld: z.optional(z.literal("would-single-out")),
  ratings: z.array(RoundRatingSchema),
  /** Item tallies that passed their own gate, only for rounds whose rating gate passed. */
  items: z.array(ItemSummarySchema),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

/** One rating question of a domain: "domain", or one per facility on AAAQ (key "0", "1", …). */
export const RatingSummarySchema = z.strictObject({
  key: z.string(),
  facility: z.nullable(z.string()),
  /**
   * The recorded consensus; null = not recorded, recorded as "no consensus reached", or (with
   * `notAvailable`) recorded as the scale's N/A.
   */
  consensus: z.nullable(Point),
  consensusLabel: z.nullable(z.string()),
  /** Recorded as the scale's N/A, "Service not available" on AAAQ (`consensusLabel` says it). Absent: not so. */
  notAvailable: z.optional(z.literal(true)),
  /** This facility's roles (AAAQ): the organizer's own, the facility under review. Absent: none. */
  roles: z.optional(z.array(z.enum(["yours", "underReview"]))),
  /** The last round's statistics, or null when there was no round or it stayed below the gate. */
  latest: z.nullable(RatingStatsSchema),
  /**
   * This rating is why the topic may need improvement: low (2 of 5, 1 of 3) or without consensus,
   * recorded or, not recorded, in its last shown round (core/improvement.ts).
   */
  weak: z.boolean(),
});
export type RatingSummary = z.infer<typeof RatingSummarySchema>;

const DomainSummaryV1Schema = z.strictObject({
  id: z.string(),
  number: z.number().check(z.int(), z.gte(1)),
  title: z.string(),
  prompt: z.string(),
  status: DomainStatusSchema,
  perFacility: z.boolean(),
  scale: z.strictObject({
    points: z.array(z.strictObject({ value: Point, label: z.string() })).check(z.minLength(2)),
    dontKnowLabel: z.string(),
    notAvailableLabel: z.nullable(z.string()),
  }),
  /** Respondents of the last round, null if no round was closed. */
  respondents: z.nullable(Count),
  /** True when a consensus was recorded (its values may still be null: "no consensus reached"). */
  recorded: z.boolean(),
  /**
   * One per rating question: the domain's, or one per facility on AAAQ. Empty for an AAAQ topic of
   * a session whose facility list stayed empty (it can't open then, §2): not assessed.
   */
  ratings: z.array(RatingSummarySchema),
  rounds: z.array(RoundSummarySchema),
  notes: z.string(),
  actions: z.string(),
  /** The template's guidance section and resource categories, for topics that need improvement. */
  readNext: z.nullable(z.strictObject({ guidance: z.string(), resources: z.array(z.string()) })),
});

const ImprovementReasonSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("low"),
    key: z.string(),
    facility: z.nullable(z.string()),
    value: Point,
    recorded: z.boolean(),
    /** Recorded as "Service not available" (then `value` is the scale's bottom, for older readers). */
    notAvailable: z.optional(z.literal(true)),
  }),
  z.strictObject({ kind: z.literal("no-consensus"), key: z.string(), facility: z.nullable(z.string()), recorded: z.boolean() }),
  z.strictObject({ kind: z.literal("no-majority"), itemId: z.string(), no: Count, answered: Count }),
]);

/** Whether the topic needs improvement: the facilitator's mark if set, else Candor's suggestion. */
export const ImprovementSchema = z.strictObject({
  needed: z.boolean(),
  suggested: z.boolean(),
  /** null: not marked (the suggestion stands). */
  marked: z.nullable(z.boolean()),
  reasons: z.array(ImprovementReasonSchema),
});
export type Improvement = z.infer<typeof ImprovementSchema>;

export const DomainSummarySchema = z.extend(DomainSummaryV1Schema, {
  improvement: ImprovementSchema,
  /** The topic's action items, read from its action-item lines (core/action-items.ts). */
  actionItems: z.array(ActionItemSchema),
  /**
   * The toolkit's own rating question when `prompt` is Candor's adaptation of it (domain 11: the
   * seed repeats domain 10's question there). Optional: files written before it have none.
   */
  sourcePrompt: z.optional(z.string()),
});
export type DomainSummary = z.infer<typeof DomainSummarySchema>;

/** The plan the summary opens with: what needs improvement, worst first, and every action item. */
export const PlanSchema = z.strictObject({
  topics: z.array(z.strictObject({ domainId: z.string(), number: z.number().check(z.int(), z.gte(1)), title: z.string() })),
  actions: z.array(z.extend(ActionItemSchema, { domainId: z.string(), number: z.number().check(z.int(), z.gte(1)), title: z.string() })),
});
export type Plan = z.infer<typeof PlanSchema>;

/** One bar of the overview profile: recorded value, else the last round's median if shown. */
export const OverviewRowSchema = z.strictObject({
  domainId: z.string(),
  number: z.number().check(z.int(), z.gte(1)),
  title: z.string(),
  facility: z.nullable(z.string()),
  scaleMax: z.number().check(z.int(), z.gte(2)),
  source: z.nullable(z.enum(["consensus", "median"])),
  /** low = high: one value; low < high: a median "between low and high"; null: nothing to show. */
  low: z.nullable(Point),
  high: z.nullable(Point),
  /** Recorded as "Service not available" (source "consensus", no point). Absent: not so. */
  notAvailable: z.optional(z.literal(true)),
});
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

export const SummaryV1Schema = z.strictObject({
  schema: z.literal(SUMMARY_SCHEMA_ID_V1),
  session: z.strictObject({
    title: z.string(),
    facility: z.nullable(z.string()),
    /** The facilities domain 12 rates, in order (before roles: the organizer's own first). */
    facilities: z.array(z.string()),
    /** Which of `facilities` is yours and which is under review. Absent in files written before roles. */
    facilityRoles: z.optional(FacilityRolesSchema),
    day: Day,
    k: z.number().check(z.int(), z.gte(1)),
    /** Perspectives named by at least k people (docs/design.md §3.10); "other" = smaller ones merged. */
    perspectives: z.array(z.union([PerspectiveSchema, z.literal("other")])),
  }),
  template: z.strictObject({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    language: z.string(),
    source: z.strictObject({
      title: z.string(),
      publisher: z.string(),
      edition: z.nullable(z.string()),
      credit: z.string(),
    }),
  }),
  domains: z.array(DomainSummaryV1Schema),
  overview: z.array(OverviewRowSchema),
});
export type SummaryV1 = z.infer<typeof SummaryV1Schema>;

export const SummarySchema = z.extend(SummaryV1Schema, {
  schema: z.literal(SUMMARY_SCHEMA_ID),
  plan: PlanSchema,
  domains: z.array(DomainSummarySchema),
  /**
   * The community directory (issue 12), every table and row as it stood: optional, so /2 files
   * written before it still load and no new schema id was needed (issue 11 made /2 this release).
   * Organizations and services only, never a person (docs/privacy.md).
   */
  directory: z.optional(DirectorySchema),
});
export type Summary = z.infer<typeof SummarySchema>;
