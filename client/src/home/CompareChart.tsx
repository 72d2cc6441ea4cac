/**
 * @module home/CompareChart
 * One comparison row's two distributions as a small inline SVG: the earlier ratings on the upper
 * row, the later on the lower, one bar per scale point, heights as shares of each side's ratings
 * on one common scale (the two sessions may have had different numbers of people). The SVG is an
 * image whose label gives every count, so nothing is said by the drawing alone.
 */
import type { RatingSide } from "../../../core/summary/compare";
import { t } from "../i18n";

const WIDTH = 120;
const ROW = 18;
const GAP = 6;
const HEIGHT = 2 * ROW + GAP + 2;

function words(side: RatingSide | null): string {
  if (!side?.counts) return t("compare.chart.none");
  return side.counts.map((n, i) => t("compare.chart.point", { n, v: i + 1 })).join(", ");
}

function shares(side: RatingSide | null): number[] | null {
  if (!side?.counts) return null;
  const n = side.counts.reduce((a, b) => a + b, 0);
  return side.counts.map((c) => (n > 0 ? c / n : 0));
}

export function CompareChart({ earlier, later, scaleMax }: { earlier: RatingSide | null; later: RatingSide | null; scaleMax: number }) {
  const a = shares(earlier);
  const b = shares(later);
  const top = Math.max(0.01, ...(a ?? []), ...(b ?? []));
  const K = Math.max(scaleMax, a?.length ?? 0, b?.length ?? 0, 1);
  const col = WIDTH / K;
  const bar = Math.max(2, col * 0.7);
  const row = (values: number[] | null, y: number, which: "earlier" | "later") => (
    <g>
      <line class="compare-chart__axis" x1={0} x2={WIDTH} y1={y + ROW + 0.5} y2={y + ROW + 0.5} />
      {values?.map((v, i) => {
        const h = (v / top) * ROW;
        return h > 0 ? (
          <rect
            key={i}
            class={`compare-chart__bar compare-chart__bar--${which}`}
            x={col * i + (col - bar) / 2}
            y={y + ROW - h}
            width={bar}
            height={h}
          />
        ) : null;
      })}
    </g>
  );
  return (
    <svg
      class="compare-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={t("compare.chart.label", { earlier: words(earlier), later: words(later) })}
    >
      {row(a, 0, "earlier")}
      {row(b, ROW + GAP, "later")}
    </svg>
  );
}
