/**
 * @module console/OpenSet
 * Opens a self-paced set (docs/design.md §1.2): the facilitator ticks the topics that participants
 * answer at their own pace (all, or a selection), then opens them together. Topics not yet
 * assessed start ticked. Closing the set, and revealing its topics one by one, use the usual
 * controls. The room refuses a set that would not fit a phone's connection, and says so.
 */
import { useState } from "preact/hooks";
import type { DocMeta, SessionState } from "../../../core/session";
import type { Template } from "../../../core/template";
import { Breakable } from "../components/Breakable";
import { t, tn } from "../i18n";
import type { RunCommand } from "./useFacilitator";

interface Props {
  template: Template;
  meta: DocMeta;
  session: SessionState;
  run: RunCommand;
}

export function OpenSet({ template, meta, session, run }: Props) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(meta.domainIds.filter((id) => session.domains[id]?.status === "pending")),
  );
  const busy = session.phase === "open" || session.phase === "ended";
  const ids = meta.domainIds.filter((id) => chosen.has(id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  return (
    <form
      class="open-set stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (ids.length > 0) run({ op: "open-set", domainIds: ids }, tn("console.set.openAction", ids.length));
      }}
    >
      <p class="hint">{t("console.set.hint")}</p>
      <fieldset class="open-set__topics" disabled={busy}>
        <legend>{t("console.set.legend")}</legend>
        {meta.domainIds.map((id) => {
          const domain = template.domains.find((d) => d.id === id);
          if (!domain) return null;
          return (
            <label key={id} class="open-set__topic" lang={template.language}>
              <input type="checkbox" checked={chosen.has(id)} onChange={(e) => toggle(id, e.currentTarget.checked)} />
              <span>
                {domain.number}. <Breakable text={domain.title} />
              </span>
            </label>
          );
        })}
      </fieldset>
      <div class="open-set__actions">
        <button
          type="button"
          class="button button--small button--secondary"
          disabled={busy}
          onClick={() => setChosen(new Set(meta.domainIds))}
        >
          {t("console.set.all")}
        </button>
        <button type="button" class="button button--small button--secondary" disabled={busy} onClick={() => setChosen(new Set())}>
          {t("console.set.none")}
        </button>
      </div>
      <button type="submit" class="button button--primary" disabled={busy || ids.length === 0}>
        {tn("console.set.open", ids.length)}
      </button>
    </form>
  );
}
