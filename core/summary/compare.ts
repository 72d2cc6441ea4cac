/**
 * @module summary/compare
 * Several consensus summaries compared (issue 12): the toolkit names organizations assessing the
 * facilities they refer to and public-health officials assessing a group of local organizations,
 * and it advises repeating the assessment over time. So an organizer loads up to
 * {@link MAX_COMPARED} exported summaries and sees them two ways:
 *
 * - **organizations side by side** ({@link sideBySide}): topics × assessments, each cell the value
 *   that represents the topic ({@link topicValue}), whether it needs improvement and how many
 *   action items it has, the weakest per topic marked ({@link weakest});
 * - **trend over time** ({@link trendOf}): one organization's assessments by day, per topic (per
 *   facility on a per-facility topic) the recorded values, the change from the assessment before
 *   and how far the ratings moved.
 *
 * Pure: the home page runs it in the browser on files that are never uploaded; the UI only renders
 * what these functions return.
 */
import { isStable, totalVariation } from "../stats";
import type { DomainSummary, RatingSummary, Summary } from "./schema";

/** Twelve: a referral network or a year of monthly assessments, and a table that still prints on A4. */
export const MAX_COMPARED = 12;

/**
 * What a topic's cell says. `notRecorded`: rounds were held but the group recorded nothing;
 * `notAssessed`: no round closed, the topic was skipped, or the file doesn't have it (a session
 * may cover only some topics). `notAvailable`: recorded as the scale's N/A ("Service not
 * available" on AAAQ), not a point: it is named, never ranked nor counted in a median.
 */
export type TopicState = "recorded" | "noConsensus" | "notAvailable" | "notRecorded" | "notAssessed";

export interface FacilityValue {
  facility: string;
  /** The facility's recorded consensus; null = "no consensus reached" (or nothing recorded). */
  value: number | null;
  /** Recorded as "Service not available" (the scale's N/A). */
  notAvailable?: true;
}

export interface TopicValue {
  state: TopicState;
  /**
   * The value that represents the topic: its recorded consensus; on a per-facility topic (AAAQ,
   * domain 12) the median of the facilities' recorded values, which may fall between two points
   * (1.5). Null unless `state` is "recorded".
   */
  value: number | null;
  /** Per-facility topics: every facility's own value, in the file's order; else null. */
  facilities: FacilityValue[] | null;
}

