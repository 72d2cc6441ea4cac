/**
 * @module directory
 * The community directory (issue 12): the services a community maps together, in the tables of the
 * toolkit's Section V "Community Directory of Resources". The tables, their column headings and
 * their pre-filled rows (the seven international organizations with their links among them) are
 * data (core/templates/directory.json), checked against the seed by tests/unit/directory-seed.test.ts.
 *
 * A directory holds organizations and services only, never a patient or a private individual
 * (docs/privacy.md): the console says so above the form. Pure: no I/O. The live copy is in the
 * room's Yjs doc (core/directory-doc.ts); this is its exported shape, the one the summary carries,
 * the create request takes and the reports print.
 */
import * as z from "zod/mini";
import raw from "./templates/directory.json";
import { DIRECTORY_FIELD_MAX, DIRECTORY_ROWS_MAX } from "./limits";

/** The nine tables of Section V, in the seed's order. */
export const DIRECTORY_TABLE_IDS = [
  "interpreters",
  "anti-trafficking",
  "hotlines",
  "shelters",
  "health",
  "related",
  "legal",
  "embassies",
  "international",
] as const;
export const DirectoryTableIdSchema = z.enum(DIRECTORY_TABLE_IDS);
export type DirectoryTableId = z.infer<typeof DirectoryTableIdSchema>;

/** Every column any table has; each table has some of them (its `columns`). */
export const DIRECTORY_COLUMN_IDS = ["type", "name", "contact", "hours", "lengthOfStay", "language", "website"] as const;
export const DirectoryColumnIdSchema = z.enum(DIRECTORY_COLUMN_IDS);
export type DirectoryColumnId = z.infer<typeof DirectoryColumnIdSchema>;

const Text = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

/** A table as Section V has it: title, column headings, an instruction, pre-filled rows. */
export const DirectoryTableTemplateSchema = z
  .strictObject({
    id: DirectoryTableIdSchema,
    title: Text,
    columns: z.array(z.strictObject({ id: DirectoryColumnIdSchema, heading: Text })).check(z.minLength(2)),
    /** The seed's instruction for the table, where it has one ("List most common languages encountered"). */
    hint: z.optional(Text),
    /** Rows present from the start: the seed's row labels (and, for international organizations, links). */
    rows: z.array(z.partialRecord(DirectoryColumnIdSchema, Text)),
  })
  .check(
    z.refine((t) => t.rows.every((r) => Object.keys(r).every((c) => t.columns.some((x) => x.id === c))), {
      message: "a pre-filled row uses a column its table does not have",
    }),
  );
export type DirectoryTableTemplate = z.infer<typeof DirectoryTableTemplateSchema>;

export const DirectoryTemplateSchema = z
  .strictObject({ title: Text, tables: z.array(DirectoryTableTemplateSchema) })
  .check(z.refine((d) => d.tables.map((t) => t.id).join() === DIRECTORY_TABLE_IDS.join(), { message: "every table once, in order" }));
export type DirectoryTemplate = z.infer<typeof DirectoryTemplateSchema>;

let template: DirectoryTemplate | null = null;
/** Section V as data, validated on first use (the data is read like any input, never trusted). */
export function directoryTemplate(): DirectoryTemplate {
  template ??= DirectoryTemplateSchema.parse(raw);
  return template;
}

export const tableTemplate = (id: DirectoryTableId): DirectoryTableTemplate => directoryTemplate().tables.find((t) => t.id === id)!;

/** One row as a community filled it in: a value per column of its table (absent = empty). */
export const DirectoryRowSchema = z.partialRecord(DirectoryColumnIdSchema, z.string().check(z.maxLength(DIRECTORY_FIELD_MAX)));
export type DirectoryRow = z.infer<typeof DirectoryRowSchema>;

export const DirectoryTableSchema = z
  .strictObject({ id: DirectoryTableIdSchema, rows: z.array(DirectoryRowSchema).check(z.maxLength(DIRECTORY_ROWS_MAX)) })
  .check(
    z.refine((t) => t.rows.every((r) => Object.keys(r).every((c) => tableTemplate(t.id).columns.some((x) => x.id === c))), {
      message: "a row has a column its table does not have",
    }),
  );
