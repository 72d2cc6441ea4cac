/**
 * @module summary/json
 * The summary as JSON: the {@link Summary} itself, validated against the versioned
 * {@link SummarySchema} on the way out, so a file that leaves is a file that loads back. Files of
 * the earlier version (/1) load too, upgraded.
 */
import { upgradeSummary } from "./plan";
import { SUMMARY_SCHEMA_ID, SUMMARY_SCHEMA_ID_V1, type Summary, SummarySchema, SummaryV1Schema } from "./schema";

export function toJson(summary: Summary): string {
  return `${JSON.stringify(SummarySchema.parse(summary), null, 2)}\n`;
}

/** The schema ids this version reads. */
export const READABLE_SCHEMA_IDS: readonly string[] = [SUMMARY_SCHEMA_ID_V1, SUMMARY_SCHEMA_ID];

/** Loads an exported summary (e.g. to compare with a later assessment); throws on a bad file. */
export const fromJson = (text: string): Summary => fromData(JSON.parse(text));

/** {@link fromJson} of a file already parsed as JSON. */
export function fromData(data: unknown): Summary {
  if ((data as { schema?: unknown } | null)?.schema === SUMMARY_SCHEMA_ID_V1) return upgradeSummary(SummaryV1Schema.parse(data));
  return SummarySchema.parse(data);
}
