/**
 * @module console/Directory
 * The community directory (issue 12), filled in together: every facilitator's console edits the
 * same tables in the doc live (core/directory-doc.ts), before or during the workshop. One
 * disclosure per table of the toolkit's Section V, so nine closed tables take little room; in each,
 * one group of labelled fields per row, rows added and removed. The form says first and plainly
 * what may go in: organizations and services, never a patient or a private individual.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type * as Y from "yjs";
import { type DirectoryTableTemplate, directoryTemplate, isFilledRow } from "../../../core/directory";
import { addRow, directoryMap, readRow, removeRow, tableRows } from "../../../core/directory-doc";
import { DIRECTORY_FIELD_MAX, DIRECTORY_ROWS_MAX } from "../../../core/limits";
import { CharCount } from "../components/CharCount";
import { type MessageKey, t, tn } from "../i18n";
import type { SaveState } from "../screens/useRoomDoc";
import { useBoundText } from "./useBoundText";
import { UNTRANSLATED } from "../toolkit/untranslated";
import { useTextValue } from "./useYText";

const SAVE_WORDS: Record<SaveState, MessageKey> = {
  saved: "console.notes.saved",
  saving: "console.notes.saving",
  offline: "console.notes.offline",
};

/** Stable keys for rows (Y.Maps) across renders: a removed row takes its fields with it. */
const rowKeys = new WeakMap<object, number>();
let nextKey = 0;
const keyOf = (row: object): number => {
  const known = rowKeys.get(row);
  if (known !== undefined) return known;
  const key = nextKey++;
  rowKeys.set(row, key);
  return key;
};

export function Directory({ doc, save }: { doc: Y.Doc; save: SaveState }) {
  const [said, setSaid] = useState("");
  return (
    <div class="directory stack">
      <p class="notice notice--warn" id="directory-notice">
        <strong>{t("console.directory.notice")}</strong>
      </p>
      <p class="hint">{t("console.directory.hint")}</p>
      <p class={`save-state save-state--${save}`} role="status">
        {t(SAVE_WORDS[save])}
      </p>
      {directoryTemplate().tables.map((table) => (
        <DirectoryTable key={table.id} doc={doc} table={table} say={setSaid} />
      ))}
      <p class="sr-only" aria-live="polite">
        {said}
      </p>
    </div>
  );
}

/** A table's rows as they stand, and how many have something filled in; kept current as anyone edits. */
function useTableRows(doc: Y.Doc, table: DirectoryTableTemplate) {
  const read = () => {
    const rows = tableRows(doc, table.id)?.toArray() ?? [];
    return { rows, filled: rows.filter((r) => isFilledRow(readRow(table.id, r))).length };
  };
  const [state, setState] = useState(read);
  useEffect(() => {
    const map = directoryMap(doc);
    let array = tableRows(doc, table.id);
    const update = () => setState(read());
    // The room may put a new array in place of one a console broke: follow it.
    const onMap = () => {
      array?.unobserveDeep(update);
      array = tableRows(doc, table.id);
      array?.observeDeep(update);
      update();
    };
    update();
    array?.observeDeep(update);
    map.observe(onMap);
    return () => {
      array?.unobserveDeep(update);
      map.unobserve(onMap);
    };
  }, [doc, table.id]);
  return state;
}

function DirectoryTable({ doc, table, say }: { doc: Y.Doc; table: DirectoryTableTemplate; say: (words: string) => void }) {
  const { rows, filled } = useTableRows(doc, table);
  const full = rows.length >= DIRECTORY_ROWS_MAX;
  const add = () => {
    if (addRow(doc, table.id)) say(t("console.directory.added", { n: rows.length + 1, table: table.title }));
  };
  const remove = (row: Y.Map<Y.Text>, n: number) => {
    if (removeRow(doc, table.id, row)) say(t("console.directory.removed", { n, table: table.title }));
  };
  return (
    <details class="directory-table" id={`directory-${table.id}`}>
      <summary>
        {/* Section V's headings are the seed's English (not translated, like the guidance). */}
        <span class="directory-table__title" {...UNTRANSLATED}>
          {table.title}
        </span>{" "}
        <span class="directory-table__count">{tn("console.directory.filled", filled)}</span>
      </summary>
      {table.hint ? (
        <p class="hint" {...UNTRANSLATED}>
          {table.hint}
        </p>
      ) : null}
      <ol class="directory-rows">
        {rows.map((row, i) => (
          <li key={keyOf(row)}>
            <DirectoryRow table={table} row={row} n={i + 1} onRemove={() => remove(row, i + 1)} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="button button--small button--secondary"
        onClick={add}
        disabled={full}
        aria-label={t("console.directory.addTo", { table: table.title })}
      >
        {t("console.directory.add")}
      </button>
      {full ? <p class="hint">{t("console.directory.full", { max: DIRECTORY_ROWS_MAX })}</p> : null}
    </details>
  );
}

function DirectoryRow({ table, row, n, onRemove }: { table: DirectoryTableTemplate; row: Y.Map<Y.Text>; n: number; onRemove: () => void }) {
  const type = useTextValue(row.get("type")).trim();
  const base = `dir-${table.id}-${n}`;
  return (
    <fieldset class="directory-row">
      <legend>{type ? t("console.directory.rowOf", { n, type }) : t("console.directory.row", { n })}</legend>
      <div class="directory-row__fields">
        {table.columns.map((column) => {
          const text = row.get(column.id);
          return text ? (
            <BoundInput key={column.id} text={text} id={`${base}-${column.id}`} label={column.heading} url={column.id === "website"} />
          ) : null;
        })}
      </div>
      <button type="button" class="button button--small button--secondary directory-row__remove" onClick={onRemove}>
        {t("console.directory.remove", { n })}
      </button>
    </fieldset>
  );
}

/** A column heading that may break after each "/" ("organization/service") rather than inside a word on a phone. */
function SlashBreaks({ text }: { text: string }) {
  const parts = text.split("/");
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </span>
      ))}
    </>
  );
}

function BoundInput({ text, id, label, url }: { text: Y.Text; id: string; label: string; url: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  const length = useBoundText(ref, text);
  return (
    <div class="field">
      <label class="field-label" for={id} {...UNTRANSLATED}>
        <SlashBreaks text={label} />
      </label>
      <input
        ref={ref}
        id={id}
        class="input"
        type="text"
        dir="auto"
        inputMode={url ? "url" : undefined}
        autoComplete="off"
        maxLength={DIRECTORY_FIELD_MAX}
        aria-describedby={`${id}-count`}
      />
      <CharCount id={`${id}-count`} length={length} max={DIRECTORY_FIELD_MAX} />
    </div>
  );
}
