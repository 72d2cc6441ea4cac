/**
 * @module screens/FacilityTable
 * The projector's view of a rating given per facility (AAAQ: the organizer's facility and up to
 * eight others): one row per facility, so that nine fit a 1024×768 projector in type that reads
 * from the back of the room (nine chart blocks side by side did not). Per facility only what the
 * group talks about: how many gave each rating (a number and a bar), the median, and the
 * suggested status, or the recorded consensus once there is one. The console keeps a full block
 * per facility with every statistic (DomainResult with `detail`).
 */
import { type FacilityRole, NOT_AVAILABLE, type RecordedValue } from "../../../core/facilities";
import type { RatingResult } from "../../../core/session";
import { type RoundStatus, summarizeRound } from "../../../core/stats";
import type { Scale } from "../../../core/template";
import { FacilityName } from "../components/FacilityName";
import { type MessageKey, t } from "../i18n";
import { splitLabels } from "./scaleLabels";

export interface FacilityRow {
  key: string;
  facility: string;
  /** The facility's roles: yours, under review (core/facilities.ts). */
  roles: readonly FacilityRole[];
  result: RatingResult | undefined;
  /** The recorded consensus: a value, null for "no consensus", "not-available", undefined when not recorded. */
  recorded: RecordedValue | undefined;
}

interface Props {
  scale: Scale;
  k: number;
  rows: readonly FacilityRow[];
  caption: string;
  /** What a row without a shown result says: too few ratings, or the whole round withheld. */
  hidden: string;
}

/** The status in a word or two: a table cell has no room for "Split: the group is divided". */
const statusShort = (status: RoundStatus): string => t(`status.short.${status}` as MessageKey);

/** "2", or "2–3" for a median between two ratings (word joiners keep it on one line). */
const medianShort = (m: { low: number; high: number } | null): string =>
  m === null ? t("stats.none") : m.low === m.high ? String(m.low) : `${m.low}\u2060–\u2060${m.high}`;

function Recorded({ value, scale }: { value: RecordedValue; scale: Scale }) {
  const words =
    value === null
      ? t("facilities.recordedNone")
      : value === NOT_AVAILABLE
        ? t("facilities.recorded", { v: scale.notAvailableLabel ?? "" })
        : t("facilities.recorded", { v: value });
  return <span class={value === NOT_AVAILABLE ? "ftable__recorded ftable__recorded--na" : "ftable__recorded"}>{words}</span>;
}

function Row({ row, scale, k, hidden }: { row: FacilityRow; scale: Scale; k: number; hidden: string }) {
  const K = scale.points.length;
  const name = (
    <th scope="row" class="ftable__name">
      <FacilityName name={row.facility} roles={row.roles} />
    </th>
  );
  const last =
    row.recorded !== undefined ? (
      <td>
        <Recorded value={row.recorded} scale={scale} />
      </td>
    ) : null;
  const result = row.result;
  if (!result?.shown) {
    return (
      <tr>
        {name}
        <td colSpan={K + 1 + (last ? 0 : 1)} class="ftable__gated">
          {hidden}
        </td>
        {last}
      </tr>
    );
  }
  const counts = Array.from({ length: K }, (_, i) => result.counts[i] ?? 0);
  const stats = summarizeRound(counts, result.dontKnow, { k });
  return (
    <tr>
      {name}
      {counts.map((c, i) => (
        <td key={i} class="ftable__count">
          <span class="ftable__n">{c}</span>
          {/* The bar is the count's share of the facility's ratings: rows compare at a glance. */}
          <svg class="ftable__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width={stats.n > 0 ? (100 * c) / stats.n : 0} height={10} />
          </svg>
        </td>
      ))}
      <td class="ftable__median">{medianShort(stats.median)}</td>
      {last ?? (
        <td>
          <span class={`status-word status-word--${stats.status}`}>{statusShort(stats.status)}</span>
        </td>
      )}
    </tr>
  );
}

export function FacilityTable({ scale, k, rows, caption, hidden }: Props) {
  const { heads, tail } = splitLabels(scale.points.map((p) => p.label));
  return (
    <>
      {/* The scale once, above the numbered columns: words in the column heads would take the
          width the facilities' names need. */}
      <p class="ftable__legend" aria-hidden="true">
        {scale.points.map((p, i) => (
          <span key={p.value} class="ftable__legend-point">
            <b>{p.value}</b> {heads[i]}
          </span>
        ))}
        {tail ? <span class="ftable__legend-tail">({tail})</span> : null}
      </p>
      <table class="ftable">
        <caption class="sr-only">{caption}</caption>
        {/* Fixed column widths (projector.css): the names take what the numbers leave. */}
        <colgroup>
          <col class="ftable__col-name" />
          {scale.points.map((p) => (
            <col key={p.value} class="ftable__col-count" />
          ))}
          <col class="ftable__col-median" />
          <col class="ftable__col-status" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" class="ftable__name">
              {t("facilities.facility")}
            </th>
            {scale.points.map((p) => (
              <th key={p.value} scope="col" class="ftable__point">
                {/* The number on screen (the legend above says what it means); the whole label for screen readers. */}
                <span aria-hidden="true">{p.value}</span>
                <span class="sr-only">
                  {p.value} {p.label}
                </span>
              </th>
            ))}
            <th scope="col">{t("facilities.median")}</th>
            <th scope="col">{t("facilities.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.key} row={row} scale={scale} k={k} hidden={hidden} />
          ))}
        </tbody>
      </table>
    </>
  );
}
