/**
 * @module screens/profile
 * The rows of the end-of-session profile: for every topic (and every facility on AAAQ) its
 * result by the one rule of core/topic-result.ts, which the summary's overview follows too.
 */
import type { DocMeta, SessionState } from "../../../core/session";
import { scaleOf, type Template } from "../../../core/template";
import { type ResultSource, topicOutcome } from "../../../core/topic-result";

export interface ProfileRow {
  id: string;
  /** Full label ("3. Staff communication", or "12. … — Facility"). */
  label: string;
  /** Label for the chart, where space is short: the facility keeps its name on AAAQ rows. */
  short: string;
  K: number;
  /** Where to draw: one point, or a span for a median "between a and b". */
  value: { low: number; high: number } | null;
  source: ResultSource;
}

export function profileRows(template: Template, meta: DocMeta, session: SessionState): ProfileRow[] {
  const rows: ProfileRow[] = [];
  for (const id of meta.domainIds) {
    const domain = template.domains.find((d) => d.id === id);
    const state = session.domains[id];
    if (!domain || !state) continue;
    const K = scaleOf(template, domain).points.length;
    for (const o of topicOutcome(template, domain, state, meta.facilities, meta.k)) {
      const label = o.facility === null ? `${domain.number}. ${domain.title}` : `${domain.number}. ${domain.title} — ${o.facility}`;
      const short = o.facility === null ? label : `${domain.number}. ${o.facility}`;
      rows.push({ id: `${id}:${o.key}`, label, short, K, value: o.value, source: o.source });
    }
  }
  return rows;
}
