/**
 * @module home/useLeaveWarning
 * While `armed`, leaving the page (closing the tab, reloading, following a link away) makes the
 * browser ask first. The created page arms it until the facilitator link is saved: the page is
 * the only place that link is ever shown, and the room keeps only its hash, so a tab closed too
 * early loses the session's key for good. Browsers show their own words, not ours.
 */
import { useEffect } from "preact/hooks";

export function useLeaveWarning(armed: boolean): void {
  useEffect(() => {
    if (!armed) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [armed]);
}
