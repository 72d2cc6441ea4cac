/**
 * @module summary/json
 * The summary as JSON: the {@link Summary} itself, validated against the versioned
 * {@link SummarySchema} on the way out, so a file that leaves is a file that loads back.
 */
import { type Summary, SummarySchema } from "./schema";

export function toJson(summary: Summary): string {
  return `${JSON.stringify(SummarySchema.parse(summary), null, 2)}\n`;
}

/** Loads an exported summary (e.g. to compare with a later assessment); throws on a bad file. */
export function fromJson(text: string): Summary {
  return SummarySchema.parse(JSON.parse(text));
}
