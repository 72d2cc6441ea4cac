/**
 * @module useFocusOnChange
 * Moves keyboard and screen-reader focus to a view's heading when the view changes (a new
 * domain opens, the round closes…), so nobody is left on a control that just disappeared.
 * The first render is left alone: the browser's own page-load focus is right there.
 */
import type { RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function useFocusOnChange<T extends HTMLElement>(key: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current !== null && previous.current !== key) ref.current?.focus();
    previous.current = key;
  }, [key]);
  return ref;
}
