/**
 * @module home/CompareSlot
 * SLOT — "Compare two summaries" (load two exported JSON summaries and show what changed) is
 * added by another issue. It renders here, below the create form, as its own section with an
 * h2; replace this placeholder component with it. Renders nothing until then.
 */
export function CompareSlot() {
  return null;
}
