/**
 * @module console/RoundControls
 * Controls for the round on screen: close & reveal and the countdown while it is open; a new
 * round (Delphi) once it is revealed. The room decides; these only ask.
 */
import type { Command } from "../../../core/protocol";
import type { SessionState } from "../../../core/session";
import { t } from "../i18n";

const PRESETS = [60, 120, 300] as const;

export function RoundControls({ session, run }: { session: SessionState; run: (cmd: Command, label: string) => void }) {
  if (session.phase === "open") {
    return (
      <div class="controls">
        <button type="button" class="button button--primary" onClick={() => run({ op: "close" }, t("console.round.closeAction"))}>
          {t("console.round.close")}
        </button>
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
