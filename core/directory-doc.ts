/**
 * @module directory-doc
 * The community directory (core/directory.ts) in the room's Yjs doc, where the facilitators edit it
 * together: the room and the console share this layout and these conversions. Pure: a Y.Doc in
 * memory, no I/O.
 *
 * Layout: the top-level map "directory", table id → Y.Array of rows; a row is a Y.Map, column id
 * → Y.Text (every column of its table). Only the room creates the tables' arrays (at creation, or
 * on waking with a doc from before the directory): two consoles that each created one would race,
 * and Yjs keeps one array and drops the other's rows. Consoles add and remove rows and type into
 * the texts, which merge.
 *
 * The room tidies what a console wrote ({@link tidyDirectory}): unknown tables, columns and values
 * go, each text is cut to {@link DIRECTORY_FIELD_MAX} and each table to {@link DIRECTORY_ROWS_MAX}
 * rows, so the doc (stored whole, synced whole to every screen) stays bounded.
 */
import * as Y from "yjs";
import {
  DIRECTORY_TABLE_IDS,
  type Directory,
  type DirectoryRow,
  type DirectoryTableId,
  defaultDirectory,
  rowsOf,
  tableTemplate,
} from "./directory";
import { DIRECTORY_FIELD_MAX, DIRECTORY_ROWS_MAX } from "./limits";

export const DIRECTORY_ROOT = "directory";

export const directoryMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DIRECTORY_ROOT);

const isTableId = (key: string): key is DirectoryTableId => (DIRECTORY_TABLE_IDS as readonly string[]).includes(key);
const columnsOf = (id: DirectoryTableId) => tableTemplate(id).columns.map((c) => c.id);

/** A new row for table `id` (not yet in a doc), with a text per column, `values` in them. */
export function newRow(id: DirectoryTableId, values: DirectoryRow = {}): Y.Map<Y.Text> {
  const row = new Y.Map<Y.Text>();
  for (const column of columnsOf(id)) row.set(column, new Y.Text((values[column] ?? "").slice(0, DIRECTORY_FIELD_MAX)));
  return row;
}

/** Table `id`'s rows, or null when the room has not made the table (yet). */
export function tableRows(doc: Y.Doc, id: DirectoryTableId): Y.Array<Y.Map<Y.Text>> | null {
  const value = directoryMap(doc).get(id);
  return value instanceof Y.Array ? (value as Y.Array<Y.Map<Y.Text>>) : null;
}

/** Whether the doc has the directory's tables (a doc from before the directory has not). */
export const hasDirectory = (doc: Y.Doc): boolean => directoryMap(doc).size > 0;

/**
 * Writes `directory` into the doc as the room's own edit (at creation: the seed's rows, or those of
 * an earlier summary). Every table gets its array, a table the directory leaves out an empty one.
 */
export function writeDirectory(doc: Y.Doc, directory: Directory, origin: unknown): void {
  doc.transact(() => {
    const map = directoryMap(doc);
    for (const id of DIRECTORY_TABLE_IDS) {
      const rows = new Y.Array<Y.Map<Y.Text>>();
      rows.push(
        rowsOf(directory, id)
          .slice(0, DIRECTORY_ROWS_MAX)
          .map((r) => newRow(id, r)),
      );
      map.set(id, rows);
    }
  }, origin);
}

/** A doc from before the directory gets the seed's tables and rows; any other is left alone. */
export function ensureDirectory(doc: Y.Doc, origin: unknown): boolean {
  if (hasDirectory(doc)) return false;
  writeDirectory(doc, defaultDirectory(), origin);
  return true;
}

/** The directory as it stands, in its exported shape: every table, every row, every column of it. */
export function readDirectory(doc: Y.Doc): Directory {
  return {
    tables: DIRECTORY_TABLE_IDS.map((id) => ({
      id,
      rows: (tableRows(doc, id)?.toArray() ?? [])
        .filter((row): row is Y.Map<Y.Text> => row instanceof Y.Map)
        .slice(0, DIRECTORY_ROWS_MAX)
        .map((row) => readRow(id, row)),
    })),
  };
}

