/**
 * @module screens/scaleLabels
 * Scale labels often end alike ("Poor compliance with AAAQ", "Moderate compliance with AAAQ", …).
 * Where a column is narrow, the projector shows each label's own words ("Poor") and says the
 * shared ending once: the template's words, none changed, none left out.
 */
export function splitLabels(labels: readonly string[]): { heads: string[]; tail: string | null } {
  const words = labels.map((l) => l.trim().split(/\s+/));
  let shared = 0;
  // The longest run of last words every label has, leaving each label at least one word of its own.
  while (words.every((w) => w.length > shared + 1 && w[w.length - 1 - shared] === words[0]![words[0]!.length - 1 - shared])) shared++;
  if (shared === 0 || labels.length < 2) return { heads: [...labels], tail: null };
  return {
    heads: words.map((w) => w.slice(0, w.length - shared).join(" ")),
    tail: words[0]!.slice(-shared).join(" "),
  };
}
