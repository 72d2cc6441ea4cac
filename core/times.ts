/**
 * @module times
 * What Candor stores about time, and how coarsely (docs/design.md §3.7, docs/privacy.md): the day a
 * session was created, its expiry rounded up to the hour, and a running countdown's end rounded up
 * to the second. Nothing finer: a finer time would say more about when people acted than the
 * feature needs. (The storage service dates each write by itself; that is said in privacy.md.)
 */

const SECOND_MS = 1000;

/** Today in UTC, day only (YYYY-MM-DD). */
export const utcDay = (now: number): string => new Date(now).toISOString().slice(0, 10);

/**
 * When a session created at `now` with `days` of retention erases itself: rounded up to the next
 * 1/24 of a retention day (an hour, normally; a test's short "day" scales it down with it).
 */
export function retentionEnd(now: number, days: number, dayMs: number): number {
  const step = Math.max(1, Math.floor(dayMs / 24)); // whole milliseconds: stored as an integer
  return Math.ceil((now + days * dayMs) / step) * step;
}

/** A time rounded up to the whole second: countdown ends and the room's own alarms. */
export const toSecond = (ms: number): number => Math.ceil(ms / SECOND_MS) * SECOND_MS;
