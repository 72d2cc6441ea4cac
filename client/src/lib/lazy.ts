/**
 * @module lazy
 * A part of a page fetched when it is first needed rather than with the page (issue 13: a page's
 * first load is counted in bytes, docs/design.md §8). `use(needed)` is a hook: it starts the fetch
 * once `needed` is true and gives the module once it is in (null until then; the component renders
 * again when it arrives). `preload()` fetches ahead of need: when a round opens, its result will
 * soon be shown. A failed fetch (a network blip) is tried again a few seconds later while the part
 * is still needed, and on the next need anyway.
 */
import { useEffect, useState } from "preact/hooks";

const RETRY_MS = 3_000;

export interface LazyPart<T> {
  preload(): void;
  use(needed?: boolean): T | null;
}

export function lazyPart<T>(load: () => Promise<T>): LazyPart<T> {
  let loaded: T | null = null;
  let pending: Promise<T> | null = null;
  const fetchOnce = (): Promise<T> =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  return {
    preload: () => void fetchOnce().catch(() => {}),
    use(needed = true) {
      const [, arrived] = useState(0);
      const [attempt, retry] = useState(0);
      useEffect(() => {
        if (!needed || loaded) return;
        let live = true;
        let timer: ReturnType<typeof setTimeout> | undefined;
        fetchOnce().then(
          () => live && arrived((n) => n + 1),
          () => {
            if (live) timer = setTimeout(() => retry((n) => n + 1), RETRY_MS);
          },
        );
        return () => {
          live = false;
          clearTimeout(timer);
        };
      }, [needed, attempt]);
      return loaded;
    },
  };
}
