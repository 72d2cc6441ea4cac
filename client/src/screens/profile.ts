/**
 * @module screens/profile
 * The rows of the end-of-session profile: for every domain (and every facility on AAAQ) the
 * recorded consensus, else the median of its last revealed round, else why there is none.
 */
import { ratingKeys } from "../../../core/ballots";
import type { DocMeta, SessionState } from "../../../core/session";
import { summarizeRound } from "../../../core/stats";
import { type Template, scaleOf } from "../../../core/template";

export interface ProfileRow {
  id: string;
  /** Full label ("3. Staff communication", or "12. … — Facility"). */
  label: string;
  /** Label for the chart, where space is short: the facility keeps its name on AAAQ rows. */
  short: string;
  K: number;
  /** Where to draw: one point, or a span for a median "between a and b". */
  value: { low: number; high: number } | null;
  source: "recorded" | "median" | "no-consensus" | "skipped" | "hidden" | "none";
}

export function profileRows(template: Template, meta: DocMeta, session: SessionState): ProfileRow[] {
  const rows: ProfileRow[] = [];
  for (const id of meta.domainIds) {
    const domain = template.domains.find((d) => d.id === id);
    const state = session.domains[id];
    if (!domain || !state) continue;
    const K = scaleOf(template, domain).points.length;
    const keys = ratingKeys(domain, meta.facilities);
    const latest = state.rounds[state.rounds.length - 1];
    for (const [i, key] of keys.entries()) {
      const label = domain.rating.perFacility
        ? `${domain.number}. ${domain.title} — ${meta.facilities[i] ?? key}`
        : `${domain.number}. ${domain.title}`;
      const short = domain.rating.perFacility ? `${domain.number}. ${meta.facilities[i] ?? key}` : label;
      const base = { id: `${id}:${key}`, label, short, K };
      const recorded = state.consensus?.values[key];
      if (state.status === "recorded" && recorded !== undefined) {
        rows.push(
          recorded === null
            ? { ...base, value: null, source: "no-consensus" }
            : { ...base, value: { low: recorded, high: recorded }, source: "recorded" },
        );
        continue;
      }
      if (state.status === "skipped") {
        rows.push({ ...base, value: null, source: "skipped" });
        continue;
      }
      const result = latest?.ratings[key];
      if (!result?.shown) {
        rows.push({ ...base, value: null, source: result ? "hidden" : "none" });
        continue;
      }
      const median = summarizeRound(result.counts, result.dontKnow, { k: meta.k }).median;
      rows.push(median ? { ...base, value: median, source: "median" } : { ...base, value: null, source: "none" });
    }
  }
  return rows;
}
