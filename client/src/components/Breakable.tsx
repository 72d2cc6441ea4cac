/**
 * @module components/Breakable
 * A title with a line-break opportunity after each "/": browsers don't break "Privacy/
 * confidentiality" at the slash, so on a 320 px phone it broke mid-word instead. `<wbr>` adds no
 * text, so the accessible name and copied text stay the same.
 */
import { Fragment } from "preact";

export function Breakable({ text }: { text: string }) {
  const parts = text.split("/");
  return (
    <>
      {parts.map((part, i) =>
        i < parts.length - 1 ? (
          <Fragment key={i}>
            {part}/<wbr />
          </Fragment>
        ) : (
          part
        ),
      )}
    </>
  );
}
