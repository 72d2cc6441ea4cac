/**
 * @module ballots
 * Checking one ballot against its domain, and folding a round's ballots into the aggregate that
 * survives them. Pure: the room server calls these with the ballots it holds in memory.
 */
import type { Ballot, RatingValue } from "./protocol";
import type { RatingResult, RoundResult, ItemTally } from "./session";
import { type Domain, type Template, scaleOf, visibleItems } from "./template";

/** The rating keys of a domain: one per facility on per-facility domains, else "domain". */
export function ratingKeys(domain: Domain, facilities: readonly string[]): string[] {
  return domain.rating.perFacility ? facilities.map((_, i) => String(i)) : ["domain"];
}

export type BallotCheck = { ok: true; ballot: Ballot } | { ok: false; message: string };

/**
 * Accepts a ballot for `domain` or says why not. Answers to follow-ups hidden by their gate are
 * dropped rather than refused: a phone that answered a follow-up and then changed the gate is
 * not wrong, its stale answer just no longer counts.
 */
export function checkBallot(template: Template, domain: Domain, facilities: readonly string[], ballot: Ballot): BallotCheck {
  const itemIds = new Set(domain.items.map((i) => i.id));
  for (const id of Object.keys(ballot.answers)) {
    if (!itemIds.has(id)) return { ok: false, message: `unknown item ${id}` };
  }
  const scale = scaleOf(template, domain);
  const keys = new Set(ratingKeys(domain, facilities));
  for (const [key, value] of Object.entries(ballot.ratings)) {
    if (!keys.has(key)) return { ok: false, message: `unknown rating ${key}` };
    if (typeof value === "number" && value > scale.points.length) {
      return { ok: false, message: `rating ${value} is off the 1–${scale.points.length} scale` };
    }
    if (value === "na" && !scale.notAvailableLabel) return { ok: false, message: "this scale has no 'not available'" };
  }
  const visible = new Set(visibleItems(domain, ballot.answers).map((i) => i.id));
  const answers = Object.fromEntries(Object.entries(ballot.answers).filter(([id]) => visible.has(id)));
  return { ok: true, ballot: { ...ballot, answers } };
}

function tallyRating(values: readonly RatingValue[], K: number, k: number): RatingResult {
  const counts = new Array<number>(K).fill(0);
  let dontKnow = 0;
  let notAvailable = 0;
  for (const v of values) {
    if (v === "dk") dontKnow++;
    else if (v === "na") notAvailable++;
    else counts[v - 1] = (counts[v - 1] ?? 0) + 1;
  }
  const n = counts.reduce((a, b) => a + b, 0);
  // Below k nothing is released, not even the don't-know count: respondents − dk would give n.
  if (n < k) return { shown: false };
  return { shown: true, counts, dontKnow, notAvailable };
}

/**
 * The differencing rule for re-votes (docs/design.md §3.11). A re-vote takes ballots only from
 * passes that voted in the round it re-votes (the room checks their receipts), so its voters are
 * that round's voters minus those who dropped out. If some but fewer than k dropped out, the two
 * results side by side would show what those few rated, when the others repeat their ratings (the
 * common case in a Delphi round): the re-vote's result is then withheld. More voters than before
 * can't happen with receipts; should it, the result is withheld too.
 */
export function wouldSingleOut(before: number, now: number, k: number): boolean {
  const droppedOut = before - now;
  return droppedOut < 0 || (droppedOut > 0 && droppedOut < k);
}

/**
 * The aggregate of a closed round. Every released cell passes the gate: a rating's distribution
 * needs ≥ k valid ratings, an item's tally ≥ k answers (and a shown rating in its round). Ballot order is not observable in the
 * result (only counts), so arrival order leaks nothing.
 */
export function aggregateRound(
  template: Template,
  domain: Domain,
  facilities: readonly string[],
  ballots: Iterable<Ballot>,
  k: number,
  round: number,
  /** The shown round this one re-votes, or null when it re-votes nothing. */
  revoted: RoundResult | null = null,
): RoundResult {
  const list = [...ballots];
  const withheld = (): RoundResult => {
    const hidden = Object.fromEntries(ratingKeys(domain, facilities).map((key) => [key, { shown: false as const }]));
    return { round, respondents: list.length, withheld: "would-single-out", ratings: hidden, items: {} };
  };
  if (revoted !== null && wouldSingleOut(revoted.respondents, list.length, k)) return withheld();
  const K = scaleOf(template, domain).points.length;
  const ratings: Record<string, RatingResult> = {};
  for (const key of ratingKeys(domain, facilities)) {
    const values = list.flatMap((b) => (b.ratings[key] === undefined ? [] : [b.ratings[key]]));
    ratings[key] = tallyRating(values, K, k);
  }
  const items: Record<string, ItemTally> = {};
  // A round whose rating stayed below the gate releases nothing at all, not even its item
  // tallies: one rule for the screens and the summary, and no numbers from a hidden round.
  const anyShown = Object.values(ratings).some((r) => r.shown);
  for (const item of anyShown ? domain.items : []) {
    const tally: ItemTally = { yes: 0, no: 0, na: 0 };
    for (const b of list) {
      const a = b.answers[item.id];
      if (a) tally[a]++;
    }
    if (tally.yes + tally.no + tally.na >= k) items[item.id] = tally;
  }
  const result: RoundResult = { round, respondents: list.length, ratings, items };
  return revoted !== null && singlesOutACell(revoted, result, k) ? withheld() : result;
}

const validRatings = (r: RatingResult | undefined): number | null => (r?.shown ? r.counts.reduce((a, b) => a + b, 0) : null);
const answered = (t: ItemTally | undefined): number | null => (t ? t.yes + t.no + t.na : null);

/**
 * The differencing rule per released cell (docs/design.md §3.11). The same people may vote in both
 * rounds, and still a few may leave one cell: a rating answered "don't know" this time (or the
 * other way round), an item left blank or hidden by a changed gate. If a cell shown in both rounds
 * was filled by a different number of people, and the difference is below k, the two results side
 * by side would show what those few answered (when the others repeat theirs): the round is
 * withheld, as when fewer than k voters drop out.
 */
function singlesOutACell(before: RoundResult, now: RoundResult, k: number): boolean {
  const differs = (a: number | null, b: number | null) => a !== null && b !== null && a !== b && Math.abs(a - b) < k;
  return (
    Object.keys(now.ratings).some((key) => differs(validRatings(before.ratings[key]), validRatings(now.ratings[key]))) ||
    Object.keys(now.items).some((id) => differs(answered(before.items[id]), answered(now.items[id])))
  );
}
