/**
 * @module session
 * The persisted state of a live session: only aggregates and the group's recorded consensus.
 * Nothing in these schemas can hold a ballot, a token or a per-ballot time; that is what makes
 * it safe to write to room storage (which Cloudflare can restore for 30 days) and to the Yjs doc.
 */
import * as z from "zod/mini";
import { FacilityRolesSchema, NOT_AVAILABLE } from "./facilities";
import { LanguageSchema, PerspectiveSchema } from "./protocol";

const Count = z.number().check(z.int(), z.gte(0));

/** One rating question of a round (the domain's, or one facility's on AAAQ), after reveal. */
export const RatingResultSchema = z.union([
  /** Below the reveal gate: nothing but the fact that it was hidden. */
  z.strictObject({ shown: z.literal(false) }),
  z.strictObject({
    shown: z.literal(true),
    counts: z.array(Count),
    dontKnow: Count,
    notAvailable: Count,
  }),
]);
export type RatingResult = z.infer<typeof RatingResultSchema>;

export const ItemTallySchema = z.strictObject({
  yes: Count,
  no: Count,
  na: Count,
});
export type ItemTally = z.infer<typeof ItemTallySchema>;

/** The aggregate of one closed round; the round's ballots are gone once this exists. */
export const RoundResultSchema = z.strictObject({
  round: z.number().check(z.int(), z.gte(1)),
  /** How many people sent a ballot: already public live as "x have voted". */
  respondents: Count,
  /**
   * Set when the round's result is withheld although it had enough ratings: it re-voted a shown
   * round, and between the two, fewer than k of that round's voters dropped out, so comparing the
   * two results would single them out (docs/design.md §3.11). Nothing else of the round is kept.
   */
  withheld: z.optional(z.literal("would-single-out")),
  /** Keyed "domain", or facility index "0", "1", … on per-facility domains. */
  ratings: z.record(z.string(), RatingResultSchema),
  /** Only items answered by at least k people (the gate applies to every released cell). */
  items: z.record(z.string(), ItemTallySchema),
});
export type RoundResult = z.infer<typeof RoundResultSchema>;

export const ConsensusSchema = z.strictObject({
  /**
   * Per rating key: the recorded value, null for "no consensus reached", or "not-available" (AAAQ's
   * "Service not available"; records written before it have only the first two).
   */
  values: z.record(z.string(), z.nullable(z.union([z.number().check(z.int(), z.gte(1)), z.literal(NOT_AVAILABLE)]))),
  notes: z.string(),
  actions: z.string(),
});
export type Consensus = z.infer<typeof ConsensusSchema>;

export const DomainStatusSchema = z.enum(["pending", "voting", "revealed", "recorded", "skipped"]);
export type DomainStatus = z.infer<typeof DomainStatusSchema>;

export const DomainStateSchema = z.strictObject({
  status: DomainStatusSchema,
  rounds: z.array(RoundResultSchema),
  consensus: z.nullable(ConsensusSchema),
  /**
   * The facilitator's mark: this topic needs improvement (true), does not (false), or not marked
   * (null: Candor's suggestion stands, core/improvement.ts). Absent in records written before it.
   */
  improve: z.optional(z.nullable(z.boolean())),
});
export type DomainState = z.infer<typeof DomainStateSchema>;

