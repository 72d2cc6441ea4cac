/**
 * @module console/topicPanels
 * The console's panels for the topic on screen: its notes and action items, and once its result
 * is out, recording the group's consensus with the improvement mark, and the toolkit's guidance for
 * the topic. Fetched when a topic is first on screen (a round opens), not with the console
 * (console.tsx, lib/lazy.ts): the lobby needs none of it. The toolkit itself is fetched with the
 * guidance, the first time it shows.
 */
import type * as Y from "yjs";
import { shownItemsOf } from "../../../core/session";
import type { Domain } from "../../../core/template";
import { t } from "../i18n";
import { useToolkit } from "../lib/useToolkit";
import type { SaveState } from "../screens/useRoomDoc";
import type { TopicView } from "../screens/topicView";
import { Guidance } from "./Guidance";
import { ImprovementMark } from "./ImprovementMark";
import { Notes } from "./Notes";
import { RecordForm } from "./RecordForm";
import type { RunCommand } from "./useFacilitator";

export function RecordPanel({ topic, run }: { topic: TopicView; run: RunCommand }) {
  return (
    <section class="panel" aria-labelledby="record-heading">
      <h2 id="record-heading">{t("console.record.heading")}</h2>
      <RecordForm key={`${topic.domain.id}:${topic.state.rounds.length}:${topic.state.status}`} {...topic} run={run} />
      <ImprovementMark {...topic} run={run} />
    </section>
  );
}

/** The topic's guidance and resources from the template's toolkit; nothing for a template without one. */
export function GuidancePanel({ doc, topic }: { doc: Y.Doc; topic: Pick<TopicView, "template" | "domain" | "state"> }) {
  const { toolkit } = useToolkit(topic.template.id);
  if (!toolkit || (toolkit.guidance.length === 0 && toolkit.resources.length === 0)) return null;
  return (
    <section class="panel" aria-labelledby="guidance-heading">
      <h2 id="guidance-heading">{t("console.guidance.heading", { domain: topic.domain.title })}</h2>
      <Guidance doc={doc} domain={topic.domain} toolkit={toolkit} items={shownItemsOf(topic.state)} />
    </section>
  );
}

/** The group's notes and action items for the topic on screen. */
export function NotesPanel({ doc, domain, save }: { doc: Y.Doc; domain: Domain; save: SaveState }) {
  return (
    <section class="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t("console.notes.heading", { domain: domain.title })}</h2>
      <Notes doc={doc} domainId={domain.id} save={save} />
    </section>
  );
}
