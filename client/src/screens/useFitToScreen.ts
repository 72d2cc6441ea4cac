/**
 * @module screens/useFitToScreen
 * Nobody scrolls a projector. After every render (and on resize) this tries the fit steps below
 * in order, from the first, until the page fits the window (or the steps run out). A step is two
 * data attributes on the projector's root that projector.css turns into smaller type, questions
 * cut to two lines or one, and shorter charts: attributes, not styles, so the CSP's
 * `style-src 'self'` holds.
 */
import type { RefObject } from "preact";
import { useEffect, useLayoutEffect } from "preact/hooks";

/** [type size in % of the normal one, lines per question (0: whole)], in order of preference. */
const STEPS: readonly (readonly [number, 0 | 1 | 2])[] = [
  [100, 0],
  [96, 0],
  [92, 0],
  [88, 0],
  [88, 2],
  [84, 2],
  [80, 2],
  [84, 1],
  [80, 1],
  [76, 1],
  [72, 1],
  [68, 1],
  [64, 1],
  [60, 1],
  [55, 1],
  [50, 1],
];

function apply(el: HTMLElement, [size, lines]: readonly [number, number]): void {
  if (size === 100) delete el.dataset.fitSize;
  else el.dataset.fitSize = String(size);
  if (lines === 0) delete el.dataset.fitLines;
  else el.dataset.fitLines = String(lines);
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
