/**
 * @module summary/svg
 * The report's charts as inline SVG strings: one overview bar (a domain's, or on AAAQ a
 * facility's, value on its 1..K scale; the overview table around the bars is in html.ts) and one
 * round's distribution. Styling is by class only (the report's single `<style>` element), never a
 * `style` attribute, so the report's CSP needs no 'unsafe-inline'/'unsafe-hashes'. Every text is
 * escaped.
 */
import type { ReportWords } from "./i18n/index";
import type { DomainSummary, OverviewRow, RatingStats } from "./schema";

/** Escapes text for HTML/SVG content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** Coordinates with one decimal: no float noise in the markup. */
const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * One overview bar: the row's value on its own 1..K scale, as a decorative SVG that stretches to
 * its table cell (the value is in the next cell as text, so the chart is `aria-hidden`). Ticks
 * mark the scale points; the lightest part marks a median between two points. No text inside:
 * every label is HTML text in the table, so it wraps and prints at the table's font size.
 */
export function overviewBar(o: OverviewRow): string {
  const x = (v: number) => r1((100 * v) / o.scaleMax);
  const parts = [`<rect class="track" x="0" y="1" width="100" height="10"/>`];
  if (o.low !== null && o.high !== null) {
    parts.push(`<rect class="${o.source === "consensus" ? "bar" : "bar med"}" x="0" y="1" width="${x(o.low)}" height="10"/>`);
    if (o.high > o.low) parts.push(`<rect class="bar between" x="${x(o.low)}" y="1" width="${r1(x(o.high) - x(o.low))}" height="10"/>`);
  }
  for (let v = 1; v < o.scaleMax; v++) {
    parts.push(`<line class="tick" x1="${x(v)}" y1="0" x2="${x(v)}" y2="12" vector-effect="non-scaling-stroke"/>`);
  }
  return (
    `<svg class="ovbar" aria-hidden="true" focusable="false" viewBox="0 0 100 12" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">` +
    parts.join("") +
    `</svg>`
  );
}

/**
 * One round's distribution: a bar per scale point in numeric order, then "don't know" (and "not
 * available"), labelled in the report's language. Left to right on a right-to-left report too
 * (`dir="ltr"`): a scale reads from its low end, as on every screen.
 */
export function distributionSvg(L: ReportWords, scale: DomainSummary["scale"], s: RatingStats): string {
  const cats = s.counts.map((c, i) => ({ label: L.num(i + 1), count: c, cls: "bar" }));
  cats.push({ label: L.t("chart.dk"), count: s.dontKnow, cls: "bar dk" });
  if (scale.notAvailableLabel) cats.push({ label: L.t("chart.na"), count: s.notAvailable, cls: "bar dk" });
  const max = Math.max(1, ...cats.map((c) => c.count));
  const colW = 44;
  const plotH = 90;
  const top = 16;
  const w = cats.length * colW + 8;
  const h = top + plotH + 22;
  const bars = cats.map((c, i) => {
    const bh = r1((plotH * c.count) / max);
    const x = 4 + i * colW;
    return (
      `<rect class="${c.cls}" x="${x + 6}" y="${r1(top + plotH - bh)}" width="${colW - 12}" height="${bh}"/>` +
      `<text class="val" x="${x + colW / 2}" y="${r1(top + plotH - bh - 3)}" text-anchor="middle">${esc(L.num(c.count))}</text>` +
      `<text class="lbl" x="${x + colW / 2}" y="${top + plotH + 15}" text-anchor="middle">${esc(c.label)}</text>`
    );
  });
  const sep = L.t("sep.list");
  const words = s.counts.map((c, i) => L.t("chart.rated", { n: c, value: i + 1, label: scale.points[i]?.label ?? "" })).join(sep);
  const extra = [L.t("chart.other", { n: s.dontKnow, label: scale.dontKnowLabel })];
  if (scale.notAvailableLabel) extra.push(L.t("chart.other", { n: s.notAvailable, label: scale.notAvailableLabel }));
  return (
    `<svg class="dist"${L.dir === "rtl" ? ' dir="ltr"' : ""} role="img" aria-label="${esc(L.t("chart.label", { counts: words, other: extra.join(sep) }))}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="base" x1="0" y1="${top + plotH}" x2="${w}" y2="${top + plotH}"/>` +
    bars.join("") +
    `</svg>`
  );
}
