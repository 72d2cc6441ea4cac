/**
 * @module phone/WithUserText
 * A message with someone's text in it (a session title): that text in <bdi>, so a right-to-left
 * title can't carry the words and punctuation around it into its own direction. The message is
 * formatted with a mark where the text goes, then split there.
 */
const MARK = "\u0000";

export function WithUserText({ message, value }: { message: (mark: string) => string; value: string }) {
  const [before, after] = message(MARK).split(MARK);
  return (
    <>
      {before}
      <bdi>{value}</bdi>
      {after}
    </>
  );
}
