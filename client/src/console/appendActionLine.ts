/**
 * @module console/appendActionLine
 * Adds one line to a topic's shared action items (the doc's `actions:<domainId>`), as the form and
 * the guidance's "Add as action item" both do: at the end, on a line of its own, and only if the
 * text stays within the notes' cap (the room would cut what goes beyond it).
 */
import type * as Y from "yjs";
import { lineToAppend } from "../../../core/action-items";
import { NOTES_MAX } from "../../../core/limits";

/** Whether `line` still fits after `current`. */
export const lineFits = (current: string, line: string): boolean => current.length + lineToAppend(current, line).length <= NOTES_MAX;

/** Appends `line`; false (nothing written) when it would not fit. */
export function appendActionLine(doc: Y.Doc, domainId: string, line: string): boolean {
  const text = doc.getText(`actions:${domainId}`);
  const current = text.toString();
  if (!lineFits(current, line)) return false;
  text.insert(current.length, lineToAppend(current, line));
  return true;
}
