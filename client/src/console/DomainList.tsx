import type { DocMeta, SessionState } from "../../../core/session";
import type { Template } from "../../../core/template";
import type { RunCommand } from "./useFacilitator";
import { type MessageKey, t } from "../i18n";
import { Breakable } from "../components/Breakable";

interface Props {
  template: Template;
  meta: DocMeta;
  session: SessionState;
  run: RunCommand;
}

export function DomainList({ template, meta, session, run }: Props) {
  const roundOpen = session.phase === "open";
  const ended = session.phase === "ended";
  return (
    <>
      {roundOpen ? <p class="hint">{t("console.domains.closeFirst")}</p> : null}
      <ol class="domain-list">
        {meta.domainIds.map((id) => {
          const domain = template.domains.find((d) => d.id === id);
          const state = session.domains[id];
          if (!domain || !state) return null;
          const current = session.domainId === id;
          const hidden = <span class="sr-only"> {domain.title}</span>;
          return (
            <li key={id} class={current ? "domain domain--current" : "domain"} aria-current={current ? "true" : undefined}>
              <div class="domain__head">
                <span class="domain__title" lang={template.language}>
                  {domain.number}. <Breakable text={domain.title} />
                </span>
                <span class={`badge badge--${state.status}`}>{t(`domainStatus.${state.status}` as MessageKey)}</span>
              </div>
              <div class="domain__actions">
                <button
                  type="button"
                  class="button button--small"
                  disabled={roundOpen || ended}
                  onClick={() => run({ op: "open", domainId: id }, t("console.domains.openAction", { domain: domain.title }))}
                >
                  {state.rounds.length > 0 ? t("console.domains.reopen") : t("console.domains.open")}
                  {hidden}
                </button>
                {state.rounds.length > 0 && !current ? (
                  <button
                    type="button"
                    class="button button--small button--secondary"
                    disabled={roundOpen}
                    onClick={() => run({ op: "show", domainId: id }, t("console.domains.showAction", { domain: domain.title }))}
                  >
                    {t("console.domains.show")}
                    {hidden}
                  </button>
                ) : null}
                {/* A recorded topic keeps its result (core/topic-result.ts): the room refuses to skip it. */}
                {state.status !== "skipped" && !state.consensus ? (
                  <button
                    type="button"
                    class="button button--small button--secondary"
                    disabled={roundOpen && (current || (session.openSet ?? []).includes(id))}
                    onClick={() => run({ op: "skip", domainId: id }, t("console.domains.skipAction", { domain: domain.title }))}
                  >
                    {t("console.domains.skip")}
                    {hidden}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
