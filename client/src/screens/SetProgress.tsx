/**
 * @module screens/SetProgress
 * A self-paced set while it is open (docs/design.md §1.2), on the projector and the console: each
 * open topic with its "x of N have voted", nothing else (§3.3). The counts come from the room's
 * JSON socket, per topic; N is who is present, as for one round.
 */
import type { LiveState } from "../../../core/protocol";
import type { SessionState } from "../../../core/session";
import type { Template } from "../../../core/template";
import { Breakable } from "../components/Breakable";
import { t } from "../i18n";
import { Countdown } from "./Countdown";

interface Props {
  template: Template;
  session: SessionState;
  live: LiveState | null;
  joined: number;
}

export function SetProgress({ template, session, live, joined }: Props) {
  const counts = new Map((live?.phase === "open" ? live.set : []).map((x) => [x.domainId, x.voted]));
  const present = live?.present ?? joined;
  const deadline = live?.deadline ?? session.deadline;
  const ids = session.openSet ?? [];
  return (
    <section class="stage set-progress" aria-labelledby="stage-heading">
      <h2 id="stage-heading">{t("stage.set.title")}</h2>
      <p class="stage__hint">{t("stage.set.hint")}</p>
      {deadline !== null ? <Countdown deadline={deadline} /> : null}
      <ul class={`set-progress__list${ids.length > 6 ? " set-progress__list--two" : ""}`}>
        {ids.map((id) => {
          const domain = template.domains.find((d) => d.id === id);
          if (!domain) return null;
          const voted = counts.get(id) ?? 0;
          return (
            <li key={id} class="set-progress__topic">
              <span class="set-progress__name" lang={template.language}>
                <span class="set-progress__number">{domain.number}</span> <Breakable text={domain.title} />
              </span>
              <span class="set-progress__count">{t("stage.set.count", { x: voted, n: present })}</span>
            </li>
          );
        })}
      </ul>
      <p class="stage__hint">{t("stage.hidden")}</p>
    </section>
  );
}
