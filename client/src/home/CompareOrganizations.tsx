/**
 * @module home/CompareOrganizations
 * Organizations side by side: one table, a row per topic, a column per assessment (by
 * organization, then day). Each cell: the value that represents the topic (on AAAQ the median of
 * the facilities, then each facility's own), whether it needs improvement, how many action items
 * it has; the weakest per topic carries the word "Weakest" and a thick frame, so it reads without
 * colour, on paper and with a screen reader. Renders `sideBySide` (core/summary/compare); decides
 * nothing itself.
 */
import { useId } from "preact/hooks";
import type { OrganizationCell, SideBySide, TopicHead } from "../../../core/summary/compare";
import { Breakable } from "../components/Breakable";
import { formatDay, t, tn } from "../i18n";
import { TopicValueView, valueWords } from "./CompareValue";

/** Past this many columns the printed table drops the scale's words (the numbers stay) to fit A4. */
const MANY = 6;

function Cell({ cell, topic }: { cell: OrganizationCell; topic: TopicHead }) {
  const { value } = cell;
  const recordedFacilities = value.facilities?.filter((f) => f.value !== null).length ?? 0;
  return (
    <td class={cell.weakest ? "compare__cell compare__cell--weakest" : "compare__cell"}>
      {cell.weakest ? (
        <span class="compare__weakest">
          <span aria-hidden="true">▼ </span>
          {t("compare.weakest")}
        </span>
      ) : null}
      <TopicValueView state={value.state} value={value.value} topic={topic} />
      {value.facilities && value.state === "recorded" ? (
        <span class="compare__label">{tn("compare.value.median", recordedFacilities)}</span>
      ) : null}
      {value.facilities && value.state !== "notAssessed" ? (
        <ul class="compare__facilities">
          {value.facilities.map((f) => (
            <li key={f.facility}>
              {t("compare.value.facility", {
                facility: f.facility,
                value: valueWords(
                  f.notAvailable
                    ? "notAvailable"
                    : f.value === null
                      ? value.state === "notRecorded"
                        ? "notRecorded"
                        : "noConsensus"
                      : "recorded",
                  f.value,
                ),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {cell.needsImprovement ? (
        <span class="compare__flag">
          <span aria-hidden="true">! </span>
          {t("compare.needsImprovement")}
        </span>
      ) : null}
      {cell.needsImprovement !== null ? (
        <span class="compare__actions">{cell.actionItems ? tn("compare.actions", cell.actionItems) : t("compare.actions.none")}</span>
      ) : null}
    </td>
  );
}

export function CompareOrganizations({ table }: { table: SideBySide }) {
  const id = useId();
  return (
    <div class="compare__view stack">
      {/* Above the scrolling region, not a caption inside it: on a phone the caption would scroll out of sight with the table. */}
      <h3 id={`${id}-caption`} class="compare__table-title">
        {t("compare.orgs.caption")}
      </h3>
      {/* biome-ignore lint/a11y/useSemanticElements: a scrolling table's wrapper, named by the table's title */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus, so a keyboard can scroll it (axe: scrollable-region-focusable) */}
      <div class="compare__scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table
          class={`compare__table compare__table--orgs${table.assessments.length > MANY ? " compare__table--many" : ""}`}
          aria-labelledby={`${id}-caption`}
        >
          <thead>
            <tr>
              <th scope="col">{t("compare.orgs.topic")}</th>
              {table.assessments.map((a) => (
                <th scope="col" key={a.index}>
                  <span class="compare__org">{a.name}</span>
                  <span class="compare__label">{a.title}</span>
                  <span class="compare__label compare__day">{formatDay(a.day)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.topic.domainId} data-domain={row.topic.domainId}>
                <th scope="row">
                  <span class="compare__topic">
                    <Breakable text={t("compare.topic", { n: row.topic.number, title: row.topic.title })} />
                  </span>
                </th>
                {row.cells.map((cell, i) => (
                  <Cell key={table.assessments[i]!.index} cell={cell} topic={row.topic} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="compare__legend hint">
        <li>{t("compare.orgs.legend.weakest")}</li>
        <li>{t("compare.orgs.legend.median")}</li>
      </ul>
    </div>
  );
}
