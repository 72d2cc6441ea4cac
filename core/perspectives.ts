/**
 * @module perspectives
 * Which perspectives took part (docs/design.md §3.10), released so that nobody can be singled out: a
 * perspective is named only if at least k people chose it; smaller ones merge into "other",
 * which is itself named only if the merged group reaches k. Counts are never released.
 */
import type { Perspective } from "./protocol";

export type PerspectiveName = Perspective | "other";

export function perspectivesPresent(chosen: Iterable<Perspective>, k: number): PerspectiveName[] {
  const counts = new Map<Perspective, number>();
  for (const p of chosen) if (p !== "prefer-not") counts.set(p, (counts.get(p) ?? 0) + 1);
  const named: PerspectiveName[] = [];
  let merged = 0;
  for (const [p, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (n >= k) named.push(p);
    else merged += n;
  }
  if (merged >= k) named.push("other");
  return named;
}
