/**
 * @module console/useYText
 * A shared text of the doc as it stands, kept current as anyone edits it (for views that read it;
 * editing goes through BoundTextarea or a Y.Text call).
 */
import { useEffect, useState } from "preact/hooks";
import type * as Y from "yjs";

/** The current words of a Y.Text ("" while there is none), re-read on every change to it. */
export function useTextValue(text: Y.Text | undefined): string {
  const [value, setValue] = useState(() => text?.toString() ?? "");
  useEffect(() => {
    if (!text) return;
    const update = () => setValue(text.toString());
    update();
    text.observe(update);
    return () => text.unobserve(update);
  }, [text]);
  return value;
}

/** A top-level text of the doc by name. */
export const useYText = (doc: Y.Doc, name: string): string => useTextValue(doc.getText(name));
