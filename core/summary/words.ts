/**
 * @module summary/words
 * The summary's statistics in plain words, shared by the Markdown and HTML reports, e.g.
 * "Median 4 (somewhat strong); half the ratings between 3 and 5; 76% rated 4–5; suggested status:
 * consensus; 2 people rated two or more steps from the median", in the report's language
 * ({@link ReportWords}, core/summary/i18n). Plain text: callers escape.
 */
import type { DomainStatus } from "../session";
import { type ReportWords, reportWords } from "./i18n/index";
import type { DomainSummary, ItemSummary, RatingStats, RatingSummary, Summary } from "./schema";

export type { ReportWords } from "./i18n/index";
type Scale = DomainSummary["scale"];

/** The English words, for callers outside the report that name a status (tests, older code). */
const EN = reportWords("en");

export const suggestedStatusWords = (L: ReportWords, s: RatingStats["suggestedStatus"]): string => L.t(`status.${s}`);
export const domainStatusWords = (L: ReportWords, s: DomainStatus): string => L.t(`domain.${s}`);

export function perspectivesWords(L: ReportWords, s: Summary): string {
  return s.session.perspectives.length === 0
    ? L.t("meta.perspectivesNone")
    : s.session.perspectives.map((p) => L.t(`perspective.${p}`)).join(L.t("sep.list"));
}

export const pointLabel = (scale: Scale, value: number): string => scale.points[value - 1]?.label ?? String(value);

/** A label inside a sentence: first letter lower-cased, acronyms kept ("excellent compliance with AAAQ"). */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** "a, b and c" in the report's language. */
export function listWords(L: ReportWords, parts: readonly string[]): string {
  if (parts.length < 2) return parts[0] ?? "";
  return L.t("list.and", { a: parts.slice(0, -1).join(L.t("sep.list")), b: parts[parts.length - 1]! });
}

/** "4 (somewhat strong)" or "between 3 (moderate) and 4 (somewhat strong)". */
export function medianWords(L: ReportWords, scale: Scale, median: NonNullable<RatingStats["median"]>): string {
  const p = (v: number) => L.t("point", { value: v, label: inSentence(pointLabel(scale, v)) });
  return median.low === median.high ? p(median.low) : L.t("between", { low: p(median.low), high: p(median.high) });
}

/** The statistics of one shown rating as one sentence of clauses. */
export function statsWords(L: ReportWords, scale: Scale, s: RatingStats): string {
  const parts: string[] = [L.tn("stats.valid", s.n)];
  if (s.median) parts.push(L.t("stats.median", { median: medianWords(L, scale, s.median) }));
  if (s.q1 !== null && s.q3 !== null) {
    parts.push(
      s.q1 === s.q3 ? L.t("stats.middleAt", { q: L.num(s.q1) }) : L.t("stats.middleBetween", { q1: L.num(s.q1), q3: L.num(s.q3) }),
    );
  }
  if (s.bestPair && s.n > 0) {
    parts.push(L.t("stats.bestPair", { pct: L.pct(s.bestPair.count / s.n), low: s.bestPair.low, high: s.bestPair.high }));
  }
  parts.push(L.t("stats.suggested", { status: suggestedStatusWords(L, s.suggestedStatus) }));
  parts.push(s.dissent === 0 ? L.t("stats.noDissent") : L.tn("stats.dissent", s.dissent));
  if (s.dontKnow > 0) parts.push(L.t("stats.answered", { n: s.dontKnow, label: inSentence(scale.dontKnowLabel) }));
  if (s.notAvailable > 0 && scale.notAvailableLabel) {
    parts.push(L.t("stats.answered", { n: s.notAvailable, label: inSentence(scale.notAvailableLabel) }));
  }
  // A and Cns are numbers for specialists: the report's appendix has them (statsNumbers).
  const text = parts.join(L.t("sep.clause"));
  return `${text.charAt(0).toUpperCase() + text.slice(1)}.`;
}

/** "4 — Somewhat strong", "Service not available", "no consensus reached" or "not recorded". */
export function consensusWords(L: ReportWords, d: DomainSummary, r: RatingSummary): string {
  if (!d.recorded) return L.t("consensus.notRecorded");
  if (r.notAvailable) return r.consensusLabel ?? L.t("consensus.notAvailable");
  return r.consensus === null
    ? L.t("consensus.none")
    : L.t("consensus.value", { value: r.consensus, label: r.consensusLabel ?? "" }).trim();
}

/** The roles of a domain's rating of `facility` (overview rows name the facility, not the key). */
export const rolesOfFacility = (d: DomainSummary | undefined, facility: string | null): RatingSummary["roles"] =>
  facility === null ? undefined : d?.ratings.find((r) => r.facility === facility)?.roles;

/** A facility's roles in words, e.g. " (your facility; under review)"; "" when it has none. */
export function roleWords(L: ReportWords, roles: readonly ("yours" | "underReview")[] | undefined): string {
  if (!roles?.length) return "";
  return ` (${roles.map((r) => L.t(r === "yours" ? "role.yours" : "role.underReview")).join(L.t("sep.clause"))})`;
}

/** The overview's value: "4", "between 3 and 4" or "—". */
export function overviewValue(L: ReportWords, low: number | null, high: number | null): string {
  if (low === null || high === null) return "—";
  return low === high ? L.num(low) : L.t("between", { low, high });
}

