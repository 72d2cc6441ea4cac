/**
 * @module console/ImprovementMark
 * The group's decision whether the topic on screen needs improvement (issue 11): Candor suggests
 * it by one rule (core/improvement.ts) and says why; the facilitator marks what the group decides,
 * or leaves it undecided so the suggestion stands. The summary's improvement plan follows the mark.
 */
import type { TopicView } from "../screens/topicView";
import { type Improvement, type ImprovementReason, improvementOf } from "../../../core/improvement";
import { type Domain, scaleOf } from "../../../core/template";
import { Choice } from "../components/Choice";
import { t } from "../i18n";
import { isolate } from "../lib/bidi";
import type { RunCommand } from "./useFacilitator";

interface Props extends TopicView {
  run: RunCommand;
}

const VALUES = { yes: true, no: false, undecided: null } as const;
type Value = keyof typeof VALUES;
const choiceOf = (marked: boolean | null): Value => (marked === true ? "yes" : marked === false ? "no" : "undecided");

function reasonWords(reason: ImprovementReason, domain: Domain, K: number): string {
  const at = (facility: string | null) => (facility ? `${isolate(facility)}: ` : "");
  switch (reason.kind) {
    case "low":
      return at(reason.facility) + t(reason.recorded ? "console.improve.low" : "console.improve.lowMedian", { v: reason.value, K });
    case "no-consensus":
      return at(reason.facility) + t(reason.recorded ? "console.improve.noConsensus" : "console.improve.split");
    case "no-majority": {
      const item = domain.items.find((i) => i.id === reason.itemId)?.text ?? reason.itemId;
      return t("console.improve.noMajority", { no: reason.no, n: reason.answered, item });
    }
  }
}

export function suggestionWords(imp: Improvement, domain: Domain, K: number): string {
  return imp.suggested
    ? t("console.improve.suggested", { why: imp.reasons.map((r) => reasonWords(r, domain, K)).join("; ") })
    : t("console.improve.notSuggested");
}

export function ImprovementMark({ template, domain, state, facilities, k, run }: Props) {
  const imp = improvementOf(template, domain, state, facilities, k);
  const K = scaleOf(template, domain).points.length;
  const current = choiceOf(imp.marked);
  const choose = (value: string) => {
    const improve = VALUES[value as Value];
    if (improve !== imp.marked) run({ op: "mark", domainId: domain.id, improve }, t("console.improve.action", { domain: domain.title }));
  };
  return (
    <fieldset class="improve stack">
      <legend class="field-label">{t("console.improve.legend")}</legend>
      <p class="hint" id={`improve-${domain.id}-hint`}>
        {suggestionWords(imp, domain, K)}
      </p>
      <div class="choices" role="presentation">
        {(["yes", "no", "undecided"] as const).map((v) => (
          <Choice key={v} name={`improve-${domain.id}`} value={v} checked={current === v} onSelect={choose}>
            {t(`console.improve.${v}`)}
          </Choice>
        ))}
      </div>
      <p class={`improve__now improve__now--${imp.needed ? "yes" : "no"}`} role="status">
        {imp.needed ? t("console.improve.inPlan") : t("console.improve.notInPlan")}
      </p>
    </fieldset>
  );
}
