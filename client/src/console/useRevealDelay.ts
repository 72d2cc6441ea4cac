/**
 * @module console/useRevealDelay
 * "Close & reveal" waits a few seconds in the console before it asks the room, with an Undo: a
 * mistaken click is taken back before anything is computed or shown, and no ballot is dropped
 * (the round simply stays open; phones can still vote meanwhile). The delay lives in this page
 * only: the room hears nothing until it is over.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import type { RunCommand } from "./useFacilitator";

/** Seconds between "Close & reveal" and the command going to the room. */
export const REVEAL_DELAY_S = 3;

export interface RevealDelay {
  /** Seconds left before the reveal is asked for, or null when none is pending. */
  left: number | null;
  start(): void;
  undo(): void;
}

export function useRevealDelay(run: RunCommand, roundId: string | null): RevealDelay {
  const [left, setLeft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setLeft(null);
  }, []);
  const start = useCallback(() => {
    if (timer.current) return;
    let n = REVEAL_DELAY_S;
    setLeft(n);
    timer.current = setInterval(() => {
      n -= 1;
      if (n > 0) return setLeft(n);
      stop();
      run({ op: "close" }, t("console.round.closeAction"));
    }, 1000);
  }, [run, stop]);
  // The round it was meant for has closed or changed meanwhile (auto-close, a countdown, a
  // co-facilitator): there is nothing left to reveal.
  useEffect(() => stop, [roundId, stop]);
  return { left, start, undo: stop };
}