/** One row of table `id` as it stands: every column of the table, cut to its limit. */
export function readRow(id: DirectoryTableId, row: Y.Map<Y.Text>): DirectoryRow {
  return Object.fromEntries(
    columnsOf(id).map((column) => {
      const text: unknown = row.get(column);
      return [column, text instanceof Y.Text ? text.toString().slice(0, DIRECTORY_FIELD_MAX) : ""];
    }),
  );
}

/** Adds an empty row at the end of table `id`; false when the table is full or not there. */
export function addRow(doc: Y.Doc, id: DirectoryTableId, origin?: unknown): boolean {
  const rows = tableRows(doc, id);
  if (!rows || rows.length >= DIRECTORY_ROWS_MAX) return false;
  doc.transact(() => rows.push([newRow(id)]), origin);
  return true;
}

/** Removes `row` from table `id` (found by identity: another console may have moved it meanwhile). */
export function removeRow(doc: Y.Doc, id: DirectoryTableId, row: Y.Map<Y.Text>, origin?: unknown): boolean {
  const rows = tableRows(doc, id);
  const index = rows ? rows.toArray().indexOf(row) : -1;
  if (!rows || index < 0) return false;
  doc.transact(() => rows.delete(index, 1), origin);
  return true;
}

/**
 * Puts the directory back into its layout after a console's edit, as the room's own edit: what the
 * layout has no place for is removed, a missing table or column is made empty, texts and tables
 * are cut to their limits. Returns true when it changed anything.
 */
export function tidyDirectory(doc: Y.Doc, origin: unknown): boolean {
  const map = directoryMap(doc);
  let changed = false;
  doc.transact(() => {
    for (const key of [...map.keys()]) {
      if (!isTableId(key)) {
        map.delete(key);
        changed = true;
      }
    }
    for (const id of DIRECTORY_TABLE_IDS) {
      let rows = tableRows(doc, id);
      if (!rows) {
        rows = new Y.Array();
        map.set(id, rows);
        changed = true;
      }
      const items = rows.toArray();
      for (let i = items.length - 1; i >= 0; i--) {
        if (!(items[i] instanceof Y.Map)) {
          rows.delete(i, 1);
          changed = true;
        }
      }
      // Over the limit (two consoles added the last rows at once): rows nobody has typed into go
      // first, from the end; a row with words goes only if the table is still over.
      const blank = (row: unknown) => [...(row as Y.Map<unknown>).values()].every((v) => !(v instanceof Y.Text) || v.length === 0);
      for (let i = rows.length - 1; i >= 0 && rows.length > DIRECTORY_ROWS_MAX; i--) {
        if (blank(rows.get(i))) {
          rows.delete(i, 1);
          changed = true;
        }
      }
      if (rows.length > DIRECTORY_ROWS_MAX) {
        rows.delete(DIRECTORY_ROWS_MAX, rows.length - DIRECTORY_ROWS_MAX);
        changed = true;
      }
      for (const row of rows.toArray()) changed = tidyRow(id, row as Y.Map<unknown>) || changed;
    }
  }, origin);
  return changed;
}

function tidyRow(id: DirectoryTableId, row: Y.Map<unknown>): boolean {
  let changed = false;
  const columns: readonly string[] = columnsOf(id);
  for (const key of [...row.keys()]) {
    if (!columns.includes(key)) {
      row.delete(key);
      changed = true;
    }
  }
  for (const column of columns) {
    const text = row.get(column);
    if (!(text instanceof Y.Text)) {
      row.set(column, new Y.Text());
      changed = true;
    } else if (text.length > DIRECTORY_FIELD_MAX) {
      text.delete(DIRECTORY_FIELD_MAX, text.length - DIRECTORY_FIELD_MAX);
      changed = true;
    }
  }
  return changed;
}

/** Empties the directory (the room was erased): consoles still connected see nothing remain. */
export function clearDirectory(doc: Y.Doc, origin: unknown): void {
  doc.transact(() => directoryMap(doc).clear(), origin);
}
