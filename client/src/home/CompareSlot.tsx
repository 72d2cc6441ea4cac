/**
 * @module home/CompareSlot
 * "Compare assessments" (issues 5 and 12): load exported JSON summaries and see organizations side
 * by side or one organization's trend. It renders below the create form as its own section with
 * an h2; see {@link Compare}.
 */
import { Compare } from "./Compare";

export function CompareSlot() {
  return <Compare />;
}
