/**
 * @module console/useYText
 * A shared text of the doc as it stands, kept current as anyone edits it (for views that read it;
 * editing goes through BoundTextarea or a Y.Text call).
 */
import { useEffect, useState } from "preact/hooks";
import type * as Y from "yjs";

export function useYText(doc: Y.Doc, name: string): string {
  const text = doc.getText(name);
  const [value, setValue] = useState(() => text.toString());
  useEffect(() => {
    const update = () => setValue(text.toString());
    update();
    text.observe(update);
    return () => text.unobserve(update);
  }, [text]);
  return value;
}
