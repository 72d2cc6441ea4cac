/**
 * @module self-paced
 * The rule a self-paced set (docs/design.md §1.2) must keep that the one-topic flow gets from the
 * template check: every open topic's ballot of one phone fits that phone socket's attachment
 * together (core/limits.ts), so all of them survive hibernation without touching storage.
 */
import { BALLOT_CODE_MAX } from "./limits";
import { type Template, maxBallotCodeLength } from "./template";

/** JSON's cost of one entry `{"roundId":"…","code":"…"},` of the attachment's ballots, beside the two texts. */
const ENTRY_OVERHEAD = JSON.stringify({ roundId: "", code: "" }).length + 1;

/**
 * The most bytes the ballots of rounds `open` can take in one attachment: each round's id and its
 * topic's longest compact ballot. Null when a topic is not the template's.
 */
export function setBallotBytes(template: Template, open: readonly { domainId: string; roundId: string }[]): number | null {
  let bytes = 0;
  for (const { domainId, roundId } of open) {
    const domain = template.domains.find((d) => d.id === domainId);
    if (!domain) return null;
    bytes += roundId.length + maxBallotCodeLength(domain) + ENTRY_OVERHEAD;
  }
  return bytes;
}

/** Whether a set of rounds can be open together (see {@link setBallotBytes}). */
export const setFits = (template: Template, open: readonly { domainId: string; roundId: string }[]): boolean => {
  const bytes = setBallotBytes(template, open);
  return bytes !== null && bytes <= BALLOT_CODE_MAX;
};
