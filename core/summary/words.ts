/**
 * @module summary/words
 * The summary's statistics in plain words, shared by the Markdown and HTML reports, e.g.
 * "Median 4 (somewhat strong); half the ratings between 3 and 5; 76% rated 4–5; suggested status:
 * consensus; 2 people rated two or more steps from the median". Plain text: callers escape.
 */
import type { DomainStatus } from "../session";
import type { DomainSummary, ItemSummary, RatingStats, RatingSummary, Summary } from "./schema";

type Scale = DomainSummary["scale"];

export const SUGGESTED_STATUS_WORDS: Record<RatingStats["suggestedStatus"], string> = {
  insufficient: "not enough ratings",
  split: "split",
  strong: "strong consensus",
  consensus: "consensus",
  none: "no consensus yet",
};

export const DOMAIN_STATUS_WORDS: Record<DomainStatus, string> = {
  pending: "not assessed",
  voting: "voting",
  revealed: "revealed, not recorded",
  recorded: "recorded",
  skipped: "skipped",
};

const PERSPECTIVE_WORDS: Record<Summary["session"]["perspectives"][number], string> = {
  clinical: "clinical staff",
  administration: "administration",
  support: "support staff",
  external: "external partners",
  "lived-experience": "lived experience",
  "prefer-not": "not said",
  other: "other perspectives",
};

export function perspectivesWords(s: Summary): string {
  return s.session.perspectives.length === 0
    ? "none named (each perspective is named only if at least k people chose it)"
    : s.session.perspectives.map((p) => PERSPECTIVE_WORDS[p]).join(", ");
}

/** Numbers as people read them: integers plain, others with up to two decimals. */
export function num(x: number, decimals = 2): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(decimals)));
}

export const pointLabel = (scale: Scale, value: number): string => scale.points[value - 1]?.label ?? String(value);

/** A label inside a sentence: first letter lower-cased, acronyms kept ("excellent compliance with AAAQ"). */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "4 (somewhat strong)" or "between 3 (moderate) and 4 (somewhat strong)". */
export function medianWords(scale: Scale, median: NonNullable<RatingStats["median"]>): string {
  const p = (v: number) => `${v} (${inSentence(pointLabel(scale, v))})`;
  return median.low === median.high ? p(median.low) : `between ${p(median.low)} and ${p(median.high)}`;
}

