/**
 * @module console/ActionItemForm
 * Adds one action item to the topic's shared action items, with its owner role, due day and
 * priority (issue 11): the form writes one line in the format core/action-items.ts reads back, so
 * every facilitator sees it at once and can still edit it as text. Below, what the summary will
 * read from the text, so a field typed by hand that doesn't read shows before the report.
 */
import { useState } from "preact/hooks";
import type * as Y from "yjs";
import {
  ACTION_TEXT_MAX,
  formatActionLine,
  isDueDay,
  OWNER_MAX,
  PRIORITIES,
  type Priority,
  parseActionItems,
} from "../../../core/action-items";
import { CharCount } from "../components/CharCount";
import { t, tn } from "../i18n";
import { appendActionLine } from "./appendActionLine";
import { useYText } from "./useYText";

export function ActionItemForm({ doc, domainId }: { doc: Y.Doc; domainId: string }) {
  const name = `actions:${domainId}`;
  const actions = useYText(doc, name);
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [priority, setPriority] = useState<Priority | "">("");
  const [error, setError] = useState<string | null>(null);
  const id = (field: string) => `action-${field}-${domainId}`;
  const items = parseActionItems(actions);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t("console.action.missing"));
      document.getElementById(id("text"))?.focus();
      return;
    }
    // A day the browser's date field would not give (typed in a browser without one) is said, not dropped.
    if (due && !isDueDay(due)) {
      setError(t("console.action.badDue"));
      document.getElementById(id("due"))?.focus();
      return;
    }
    const line = formatActionLine({ text, owner, due: due || null, priority: priority || null });
    if (!appendActionLine(doc, domainId, line)) {
      setError(t("console.action.full"));
      return;
    }
    setError(null);
    setText("");
    setOwner("");
    setDue("");
    setPriority("");
  };

  return (
    <div class="action-items stack">
      <form class="action-form stack" onSubmit={onSubmit} noValidate aria-labelledby={id("heading")}>
        <h3 id={id("heading")}>{t("console.action.heading")}</h3>
        <div class="field">
          <label class="field-label" for={id("text")}>
            {t("console.action.text")}
          </label>
          <input
            id={id("text")}
            class="input"
            value={text}
            maxLength={ACTION_TEXT_MAX}
            aria-describedby={id("text-count")}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <CharCount id={id("text-count")} length={text.length} max={ACTION_TEXT_MAX} />
        </div>
        <div class="action-form__row">
          <div class="field">
            <label class="field-label" for={id("owner")}>
              {t("console.action.owner")}
            </label>
            <p class="hint" id={id("owner-hint")}>
              {t("console.action.ownerHint")}
            </p>
            <input
              id={id("owner")}
              class="input"
              value={owner}
              maxLength={OWNER_MAX}
              aria-describedby={id("owner-hint")}
              onInput={(e) => setOwner(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label class="field-label" for={id("due")}>
              {t("console.action.due")}
            </label>
            <input id={id("due")} class="input" type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label class="field-label" for={id("priority")}>
              {t("console.action.priority")}
            </label>
            <select
              id={id("priority")}
              class="select"
              value={priority}
              onChange={(e) => setPriority(e.currentTarget.value as Priority | "")}
            >
              <option value="">{t("console.action.priorityNone")}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`console.action.priority.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="error" role="alert">
          {error ?? ""}
        </p>
        <button type="submit" class="button button--secondary">
          {t("console.action.add")}
        </button>
      </form>
      {items.length ? (
        <table class="action-table">
          <caption>{tn("console.action.read", items.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("console.action.text")}</th>
              <th scope="col">{t("console.action.owner")}</th>
              <th scope="col">{t("console.action.due")}</th>
              <th scope="col">{t("console.action.priority")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={i}>
                <td dir="auto">{item.text}</td>
                <td dir="auto">{item.owner ?? "—"}</td>
                <td>{item.due ?? "—"}</td>
                <td>{item.priority ? t(`console.action.priority.${item.priority}`) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
