/**
 * @module home/CompareValue
 * A topic's value in words, as both comparison views show it: the number and its scale label, or
 * "no consensus", "not recorded", "not assessed". Muted words for the states, so a number stands out.
 */
import type { TopicHead, TopicState } from "../../../core/summary/compare";
import { t } from "../i18n";

const STATE_WORDS: Record<Exclude<TopicState, "recorded">, Parameters<typeof t>[0]> = {
  noConsensus: "compare.value.noConsensus",
  notAvailable: "compare.value.notAvailable",
  notRecorded: "compare.value.notRecorded",
  notAssessed: "compare.value.notAssessed",
};

/** "no consensus", "not assessed"…, or the value as a number (for lists of facilities, where the scale's words would crowd the cell). */
export function valueWords(state: TopicState, value: number | null): string {
  if (state !== "recorded" || value === null) return t(STATE_WORDS[state === "recorded" ? "noConsensus" : state]);
  return t("compare.value.number", { v: value });
}

export function TopicValueView({ state, value, topic }: { state: TopicState; value: number | null; topic: TopicHead }) {
  if (state !== "recorded" || value === null) return <span class="compare__muted">{valueWords(state, value)}</span>;
  const label = Number.isInteger(value) ? topic.labels[value - 1] : undefined;
  return (
    <>
      <span class="compare__value">{t("compare.value.number", { v: value })}</span>
      {label ? <span class="compare__label compare__scale">{label}</span> : null}
    </>
  );
}
