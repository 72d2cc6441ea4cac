/**
 * @module console/SessionControls
 * Session-wide switches: auto-close when everyone has voted, the head-count held against the
 * passes handed out, and ending the session (asked twice, inline, so it works with a keyboard and
 * can't happen by a stray click). Locking joining is in the header (console/JoinLock.tsx).
 */
import { useState } from "preact/hooks";
import type { SessionControlProps } from "./useFacilitator";
import { t } from "../i18n";
import { Headcount } from "./Headcount";

export function SessionControls({ session, joined, run }: SessionControlProps) {
  const [confirming, setConfirming] = useState(false);
  const ended = session.phase === "ended";
  return (
    <div class="stack">
      <label class="check">
        <input
          type="checkbox"
          checked={session.autoClose}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            // Show the room's state, not the click: the box flips when the room confirms.
            e.currentTarget.checked = session.autoClose;
            run({ op: "auto-close", enabled }, t("console.session.autoCloseAction"));
          }}
        />
        <span>{t("console.session.autoClose")}</span>
      </label>
      <Headcount session={session} joined={joined} run={run} />
      {ended ? (
        <p>{t("console.session.ended")}</p>
      ) : confirming ? (
        <fieldset class="confirm" aria-labelledby="end-confirm">
          <p id="end-confirm">{t("console.session.endConfirm")}</p>
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              setConfirming(false);
              run({ op: "end" }, t("console.session.endAction"));
            }}
          >
            {t("console.session.endYes")}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </fieldset>
      ) : (
        <button type="button" class="button button--danger" disabled={session.phase === "open"} onClick={() => setConfirming(true)}>
          {t("console.session.end")}
        </button>
      )}
    </div>
  );
}
