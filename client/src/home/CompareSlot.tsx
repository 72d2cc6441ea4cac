/**
 * @module home/CompareSlot
 * "Comparison over time" (issue 5): load two exported JSON summaries and see what changed. It
 * renders below the create form as its own section with an h2; see {@link Compare}.
 */
import { Compare } from "./Compare";

export function CompareSlot() {
  return <Compare />;
}
