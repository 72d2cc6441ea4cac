/**
 * @module summary/compare
 * Two consensus summaries side by side: the toolkit advises repeating the assessment over time,
 * so an organizer loads an earlier export next to a later one and sees, per domain (and per
 * facility on AAAQ), how the recorded consensus and the distribution moved. Pure: the home page
 * runs it in the browser on files that are never uploaded.
 */
import { totalVariation, isStable } from "../stats";
import type { DomainSummary, RatingStats, RatingSummary, Summary } from "./schema";

export interface RatingSide {
  consensus: number | null;
  median: { low: number; high: number } | null;
  counts: number[] | null;
  n: number | null;
}

export interface RatingChange {
  domainId: string;
  number: number;
  title: string;
  facility: string | null;
  scaleMax: number;
  earlier: RatingSide | null;
  later: RatingSide | null;
  /** later − earlier recorded consensus, when both recorded a value. */
  consensusDelta: number | null;
  /** Total-variation distance of the two last distributions, when both were shown. */
  distributionChange: number | null;
  /** distributionChange ≤ 0.15 (docs/design.md §4). */
  stable: boolean | null;
}

export interface Comparison {
  earlier: { title: string; day: string; templateId: string };
  later: { title: string; day: string; templateId: string };
  /** The two summaries come from different templates: domains are matched by id all the same. */
  templateDiffers: boolean;
  rows: RatingChange[];
}

function side(rating: RatingSummary): RatingSide {
  const latest: RatingStats | null = rating.latest;
  return { consensus: rating.consensus, median: latest?.median ?? null, counts: latest?.counts ?? null, n: latest?.n ?? null };
}

/** Ratings match by facility name on per-facility domains (the network may be listed in another order). */
const ratingId = (domain: DomainSummary, rating: RatingSummary): string =>
  `${domain.id}\u0000${domain.perFacility ? (rating.facility ?? rating.key) : rating.key}`;

function index(summary: Summary): Map<string, { domain: DomainSummary; rating: RatingSummary }> {
  const map = new Map<string, { domain: DomainSummary; rating: RatingSummary }>();
  for (const domain of summary.domains) for (const rating of domain.ratings) map.set(ratingId(domain, rating), { domain, rating });
  return map;
}

function change(a: RatingSide | null, b: RatingSide | null): Pick<RatingChange, "consensusDelta" | "distributionChange" | "stable"> {
  const consensusDelta = a?.consensus != null && b?.consensus != null ? b.consensus - a.consensus : null;
  const distributionChange = a?.counts && b?.counts && a.counts.length === b.counts.length ? totalVariation(a.counts, b.counts) : null;
  return { consensusDelta, distributionChange, stable: distributionChange === null ? null : isStable(distributionChange) };
}

/** Every rating of either summary, in the later summary's order, then what only the earlier had. */
export function compareSummaries(earlier: Summary, later: Summary): Comparison {
  const before = index(earlier);
  const after = index(later);
  const ids = [...after.keys(), ...[...before.keys()].filter((id) => !after.has(id))];
  const rows = ids.map((id): RatingChange => {
    const a = before.get(id);
    const b = after.get(id);
    const { domain, rating } = (b ?? a)!;
    const earlierSide = a ? side(a.rating) : null;
    const laterSide = b ? side(b.rating) : null;
    return {
      domainId: domain.id,
      number: domain.number,
      title: domain.title,
      facility: domain.perFacility ? rating.facility : null,
      scaleMax: domain.scale.points.length,
      earlier: earlierSide,
      later: laterSide,
      ...change(earlierSide, laterSide),
    };
  });
  const head = (s: Summary) => ({ title: s.session.title, day: s.session.day, templateId: s.template.id });
  return { earlier: head(earlier), later: head(later), templateDiffers: earlier.template.id !== later.template.id, rows };
}
