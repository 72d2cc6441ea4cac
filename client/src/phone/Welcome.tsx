/**
 * @module phone/Welcome
 * First screen after joining: the privacy notice and the optional perspective (docs/design.md §3.10).
 * "Prefer not to say" is preselected so skipping is the easy path; the choice is sent apart from
 * any answer and the room keeps it only to say which perspectives took part, if enough people did.
 * The session's title shows here only, clipped to two lines (all of it in the heading's text for
 * screen readers) and isolated, so a right-to-left title can't reorder the words around it.
 */
import { useState } from "preact/hooks";
import { PERSPECTIVES, type Perspective } from "../../../core/protocol";
import { Choice } from "../components/Choice";
import { TranslationNote } from "../components/TranslationNote";
import { type MessageKey, t } from "../i18n";
import type { Template } from "../../../core/template";
import { PrivacyPoints } from "./PrivacyNotice";
import { WithUserText } from "./WithUserText";

export const perspectiveLabel = (p: Perspective): string => t(`perspective.${p}` as MessageKey);

export function Welcome({
  title,
  k,
  template,
  onContinue,
}: {
  title: string;
  k: number;
  /** Loaded while the notice is read: a translation says it is unofficial here, once. */
  template: Template | null;
  onContinue: (p: Perspective) => void;
}) {
  const [perspective, setPerspective] = useState<Perspective>("prefer-not");
  return (
    <>
      <h1 tabIndex={-1} class="clamp welcome-title">
        <WithUserText message={(v) => t("phone.welcome.title", { title: v })} value={title} />
      </h1>
      <section aria-labelledby="privacy-heading" class="notice welcome-notice">
        <h2 id="privacy-heading">{t("privacy.heading")}</h2>
        <PrivacyPoints k={k} />
        <TranslationNote template={template} />
      </section>
      <form
        class="stack welcome-form"
        onSubmit={(e) => {
          e.preventDefault();
          onContinue(perspective);
        }}
      >
        <fieldset class="group">
          <legend>{t("perspective.legend")}</legend>
          <p class="hint">{t("perspective.hintShort")}</p>
          <div class="choices choices--stacked">
            {PERSPECTIVES.map((p) => (
              <Choice
                key={p}
                name="perspective"
                value={p}
                checked={perspective === p}
                onSelect={() => setPerspective(p)}
                variant="choice--wide"
              >
                {perspectiveLabel(p)}
              </Choice>
            ))}
          </div>
        </fieldset>
        <button type="submit" class="button button--primary button--block">
          {t("phone.welcome.continue")}
        </button>
      </form>
    </>
  );
}