/** The rating question, said to be Candor's wording when it adapts the toolkit's (with the toolkit's words). */
export function questionWords(L: ReportWords, d: DomainSummary): string {
  return d.sourcePrompt
    ? L.t("question.adapted", { prompt: d.prompt, source: d.sourcePrompt })
    : L.t("question.plain", { prompt: d.prompt });
}

/** "Round 2 of 2, 12 respondents." */
export function roundWords(L: ReportWords, d: DomainSummary): string {
  const last = d.rounds[d.rounds.length - 1];
  if (!last) return L.t("round.none");
  return L.tn("round.last", last.respondents, { round: last.round, rounds: d.rounds.length });
}

/**
 * The distribution change in the screens' words (client/src/i18n/<lang>/screens.ts `stats.change*`): the
 * share of ratings that moved, as a whole percentage, "— stable" when it is ≤ 15%:
 * "change since round 1: 9% of ratings moved — stable", "change since round 1: 40% of ratings moved".
 */
export function changeWords(change: number, from: number, stable: boolean, L: ReportWords = EN): string {
  return L.t(stable ? "change.stable" : "change", { from, pct: L.pct(change) });
}

/**
 * Why an overview row has no value, in the words of its topic section and by the rule of
 * core/topic-result.ts: "no consensus reached" (recorded as such), "skipped", "not assessed" (no
 * round closed), "re-vote withheld" (the last round would have singled people out) or "not
 * enough ratings to show" (the last round stayed below the reveal gate).
 */
export function noResultWords(d: DomainSummary | undefined, L: ReportWords = EN): string {
  if (!d) return L.t("noResult.none");
  if (d.recorded) return L.t("consensus.none");
  if (d.status === "skipped") return domainStatusWords(L, "skipped");
  if (d.rounds.length === 0) return domainStatusWords(L, d.status === "voting" ? "voting" : "pending");
  if (d.rounds[d.rounds.length - 1]?.withheld) return L.t("noResult.withheld");
  return L.t("noResult.hidden");
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
export function itemsCaption(d: DomainSummary, round: number, L: ReportWords = EN): string {
  const later = d.rounds.filter((r) => r.round > round).map((r) => L.num(r.round));
  if (later.length === 0) return L.t("items.caption", { round });
  return L.tn("items.captionLater", later.length, { round, later: listWords(L, later) });
}

/** Why a topic needs improvement, in words: "recorded 2 of 5 (somewhat weak); most answered No to …". */
export function improvementWords(L: ReportWords, d: DomainSummary): string {
  const imp = d.improvement;
  const K = d.scale.points.length;
  const at = (facility: string | null, reason: string) => (facility ? L.t("why.facility", { facility, reason }) : reason);
  const reasons = imp.reasons.map((r) => {
    if (r.kind === "low" && r.notAvailable) {
      return at(r.facility, L.t("why.recordedNa", { label: d.scale.notAvailableLabel ?? L.t("consensus.notAvailable") }));
    }
    if (r.kind === "low") {
      const label = pointLabel(d.scale, r.value).toLowerCase();
      return at(r.facility, L.t(r.recorded ? "why.recordedLow" : "why.medianLow", { value: r.value, max: K, label }));
    }
    if (r.kind === "no-consensus") return at(r.facility, L.t(r.recorded ? "why.noConsensusRecorded" : "why.noConsensusLast"));
    const item = d.rounds.flatMap((x) => x.items).find((i) => i.id === r.itemId);
    return L.t("why.itemNo", { no: r.no, answered: r.answered, item: item?.text ?? r.itemId });
  });
  // A /1 file kept no reasons: its topics were "weak" by that version's rule.
  const why = reasons.length ? reasons.join(L.t("sep.clause")) : imp.suggested ? L.t("why.v1") : null;
  if (imp.marked === true) return why ? L.t("why.markedBoth", { why }) : L.t("why.marked");
  if (imp.marked === false) return why ? L.t("why.unmarkedBoth", { why }) : L.t("why.unmarked");
  return why ? L.t("why.suggested", { why }) : L.t("why.none");
}

/** A topic the group did not assess, with nothing written on it: the report gives it one line. */
export const notAssessed = (d: DomainSummary): boolean =>
  d.rounds.length === 0 && !d.recorded && !d.notes.trim() && !d.actions.trim() && !d.improvement.needed;

/** One row of the report's appendix: the last shown round's statistics as numbers. */
export function statsNumbers(L: ReportWords, s: RatingStats): string[] {
  const median = s.median ? (s.median.low === s.median.high ? L.num(s.median.low) : `${L.num(s.median.low)}–${L.num(s.median.high)}`) : "—";
  const n = (x: number | null) => (x === null ? "—" : L.num(x));
  return [L.num(s.n), median, n(s.q1), n(s.q3), n(s.agreementA), n(s.cns), L.num(s.dissent)];
}

/** The appendix's column heads, in the order of {@link statsNumbers}. */
export const statsNumberHeads = (L: ReportWords): string[] =>
  (["numbers.n", "numbers.median", "numbers.q1", "numbers.q3", "numbers.a", "numbers.cns", "numbers.dissent"] as const).map((k) => L.t(k));
