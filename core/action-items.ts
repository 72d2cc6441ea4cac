/**
 * @module action-items
 * Action items as the group writes them: one line each in the topic's shared "Action items" text
 * (the doc's `actions:<domainId>`, edited live by every facilitator). The console's form writes a
 * line with fields after the words, and anyone can type or edit the same form by hand:
 *
 *     - Train reception staff on indicators | owner: Nurse manager | due: 2027-01-31 | priority: high
 *
 * Owner is a role, never a person's name (the form says so). The text stays the one place the
 * items live, so collaborative editing, offline merge and the notes' cap work for them unchanged;
 * the summary reads the fields back with {@link parseActionItems}. Pure: no I/O.
 */
import * as z from "zod/mini";

export const PRIORITIES = ["high", "medium", "low"] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

/** An owner role: short, on one line, without the field separator. */
export const OWNER_MAX = 60;
export const ACTION_TEXT_MAX = 600;

export const ActionItemSchema = z.strictObject({
  text: z.string().check(z.minLength(1)),
  owner: z.nullable(z.string()),
  due: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  priority: z.nullable(PrioritySchema),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

const SEPARATOR = " | ";
const FIELD = /^(owner|due|priority):\s*(.*)$/i;
/** A real calendar day written YYYY-MM-DD (not 2027-02-30, which `Date.parse` would take). */
export const isDueDay = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};
/** Keeps typed text on one line and free of the separator, so a line always reads back as written. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").replaceAll("|", "/").trim();

/**
 * The line for an item, as the console writes it. The form keeps its words to
 * {@link ACTION_TEXT_MAX} itself; a toolkit point (up to 2,115 characters) goes whole, `maxText`
 * being the notes' own cap.
 */
export function formatActionLine(
  item: { text: string; owner?: string | null; due?: string | null; priority?: Priority | null },
  maxText: number = ACTION_TEXT_MAX,
): string {
  const parts = [`- ${oneLine(item.text).slice(0, maxText)}`];
  const owner = item.owner ? oneLine(item.owner).slice(0, OWNER_MAX) : "";
  if (owner) parts.push(`owner: ${owner}`);
  if (item.due && isDueDay(item.due)) parts.push(`due: ${item.due}`);
  if (item.priority) parts.push(`priority: ${item.priority}`);
  return parts.join(SEPARATOR);
}

/** What to insert at the end of a text so that `line` is a line of its own there. */
export const lineToAppend = (current: string, line: string): string => `${current && !current.endsWith("\n") ? "\n" : ""}${line}\n`;

/**
 * Reads the items back from the text: one per non-empty line, a leading bullet dropped. Fields are
 * the trailing ` | owner: …`, ` | due: YYYY-MM-DD`, ` | priority: high|medium|low` parts; one that
 * doesn't read as such (a bad date) stays part of the words, so nothing typed is ever lost.
 */
export function parseActionItems(text: string): ActionItem[] {
  const items: ActionItem[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim();
    if (!line) continue;
    const parts = line.split(SEPARATOR);
    const item: ActionItem = { text: "", owner: null, due: null, priority: null };
    // Fields are read from the end; the first part that isn't one ends them.
    let end = parts.length;
    while (end > 1) {
      const m = FIELD.exec(parts[end - 1]!.trim());
      if (!m) break;
      const name = m[1]!.toLowerCase();
      const value = m[2]!.trim();
      if (name === "owner" && value && item.owner === null) item.owner = value;
      else if (name === "due" && isDueDay(value) && item.due === null) item.due = value;
      else if (name === "priority" && PrioritySchema.safeParse(value.toLowerCase()).success && item.priority === null)
        item.priority = value.toLowerCase() as Priority;
      else break;
      end -= 1;
    }
    item.text = parts.slice(0, end).join(SEPARATOR).trim();
    if (item.text) items.push(item);
  }
  return items;
}