/** The middle of the sorted values (the mean of the two middle ones for an even count). */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The value that represents a topic in one summary. A per-facility topic is summed up by the
 * median of its recorded facility values: organizations refer to networks of different sizes and
 * members, so one facility can't stand for the topic, the lowest would let a single facility decide
 * "weakest", and the ratings are ordinal (a mean would invent distances the scale doesn't have).
 * The facilities' own values travel with it, so the cell can still list them.
 */
export function topicValue(domain: DomainSummary | undefined): TopicValue {
  if (!domain) return { state: "notAssessed", value: null, facilities: null };
  const facilities = domain.perFacility
    ? domain.ratings.map((r) => ({
        facility: r.facility ?? r.key,
        value: domain.recorded ? r.consensus : null,
        ...(domain.recorded && r.notAvailable ? { notAvailable: true as const } : {}),
      }))
    : null;
  if (!domain.recorded) {
    const held = domain.status !== "skipped" && domain.rounds.length > 0;
    return { state: held ? "notRecorded" : "notAssessed", value: null, facilities };
  }
  const values = domain.perFacility
    ? domain.ratings.flatMap((r) => (r.consensus === null ? [] : [r.consensus]))
    : [domain.ratings[0]?.consensus ?? null].filter((v): v is number => v !== null);
  const value = medianOf(values);
  if (value !== null) return { state: "recorded", value, facilities };
  // Every facility recorded as "not available": say so rather than "no consensus".
  const allUnavailable = domain.ratings.length > 0 && domain.ratings.every((r) => r.notAvailable);
  return { state: allUnavailable ? "notAvailable" : "noConsensus", value, facilities };
}

/**
 * The weakest of one topic's values across organizations: every position holding the lowest
 * value, when at least two organizations recorded one and they differ (a lone value or a tie of
 * all is "weakest" of nothing). "No consensus" and "not assessed" are not values and are never
 * weakest: there is nothing to rank.
 */
export function weakest(values: readonly (number | null)[]): boolean[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return values.map(() => false);
  const low = Math.min(...present);
  if (low === Math.max(...present)) return values.map(() => false);
  return values.map((v) => v === low);
}

/** The organization a summary assessed: its facility under review, or its title when it names none. */
export function organizationOf(summary: Summary): string {
  return (summary.session.facility ?? "").trim() || summary.session.title.trim();
}

/** Names match however they were typed: case, width and runs of spaces aside. */
export const organizationKey = (name: string): string => name.normalize("NFKC").replace(/\s+/g, " ").trim().toLocaleLowerCase();

export interface AssessmentHead {
  /** Position in the list given (the file's place in the page's list). */
  index: number;
  organization: string;
  organizationKey: string;
  /** The organization, with the day when it has several assessments (and a number when one day has two). */
  name: string;
  title: string;
  day: string;
}

/** Every summary's head, named so that no two share a name. */
export function assessmentHeads(summaries: readonly Summary[]): AssessmentHead[] {
  const heads = summaries.map((s, index) => {
    const organization = organizationOf(s);
    return {
      index,
      organization,
      organizationKey: organizationKey(organization),
      name: organization,
      title: s.session.title,
      day: s.session.day,
    };
  });
  const count = (f: (h: AssessmentHead) => string) => {
    const n = new Map<string, number>();
    for (const h of heads) n.set(f(h), (n.get(f(h)) ?? 0) + 1);
    return n;
  };
  const perOrg = count((h) => h.organizationKey);
  const perDay = count((h) => `${h.organizationKey}\u0000${h.day}`);
  const seen = new Map<string, number>();
  for (const h of heads) {
    if ((perOrg.get(h.organizationKey) ?? 0) < 2) continue;
    const dayKey = `${h.organizationKey}\u0000${h.day}`;
    if ((perDay.get(dayKey) ?? 0) < 2) h.name = `${h.organization} (${h.day})`;
    else {
      const n = (seen.get(dayKey) ?? 0) + 1;
      seen.set(dayKey, n);
      h.name = `${h.organization} (${h.day}, ${n})`;
    }
  }
  return heads;
}

export interface TopicHead {
  domainId: string;
  number: number;
  title: string;
  perFacility: boolean;
  /** K, the number of scale points. */
  scaleMax: number;
  /** The scale's words, 1 to K. */
  labels: string[];
}

/** Every topic any of the summaries has, by number (the template's order), each once. */
export function topicsOf(summaries: readonly Summary[]): TopicHead[] {
  const byId = new Map<string, TopicHead>();
  for (const s of summaries)
    for (const d of s.domains)
      if (!byId.has(d.id))
        byId.set(d.id, {
          domainId: d.id,
          number: d.number,
          title: d.title,
          perFacility: d.perFacility,
          scaleMax: d.scale.points.length,
          labels: d.scale.points.map((p) => p.label),
        });
  return [...byId.values()].sort((a, b) => a.number - b.number);
}

const domainOf = (s: Summary, id: string): DomainSummary | undefined => s.domains.find((d) => d.id === id);

// ---- organizations side by side ----

export interface OrganizationCell {
  value: TopicValue;
  /** Whether the topic needs improvement (the mark, else Candor's suggestion); null when the file lacks the topic. */
  needsImprovement: boolean | null;
  actionItems: number;
  weakest: boolean;
}

export interface SideBySide {
  /** The columns: by organization, then day. */
  assessments: AssessmentHead[];
  rows: { topic: TopicHead; cells: OrganizationCell[] }[];
}

const byOrganizationThenDay = (a: AssessmentHead, b: AssessmentHead) =>
  a.organizationKey.localeCompare(b.organizationKey) || a.day.localeCompare(b.day) || a.index - b.index;

export function sideBySide(summaries: readonly Summary[]): SideBySide {
  const assessments = assessmentHeads(summaries).sort(byOrganizationThenDay);
  const rows = topicsOf(summaries).map((topic) => {
    const cells = assessments.map((a): Omit<OrganizationCell, "weakest"> => {
      const domain = domainOf(summaries[a.index]!, topic.domainId);
      return {
        value: topicValue(domain),
        needsImprovement: domain ? domain.improvement.needed : null,
        actionItems: domain?.actionItems.length ?? 0,
      };
    });
    const low = weakest(cells.map((c) => c.value.value));
    return { topic, cells: cells.map((c, i) => ({ ...c, weakest: low[i]! })) };
  });
  return { assessments, rows };
}

// ---- trend over time ----

export interface OrganizationGroup {
  key: string;
  name: string;
  /** Positions in the list given, by day. */
  indexes: number[];
}

const byDay = (a: AssessmentHead, b: AssessmentHead) => a.day.localeCompare(b.day) || a.index - b.index;

/** The organizations among the summaries, the one with most assessments first (then by name). */
export function organizationGroups(summaries: readonly Summary[]): OrganizationGroup[] {
  const groups = new Map<string, { name: string; heads: AssessmentHead[] }>();
  for (const h of assessmentHeads(summaries)) {
    const g = groups.get(h.organizationKey) ?? { name: h.organization, heads: [] };
    g.heads.push(h);
    groups.set(h.organizationKey, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, name: g.name, indexes: g.heads.sort(byDay).map((h) => h.index) }))
    .sort((a, b) => b.indexes.length - a.indexes.length || a.key.localeCompare(b.key));
}

