/**
 * @module screens/RatingBlock
 * One revealed rating (the domain's, or one facility's on AAAQ): the distribution and the
 * statistics in words, or — below the reveal gate — only the fact that it is hidden (docs/design.md
 * §3.4: not even the don't-know count, which would give n away).
 */
import { Fragment } from "preact";
import type { FacilityRole, RecordedValue } from "../../../core/facilities";
import type { RatingResult } from "../../../core/session";
import { FacilityName } from "../components/FacilityName";
import { summarizeRound } from "../../../core/stats";
import type { RatingChange } from "../../../core/topic-result";
import type { Scale } from "../../../core/template";
import { t, tn } from "../i18n";
import { DistributionChart } from "./DistributionChart";
import { bestPairText, dissentText, medianText, percent, quartilesText, recordedText, statusText } from "./format";

interface Props {
  /** Heading of the block: the facility on per-facility domains; absent for the domain's single rating. */
  heading?: string | undefined;
  /** The facility's roles (yours, under review), shown beside its name. */
  headingRoles?: readonly FacilityRole[];
  chartTitle: string;
  scale: Scale;
  k: number;
  result: RatingResult | undefined;
  /** How far the rating moved since the last round it was shown in (core/topic-result.ts). */
  change?: RatingChange | null | undefined;
  /** The recorded consensus: a value, null for "no consensus", "not-available", undefined when not recorded. */
  recorded?: RecordedValue | undefined;
  /** Console: also the agreement measures A and Cns. */
  detail?: boolean;
  /** The round is a re-vote withheld by the differencing rule: how many dropped out since which round. */
  withheld?: { droppedOut: number; from: number } | undefined;
}

function Change({ change }: { change: RatingChange }) {
  return (
    <>
      <dt>{t("stats.change", { r: change.from })}</dt>
      <dd>{t(change.stable ? "stats.changeStable" : "stats.changeMoved", { pct: percent(change.change, 1) })}</dd>
    </>
  );
}

export function RatingBlock({ heading, headingRoles = [], chartTitle, scale, k, result, change, recorded, detail, withheld }: Props) {
  const recordedLine =
    recorded !== undefined ? <p class="recorded">{t("consensus.recorded", { value: recordedText(scale, recorded) })}</p> : null;

  if (!result?.shown) {
    return (
      <section class="rating-block">
        {heading ? (
          <h3>
            <FacilityName name={heading} roles={headingRoles} />
          </h3>
        ) : null}
        <p class="gated">{withheld ? tn("result.withheld", withheld.droppedOut, { r: withheld.from }) : tn("result.gated", k)}</p>
        {recordedLine}
      </section>
    );
  }

  const stats = summarizeRound(result.counts, result.dontKnow, { k });
  const extras = [
    { label: scale.dontKnowLabel, count: result.dontKnow },
    ...(scale.notAvailableLabel ? [{ label: scale.notAvailableLabel, count: result.notAvailable }] : []),
  ];
  return (
    <section class="rating-block">
      {heading ? (
        <h3>
          <FacilityName name={heading} roles={headingRoles} />
        </h3>
      ) : null}
      <div class="rating-block__body">
        <DistributionChart
          title={chartTitle}
          counts={stats.counts}
          labels={scale.points.map((p) => p.label)}
          extras={extras}
          large={!detail}
        />
        <dl class="stats">
          <dt>{t("stats.status")}</dt>
          <dd class={`status-word status-word--${stats.status}`}>{statusText(stats.status)}</dd>
          <dt>{t("stats.median")}</dt>
          <dd>{medianText(stats, scale)}</dd>
          <dt>{t("stats.bestPair")}</dt>
          <dd>{bestPairText(stats)}</dd>
          {/* "More": what a projector short of room leaves out first (screens/useFitToScreen.ts). */}
          <dt class="stats__more">{t("stats.quartiles")}</dt>
          <dd class="stats__more">{quartilesText(stats)}</dd>
          <dt class="stats__more">{t("stats.dissentLabel")}</dt>
          <dd class="stats__more">{dissentText(stats)}</dd>
          <dt class="stats__more">{t("stats.n")}</dt>
          <dd class="stats__more">{tn("stats.nValue", stats.n)}</dd>
          {extras.map((e) => (
            <Fragment key={e.label}>
              <dt class="stats__more">{e.label}</dt>
              <dd class="stats__more">{e.count}</dd>
            </Fragment>
          ))}
          {change ? <Change change={change} /> : null}
          {detail && stats.agreementA !== null && stats.cns !== null ? (
            <>
              <dt>{t("stats.agreement")}</dt>
              <dd>{t("stats.agreementValue", { a: stats.agreementA.toFixed(2), cns: stats.cns.toFixed(2) })}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {recordedLine}
    </section>
  );
}
