/**
 * @module storage
 * Web storage that never throws: private browsing modes and full quotas make `localStorage`
 * throw, and a phone must keep working (it just forgets more) rather than crash mid-vote.
 */
function area(kind: "local" | "session"): Storage | null {
  try {
    return kind === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readJson(kind: "local" | "session", key: string): unknown {
  try {
    const raw = area(kind)?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

export function writeJson(kind: "local" | "session", key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) area(kind)?.removeItem(key);
    else area(kind)?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the in-memory copy still works for this page's life.
  }
}

export function readText(kind: "local" | "session", key: string): string | null {
  try {
    return area(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeText(kind: "local" | "session", key: string, value: string | null): void {
  try {
    if (value === null) area(kind)?.removeItem(key);
    else area(kind)?.setItem(key, value);
  } catch {
    // see writeJson
  }
}

/** Keys starting with `prefix` (to prune old entries). */
export function keysWithPrefix(kind: "local" | "session", prefix: string): string[] {
  const store = area(kind);
  if (!store) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return [];
  }
  return keys;
}
