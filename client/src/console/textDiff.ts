/**
 * @module console/textDiff
 * The smallest single edit that turns one string into another (common prefix and suffix kept),
 * and cursor mapping through a remote Yjs delta. Enough for a textarea: each input event is one
 * contiguous change, and the CRDT merges concurrent ones.
 */
export interface Splice {
  start: number;
  remove: number;
  insert: string;
}

export function minimalSplice(before: string, after: string): Splice {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { start, remove: endB - start, insert: after.slice(start, endA) };
}

/** A Yjs text delta: retain / insert / delete ops, in document order. */
export type Delta = readonly { retain?: number; insert?: unknown; delete?: number }[];

/** Where a cursor at `pos` (old text) is after the delta: shifted by edits before it. */
export function mapPosition(pos: number, delta: Delta): number {
  let oldIndex = 0;
  let mapped = pos;
  for (const op of delta) {
    if (op.retain !== undefined) oldIndex += op.retain;
    else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (oldIndex < pos) mapped += length;
    } else if (op.delete !== undefined) {
      if (oldIndex < pos) mapped -= Math.min(op.delete, pos - oldIndex);
      oldIndex += op.delete;
    }
    if (oldIndex >= pos && op.retain !== undefined) break;
  }
  return mapped;
}
