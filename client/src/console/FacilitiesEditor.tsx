/**
 * @module console/FacilitiesEditor
 * The facilities domain 12 (AAAQ) rates, set from the console (the `facilities` command) until that
 * topic's first round opens; then the list is shown fixed, because its ballots and results follow
 * it (core/facilities.ts). Entries are typed or picked from `candidates`.
 */
import { useState } from "preact/hooks";
import { facilitiesFrozen, facilityEntries, type FacilityRoles } from "../../../core/facilities";
import type { SessionState } from "../../../core/session";
import type { Domain, Template } from "../../../core/template";
import { FacilityName } from "../components/FacilityName";
import {
  type FacilityCandidate,
  type FacilityDraft,
  draftsOf,
  entriesOf,
  FacilityListEditor,
  facilityListError,
} from "../components/FacilityListEditor";
import { t } from "../i18n";
import type { RunCommand } from "./useFacilitator";

interface Props {
  template: Template;
  /** The per-facility topic. */
  domain: Domain;
  session: SessionState;
  facilities: readonly string[];
  roles: FacilityRoles | undefined;
  candidates: readonly FacilityCandidate[];
  run: RunCommand;
}

export function FacilitiesEditor({ template, domain, session, facilities, roles, candidates, run }: Props) {
  const saved = draftsOf(facilityEntries(facilities, roles));
  const [drafts, setDrafts] = useState<FacilityDraft[]>(saved);
  const [error, setError] = useState<string | null>(null);
  const frozen = facilitiesFrozen(template, session);

  if (frozen) {
    return (
      <>
        <p class="hint">{t("console.facilities.frozen", { n: domain.number })}</p>
        <ol class="facility-fixed">
          {saved.map((d, i) => (
            <li key={i}>
              <FacilityName name={d.name} roles={(["yours", "underReview"] as const).filter((r) => d[r])} />
            </li>
          ))}
        </ol>
      </>
    );
  }
  const dirty = JSON.stringify(entriesOf(drafts)) !== JSON.stringify(entriesOf(saved));
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const problem = facilityListError(drafts);
    setError(problem);
    if (problem) return;
    const list = entriesOf(drafts);
    setDrafts(draftsOf(list));
    run({ op: "facilities", facilities: list }, t("console.facilities.action", { n: domain.number }));
  };
  return (
    <form class="stack" onSubmit={onSubmit} noValidate>
      {facilities.length === 0 ? <p class="hint">{t("console.facilities.none", { n: domain.number })}</p> : null}
      <FacilityListEditor
        idPrefix="console-facility"
        drafts={drafts}
        onChange={setDrafts}
        candidates={candidates}
        error={error ?? undefined}
      />
      <p class="hint" aria-live="polite">
        {dirty ? t("console.facilities.unsaved") : ""}
      </p>
      <button type="submit" class="button button--primary" disabled={!dirty}>
        {t("console.facilities.save")}
      </button>
    </form>
  );
}
