/**
 * @module console/RoundControls
 * Controls for the round on screen. While it is open: close & reveal (after a short delay with
 * Undo, console/useRevealDelay.ts), cancel it while no ballot has arrived (a mistaken open), and
 * the countdown (set, extend, clear). Once revealed: a new round (Delphi). The room decides;
 * these only ask.
 */
import { useState } from "preact/hooks";
import type { LiveState } from "../../../core/protocol";
import { t, tn } from "../i18n";
import { extraPasses } from "./Headcount";
import type { SessionControlProps } from "./useFacilitator";
import type { RevealDelay } from "./useRevealDelay";

const PRESETS = [60, 120, 300] as const;
/** What "+30 s" adds to a running countdown. */
export const EXTEND_S = 30;
/** The countdown the room accepts (core/protocol.ts `timer`). */
const TIMER_MIN_S = 10;
const TIMER_MAX_S = 3600;

/** The `timer` seconds that push a running countdown `EXTEND_S` later. */
export const extendedSeconds = (deadline: number, now: number): number =>
  Math.min(TIMER_MAX_S, Math.max(TIMER_MIN_S, Math.ceil((deadline - now) / 1000) + EXTEND_S));

interface Props extends SessionControlProps {
  live: LiveState | null;
  reveal: RevealDelay;
}

export function RoundControls({ session, joined, run, live, reveal }: Props) {
  const [confirming, setConfirming] = useState(false);
  const extra = extraPasses(joined, session.headcount);
  if (session.phase === "open") {
    // A self-paced set counts per topic: it can be cancelled only while none has a ballot.
    const voted = live?.set.length ? live.set.reduce((sum, x) => sum + x.voted, 0) : (live?.voted ?? 0);
    const setSize = session.openSet?.length ?? 0;
    if (reveal.left !== null) {
      return (
        <div class="controls">
          <p class="reveal-pending" role="status">
            {t("console.round.revealIn", { n: reveal.left })}
          </p>
          <button type="button" class="button button--primary" onClick={reveal.undo}>
            {t("console.round.undo")}
          </button>
        </div>
      );
    }
    return (
      <div class="controls">
        {confirming && extra > 0 ? (
          // More passes than people: each extra pass may be a ballot someone cast twice, so a result
          // that just reaches k may rest on fewer real people. Say so before anything is revealed.
          <fieldset class="confirm" aria-labelledby="reveal-confirm">
            <p id="reveal-confirm">{tn("console.round.extraConfirm", extra)}</p>
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                setConfirming(false);
                reveal.start();
              }}
            >
              {t("console.round.revealAnyway")}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </button>
          </fieldset>
        ) : (
          <button type="button" class="button button--primary" onClick={() => (extra > 0 ? setConfirming(true) : reveal.start())}>
            {setSize > 0 ? tn("console.set.close", setSize) : t("console.round.close")}
          </button>
        )}
        {voted === 0 ? (
          <button type="button" class="button button--secondary" onClick={() => run({ op: "cancel" }, t("console.round.cancelAction"))}>
            {t("console.round.cancel")}
          </button>
        ) : null}
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
          {session.deadline !== null ? (
            <button
              type="button"
              class="button button--small button--secondary"
              onClick={() =>
                session.deadline !== null &&
                run(
                  { op: "timer", seconds: extendedSeconds(session.deadline, Date.now()) },
                  t("console.timer.extendAction", { n: EXTEND_S }),
                )
              }
            >
              {t("console.timer.extend", { n: EXTEND_S })}
            </button>
          ) : null}
          <button
            type="button"
            class="button button--small button--secondary"
            disabled={session.deadline === null}
            onClick={() => run({ op: "timer", seconds: null }, t("console.timer.clearAction"))}
          >
            {t("console.timer.clear")}
          </button>
          <p class="hint">{t("console.timer.atZero")}</p>
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
