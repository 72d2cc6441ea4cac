/**
 * @module console/useBoundText
 * A text field bound two-way to a Y.Text (collaborative notes, action items, the directory's
 * fields): each local input becomes one minimal splice on the Y.Text; each remote change rewrites
 * the field and keeps the local cursor where it was relative to the surrounding text.
 */
import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";
import type * as Y from "yjs";
import { mapPosition, minimalSplice } from "./textDiff";

/** Marks our own transactions so the observer ignores the echo. */
const LOCAL = Symbol("local-text-field");

/** Binds the field in `ref` to `text`; returns the text's length, for the field's counter. */
export function useBoundText(ref: RefObject<HTMLTextAreaElement | HTMLInputElement | null>, text: Y.Text): number {
  const [length, setLength] = useState(0);

  useEffect(() => {
    const el = ref.current;
    const doc = text.doc;
    if (!el || !doc) return;
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
      const start = mapPosition(el.selectionStart ?? 0, event.delta);
      const end = mapPosition(el.selectionEnd ?? 0, event.delta);
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
  }, [ref, text]);

  return length;
}
