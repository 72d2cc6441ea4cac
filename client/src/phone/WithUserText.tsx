/**
 * @module phone/WithUserText
 * A message with someone's text in it (a session title): that text in <bdi>, so a right-to-left
 * title can't carry the words and punctuation around it into its own direction. The message is
 * formatted with a mark where the text goes, then split there.
 */
const MARK = "\u0000";

export function WithUserText({ message, value }: { message: (mark: string) => string; value: string }) {
  const [before = "", after = ""] = message(MARK).split(MARK);
  // On a right-to-left page t() isolates the mark itself (FSI…PDI): the <bdi> does that job here.
  const open = before.endsWith("\u2068") ? before.slice(0, -1) : before;
  const close = after.startsWith("\u2069") ? after.slice(1) : after;
  return (
    <>
      {open}
      <bdi>{value}</bdi>
      {close}
    </>
  );
}