export type DirectoryTable = z.infer<typeof DirectoryTableSchema>;

/**
 * An exported directory: in the summary JSON (`directory`), in the create request, in the room's
 * answer to the Worker. Each table at most once; a table left out is an empty table.
 */
export const DirectorySchema = z
  .strictObject({ tables: z.array(DirectoryTableSchema).check(z.maxLength(DIRECTORY_TABLE_IDS.length)) })
  .check(z.refine((d) => new Set(d.tables.map((t) => t.id)).size === d.tables.length, { message: "a table is listed twice" }));
export type Directory = z.infer<typeof DirectorySchema>;

/** The directory a new session starts with: the seed's tables and pre-filled rows. */
export function defaultDirectory(): Directory {
  return { tables: directoryTemplate().tables.map((t) => ({ id: t.id, rows: t.rows.map((r) => ({ ...r })) })) };
}

/** A table's rows in `directory` (none when it is left out). */
export const rowsOf = (directory: Directory, id: DirectoryTableId): DirectoryRow[] => directory.tables.find((t) => t.id === id)?.rows ?? [];

/**
 * Whether a row says something about a service: any column but its type holds text. A pre-filled
 * row whose label nobody completed is the seed's prompt, not an entry; an international
 * organization's link is an entry (the reports print the seed's links).
 */
export const isFilledRow = (row: DirectoryRow): boolean =>
  Object.entries(row).some(([column, value]) => column !== "type" && !!value?.trim());

/** The rows with something filled in, table by table in the seed's order; tables without any left out. */
export function filledTables(directory: Directory): { table: DirectoryTableTemplate; rows: DirectoryRow[] }[] {
  return directoryTemplate().tables.flatMap((table) => {
    const rows = rowsOf(directory, table.id).filter(isFilledRow);
    return rows.length > 0 ? [{ table, rows }] : [];
  });
}

/**
 * The filled rows of "Health and mental health services" as `{ type, name }` (trimmed; empty when
 * not given): the facilities a session may pick for the AAAQ topic (domain 12).
 */
export function healthServiceRows(directory: Directory): { type: string; name: string }[] {
  return rowsOf(directory, "health")
    .filter(isFilledRow)
    .map((r) => ({ type: r.type?.trim() ?? "", name: r.name?.trim() ?? "" }));
}

/** A link as the reports print it: the text when it is an http(s) address (with "https://" added to a bare "www."), else null. */
export function linkOf(text: string): string | null {
  const trimmed = text.trim();
  const candidate = /^www\./i.test(trimmed) ? `https://${trimmed}` : trimmed;
  try {
    const url = new URL(candidate);
    return (url.protocol === "https:" || url.protocol === "http:") && !/\s/.test(candidate) ? url.href : null;
  } catch {
    return null;
  }
}

/** The same directory without its empty fields (an empty field and a missing one are the same): a smaller create request. */
export const compactDirectory = (directory: Directory): Directory => ({
  tables: directory.tables.map((t) => ({
    id: t.id,
    rows: t.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ""))),
  })),
});

/** Why a file could not start a directory: not JSON, not a Candor summary, a summary without one, or one that does not pass. */
export type DirectoryFileProblem = "not-json" | "not-summary" | "no-directory" | "invalid";

/**
 * The directory of an earlier summary file (its JSON text), to start a new session's from: read in
 * the browser, so nothing of the file leaves it but the directory itself, which the Worker and the
 * room validate again.
 */
export function directoryFromSummaryFile(text: string): { ok: true; directory: Directory } | { ok: false; problem: DirectoryFileProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  const file = z
    .looseObject({ schema: z.string().check(z.startsWith("candor.summary/")), directory: z.optional(z.unknown()) })
    .safeParse(data);
  if (!file.success) return { ok: false, problem: "not-summary" };
  if (file.data.directory === undefined) return { ok: false, problem: "no-directory" };
  const directory = DirectorySchema.safeParse(file.data.directory);
  return directory.success ? { ok: true, directory: compactDirectory(directory.data) } : { ok: false, problem: "invalid" };
}
