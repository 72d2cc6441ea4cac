/**
 * @module screens/DistributionChart
 * The distribution of one revealed rating (the primary display, docs/design.md §4): one bar per scale
 * point with its count above and its number and label below. Hand-written SVG that scales with
 * its container (viewBox), so the projector's large type comes for free. The SVG is an image with
 * a title and description; a visually hidden table gives the same numbers to screen readers.
 */
import { useId } from "preact/hooks";
import { t } from "../i18n";
import { CHAR_WIDTH, wrapWords } from "./svgText";
import { DataTable } from "./DataTable";

interface Props {
  title: string;
  /** The projector's lettering: larger numbers and labels for the same width (a narrow column at 4:3). */
  large?: boolean;
  /** counts[i] = ratings of scale point i+1. */
  counts: readonly number[];
  labels: readonly string[];
  /** Shown in the table only (don't know, not available): never bars, never part of a statistic. */
  extras?: readonly { label: string; count: number }[];
}

const WIDTH = 1000;
/** CHAR: the glyph width wrapping assumes, as a share of LABEL_SIZE. */
const NORMAL = { TOP: 56, BAR_AREA: 300, NUM_SIZE: 40, LABEL_SIZE: 30, LINE: 36, CHAR: CHAR_WIDTH };
// Labels as large as five columns allow, wrapped with a wider glyph estimate (so "Somewhat" can't
// run into "Moderate" in a wide system font); shorter bars.
const LARGE = { TOP: 80, BAR_AREA: 240, NUM_SIZE: 64, LABEL_SIZE: 36, LINE: 42, CHAR: 0.62 };

export function DistributionChart({ title, counts, labels, extras = [], large = false }: Props) {
  const id = useId();
  // TOP: room for the count above the tallest bar.
  const { TOP, BAR_AREA, NUM_SIZE, LABEL_SIZE, LINE, CHAR } = large ? LARGE : NORMAL;
  const K = counts.length;
  const col = WIDTH / K;
  const barWidth = Math.min(col * 0.62, 170);
  const max = Math.max(1, ...counts);
  const base = TOP + BAR_AREA;
  const wrapped = labels.map((l) => wrapWords(l, Math.max(6, Math.floor((col - 12) / (LABEL_SIZE * CHAR)))));
  const lines = Math.max(1, ...wrapped.map((w) => w.length));
  const height = base + 20 + NUM_SIZE + lines * LINE + 12;
  const desc = counts.map((c, i) => t("chart.descPoint", { v: i + 1, label: labels[i] ?? "", n: c })).join("; ");

  return (
    <figure class="chart">
      <svg
        class="chart__svg"
        dir="ltr"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line class="chart__axis" x1={0} x2={WIDTH} y1={base} y2={base} />
        {counts.map((c, i) => {
          const h = (c / max) * BAR_AREA;
          const cx = col * i + col / 2;
          return (
            <g key={i}>
              <rect class="chart__bar" x={cx - barWidth / 2} y={base - h} width={barWidth} height={h} />
              <text class="chart__count" x={cx} y={base - h - 12} text-anchor="middle" font-size={NUM_SIZE}>
                {c}
              </text>
              <text class="chart__num" x={cx} y={base + 20 + NUM_SIZE * 0.8} text-anchor="middle" font-size={NUM_SIZE}>
                {i + 1}
              </text>
              <text class="chart__label" x={cx} y={base + 20 + NUM_SIZE + LINE * 0.8} text-anchor="middle" font-size={LABEL_SIZE}>
                {(wrapped[i] ?? []).map((line, j) => (
                  <tspan key={j} x={cx} dy={j === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable
        caption={title}
        columns={[t("chart.rating"), t("chart.count")]}
        rows={[
          ...counts.map((c, i) => ({ key: i, label: `${i + 1} ${labels[i] ?? ""}`, value: c })),
          ...extras.map((e) => ({ key: e.label, label: e.label, value: e.count })),
        ]}
      />
    </figure>
  );
}
