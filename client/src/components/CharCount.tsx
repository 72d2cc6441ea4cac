/**
 * @module components/CharCount
 * "37 / 120" under a field with a length limit, so a limit is seen before it cuts anything. Screen
 * readers hear it only as the limit comes near (at 90 % and at the limit), not on every keystroke.
 */
import { t } from "../i18n";

/** Share of the limit from which the count is announced. */
const NEAR = 0.9;

export function CharCount({ id, length, max }: { id: string; length: number; max: number }) {
  const near = length >= Math.floor(max * NEAR);
  return (
    <p class={near ? "counter counter--near" : "counter"} id={id}>
      <span aria-hidden="true">{t("common.charCount", { n: length, max })}</span>
      <span class="sr-only" aria-live="polite">
        {length >= max ? t("common.charLimitReached", { max }) : near ? t("common.charsLeft", { n: max - length }) : ""}
      </span>
    </p>
  );
}
