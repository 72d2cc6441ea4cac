/**
 * @module topic-result
 * A topic's result, one rule for every screen and every export (docs/design.md §5.1): the
 * projector's end profile, the console, the summary's overview and its topic sections all read
 * it from here, so they can't disagree about the same topic.
 *
 * Per rating (the topic's, or one facility's on AAAQ):
 * 1. A recorded consensus stands until the group records again: a new round after it, or a skip,
 *    doesn't undo what the group decided. Recorded as "no consensus reached", it is that, even
 *    when the last round's median was shown; recorded as "Service not available" (AAAQ's N/A),
 *    it is that, with no point on the scale.
 * 2. Else a skipped topic is skipped.
 * 3. Else the last closed round speaks: its median when its rating was shown; "withheld" when the
 *    differencing rule withheld the round (§3.11); "hidden" when it stayed below the reveal gate;
 *    "none" when no round closed.
 *
 * The change between rounds ("change since round r") compares a round's shown distribution with
 * the latest earlier round in which the same rating was shown.
 */
import { ratingKeys } from "./ballots";
import { NOT_AVAILABLE, type RecordedValue } from "./facilities";
import type { DomainState, RatingResult, RoundResult } from "./session";
import { isStable, summarizeRound, totalVariation } from "./stats";
import { type Domain, scaleOf, type Template } from "./template";

export type ResultSource = "recorded" | "no-consensus" | "not-available" | "median" | "skipped" | "withheld" | "hidden" | "none";

export interface RatingOutcome {
  key: string;
  /** The facility rated, on per-facility topics; null for the topic's single rating. */
  facility: string | null;
  source: ResultSource;
  /** Where the result stands on the scale: one point (low = high), a median between two points, or nothing. */
  value: { low: number; high: number } | null;
  /**
   * The recorded consensus: a point, null for "no consensus reached", "not-available" for AAAQ's
   * "Service not available", undefined when not recorded.
   */
  recorded: RecordedValue | undefined;
}

/** A shown rating's counts, fitted to the scale's K points (a stored round may predate a template fix). */
export function fittedCounts(result: Extract<RatingResult, { shown: true }>, K: number): number[] {
  return Array.from({ length: K }, (_, i) => result.counts[i] ?? 0);
}

/** The result of every rating of a topic, by the rules above. */
export function topicOutcome(
  template: Template,
  domain: Domain,
  state: DomainState,
  facilities: readonly string[],
  k: number,
): RatingOutcome[] {
  const K = scaleOf(template, domain).points.length;
  const last = state.rounds[state.rounds.length - 1];
  return ratingKeys(domain, facilities).map((key, i): RatingOutcome => {
    const base = { key, facility: domain.rating.perFacility ? (facilities[i] ?? null) : null };
    const recorded = state.consensus ? state.consensus.values[key] : undefined;
    if (recorded !== undefined) {
      if (recorded === null) return { ...base, source: "no-consensus", value: null, recorded };
      if (recorded === NOT_AVAILABLE) return { ...base, source: "not-available", value: null, recorded };
      return { ...base, source: "recorded", value: { low: recorded, high: recorded }, recorded };
    }
    const none = (source: ResultSource): RatingOutcome => ({ ...base, source, value: null, recorded: undefined });
    if (state.status === "skipped") return none("skipped");
    if (!last) return none("none");
    if (last.withheld) return none("withheld");
    const result = last.ratings[key];
    if (!result) return none("none");
    if (!result.shown) return none("hidden");
    const median = summarizeRound(fittedCounts(result, K), result.dontKnow, { k }).median;
    return median ? { ...base, source: "median", value: median, recorded: undefined } : none("none");
  });
}

export interface RatingChange {
  /** Total-variation distance between the two distributions: the share of ratings that moved. */
  change: number;
  /** The round compared with. */
  from: number;
  /** change ≤ 0.15 (docs/design.md §4). */
  stable: boolean;
}

/**
 * How far rating `key` of `rounds[index]` moved since the latest earlier round in which it was
 * shown; null when it isn't shown in this round or in none before it.
 */
export function ratingChange(rounds: readonly RoundResult[], index: number, key: string, K: number): RatingChange | null {
  const now = rounds[index]?.ratings[key];
  if (!now?.shown) return null;
  for (let i = index - 1; i >= 0; i--) {
    const before = rounds[i]!.ratings[key];
    if (!before?.shown) continue;
    const change = totalVariation(fittedCounts(before, K), fittedCounts(now, K));
    // (null: one of the two had no rating on the scale, all "don't know": nothing to compare.)
    return change === null ? null : { change, from: rounds[i]!.round, stable: isStable(change) };
  }
  return null;
}
