/**
 * @module components/FacilityListEditor
 * The facilities domain 12 (AAAQ) rates, with their roles: the create form's and the console's
 * editor. Each row is a name, typed or picked from `candidates` (the community directory's health
 * services, when a session has one), and two marks, "your facility" and "under review", each on at
 * most one row: ticking one row's mark takes it off the others. Add and remove keep keyboard
 * focus somewhere sensible.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { type FacilityEntry, type FacilityRole, facilityNames, nameRepeatedAt, sameName } from "../../../core/facilities";
import { FACILITY_NAME_MAX, MAX_FACILITIES } from "../../../core/limits";
import { t } from "../i18n";
import { CharCount } from "./CharCount";
import { roleLabel } from "./FacilityName";

/** A row being edited: the name as typed, and its two marks. */
export interface FacilityDraft {
  name: string;
  yours: boolean;
  underReview: boolean;
}

/** A name another part of the session suggests (e.g. a directory row of type "health"). */
export interface FacilityCandidate {
  type: string;
  name: string;
}

export const draftsOf = (list: readonly FacilityEntry[]): FacilityDraft[] =>
  list.map((f) => ({ name: f.name, yours: !!f.yours, underReview: !!f.underReview }));

/** The list to send: names trimmed, blank rows dropped (the schema checks the rest). */
export const entriesOf = (drafts: readonly FacilityDraft[]): FacilityEntry[] =>
  drafts
    .filter((d) => d.name.trim())
    .map((d) => ({
      name: d.name.trim(),
      ...(d.yours ? { yours: true as const } : {}),
      ...(d.underReview ? { underReview: true as const } : {}),
    }));

/** What is wrong with the list, in words, or null: a name given twice, by the schema's rule (the marks can't be wrong here). */
export function facilityListError(drafts: readonly FacilityDraft[]): string | null {
  const names = facilityNames(entriesOf(drafts));
  const twice = names.findIndex((_, i) => nameRepeatedAt(names, i));
  return twice < 0 ? null : t("facilities.editor.twice", { name: names[twice]! });
}

interface Props {
  /** Unique on the page: ids of the inputs. */
  idPrefix: string;
  drafts: FacilityDraft[];
  onChange: (next: FacilityDraft[]) => void;
  candidates: readonly FacilityCandidate[];
  error?: string | undefined;
}

const ROLES: FacilityRole[] = ["yours", "underReview"];

export function FacilityListEditor({ idPrefix, drafts, onChange, candidates, error }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusIndex = useRef<number | null>(null);
  const [picked, setPicked] = useState("");
  const full = drafts.length >= MAX_FACILITIES;
  const unused = candidates.filter((c) => !drafts.some((d) => sameName(d.name, c.name)));

  useEffect(() => {
    const i = focusIndex.current;
    focusIndex.current = null;
    if (i === null) return;
    const inputs = listRef.current?.querySelectorAll<HTMLInputElement>("input[type=text]");
    const target = inputs?.[Math.min(i, (inputs?.length ?? 1) - 1)];
    if (target) target.focus();
    else addRef.current?.focus();
  }, [drafts.length]);

  const set = (i: number, change: Partial<FacilityDraft>) =>
    onChange(
      drafts.map((d, j) => {
        if (j === i) return { ...d, ...change };
        // A mark ticked here leaves every other row: each role is on one facility at most.
        const cleared = { ...d };
        for (const role of ROLES) if (change[role]) cleared[role] = false;
        return cleared;
      }),
    );
  const add = (name: string) => {
    focusIndex.current = drafts.length;
    onChange([...drafts, { name, yours: false, underReview: false }]);
  };
  const hintId = `${idPrefix}-hint`;
  const listId = `${idPrefix}-candidates`;

  return (
    <div class="facility-editor">
      <p class="hint" id={hintId}>
        {t("facilities.editor.hint", { max: MAX_FACILITIES })}
      </p>
      {candidates.length > 0 ? (
        <datalist id={listId}>
          {candidates.map((c) => (
            <option key={`${c.type}:${c.name}`} value={c.name} />
          ))}
        </datalist>
      ) : null}
      <ol class="facility-list" ref={listRef}>
        {drafts.map((d, i) => {
          const id = `${idPrefix}-${i}`;
          const label = t("facilities.editor.nameLabel", { n: i + 1 });
          return (
            <li key={i} class="facility-list__row">
              <label class="sr-only" for={id}>
                {label}
              </label>
              <input
                id={id}
                class="input"
                type="text"
                dir="auto"
                maxLength={FACILITY_NAME_MAX}
                value={d.name}
                list={candidates.length > 0 ? listId : undefined}
                aria-describedby={`${hintId} ${id}-count`}
                onInput={(e) => set(i, { name: e.currentTarget.value })}
              />
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() => {
                  focusIndex.current = i;
                  onChange(drafts.filter((_, j) => j !== i));
                }}
              >
                {t("facilities.editor.remove")}
                <span class="sr-only"> {d.name || label}</span>
              </button>
              <CharCount id={`${id}-count`} length={d.name.length} max={FACILITY_NAME_MAX} />
              <div class="facility-list__roles">
                {ROLES.map((role) => (
                  <label key={role} class="check">
                    <input type="checkbox" checked={d[role]} onChange={(e) => set(i, { [role]: e.currentTarget.checked })} />{" "}
                    {roleLabel(role)}
                    <span class="sr-only"> ({d.name || label})</span>
                  </label>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="facility-editor__add">
        <button ref={addRef} type="button" class="button button--secondary" disabled={full} onClick={() => add("")}>
          {t("facilities.editor.add")}
        </button>
        {unused.length > 0 ? (
          <span class="facility-editor__pick">
            <label for={`${idPrefix}-pick`}>{t("facilities.editor.pickLabel")}</label>{" "}
            <select id={`${idPrefix}-pick`} class="select" value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
              <option value="">{t("facilities.editor.pickChoose")}</option>
              {unused.map((c) => (
                <option key={`${c.type}:${c.name}`} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>{" "}
            <button
              type="button"
              class="button button--secondary"
              disabled={full || !picked}
              onClick={() => {
                add(picked);
                setPicked("");
              }}
            >
              {t("facilities.editor.pickAdd")}
            </button>
          </span>
        ) : null}
      </div>
    </div>
  );
}
