/**
 * @module backoff
 * How long a phone waits before asking again after a "rate-limited" answer (the room's join or
 * message buckets, core/limits.ts). The phone uses it, and the benchmark's phones use it so they
 * come back exactly as real ones do.
 */

/**
 * 1–3 s, then growing by half each time, up to 5–15 s. Jittered, so phones refused together
 * don't all come back at the same instant.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 1.5 ** attempt, 5000);
  return Math.round(base * (1 + 2 * random()));
}
