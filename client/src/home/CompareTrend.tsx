/**
 * @module home/CompareTrend
 * Trend over time: one organization's assessments by day. Per topic (per facility on AAAQ) a
 * small chart and its table twin: the same values, the change from the assessment before and how
 * far the ratings moved, as an accessible table. With several organizations loaded, a select
 * picks whose trend to show. Renders `trendOf` (core/summary/compare); decides nothing itself.
 */
import { useId } from "preact/hooks";
import type { OrganizationGroup, Trend, TrendPoint, TrendSeries } from "../../../core/summary/compare";
import { Breakable } from "../components/Breakable";
import { formatDay, t, tn } from "../i18n";
import { TopicValueView } from "./CompareValue";
import { TrendChart } from "./TrendChart";

function Change({ point }: { point: TrendPoint }) {
  const delta = point.change;
  const words =
    delta === null
      ? t("compare.change.na")
      : delta === 0
        ? t("compare.change.none")
        : delta > 0
          ? t("compare.change.up", { n: delta })
          : t("compare.change.down", { n: -delta });
  const pct = point.distributionChange === null ? null : Math.round(point.distributionChange * 100);
  return (
    <>
      <span class={delta === null ? "compare__muted" : "compare__delta"}>
        {delta !== null && delta !== 0 ? <span aria-hidden="true">{delta > 0 ? "▲ " : "▼ "}</span> : null}
        {words}
      </span>
      {pct !== null ? (
        <span class="compare__label">{point.stable ? t("compare.dist.stable", { pct }) : t("compare.dist.changed", { pct })}</span>
      ) : null}
    </>
  );
}

function SeriesFigure({ series }: { series: TrendSeries }) {
  const id = useId();
  const topic = t("compare.topic", { n: series.topic.number, title: series.topic.title });
  return (
    <figure class="trend" aria-labelledby={`${id}-title`} data-domain={series.topic.domainId} data-facility={series.facility ?? undefined}>
      <figcaption id={`${id}-title`} class="trend__title">
        <span class="compare__topic">
          <Breakable text={topic} />
        </span>
        {series.facility !== null ? <span class="compare__facility">{series.facility}</span> : null}
      </figcaption>
      <TrendChart points={series.points} scaleMax={series.topic.scaleMax} />
      <table class="compare__table trend__table">
        <caption class="sr-only">
          {series.facility === null
            ? t("compare.trend.caption", { topic })
            : t("compare.trend.captionFacility", { topic, facility: series.facility })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("compare.trend.col.day")}</th>
            <th scope="col">{t("compare.trend.col.value")}</th>
            <th scope="col">{t("compare.trend.col.change")}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p, i) => (
            <tr key={`${p.day}${i}`}>
              <th scope="row">{formatDay(p.day)}</th>
              <td>
                <TopicValueView state={p.state} value={p.value} topic={series.topic} />
              </td>
              <td>{i === 0 ? <span class="compare__muted">—</span> : <Change point={p} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

interface Props {
  trend: Trend;
  groups: OrganizationGroup[];
  chosen: string;
  onChoose: (key: string) => void;
}

export function CompareTrend({ trend, groups, chosen, onChoose }: Props) {
  const n = trend.assessments.length;
  const first = formatDay(trend.assessments[0]!.day);
  const last = formatDay(trend.assessments[n - 1]!.day);
  return (
    <div class="compare__view stack">
      {groups.length > 1 ? (
        <div class="compare__org-pick">
          <label class="field-label" for="compare-organization">
            {t("compare.trend.organization")}
          </label>
          <select id="compare-organization" class="select" value={chosen} onChange={(e) => onChoose(e.currentTarget.value)}>
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {`${g.name} (${g.indexes.length})`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <h3 class="compare__trend-heading">{tn("compare.trend.heading", n, { organization: trend.organization, first, last })}</h3>
      {n === 1 ? <p class="notice">{t("compare.trend.single", { organization: trend.organization })}</p> : null}
      {groups.length > 1 ? <p class="hint compare__others">{tn("compare.trend.others", groups.length - 1)}</p> : null}
      <ul class="compare__legend hint">
        <li>{t("compare.trend.legend.chart")}</li>
        <li>{t("compare.trend.legend.change")}</li>
      </ul>
      <div class="trends">
        {trend.series.map((s) => (
          <SeriesFigure key={`${s.topic.domainId}\u0000${s.facility ?? ""}`} series={s} />
        ))}
      </div>
    </div>
  );
}
