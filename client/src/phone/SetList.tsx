/**
 * @module phone/SetList
 * A self-paced set (docs/design.md §1.2): every open topic as one large button, with how far this
 * phone has got with it, so its owner can answer them in any order and come back to change one.
 * Only this phone's own progress is shown; nothing of anyone else's.
 */
import type { RefObject } from "preact";
import type { OpenTopic } from "../../../core/protocol";
import type { Template } from "../../../core/template";
import { Breakable } from "../components/Breakable";
import { type MessageKey, t, tn } from "../i18n";
import type { TopicProgress } from "./set-ballots";

export interface SetTopic {
  topic: OpenTopic;
  progress: TopicProgress;
  /** False in a re-vote of a round this phone did not vote in (§3.11): it sits that topic out. */
  mayAnswer: boolean;
}

interface Props {
  template: Template;
  topics: readonly SetTopic[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  note: string | null;
  onOpen: (domainId: string) => void;
}

const MARK: Record<TopicProgress, string> = { "not-started": "○", started: "◐", sending: "◐", answered: "✓", changed: "!" };

export function SetList({ template, topics, headingRef, note, onOpen }: Props) {
  const done = topics.filter((x) => x.progress === "answered").length;
  const open = topics.filter((x) => x.mayAnswer).length;
  return (
    <section class="stack state set-list" aria-labelledby="set-heading">
      <h1 id="set-heading" tabIndex={-1} ref={headingRef} aria-describedby={note ? "set-note" : undefined}>
        {t("phone.set.title")}
      </h1>
      {note ? (
        <p class="notice notice--warn" id="set-note">
          {note}
        </p>
      ) : null}
      <p>{t("phone.set.body")}</p>
      <p class="set-list__done">{tn("phone.set.done", open, { done })}</p>
      <ul class="set-list__topics">
        {topics.map(({ topic, progress, mayAnswer }) => {
          const domain = template.domains.find((d) => d.id === topic.domainId);
          if (!domain) return null;
          const state = mayAnswer ? t(`phone.set.progress.${progress}` as MessageKey) : t("phone.set.sitOut");
          return (
            <li key={topic.roundId}>
              <button
                type="button"
                class={`set-topic set-topic--${mayAnswer ? progress : "sit-out"}`}
                disabled={!mayAnswer}
                onClick={() => onOpen(topic.domainId)}
              >
                <span class="set-topic__mark" aria-hidden="true">
                  {mayAnswer ? MARK[progress] : "–"}
                </span>
                <span class="set-topic__text">
                  <span class="eyebrow">{t("phone.ballot.domain", { n: domain.number })}</span>
                  <span class="set-topic__title">
                    <Breakable text={domain.title} />
                  </span>
                  <span class="set-topic__state">{state}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p class="hint">{t("phone.set.changeUntil")}</p>
    </section>
  );
}
