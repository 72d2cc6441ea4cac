/**
 * @module console/Headcount
 * Passes issued against the people the facilitator counts in the room (docs/design.md §3.2): one
 * client can take several passes while joining is open (a second tab, a script), and every pass
 * can vote, so fewer real ratings may reach k. The room only counts; the facilitator looks.
 */
import { useEffect, useState } from "preact/hooks";
import type { SessionControlProps } from "./useFacilitator";
import { t, tn } from "../i18n";

/** Passes beyond the head-count, or 0 when nobody counted (or there are none). */
export const extraPasses = (joined: number, headcount: number | null): number => (headcount === null ? 0 : Math.max(0, joined - headcount));

export function Headcount({ session, joined, run }: SessionControlProps) {
  const [text, setText] = useState(session.headcount === null ? "" : String(session.headcount));
  // A co-facilitator's count arrives through the room.
  useEffect(() => setText(session.headcount === null ? "" : String(session.headcount)), [session.headcount]);
  const save = () => {
    const count = text.trim() === "" ? null : Number(text);
    if (count !== null && (!Number.isInteger(count) || count < 0)) return;
    if (count !== session.headcount) run({ op: "headcount", count }, t("console.headcount.action"));
  };
  const extra = extraPasses(joined, session.headcount);
  return (
    <div class="stack headcount">
      <p>{tn("console.headcount.passes", joined)}</p>
      <div class="field">
        <label class="field-label" for="headcount">
          {t("console.headcount.label")}
        </label>
        <input
          id="headcount"
          class="input input--short"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={text}
          aria-describedby="headcount-hint"
          onInput={(e) => setText(e.currentTarget.value)}
          onChange={save}
          onKeyDown={(e) => e.key === "Enter" && save()}
        />
        <p class="hint" id="headcount-hint">
          {t("console.headcount.hint")}
        </p>
      </div>
      {extra > 0 ? (
        <p class="notice notice--warn" role="status">
          {tn("console.headcount.extra", extra)}
        </p>
      ) : null}
    </div>
  );
}
