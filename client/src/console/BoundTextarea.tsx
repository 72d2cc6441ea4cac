/**
 * @module console/BoundTextarea
 * A plain textarea bound two-way to a Y.Text (collaborative notes and action items): each local
 * input becomes one minimal splice on the Y.Text; each remote change rewrites the textarea and
 * keeps the local cursor where it was relative to the surrounding text.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type * as Y from "yjs";
import { NOTES_MAX } from "../../../core/limits";
import { CharCount } from "../components/CharCount";
import { mapPosition, minimalSplice } from "./textDiff";

/** Marks our own transactions so the observer ignores the echo. */
const LOCAL = Symbol("local-textarea");

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
  const [length, setLength] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const text = doc.getText(name);
    let known = text.toString();
    el.value = known;
    setLength(known.length);

    const onInput = () => {
      const next = el.value;
      const { start, remove, insert } = minimalSplice(known, next);
      known = next;
      setLength(next.length);
      if (remove === 0 && insert === "") return;
      doc.transact(() => {
        if (remove > 0) text.delete(start, remove);
        if (insert) text.insert(start, insert);
      }, LOCAL);
    };
    const onRemote = (event: Y.YTextEvent, tr: Y.Transaction) => {
      if (tr.origin === LOCAL) return;
      const focused = document.activeElement === el;
      const start = mapPosition(el.selectionStart, event.delta);
      const end = mapPosition(el.selectionEnd, event.delta);
      known = text.toString();
      el.value = known;
      setLength(known.length);
      if (focused) el.setSelectionRange(start, end);
    };
    el.addEventListener("input", onInput);
    text.observe(onRemote);
    return () => {
      el.removeEventListener("input", onInput);
      text.unobserve(onRemote);
    };
  }, [doc, name]);

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
