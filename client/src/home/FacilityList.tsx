/**
 * @module home/FacilityList
 * The other facilities of the referral network, rated one by one in the AAAQ domain after the
 * facility under review. Add and remove keep keyboard focus somewhere sensible.
 */
import { useEffect, useRef } from "preact/hooks";
import { MAX_OTHER_FACILITIES, OTHER_FACILITY_NAME_MAX } from "../../../core/limits";
import { CharCount } from "../components/CharCount";
import { t } from "../i18n";

interface Props {
  facilities: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}

export function FacilityList({ facilities, onChange, error }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusIndex = useRef<number | null>(null);

  useEffect(() => {
    const i = focusIndex.current;
    focusIndex.current = null;
    if (i === null) return;
    const inputs = listRef.current?.querySelectorAll("input");
    const target = inputs?.[Math.min(i, (inputs?.length ?? 1) - 1)];
    if (target) target.focus();
    else addRef.current?.focus();
  }, [facilities.length]);

  return (
    <fieldset class="group">
      <legend>{t("home.facilities.legend")}</legend>
      <p class="hint" id="facilities-hint">
        {t("home.facilities.hint", { max: MAX_OTHER_FACILITIES })}
      </p>
      <ol class="facility-list" ref={listRef}>
        {facilities.map((name, i) => (
          <li key={i} class="facility-list__row">
            <label class="sr-only" for={`facility-${i}`}>
              {t("home.facilities.nameLabel", { n: i + 1 })}
            </label>
            <input
              id={`facility-${i}`}
              class="input"
              type="text"
              dir="auto"
              maxLength={OTHER_FACILITY_NAME_MAX}
              value={name}
              aria-describedby={`facilities-hint facility-${i}-count`}
              onInput={(e) => onChange(facilities.map((f, j) => (j === i ? e.currentTarget.value : f)))}
            />
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => {
                focusIndex.current = i;
                onChange(facilities.filter((_, j) => j !== i));
              }}
            >
              {t("home.facilities.remove")}
              <span class="sr-only"> {name || t("home.facilities.nameLabel", { n: i + 1 })}</span>
            </button>
            <CharCount id={`facility-${i}-count`} length={name.length} max={OTHER_FACILITY_NAME_MAX} />
          </li>
        ))}
      </ol>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        ref={addRef}
        type="button"
        class="button button--secondary"
        disabled={facilities.length >= MAX_OTHER_FACILITIES}
        onClick={() => {
          focusIndex.current = facilities.length;
          onChange([...facilities, ""]);
        }}
      >
        {t("home.facilities.add")}
      </button>
    </fieldset>
  );
}
