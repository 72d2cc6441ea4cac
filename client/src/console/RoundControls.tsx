/**
 * @module console/RoundControls
 * Controls for the round on screen: close & reveal and the countdown while it is open; a new
 * round (Delphi) once it is revealed. The room decides; these only ask.
 */
import { useState } from "preact/hooks";
import type { SessionControlProps } from "./useFacilitator";
import { t, tn } from "../i18n";
import { extraPasses } from "./Headcount";

const PRESETS = [60, 120, 300] as const;

export function RoundControls({ session, joined, run }: SessionControlProps) {
  const [confirming, setConfirming] = useState(false);
  const extra = extraPasses(joined, session.headcount);
  if (session.phase === "open") {
    const close = () => {
      setConfirming(false);
      run({ op: "close" }, t("console.round.closeAction"));
    };
    return (
      <div class="controls">
        {confirming && extra > 0 ? (
          // More passes than people: each extra pass may be a ballot someone cast twice, so a result
          // that just reaches k may rest on fewer real people. Say so before anything is revealed.
          <fieldset class="confirm" aria-labelledby="reveal-confirm">
            <p id="reveal-confirm">{tn("console.round.extraConfirm", extra)}</p>
            <button type="button" class="button button--primary" onClick={close}>
              {t("console.round.revealAnyway")}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </button>
          </fieldset>
        ) : (
          <button type="button" class="button button--primary" onClick={() => (extra > 0 ? setConfirming(true) : close())}>
            {t("console.round.close")}
          </button>
        )}
        <fieldset class="controls__timer">
          <legend>{t("console.timer.legend")}</legend>
          {PRESETS.map((s) => (
            <button
              key={s}
              type="button"
              class="button button--small button--secondary"
              onClick={() => run({ op: "timer", seconds: s }, t("console.timer.setAction", { n: s / 60 }))}
            >
              {t("console.timer.minutes", { n: s / 60 })}
            </button>
          ))}
          <button
            type="button"
            class="button button--small button--secondary"
            disabled={session.deadline === null}
            onClick={() => run({ op: "timer", seconds: null }, t("console.timer.clearAction"))}
          >
            {t("console.timer.clear")}
          </button>
        </fieldset>
      </div>
    );
  }
  if (session.phase === "revealed" && session.domainId) {
    return (
      <div class="controls">
        <button type="button" class="button button--secondary" onClick={() => run({ op: "new-round" }, t("console.round.newAction"))}>
          {t("console.round.new")}
        </button>
        <p class="hint">{t("console.round.newHint")}</p>
      </div>
    );
  }
  if (session.phase === "ended") return <p>{t("console.round.ended")}</p>;
  return <p>{t("console.round.lobby")}</p>;
}
