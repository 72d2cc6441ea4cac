/**
 * @module screens/ProfileChart
 * The overview at the end of a session (phase "ended"): one row per domain (per facility on
 * AAAQ) with a dot at its value on its own scale, and the value written beside it ("4", or "3–4"
 * for a median between two ratings): filled for a recorded consensus, hollow for an unrecorded
 * median, with a bar from a to b for a median between them. Rows on 3- and 5-point scales share
 * one width, so the axis runs from "weakest" to "strongest".
 *
 * HTML, not one SVG: the type is the page's own (large on the projector, the same size at every
 * screen size), labels take the width there is, and many rows go in two columns. A scale is a row
 * of equal half-step segments (2·(K−1) of them), so a dot, a tick or a bar is placed by the
 * segment it belongs to: no inline style (the CSP allows none), any K. The image is for the eye;
 * a hidden table gives screen readers the same rows.
 */
import { type MessageKey, t } from "../i18n";
import { DataTable } from "./DataTable";
import type { ProfileRow } from "./profile";

/** Above this many rows the projector's chart goes in two columns; up to it, one column in larger type. */
const ONE_COLUMN_MAX = 11;

function valueText(row: ProfileRow): string {
  if (row.value) {
    const v = row.value.low === row.value.high ? String(row.value.low) : t("stats.medianBetween", { a: row.value.low, b: row.value.high });
    return t(`profile.${row.source}` as MessageKey, { v, K: row.K });
  }
  return t(`profile.${row.source}` as MessageKey);
}

/** The value beside the dot: "4", or "3–4" (word joiners keep it together). */
const shortValue = (value: { low: number; high: number }): string =>
  value.low === value.high ? String(value.low) : `${value.low}\u2060–\u2060${value.high}`;

/** "12. City Shelter" → number and name, so the name (the organizer's words) can be isolated. */
function splitLabel(label: string): { num: string | null; name: string } {
  const m = /^(\d+)\.\s(.*)$/s.exec(label);
  return m ? { num: m[1]!, name: m[2]! } : { num: null, name: label };
}

function Scale({ row }: { row: ProfileRow }) {
  const value = row.value;
  if (!value) return <span class="profile__note">{valueText(row)}</span>;
  const halves = 2 * (row.K - 1);
  // Positions in half-steps from the weak end: the dot sits at the middle of low and high.
  const dot = value.low + value.high - 2;
  const spanFrom = 2 * (value.low - 1);
  const spanTo = 2 * (value.high - 1);
  // The dot belongs to the segment it starts; the strong end's dot to the last segment's end.
  const dotSegment = Math.min(dot, halves - 1);
  const dotClass = [
    "profile__dot",
    row.source === "recorded" ? "" : "profile__dot--hollow",
    dot === halves ? "profile__dot--end" : "",
  ].join(" ");
  // The value is written on the side with more room.
  const valueClass = dot * 2 > halves ? "profile__value profile__value--before" : "profile__value";
  const valueEndClass = dot === halves ? " profile__value--end" : "";
  return (
    // The scale reads weak to strong, left to right, in every language (its CSS is physical on purpose).
    <span class="profile__scale" dir="ltr">
      {Array.from({ length: halves }, (_, i) => (
        <span
          key={i}
          class={[
            "profile__seg",
            i % 2 === 0 ? "profile__seg--tick" : "",
            i === halves - 1 ? "profile__seg--last" : "",
            i >= spanFrom && i < spanTo ? "profile__seg--span" : "",
          ].join(" ")}
        >
          {i === dotSegment ? (
            <>
              <span class={dotClass} />
              <span class={valueClass + valueEndClass}>{shortValue(value)}</span>
            </>
          ) : null}
        </span>
      ))}
    </span>
  );
}

function Row({ row }: { row: ProfileRow }) {
  const { num, name } = splitLabel(row.short);
  return (
    <div class="profile__row">
      <span class="profile__label">
        {num ? <span class="profile__num">{num}.</span> : null} <bdi>{name}</bdi>
      </span>
      <Scale row={row} />
    </div>
  );
}

function Column({ rows }: { rows: ProfileRow[] }) {
  return (
    <div class="profile__col">
      <div class="profile__row profile__row--axis">
        <span />
        <span class="profile__axis" dir="ltr">
          <span>{t("profile.weak")}</span>
          <span>{t("profile.strong")}</span>
        </span>
      </div>
      {rows.map((row) => (
        <Row key={row.id} row={row} />
      ))}
    </div>
  );
}

/**
 * @param fit the projector: many rows go in two columns, so that they fit its one screen (the
 *   console scrolls, and keeps one column with the labels whole).
 */
export function ProfileChart({ rows, title, fit = false }: { rows: ProfileRow[]; title: string; fit?: boolean }) {
  const two = fit && rows.length > ONE_COLUMN_MAX;
  const half = Math.ceil(rows.length / 2);
  const columns = two ? [rows.slice(0, half), rows.slice(half)] : [rows];
  const size = two ? "many" : rows.length > 6 ? "some" : "few";
  return (
    <figure class={`chart profile profile--${size}`}>
      <div class="profile__plot" role="img" aria-label={title}>
        {columns.map((col, i) => (
          <Column key={i} rows={col} />
        ))}
      </div>
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
