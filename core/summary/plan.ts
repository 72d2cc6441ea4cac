/**
 * @module summary/plan
 * The improvement plan a summary opens with (issue 11): the topics that need improvement, worst
 * first, and every action item of the session in one list. Also the upgrade of a /1 file (written
 * before topics were marked) to /2, for the comparison. Pure.
 */
import { parseActionItems } from "../action-items";
import type { DomainSummary, Plan, Summary, SummaryV1 } from "./schema";
import { SUMMARY_SCHEMA_ID } from "./schema";

/**
 * Where a topic stands, 0 (the scale's lowest) to 1 (its highest): its lowest rating, by the
 * recorded value or, not recorded, the last shown median; a rating without either counts as the
 * scale's middle (0.5), so "no consensus" ranks after a recorded low value and before a good one.
 */
function standing(d: DomainSummary): number {
  const K = d.scale.points.length;
  const of = (v: number) => (v - 1) / (K - 1);
  return Math.min(
    ...d.ratings.map((r) =>
      r.consensus !== null ? of(r.consensus) : r.latest?.median ? of((r.latest.median.low + r.latest.median.high) / 2) : 0.5,
    ),
  );
}

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

export function improvementPlan(domains: readonly DomainSummary[]): Plan {
  const topics = domains
    .filter((d) => d.improvement.needed)
    .map((d) => ({ d, at: standing(d) }))
    .sort((a, b) => a.at - b.at || a.d.number - b.d.number)
    .map(({ d }) => ({ domainId: d.id, number: d.number, title: d.title }));
  // High priority first, then the earliest due day; items without either after those that have one.
  const actions = domains
    .flatMap((d) => d.actionItems.map((item) => ({ ...item, domainId: d.id, number: d.number, title: d.title })))
    .map((a, i) => ({ a, i }))
    .sort(
      (x, y) =>
        (x.a.priority ? PRIORITY_ORDER[x.a.priority] : 3) - (y.a.priority ? PRIORITY_ORDER[y.a.priority] : 3) ||
        (x.a.due ?? "9999").localeCompare(y.a.due ?? "9999") ||
        x.i - y.i,
    )
    .map(({ a }) => a);
  return { topics, actions };
}

/**
 * A /1 summary as /2: its topics "need improvement" where /1 said weak (its only rule then, with no
 * mark and no reasons kept); action items read from its action text.
 */
export function upgradeSummary(v1: SummaryV1): Summary {
  const domains: DomainSummary[] = v1.domains.map((d) => {
    const needed = d.ratings.some((r) => r.weak);
    return { ...d, improvement: { needed, suggested: needed, marked: null, reasons: [] }, actionItems: parseActionItems(d.actions) };
  });
  return { ...v1, schema: SUMMARY_SCHEMA_ID, domains, plan: improvementPlan(domains) };
}
