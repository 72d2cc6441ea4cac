/**
 * @module console/Notes
 * The group's notes and action items for the domain on screen, shared live between facilitators
 * through the doc. The summary takes them as they stand, also after the consensus is recorded, so
 * the hint says plainly: no names. Above them, whether the room has stored them yet.
 */
import type * as Y from "yjs";
import { type MessageKey, t } from "../i18n";
import type { SaveState } from "../screens/useRoomDoc";
import { ActionItemForm } from "./ActionItemForm";
import { BoundTextarea } from "./BoundTextarea";

const SAVE_WORDS: Record<SaveState, MessageKey> = {
  saved: "console.notes.saved",
  saving: "console.notes.saving",
  offline: "console.notes.offline",
};

export function Notes({ doc, domainId, save }: { doc: Y.Doc; domainId: string; save: SaveState }) {
  return (
    <div class="notes" key={domainId}>
      <p class={`save-state save-state--${save}`} role="status">
        {t(SAVE_WORDS[save])}
      </p>
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
      <ActionItemForm doc={doc} domainId={domainId} />
    </div>
  );
}