/** The statistics of one shown rating as one sentence of clauses. */
export function statsWords(scale: Scale, s: RatingStats): string {
  const parts: string[] = [`${plural(s.n, "valid rating", "valid ratings")}`];
  if (s.median) parts.push(`median ${medianWords(scale, s.median)}`);
  if (s.q1 !== null && s.q3 !== null) {
    parts.push(
      s.q1 === s.q3
        ? `the middle half of the ratings at ${num(s.q1)}`
        : `the middle half of the ratings between ${num(s.q1)} and ${num(s.q3)}`,
    );
  }
  if (s.bestPair && s.n > 0) {
    parts.push(`${Math.round((100 * s.bestPair.count) / s.n)}% rated ${s.bestPair.low}–${s.bestPair.high}`);
  }
  parts.push(`suggested status: ${SUGGESTED_STATUS_WORDS[s.suggestedStatus]}`);
  parts.push(
    s.dissent === 0
      ? "nobody rated two or more steps from the median"
      : `${plural(s.dissent, "person", "people")} rated two or more steps from the median`,
  );
  if (s.dontKnow > 0) parts.push(`${s.dontKnow} answered “${inSentence(scale.dontKnowLabel)}”`);
  if (s.notAvailable > 0 && scale.notAvailableLabel) parts.push(`${s.notAvailable} answered “${inSentence(scale.notAvailableLabel)}”`);
  // A and Cns are numbers for specialists: the report's appendix has them (statsNumbers).
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase() + text.slice(1)}.`;
}

/** "4 — Somewhat strong", "Service not available", "no consensus reached" or "not recorded". */
export function consensusWords(d: DomainSummary, r: RatingSummary): string {
  if (!d.recorded) return "not recorded";
  if (r.notAvailable) return r.consensusLabel ?? "not available";
  return r.consensus === null ? "no consensus reached" : `${r.consensus} — ${r.consensusLabel ?? ""}`.trim();
}

/** The roles of a domain's rating of `facility` (overview rows name the facility, not the key). */
export const rolesOfFacility = (d: DomainSummary | undefined, facility: string | null): RatingSummary["roles"] =>
  facility === null ? undefined : d?.ratings.find((r) => r.facility === facility)?.roles;

/** A facility's roles in words, e.g. " (your facility; under review)"; "" when it has none. */
export function roleWords(roles: readonly ("yours" | "underReview")[] | undefined): string {
  if (!roles?.length) return "";
  return ` (${roles.map((r) => (r === "yours" ? "your facility" : "under review")).join("; ")})`;
}

/** The overview's value: "4", "between 3 and 4" or "—". */
export function overviewValue(low: number | null, high: number | null): string {
  if (low === null || high === null) return "—";
  return low === high ? String(low) : `between ${low} and ${high}`;
}

/** "Round 2 of 2, 12 respondents". */
/** The rating question, said to be Candor's wording when it adapts the toolkit's (with the toolkit's words). */
export function questionWords(d: DomainSummary): string {
  return d.sourcePrompt
    ? `Question (Candor's wording, adapted from the toolkit): ${d.prompt} The toolkit's words here: “${d.sourcePrompt}”`
    : `Question: ${d.prompt}`;
}

export function roundWords(d: DomainSummary): string {
  const last = d.rounds[d.rounds.length - 1];
  if (!last) return "No round was closed.";
  return `Round ${last.round} of ${d.rounds.length}, ${plural(last.respondents, "respondent", "respondents")}.`;
}

export const HIDDEN_WORDS = "Not enough ratings to show anonymously (fewer than k valid ratings).";

/**
 * The distribution change in the screens' words (client/src/i18n/<lang>/screens.ts `stats.change*`): the
 * share of ratings that moved, as a whole percentage, "— stable" when it is ≤ 15%:
 * "change since round 1: 9% of ratings moved — stable", "change since round 1: 40% of ratings moved".
 */
export function changeWords(change: number, from: number, stable: boolean): string {
  return `change since round ${from}: ${Math.round(100 * change)}% of ratings moved${stable ? " — stable" : ""}`;
}

/**
 * Why an overview row has no value, in the words of its topic section and by the rule of
 * core/topic-result.ts: "no consensus reached" (recorded as such), "skipped", "not assessed" (no
 * round closed), "re-vote withheld" (the last round would have singled people out) or "not
 * enough ratings to show" (the last round stayed below the reveal gate).
 */
export function noResultWords(d: DomainSummary | undefined): string {
  if (!d) return "no result";
  if (d.recorded) return "no consensus reached";
  if (d.status === "skipped") return DOMAIN_STATUS_WORDS.skipped;
  if (d.rounds.length === 0) return DOMAIN_STATUS_WORDS[d.status === "voting" ? "voting" : "pending"];
  if (d.rounds[d.rounds.length - 1]?.withheld) return "re-vote withheld (it would single out who dropped out)";
  return "not enough ratings to show";
}

/**
 * The item tallies to report: those of the last round that has any (a later round may have none
 * to show: no item answers, or below the gate), with that round's number; null if no round has.
 */
export function itemsToShow(d: DomainSummary): { round: number; items: ItemSummary[] } | null {
  for (let i = d.rounds.length - 1; i >= 0; i--) {
    const r = d.rounds[i]!;
    if (r.items.length > 0) return { round: r.round, items: r.items };
  }
  return null;
}

/** "Items, round 2", or "Items, round 1 (round 2 has no item answers to show)". */
export function itemsCaption(d: DomainSummary, round: number): string {
  const later = d.rounds.filter((r) => r.round > round).map((r) => r.round);
  if (later.length === 0) return `Items, round ${round}`;
  const which =
    later.length === 1 ? `round ${later[0]} has` : `rounds ${later.slice(0, -1).join(", ")} and ${later[later.length - 1]} have`;
  return `Items, round ${round} (${which} no item answers to show)`;
}

/** The report's words around the toolkit's advice (HTML and Markdown alike; plain text without markup, so HTML takes them as they are). */
export const ADVICE_WORDS = {
  heading: "What the toolkit advises",
  chosen: "The points the group chose as action items.",
  all: "All of the toolkit's guidance for this topic (the group chose no point as an action item).",
  empty: "The toolkit lists no resources under this heading.",
  seeAlso: "See also the toolkit's resources for every topic:",
};

/** Why a topic needs improvement, in words: "recorded 2 of 5 (somewhat weak); most answered No to …". */
export function improvementWords(d: DomainSummary): string {
  const imp = d.improvement;
  const K = d.scale.points.length;
  const at = (facility: string | null) => (facility ? `${facility}: ` : "");
  const reasons = imp.reasons.map((r) => {
    if (r.kind === "low" && r.notAvailable) return `${at(r.facility)}recorded “${d.scale.notAvailableLabel ?? "not available"}”`;
    if (r.kind === "low")
      return `${at(r.facility)}${r.recorded ? "recorded" : "median"} ${r.value} of ${K} (${pointLabel(d.scale, r.value).toLowerCase()})`;
    if (r.kind === "no-consensus") return `${at(r.facility)}${r.recorded ? "no consensus reached" : "no consensus in the last round"}`;
    const item = d.rounds.flatMap((x) => x.items).find((i) => i.id === r.itemId);
    return `${r.no} of ${r.answered} answered No to “${item?.text ?? r.itemId}”`;
  });
  // A /1 file kept no reasons: its topics were "weak" by that version's rule.
  const why = reasons.length
    ? reasons.join("; ")
    : imp.suggested
      ? "weak by an earlier version of Candor (a value of 2 or less, or no consensus)"
      : null;
  if (imp.marked === true) return why ? `marked by the group (Candor also suggests it: ${why})` : "marked by the group";
  if (imp.marked === false) return why ? `the group decided it does not (Candor suggested it: ${why})` : "the group decided it does not";
  return why ? `suggested by Candor: ${why}` : "no reason found";
}

/** A topic the group did not assess, with nothing written on it: the report gives it one line. */
export const notAssessed = (d: DomainSummary): boolean =>
  d.rounds.length === 0 && !d.recorded && !d.notes.trim() && !d.actions.trim() && !d.improvement.needed;

/** One row of the report's appendix: the last shown round's statistics as numbers. */
export function statsNumbers(s: RatingStats): string[] {
  const median = s.median ? (s.median.low === s.median.high ? String(s.median.low) : `${s.median.low}–${s.median.high}`) : "—";
  const n = (x: number | null) => (x === null ? "—" : num(x));
  return [String(s.n), median, n(s.q1), n(s.q3), n(s.agreementA), n(s.cns), String(s.dissent)];
}
export const STATS_NUMBER_HEADS = ["Valid ratings", "Median", "Q1", "Q3", "Agreement A", "Consensus Cns", "Far from the median"];
