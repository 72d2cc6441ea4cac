/**
 * @module home/TrendChart
 * One trend series as a small inline SVG: assessments left to right in order of their day, evenly
 * spaced (the days are printed under the first and last, and in the table beside it); the topic's
 * scale from 1 at the bottom to K at the top, in numeric order. A recorded consensus is a filled
 * dot; the line joins two consecutive assessments only when both recorded one, so a gap is never
 * drawn as a trend. "No consensus" is an open circle on a line of its own below 1, labelled NC;
 * "not assessed" and "not recorded" leave their column empty. Shapes, not colours, carry the
 * meaning, so it reads in black and white. The table twin says the same in words: the drawing is
 * hidden from screen readers, which read the table.
 */
import type { TrendPoint } from "../../../core/summary/compare";
import { formatDay, t } from "../i18n";

const STEP = 16;
const TOP = 8;
const LEFT = 28;
const RIGHT = 10;
const WIDTH = 250;
const LABELS = 16;

export function TrendChart({ points, scaleMax }: { points: TrendPoint[]; scaleMax: number }) {
  const n = points.length;
  const ncY = TOP + scaleMax * STEP;
  const height = ncY + 8 + LABELS;
  const plot = WIDTH - LEFT - RIGHT;
  const x = (i: number) => LEFT + (n === 1 ? plot / 2 : (i * plot) / (n - 1));
  const y = (v: number) => TOP + (scaleMax - v) * STEP;
  const segments: string[] = [];
  points.forEach((p, i) => {
    const before = points[i - 1];
    if (i > 0 && before?.value != null && p.value !== null) segments.push(`M${x(i - 1)},${y(before.value)}L${x(i)},${y(p.value)}`);
  });
  // The first and last day always; the ones between only while they fit.
  const dayShown = (i: number) => i === 0 || i === n - 1 || n <= 4;
  const anchor = (i: number) => (n === 1 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle");
  return (
    // Time runs left to right in every language (dir="ltr": "start"/"end" anchors keep their sides).
    <svg class="trend-chart" dir="ltr" viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" focusable="false">
      {Array.from({ length: scaleMax }, (_, k) => k + 1).map((v) => (
        <g key={v}>
          <line class="trend-chart__grid" x1={LEFT - 4} x2={WIDTH - RIGHT + 4} y1={y(v)} y2={y(v)} />
          <text class="trend-chart__tick" x={LEFT - 8} y={y(v) + 3.5} text-anchor="end">
            {v}
          </text>
        </g>
      ))}
      <line class="trend-chart__grid trend-chart__grid--nc" x1={LEFT - 4} x2={WIDTH - RIGHT + 4} y1={ncY} y2={ncY} />
      <text class="trend-chart__tick" x={LEFT - 8} y={ncY + 3.5} text-anchor="end">
        {t("compare.chart.noConsensus")}
      </text>
      <path class="trend-chart__line" d={segments.join("")} />
      {points.map((p, i) =>
        p.value !== null ? (
          <circle key={p.day + i} class="trend-chart__dot" cx={x(i)} cy={y(p.value)} r={4.5} />
        ) : p.state === "noConsensus" ? (
          <circle key={p.day + i} class="trend-chart__open" cx={x(i)} cy={ncY} r={4.5} />
        ) : null,
      )}
      {points.map((p, i) =>
        dayShown(i) ? (
          <text
            key={`d${p.day}${i}`}
            class="trend-chart__day"
            x={x(i) + (anchor(i) === "start" ? -4 : anchor(i) === "end" ? 4 : 0)}
            y={height - 3}
            text-anchor={anchor(i)}
          >
            {formatDay(p.day, "short")}
          </text>
        ) : null,
      )}
    </svg>
  );
}
