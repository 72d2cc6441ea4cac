/**
 * @module screens/VoteProgress
 * "x of N have voted": while a round is open, the only thing anyone may see (docs/design.md §3.3). Counts
 * come from the room's JSON socket, never from the doc or awareness.
 */
import { t } from "../i18n";

export function VoteProgress({ voted, joined }: { voted: number; joined: number }) {
  return (
    <p class="progress" aria-live="polite" aria-atomic="true">
      <span class="progress__big">{t("progress.voted", { x: voted, n: joined })}</span>
    </p>
  );
}
