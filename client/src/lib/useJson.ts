/**
 * @module useJson
 * JSON that a screen loads once per address and validates with the server's own schema (the client
 * trusts no network input, its own server's included): templates, the toolkit.
 */
import { useEffect, useState } from "preact/hooks";
import type * as z from "zod/mini";
import { getJson } from "./http";

const cache = new Map<string, Promise<unknown>>();

function load<T>(schema: z.ZodMiniType<T>, url: string): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = getJson(schema, url);
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

/** The value at `url` (null: nothing to load yet, or not loaded yet); `failed` until a retry. */
export function useJson<T>(schema: z.ZodMiniType<T>, url: string | null): { value: T | null; failed: boolean; retry: () => void } {
  const [loaded, setLoaded] = useState<{ url: string; value: T } | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!url) return;
    let live = true;
    setFailed(false);
    load(schema, url).then(
      (value) => live && setLoaded({ url, value }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [schema, url, attempt]);
  return { value: loaded?.url === url ? loaded.value : null, failed, retry: () => setAttempt((a) => a + 1) };
}
