/**
 * @module screens/useFitToScreen
 * Nobody scrolls a projector. After every render (and on resize) this tries the fit steps below
 * in order, from the first, until the page fits the window (or the steps run out). A step is data
 * attributes on the projector's root that projector.css turns into questions cut to two lines or
 * one, fewer statistics, and smaller type: attributes, not styles, so the CSP's `style-src 'self'`
 * holds. The type shrinks last: results read from the back of the room matter more than a
 * question's last words or the quartiles, which the console shows whole.
 */
import type { RefObject } from "preact";
import { useEffect, useLayoutEffect } from "preact/hooks";

/** [type size in % of the normal one, lines per question (0: whole), only the main statistics]. */
type Step = readonly [number, 0 | 1 | 2, boolean];
const STEPS: readonly Step[] = [
  [100, 0, false],
  [100, 2, false],
  [100, 2, true],
  [100, 1, true],
  [96, 1, true],
  [92, 1, true],
  [88, 1, true],
  [84, 1, true],
  [80, 1, true],
  [76, 1, true],
  [72, 1, true],
  [68, 1, true],
  [64, 1, true],
  [60, 1, true],
  [55, 1, true],
  [50, 1, true],
];

function apply(el: HTMLElement, [size, lines, brief]: Step): void {
  if (size === 100) delete el.dataset.fitSize;
  else el.dataset.fitSize = String(size);
  if (lines === 0) delete el.dataset.fitLines;
  else el.dataset.fitLines = String(lines);
  if (brief) el.dataset.fitBrief = "";
  else delete el.dataset.fitBrief;
}

/** Applies the first step that fits (else the last one); returns its index. */
export function fitToScreen(el: HTMLElement | null): number {
  if (!el) return 0;
  const root = document.documentElement;
  for (const [i, step] of STEPS.entries()) {
    apply(el, step);
    if (root.scrollHeight <= window.innerHeight) return i;
  }
  return STEPS.length - 1;
}

export function useFitToScreen(ref: RefObject<HTMLElement | null>): void {
  // Every render: the content (a reveal, a recorded value, the vote count) decides the step.
  useLayoutEffect(() => void fitToScreen(ref.current));
  useEffect(() => {
    let frame = 0;
    const onResize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitToScreen(ref.current));
    };
    window.addEventListener("resize", onResize);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("resize", onResize);
    };
  }, [ref]);
}
