/**
 * @module console/topicPanels
 * The console's panels for a topic whose result is out: recording the group's consensus with the
 * improvement mark, and the toolkit's guidance for the topic (with its action items). Fetched when
 * a result is first shown, or as soon as a round opens (console.tsx, lib/lazy.ts), not with the
 * console: a session's lobby and first round need none of it. The toolkit itself is fetched then too.
 */
import type * as Y from "yjs";
import { shownItemsOf } from "../../../core/session";
import { t } from "../i18n";
import { useToolkit } from "../lib/useToolkit";
import type { TopicView } from "../screens/topicView";
import { Guidance } from "./Guidance";
import { ImprovementMark } from "./ImprovementMark";
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
