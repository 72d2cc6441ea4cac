/**
 * @module console/JoinLock
 * Lock joining, in the console's header: the moment to lock is when everyone is in, and the
 * facilitator should not have to scroll for it (docs/design.md §3.2: passes handed out after that
 * are what a head-count can't vouch for).
 */
import type { SessionState } from "../../../core/session";
import { t } from "../i18n";
import type { RunCommand } from "./useFacilitator";

export function JoinLock({ session, run }: { session: SessionState; run: RunCommand }) {
  if (session.phase === "ended") return null;
  const locked = session.locked;
  return (
    <div class="join-lock">
      <span class={locked ? "join-lock__state join-lock__state--locked" : "join-lock__state"}>
        {t(locked ? "console.lock.closed" : "console.lock.open")}
      </span>
      <button
        type="button"
        class="button button--small button--secondary"
        onClick={() => run({ op: "lock", locked: !locked }, t("console.session.lockAction"))}
      >
        {t(locked ? "console.lock.unlock" : "console.lock.lock")}
      </button>
    </div>
  );
}
