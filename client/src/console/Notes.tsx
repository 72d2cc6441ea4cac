/**
 * @module console/Notes
 * The group's notes and action items for the domain on screen, shared live between facilitators
 * through the doc. They are saved with the recorded consensus and go into the summary, so the
 * hint says plainly: no names.
 */
import type * as Y from "yjs";
import { t } from "../i18n";
import { BoundTextarea } from "./BoundTextarea";

export function Notes({ doc, domainId }: { doc: Y.Doc; domainId: string }) {
  return (
    <div class="notes" key={domainId}>
      <BoundTextarea
        doc={doc}
        name={`notes:${domainId}`}
        id={`notes-${domainId}`}
        label={t("console.notes.label")}
        hint={t("console.notes.hint")}
      />
      <BoundTextarea
        doc={doc}
        name={`actions:${domainId}`}
        id={`actions-${domainId}`}
        label={t("console.actions.label")}
        hint={t("console.actions.hint")}
      />
    </div>
  );
}