export const SessionStateSchema = z.strictObject({
  phase: z.enum(["lobby", "open", "revealed", "ended"]),
  /** The domain on screen; with phase "open" its round `round` is collecting ballots. */
  domainId: z.nullable(z.string()),
  round: Count,
  locked: z.boolean(),
  autoClose: z.boolean(),
  deadline: z.nullable(z.number()),
  /** Anonymous tokens issued so far ("joined"): accepted ballots per round never exceed it. */
  issued: Count,
  domains: z.record(z.string(), DomainStateSchema),
  /** Perspectives named by at least k people (docs/design.md §3.10); never counts, never live. */
  perspectives: z.array(z.union([PerspectiveSchema, z.literal("other")])),
  /** The facilitator's count of the people in the room, to hold "joined" against (null: not counted). */
  headcount: z._default(z.nullable(Count), null),
  /**
   * A self-paced set (docs/design.md §1.2): the topics open together, in the facilitator's order,
   * each collecting ballots for its own next round while phase is "open" (domainId is then null).
   * Absent or empty in the one-topic flow (and in records written before layout 4).
   */
  openSet: z.optional(z.array(z.string()).check(z.maxLength(64))),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

/** The id a phone must put in its ballot: changes with every round, so stale ballots are refused. */
export const roundIdOf = (domainId: string, round: number): string => `${domainId}#${round}`;

/**
 * A topic of the session by id. Own keys only: an id such as "constructor" or "__proto__" passes
 * the message schemas but must not reach the object's prototype.
 */
export const topicOf = (session: SessionState, id: string | null): DomainState | undefined =>
  id !== null && Object.hasOwn(session.domains, id) ? session.domains[id] : undefined;

/** The topics of the open self-paced set, in order; empty when none is open. */
export const openSetOf = (session: SessionState): readonly string[] => (session.phase === "open" ? (session.openSet ?? []) : []);

/** One round collecting ballots: its topic, its number and the id phones put in their ballots. */
export interface OpenRound {
  domainId: string;
  round: number;
  roundId: string;
}

/**
 * Every round collecting ballots now: none, the one topic's (the one-topic flow), or each topic's
 * of a self-paced set, whose round is the topic's next (its stored rounds + 1).
 */
export function openRounds(session: SessionState): OpenRound[] {
  if (session.phase !== "open") return [];
  const set = openSetOf(session);
  if (set.length === 0) {
    return session.domainId
      ? [{ domainId: session.domainId, round: session.round, roundId: roundIdOf(session.domainId, session.round) }]
      : [];
  }
  return set.flatMap((domainId) => {
    const domain = topicOf(session, domainId);
    if (!domain) return [];
    const round = domain.rounds.length + 1;
    return [{ domainId, round, roundId: roundIdOf(domainId, round) }];
  });
}

/** Whether `domainId` is collecting ballots now (alone or in a self-paced set). */
export const isOpenTopic = (session: SessionState, domainId: string): boolean => openRounds(session).some((r) => r.domainId === domainId);

/** Whether any of a round's results was shown (on per-facility topics, some facilities may be hidden). */
export const roundShown = (round: RoundResult): boolean => Object.values(round.ratings).some((r) => r.shown);

/**
 * The item tallies of a topic's last round, if its result was shown; none otherwise. The room
 * releases tallies only then (core/ballots.ts), and a stored round is not trusted to say so.
 */
export function shownItemsOf(domain: DomainState): RoundResult["items"] {
  const last = domain.rounds[domain.rounds.length - 1];
  return last && !last.withheld && roundShown(last) ? last.items : {};
}

/** The last round of a topic whose result was shown: what a new round re-votes. */
export const lastShownRound = (domain: DomainState): RoundResult | undefined => [...domain.rounds].reverse().find(roundShown);

/**
 * The round the open round of `session` re-votes, as the round id phones hold receipts for: the
 * topic's last shown round, when the open round came after it. Null when no round is open or the
 * topic has no shown result yet (then anyone may vote: nothing earlier can be compared).
 */
export function revoteOf(session: SessionState): string | null {
  if (session.phase !== "open" || !session.domainId || openSetOf(session).length > 0) return null;
  return revoteOfRound(session, { domainId: session.domainId, round: session.round });
}

/** The shown round that an open round re-votes (its topic's last shown one, if earlier), else undefined. */
export function revotedRound(session: SessionState, open: { domainId: string; round: number }): RoundResult | undefined {
  const domain = topicOf(session, open.domainId);
  const shown = domain && lastShownRound(domain);
  return shown && shown.round < open.round ? shown : undefined;
}

/** {@link revoteOf} for one open round, alone or in a self-paced set: the rule is per topic. */
export function revoteOfRound(session: SessionState, open: { domainId: string; round: number }): string | null {
  const shown = revotedRound(session, open);
  return shown ? roundIdOf(open.domainId, shown.round) : null;
}

export function initialSession(domainIds: readonly string[]): SessionState {
  return {
    phase: "lobby",
    domainId: null,
    round: 0,
    locked: false,
    autoClose: false,
    deadline: null,
    issued: 0,
    domains: Object.fromEntries(domainIds.map((id) => [id, { status: "pending", rounds: [], consensus: null }])),
    perspectives: [],
    headcount: null,
  };
}

/** The facilitators' collaborative notes and action items, per domain (the doc's Y.Texts, saved). */
export const NotesSchema = z.record(z.string(), z.strictObject({ notes: z.string(), actions: z.string() }));
export type NotesByDomain = z.infer<typeof NotesSchema>;

/** The doc's "live" → "meta" entry: what every screen may know about the session. */
export const DocMetaSchema = z.strictObject({
  title: z.string(),
  joinCode: z.string(),
  facility: z.nullable(z.string()),
  facilities: z.array(z.string()),
  /** Which of `facilities` is yours and which is under review (absent from docs written before roles). */
  roles: z.optional(FacilityRolesSchema),
  templateId: z.string(),
  templateVersion: z.string(),
  domainIds: z.array(z.string()),
  k: z.number().check(z.int()),
  createdDay: z.string(),
  /** The session's language, for the projector and consoles (absent from docs written before it: English). */
  lang: z.optional(LanguageSchema),
});
export type DocMeta = z.infer<typeof DocMetaSchema>;
