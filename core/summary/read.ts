/**
 * @module summary/read
 * A file's text read as a summary for the comparison, saying precisely why it is not one. The
 * summary schema grows optional fields over time (a later Candor may write fields this one has
 * never heard of); a file whose only fault is such unknown fields still loads here, without them,
 * because the comparison reads only what it knows. Every field it does know is validated as strictly
 * as ever. Pure: no I/O.
 */
import type { z } from "zod";
import { fromData, READABLE_SCHEMA_IDS } from "./json";
import type { Summary } from "./schema";

export type ReadResult =
  | { ok: true; summary: Summary /** Field names this version doesn't know, left out. */; ignored: string[] }
  | { ok: false; reason: "notJson" | "notSummary" }
  | { ok: false; reason: "version"; found: string; expected: string };

type Issue = z.core.$ZodIssue;

function issuesOf(e: unknown): Issue[] | null {
  const issues = (e as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : null;
}

/** Deletes the named keys at each issue's path; false if a path doesn't lead to an object. */
function dropKeys(data: unknown, issues: Issue[]): boolean {
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") return false;
    let at: unknown = data;
    for (const step of issue.path)
      at = at && typeof at === "object" ? (at as Record<PropertyKey, unknown>)[step as PropertyKey] : undefined;
    if (!at || typeof at !== "object") return false;
    for (const key of issue.keys) delete (at as Record<string, unknown>)[key];
  }
  return true;
}

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
  const ignored: string[] = [];
  // A few passes: zod reports unknown keys level by level only where the level above parsed.
  for (let pass = 0; pass < 8; pass++) {
    try {
      return { ok: true, summary: fromData(data), ignored };
    } catch (e) {
      const issues = issuesOf(e);
      if (!issues?.length || !dropKeys(data, issues)) return { ok: false, reason: "notSummary" };
      for (const i of issues) if (i.code === "unrecognized_keys") ignored.push(...i.keys.filter((k) => !ignored.includes(k)));
    }
  }
  return { ok: false, reason: "notSummary" };
}
