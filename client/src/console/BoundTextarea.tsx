/**
 * @module console/BoundTextarea
 * A plain textarea bound two-way to a top-level Y.Text of the doc (collaborative notes and action
 * items), through console/useBoundText.ts.
 */
import { useRef } from "preact/hooks";
import type * as Y from "yjs";
import { NOTES_MAX } from "../../../core/limits";
import { CharCount } from "../components/CharCount";
import { useBoundText } from "./useBoundText";

interface Props {
  doc: Y.Doc;
  name: string;
  id: string;
  label: string;
  hint?: string;
  maxLength?: number;
}

export function BoundTextarea({ doc, name, id, label, hint, maxLength = NOTES_MAX }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = useBoundText(ref, doc.getText(name));

  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        ref={ref}
        id={id}
        class="textarea"
        dir="auto"
        rows={5}
        maxLength={maxLength}
        aria-describedby={[hint ? `${id}-hint` : "", `${id}-count`].filter(Boolean).join(" ")}
      />
      <CharCount id={`${id}-count`} length={length} max={maxLength} />
    </div>
  );
}
