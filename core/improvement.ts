/**
 * @module improvement
 * Whether a topic needs improvement (issue 11): the group decides, the facilitator marks it, and
 * Candor suggests it by one rule (this replaces the earlier fixed "weak at 2 or below"):
 *
 * - a rating recorded at or below {@link lowAtOrBelow} of its scale (2 of 5, 1 of 3 on AAAQ), or,
 *   not recorded, whose shown median is there;
 * - a rating recorded as "no consensus reached", or, not recorded, whose shown round found none
 *   (suggested status "split" or "none", docs/design.md §4);
 * - a facility recorded as "Service not available" (AAAQ's N/A): on the AAAQ framework the service
 *   failing Availability, the first A, outright, which ranks below "poor compliance" (the seed lists
 *   N/A before 1): the referral network has a gap to close (a provider to find or a service to
 *   start), so the topic needs improvement. Reported as a "low" reason at the scale's bottom with
 *   `notAvailable` set, so a reader of the summary that predates it still reads it as low;
 * - an item of the last shown round that "No" answered by more than half.
 *
 * The facilitator's mark, when set, decides; else the suggestion does. Pure: no I/O.
 */
import { summarizeRound } from "./stats";
import { type DomainState, shownItemsOf } from "./session";
import { type Domain, scaleOf, type Template } from "./template";
import { fittedCounts, topicOutcome } from "./topic-result";

/** The highest value that counts as low on a K-point scale: 2 of 5, 1 of 3. */
export const lowAtOrBelow = (K: number): number => Math.floor((2 * K) / 5);

export type ImprovementReason =
  | { kind: "low"; key: string; facility: string | null; value: number; recorded: boolean; notAvailable?: true }
  | { kind: "no-consensus"; key: string; facility: string | null; recorded: boolean }
  | { kind: "no-majority"; itemId: string; no: number; answered: number };

export interface Improvement {
  /** What Candor suggests, and why. */
  suggested: boolean;
  reasons: ImprovementReason[];
  /** The facilitator's mark: true or false, or null when not marked. */
  marked: boolean | null;
  /** The mark if set, else the suggestion. */
  needed: boolean;
}

export function improvementOf(
  template: Template,
  domain: Domain,
  state: DomainState,
  facilities: readonly string[],
  k: number,
): Improvement {
  const scale = scaleOf(template, domain);
  const K = scale.points.length;
  const low = lowAtOrBelow(K);
  const last = state.rounds[state.rounds.length - 1];
  const reasons: ImprovementReason[] = [];
  for (const o of topicOutcome(template, domain, state, facilities, k)) {
    const at = { key: o.key, facility: o.facility };
    if (o.source === "recorded" && o.value && o.value.high <= low)
      reasons.push({ kind: "low", ...at, value: o.value.high, recorded: true });
    if (o.source === "not-available") reasons.push({ kind: "low", ...at, value: 1, recorded: true, notAvailable: true });
    if (o.source === "no-consensus") reasons.push({ kind: "no-consensus", ...at, recorded: true });
    if (o.source === "median" && o.value) {
      if (o.value.high <= low) reasons.push({ kind: "low", ...at, value: o.value.high, recorded: false });
      const result = last?.ratings[o.key];
      if (result?.shown) {
        const status = summarizeRound(fittedCounts(result, K), result.dontKnow, { k }).status;
        if (status === "split" || status === "none") reasons.push({ kind: "no-consensus", ...at, recorded: false });
      }
    }
  }
  // Item tallies are released only at or above k, and only in a round whose rating was shown.
  const shownItems = shownItemsOf(state);
  for (const item of domain.items) {
    const tally = shownItems[item.id];
    if (!tally) continue;
    const answered = tally.yes + tally.no + tally.na;
    if (answered > 0 && tally.no * 2 > answered) reasons.push({ kind: "no-majority", itemId: item.id, no: tally.no, answered });
  }
  const suggested = reasons.length > 0;
  const marked = state.improve ?? null;
  return { suggested, reasons, marked, needed: marked ?? suggested };
}
