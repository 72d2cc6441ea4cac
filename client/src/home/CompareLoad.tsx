/**
 * @module home/CompareLoad
 * The pure part of "Comparison over time", loaded on demand (the first time a file is chosen) so
 * the summary schema and the comparison stay out of the home page's first download. Reads a
 * file's text into a {@link Summary} with the versioned schema (`fromJson`) and says precisely
 * why a file is not one. Nothing here touches the network.
 */
import { compareSummaries } from "../../../core/summary/compare";
import { fromJson, READABLE_SCHEMA_IDS } from "../../../core/summary/json";
import type { Summary } from "../../../core/summary/schema";

export { compareSummaries };

export type ReadResult =
  | { ok: true; summary: Summary }
  | { ok: false; reason: "notJson" | "notSummary" }
  | { ok: false; reason: "version"; found: string; expected: string };

export function readSummary(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "notJson" };
  }
  const schema = data && typeof data === "object" && "schema" in data ? (data as { schema: unknown }).schema : undefined;
  // Same family, a version this one can't read: say so, instead of listing every field that moved.
  if (typeof schema === "string" && schema.startsWith("candor.summary/") && !READABLE_SCHEMA_IDS.includes(schema)) {
    return { ok: false, reason: "version", found: schema, expected: READABLE_SCHEMA_IDS.join(", ") };
  }
  try {
    return { ok: true, summary: fromJson(text) };
  } catch {
    return { ok: false, reason: "notSummary" };
  }
}