export interface TrendPoint {
  day: string;
  title: string;
  state: TopicState;
  value: number | null;
  /** This value minus the assessment before's, when both recorded one. */
  change: number | null;
  /** How far the last round's ratings moved since the assessment before (total variation), when both were shown. */
  distributionChange: number | null;
  /** distributionChange ≤ 0.15 (docs/design.md §4). */
  stable: boolean | null;
}

export interface TrendSeries {
  topic: TopicHead;
  /** The facility on a per-facility topic (one series each, matched by name over time); else null. */
  facility: string | null;
  /** One per assessment, by day. */
  points: TrendPoint[];
}

export interface Trend {
  organization: string;
  /** The organization's assessments, by day (the same day: in the order given). */
  assessments: AssessmentHead[];
  series: TrendSeries[];
}

/** One rating's point in one summary: its recorded value and state, and its last shown counts. */
function ratingPoint(
  domain: DomainSummary | undefined,
  rating: RatingSummary | undefined,
): Pick<TrendPoint, "state" | "value"> & { counts: number[] | null } {
  const counts = rating?.latest?.counts ?? null;
  if (!domain || !rating) return { state: "notAssessed", value: null, counts: null };
  if (!domain.recorded) return { state: topicValue(domain).state, value: null, counts };
  if (rating.notAvailable) return { state: "notAvailable", value: null, counts };
  return rating.consensus === null ? { state: "noConsensus", value: null, counts } : { state: "recorded", value: rating.consensus, counts };
}

const facilityKey = (name: string) => organizationKey(name);

/**
 * One organization's assessments over time: per topic the recorded value at each assessment, by
 * day; a per-facility topic gives a series per facility, matched by name (the network may be
 * listed in another order, and facilities join and leave).
 */
export function trendOf(summaries: readonly Summary[], organization: string): Trend | null {
  const group = organizationGroups(summaries).find((g) => g.key === organizationKey(organization));
  if (!group) return null;
  const heads = assessmentHeads(summaries);
  const assessments = group.indexes.map((i) => heads[i]!);
  const mine = group.indexes.map((i) => summaries[i]!);
  const series: TrendSeries[] = [];
  for (const topic of topicsOf(mine)) {
    const domains = mine.map((s) => domainOf(s, topic.domainId));
    const lines: { facility: string | null; pick: (d: DomainSummary | undefined) => RatingSummary | undefined }[] = [];
    if (!topic.perFacility) lines.push({ facility: null, pick: (d) => d?.ratings[0] });
    else {
      const names = new Map<string, string>();
      for (const d of domains)
        for (const r of d?.ratings ?? [])
          names.set(facilityKey(r.facility ?? r.key), names.get(facilityKey(r.facility ?? r.key)) ?? r.facility ?? r.key);
      for (const [key, facility] of names)
        lines.push({ facility, pick: (d) => d?.ratings.find((r) => facilityKey(r.facility ?? r.key) === key) });
    }
    for (const line of lines) {
      const raw = domains.map((d) => ratingPoint(d, line.pick(d)));
      const points = raw.map((p, i): TrendPoint => {
        const before = i > 0 ? raw[i - 1]! : null;
        const change = before?.value != null && p.value !== null ? p.value - before.value : null;
        const tv = before?.counts && p.counts && before.counts.length === p.counts.length ? totalVariation(before.counts, p.counts) : null;
        return {
          day: assessments[i]!.day,
          title: assessments[i]!.title,
          state: p.state,
          value: p.value,
          change,
          distributionChange: tv,
          stable: tv === null ? null : isStable(tv),
        };
      });
      series.push({ topic, facility: line.facility, points });
    }
  }
  return { organization: group.name, assessments, series };
}

// ---- which files go together ----

export type Admission =
  | { ok: true }
  | { ok: false; reason: "tooMany"; max: number }
  | { ok: false; reason: "template"; expected: string; found: string };

/**
 * Whether a summary may join those already loaded: at most {@link MAX_COMPARED}, and all of one
 * template (topics are matched by id, and another template's topics of the same id are other
 * questions). The first file loaded sets the template; removing every file frees it again.
 */
export function admit(loaded: readonly Summary[], candidate: Summary): Admission {
  if (loaded.length >= MAX_COMPARED) return { ok: false, reason: "tooMany", max: MAX_COMPARED };
  const first = loaded[0];
  if (first && first.template.id !== candidate.template.id)
    return { ok: false, reason: "template", expected: first.template.title, found: candidate.template.title };
  return { ok: true };
}
