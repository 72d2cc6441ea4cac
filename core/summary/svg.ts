/**
 * @module summary/svg
 * The report's two charts as inline SVG strings: the overview profile (one horizontal bar per
 * domain, or per facility on AAAQ, on its 1..K scale) and one round's distribution. Styling is by
 * class only (the report's single `<style>` element), never a `style` attribute, so the report's
 * CSP needs no 'unsafe-inline'/'unsafe-hashes'. Every text is escaped.
 */
import type { DomainSummary, OverviewRow, RatingStats } from "./schema";
import { overviewValue } from "./words";

/** Escapes text for HTML/SVG content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** Coordinates with one decimal: no float noise in the markup. */
const r1 = (v: number) => Math.round(v * 10) / 10;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function overviewSvg(rows: readonly OverviewRow[]): string {
  const rowH = 22;
  const labelW = 300;
  const barW = 300;
  const top = 24;
  const h = top + rows.length * rowH + 8;
  const w = labelW + barW + 130;
  const x = (v: number, max: number) => r1(labelW + (barW * v) / max);
  const parts = rows.map((o, i) => {
    const y = top + i * rowH;
    // On per-facility domains the facility tells the rows apart, so it comes first.
    const name = o.facility ? `${o.number}. ${o.facility} — ${o.title}` : `${o.number}. ${o.title}`;
    const label = `<text class="lbl" x="${labelW - 8}" y="${y + 15}" text-anchor="end">${esc(clip(name, 46))}</text>`;
    const track = `<rect class="track" x="${labelW}" y="${y + 4}" width="${barW}" height="14"/>`;
    if (o.low === null || o.high === null) {
      return `${label}${track}<text class="val" x="${labelW + barW + 8}" y="${y + 15}">no result</text>`;
    }
    const cls = o.source === "consensus" ? "bar" : "bar med";
    const bar = `<rect class="${cls}" x="${labelW}" y="${y + 4}" width="${r1(x(o.low, o.scaleMax) - labelW)}" height="14"/>`;
    const between = o.high > o.low
      ? `<rect class="bar between" x="${x(o.low, o.scaleMax)}" y="${y + 4}" width="${r1(x(o.high, o.scaleMax) - x(o.low, o.scaleMax))}" height="14"/>`
      : "";
    const value = `${overviewValue(o.low, o.high)} of ${o.scaleMax}${o.source === "median" ? " (median)" : ""}`;
    return `${label}${track}${bar}${between}<text class="val" x="${labelW + barW + 8}" y="${y + 15}">${esc(value)}</text>`;
  });
  const summary = rows.map((o) => `${o.number}${o.facility ? ` ${o.facility}` : ""}: ${overviewValue(o.low, o.high)}`).join("; ");
  return (
    `<svg class="chart" role="img" aria-label="${esc(`Overview profile. ${summary}`)}" viewBox="0 0 ${w} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg">` +
    `<text class="axis" x="${labelW}" y="14">weak</text><text class="axis" x="${labelW + barW}" y="14" text-anchor="end">strong</text>` +
    parts.join("") +
    `</svg>`
  );
}

export function distributionSvg(scale: DomainSummary["scale"], s: RatingStats): string {
  const cats = s.counts.map((c, i) => ({ label: String(i + 1), count: c, cls: "bar" }));
  cats.push({ label: "DK", count: s.dontKnow, cls: "bar dk" });
  if (scale.notAvailableLabel) cats.push({ label: "N/A", count: s.notAvailable, cls: "bar dk" });
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
      `<text class="val" x="${x + colW / 2}" y="${r1(top + plotH - bh - 3)}" text-anchor="middle">${c.count}</text>` +
      `<text class="lbl" x="${x + colW / 2}" y="${top + plotH + 15}" text-anchor="middle">${c.label}</text>`
    );
  });
  const words = s.counts.map((c, i) => `${c} rated ${i + 1} (${scale.points[i]?.label ?? ""})`).join(", ");
  const extra = `${s.dontKnow} ${scale.dontKnowLabel}` + (scale.notAvailableLabel ? `, ${s.notAvailable} ${scale.notAvailableLabel}` : "");
  return (
    `<svg class="dist" role="img" aria-label="${esc(`Distribution: ${words}; ${extra}`)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="base" x1="0" y1="${top + plotH}" x2="${w}" y2="${top + plotH}"/>` +
    bars.join("") +
    `</svg>`
  );
}
