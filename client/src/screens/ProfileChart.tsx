/**
 * @module screens/ProfileChart
 * The overview at the end of a session (phase "ended"): one row per domain (per facility on
 * AAAQ) with a dot at its value on its own scale — filled for a recorded consensus, hollow for
 * an unrecorded median, a bar for a median "between a and b". Rows on 3- and 5-point scales share
 * one width, so the axis runs from "weakest" to "strongest". Hidden table for screen readers.
 */
import { useId } from "preact/hooks";
import { type MessageKey, t } from "../i18n";
import type { ProfileRow } from "./profile";
import { CHAR_WIDTH, truncate } from "./svgText";
import { DataTable } from "./DataTable";

const WIDTH = 1000;
const LABEL_W = 520;
const PLOT_X0 = 560;
const PLOT_X1 = 970;
const ROW_H = 56;
const TOP = 50;
const FONT = 26;

const xOf = (value: number, K: number) => PLOT_X0 + ((value - 1) / (K - 1)) * (PLOT_X1 - PLOT_X0);

function valueText(row: ProfileRow): string {
  if (row.value) {
    const v = row.value.low === row.value.high ? String(row.value.low) : t("stats.medianBetween", { a: row.value.low, b: row.value.high });
    return t(`profile.${row.source}` as MessageKey, { v, K: row.K });
  }
  return t(`profile.${row.source}` as MessageKey);
}

export function ProfileChart({ rows, title }: { rows: ProfileRow[]; title: string }) {
  const id = useId();
  const height = TOP + rows.length * ROW_H + 20;
  const maxChars = Math.floor(LABEL_W / (FONT * CHAR_WIDTH));
  return (
    <figure class="chart profile">
      <svg
        class="chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="xMinYMin meet"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{rows.map((r) => `${r.label}: ${valueText(r)}`).join("; ")}</desc>
        <text class="chart__label" x={PLOT_X0} y={TOP - 18} font-size={FONT}>
          {t("profile.weak")}
        </text>
        <text class="chart__label" x={PLOT_X1} y={TOP - 18} font-size={FONT} text-anchor="end">
          {t("profile.strong")}
        </text>
        {rows.map((row, i) => {
          const y = TOP + i * ROW_H + ROW_H / 2;
          return (
            <g key={row.id}>
              <text class="chart__label" x={0} y={y + FONT * 0.35} font-size={FONT}>
                {truncate(row.short, maxChars)}
              </text>
              {row.value ? <line class="chart__track" x1={PLOT_X0} x2={PLOT_X1} y1={y} y2={y} /> : null}
              {row.value
                ? Array.from({ length: row.K }, (_, j) => (
                    <line key={j} class="chart__tick" x1={xOf(j + 1, row.K)} x2={xOf(j + 1, row.K)} y1={y - 10} y2={y + 10} />
                  ))
                : null}
              {row.value && row.value.low !== row.value.high ? (
                <line class="chart__span" x1={xOf(row.value.low, row.K)} x2={xOf(row.value.high, row.K)} y1={y} y2={y} />
              ) : null}
              {row.value ? (
                <circle
                  class={row.source === "recorded" ? "chart__dot" : "chart__dot chart__dot--hollow"}
                  cx={xOf((row.value.low + row.value.high) / 2, row.K)}
                  cy={y}
                  r={14}
                />
              ) : (
                <text class="chart__note" x={PLOT_X0} y={y + FONT * 0.35} font-size={FONT * 0.85}>
                  {valueText(row)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="profile__legend">
        <span class="legend legend--filled">{t("profile.legendRecorded")}</span>
        <span class="legend legend--hollow">{t("profile.legendMedian")}</span>
      </figcaption>
      <DataTable
        caption={title}
        columns={[t("profile.domain"), t("profile.value")]}
        rows={rows.map((r) => ({ key: r.id, label: r.label, value: valueText(r) }))}
      />
    </figure>
  );
}
