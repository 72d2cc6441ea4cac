/**
 * @module home/CompareTable
 * The comparison of two summaries as one table: a row per rating (per facility on AAAQ), the
 * recorded consensus on each side and its change, the last round's medians and how much the
 * distribution moved. Every cell says its meaning in words; arrows and dashes are decoration
 * beside the words (screen readers get the words only).
 */
import { useId } from "preact/hooks";
import type { Comparison, RatingChange, RatingSide } from "../../../core/summary/compare";
import type { DomainSummary, Summary } from "../../../core/summary/schema";
import { t, tn } from "../i18n";
import { CompareChart } from "./CompareChart";

interface Props {
  comparison: Comparison;
  earlier: Summary;
  later: Summary;
}

const findDomain = (s: Summary, id: string): DomainSummary | undefined => s.domains.find((d) => d.id === id);

/** A dash for the eye, words for a screen reader. */
function Dash({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span> <span class="sr-only">{label}</span>
    </>
  );
}

function Consensus({ side, domain }: { side: RatingSide | null; domain: DomainSummary | undefined }) {
  if (!side || !domain) return <span class="compare__muted">{t("compare.value.notIncluded")}</span>;
  if (side.consensus === null) {
    const why =
      domain.status === "skipped"
        ? t("compare.value.skipped")
        : domain.recorded
          ? t("compare.value.noConsensus")
          : domain.status === "pending"
            ? t("compare.value.notAssessed")
            : t("compare.value.notRecorded");
    return <span class="compare__muted">{why}</span>;
  }
  const label = domain.scale.points[side.consensus - 1]?.label;
  return (
    <>
      <span class="compare__value">{side.consensus}</span>
      {label ? <span class="compare__label">{label}</span> : null}
    </>
  );
}

function Median({ side }: { side: RatingSide | null }) {
  if (!side?.median) return <Dash label={t("compare.value.noResults")} />;
  const { low, high } = side.median;
  return (
    <>
      {low === high ? (
        <span class="compare__value">{low}</span>
      ) : (
        <>
          <span class="compare__value" aria-hidden="true">{`${low}–${high}`}</span>
          <span class="sr-only">{t("stats.medianBetween", { a: low, b: high })}</span>
        </>
      )}
      {side.n !== null ? <span class="compare__label">{tn("stats.nValue", side.n)}</span> : null}
    </>
  );
}

function Change({ delta }: { delta: number | null }) {
  if (delta === null) return <Dash label={t("compare.change.na")} />;
  if (delta === 0) return <span class="compare__delta">{t("compare.change.none")}</span>;
  const up = delta > 0;
  return (
    <span class={`compare__delta compare__delta--${up ? "up" : "down"}`}>
      {up ? t("compare.change.up", { n: delta }) : t("compare.change.down", { n: -delta })} <span aria-hidden="true">{up ? "▲" : "▼"}</span>{" "}
      {up ? t("compare.change.higher") : t("compare.change.lower")}
    </span>
  );
}

function Distribution({ row }: { row: RatingChange }) {
  if (row.distributionChange === null) return <Dash label={t("compare.change.na")} />;
  const pct = Math.round(row.distributionChange * 100);
  return (
    <span class={row.stable ? "compare__stable" : "compare__changed"}>
      {row.stable ? t("compare.dist.stable", { pct }) : t("compare.dist.changed", { pct })}
    </span>
  );
}

export function CompareTable({ comparison, earlier, later }: Props) {
  const id = useId();
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a scrolling table's wrapper, named by the table's caption */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus, so a keyboard can scroll it (axe: scrollable-region-focusable) */}
      <div class="compare__scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table class="compare__table">
          <caption id={`${id}-caption`}>{t("compare.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("compare.col.topic")}</th>
              <th scope="col">{t("compare.col.earlierConsensus")}</th>
              <th scope="col">{t("compare.col.laterConsensus")}</th>
              <th scope="col">{t("compare.col.change")}</th>
              <th scope="col">{t("compare.col.earlierMedian")}</th>
              <th scope="col">{t("compare.col.laterMedian")}</th>
              <th scope="col">{t("compare.col.distribution")}</th>
              <th scope="col">{t("compare.col.chart")}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={`${row.domainId}\u0000${row.facility ?? ""}`} data-domain={row.domainId}>
                <th scope="row">
                  <span class="compare__topic">{t("compare.topic", { n: row.number, title: row.title })}</span>
                  {row.facility !== null ? <span class="compare__facility">{row.facility}</span> : null}
                </th>
                <td>
                  <Consensus side={row.earlier} domain={findDomain(earlier, row.domainId)} />
                </td>
                <td>
                  <Consensus side={row.later} domain={findDomain(later, row.domainId)} />
                </td>
                <td>
                  <Change delta={row.consensusDelta} />
                </td>
                <td>
                  <Median side={row.earlier} />
                </td>
                <td>
                  <Median side={row.later} />
                </td>
                <td>
                  <Distribution row={row} />
                </td>
                <td>
                  <CompareChart earlier={row.earlier} later={row.later} scaleMax={row.scaleMax} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="compare__legend hint">
        <li>{t("compare.legend.change")}</li>
        <li>{t("compare.legend.distribution")}</li>
        <li>{t("compare.legend.chart")}</li>
      </ul>
    </>
  );
}
