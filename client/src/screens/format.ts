/**
 * @module screens/format
 * Words for the numbers of docs/design.md §4, shared by projector, console and profile chart: the median
 * is never shown as "3.5" but as "between 3 and 4"; shares are whole percentages.
 */
import { NOT_AVAILABLE, type RecordedValue } from "../../../core/facilities";
import type { RoundStats, RoundStatus } from "../../../core/stats";
import type { Scale } from "../../../core/template";
import { type MessageKey, t, tn } from "../i18n";

export const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((100 * part) / whole) : 0);

export function pointLabel(scale: Scale, value: number): string {
  return scale.points[value - 1]?.label ?? String(value);
}

export function medianText(stats: RoundStats, scale: Scale): string {
  const m = stats.median;
  if (!m) return t("stats.none");
  return m.low === m.high
    ? t("stats.medianValue", { v: m.low, label: pointLabel(scale, m.low) })
    : t("stats.medianBetween", { a: m.low, b: m.high });
}

/** Quartiles may be x.5 (type 2 averages at discontinuities); one decimal at most. */
const q = (v: number | null): string => (v === null ? "–" : Number.isInteger(v) ? String(v) : v.toFixed(1));

export function quartilesText(stats: RoundStats): string {
  return t("stats.quartilesValue", { q1: q(stats.q1), q3: q(stats.q3), min: q(stats.min), max: q(stats.max) });
}

export function bestPairText(stats: RoundStats): string {
  if (!stats.bestPair) return t("stats.none");
  // Word joiners keep "4–5" together when the line wraps.
  const pair = `${stats.bestPair.low}\u2060–\u2060${stats.bestPair.high}`;
  return t("stats.bestPairValue", { pct: percent(stats.bestPair.count, stats.n), pair });
}

export function statusText(status: RoundStatus): string {
  return t(`status.${status}` as MessageKey);
}

export function dissentText(stats: RoundStats): string {
  return stats.dissent === 0 ? t("stats.dissentNone") : tn("stats.dissent", stats.dissent);
}

/** "4 · Somewhat strong", or "No consensus" for a recorded null. */
export function recordedText(scale: Scale, value: RecordedValue): string {
  if (value === NOT_AVAILABLE) return scale.notAvailableLabel ?? t("consensus.none");
  return value === null ? t("consensus.none") : t("consensus.valueLabel", { v: value, label: pointLabel(scale, value) });
}
