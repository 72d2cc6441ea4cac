/**
 * @module console/RecordForm
 * Recording the group's consensus for the domain on screen: one value per rating key (per
 * facility on AAAQ), "no consensus", or on a scale with one its N/A (AAAQ: "Service not
 * available", the seed's N/A column for a facility that lacks the service). Pre-filled with the median of the latest round that was
 * shown (an earlier one, named, when the latest fell below k) when it is a single value;
 * when the median is "between a and b" nothing is pre-filled and both are named, because
 * choosing between them is the group's decision, not the software's.
 */
import type { TopicView } from "../screens/topicView";
import { useState } from "preact/hooks";
import { ratingKeys } from "../../../core/ballots";
import { NOT_AVAILABLE, type RecordedValue, rolesAt } from "../../../core/facilities";
import { RoleTags } from "../components/FacilityName";
import { summarizeRound } from "../../../core/stats";
import type { RunCommand } from "./useFacilitator";
import { isolate } from "../lib/bidi";
import { scaleOf } from "../../../core/template";
import { t } from "../i18n";
import { medianText, pointLabel, statusText } from "../screens/format";

interface Props extends TopicView {
  run: RunCommand;
}

const NONE = "none";

export function RecordForm({ template, domain, state, facilities, roles, k, run }: Props) {
  const scale = scaleOf(template, domain);
  const keys = ratingKeys(domain, facilities);
  const latest = state.rounds[state.rounds.length - 1];
  /** The latest round whose result for `key` was shown: a later round below k suggests nothing. */
  const sourceOf = (key: string) => {
    for (let i = state.rounds.length - 1; i >= 0; i--) {
      const round = state.rounds[i]!;
      const r = round.ratings[key];
      if (r?.shown) return { round: round.round, stats: summarizeRound(r.counts, r.dontKnow, { k }) };
    }
    return null;
  };
  const initial = (key: string): string => {
    const recorded = state.consensus?.values[key];
    if (recorded !== undefined) return recorded === null ? NONE : String(recorded); // NOT_AVAILABLE is its own option value
    const m = sourceOf(key)?.stats.median;
    return m && m.low === m.high ? String(m.low) : "";
  };
  const hintOf = (key: string): string => {
    const source = sourceOf(key);
    if (!source) return t("console.record.noStats");
    const words = { median: medianText(source.stats, scale), status: statusText(source.stats.status) };
    return latest && source.round !== latest.round
      ? t("console.record.hintEarlier", { ...words, r: source.round, latest: latest.round })
      : t("console.record.hint", words);
  };
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(keys.map((key) => [key, initial(key)])));
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const missing = keys.find((key) => !values[key]);
    if (missing) {
      setError(t("console.record.missing"));
      document.getElementById(`record-${missing}`)?.focus();
      return;
    }
    setError(null);
    const chosenValue = (v: string | undefined): RecordedValue => (v === NONE ? null : v === NOT_AVAILABLE ? NOT_AVAILABLE : Number(v));
    const consensus = Object.fromEntries(keys.map((key) => [key, { value: chosenValue(values[key]) }]));
    run({ op: "record", domainId: domain.id, consensus }, t("console.record.action", { domain: domain.title }));
  };

  return (
    <form class="record stack" onSubmit={onSubmit} noValidate>
      {keys.map((key, i) => {
        const id = `record-${key}`;
        return (
          <div class="field" key={key}>
            <label class="field-label" for={id}>
              {domain.rating.perFacility ? (
                <>
                  {t("console.record.labelFacility", { facility: isolate(facilities[i] ?? key) })}
                  <RoleTags roles={rolesAt(roles, i)} />
                </>
              ) : (
                t("console.record.label")
              )}
            </label>
            <p class="hint" id={`${id}-hint`}>
              {hintOf(key)}
            </p>
            <select
              id={id}
              class="select"
              value={values[key] ?? ""}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
            >
              <option value="">{t("console.record.choose")}</option>
              {scale.points.map((p) => (
                <option key={p.value} value={String(p.value)}>
                  {`${p.value} · ${pointLabel(scale, p.value)}`}
                </option>
              ))}
              {scale.notAvailableLabel ? <option value={NOT_AVAILABLE}>{scale.notAvailableLabel}</option> : null}
              <option value={NONE}>{t("consensus.none")}</option>
            </select>
          </div>
        );
      })}
      <p class="error" role="alert">
        {error ?? ""}
      </p>
      <button type="submit" class="button button--primary">
        {state.status === "recorded" ? t("console.record.update") : t("console.record.submit")}
      </button>
    </form>
  );
}
