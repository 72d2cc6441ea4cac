/**
 * @module pseudo
 * A pseudo-locale for testing screens before real translations land: every Latin letter gets an
 * accent (so an untranslated, hard-coded string stands out as plain ASCII), every string grows by
 * about 35% (the usual growth from English to French or Spanish, so cut-off text and overflowing
 * buttons show up at 320 px), and `⟦…⟧` marks where each string starts and ends (so a string glued
 * together from pieces shows its seams). `{placeholders}` are left exactly as they are, so `t()`
 * still fills them. Pure: catalogue in, catalogue out.
 */

const ACCENTED: Readonly<Record<string, string>> = {
  a: "å",
  b: "ƀ",
  c: "ç",
  d: "ð",
  e: "é",
  f: "ƒ",
  g: "ĝ",
  h: "ĥ",
  i: "î",
  j: "ĵ",
  k: "ķ",
  l: "ľ",
  m: "ɱ",
  n: "ñ",
  o: "ö",
  p: "þ",
  q: "ǫ",
  r: "ŕ",
  s: "š",
  t: "ţ",
  u: "û",
  v: "ṽ",
  w: "ŵ",
  x: "ẋ",
  y: "ý",
  z: "ž",
  A: "Å",
  B: "Ɓ",
  C: "Ç",
  D: "Ð",
  E: "É",
  F: "Ƒ",
  G: "Ĝ",
  H: "Ĥ",
  I: "Î",
  J: "Ĵ",
  K: "Ķ",
  L: "Ľ",
  M: "Ṁ",
  N: "Ñ",
  O: "Ö",
  P: "Þ",
  Q: "Ǫ",
  R: "Ŕ",
  S: "Š",
  T: "Ţ",
  U: "Û",
  V: "Ṽ",
  W: "Ŵ",
  X: "Ẋ",
  Y: "Ý",
  Z: "Ž",
};

/** How much longer a pseudo-string is than its English, in characters outside placeholders. */
export const PSEUDO_GROWTH = 0.35;
/** The padding: visible, not a letter of any language, breakable neither like a space nor a hyphen. */
const PAD = "·";

/** One string in the pseudo-locale: `"Round {r}"` → `"⟦Ŕöûñð {r}···⟧"`. */
export function pseudoLocalize(text: string): string {
  let visible = 0;
  // Split keeps the placeholders (odd indices) so they pass through untouched.
  const out = text
    .split(/(\{\w+\})/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      visible += [...part].length;
      return part.replace(/[A-Za-z]/g, (ch) => ACCENTED[ch] ?? ch);
    })
    .join("");
  return `⟦${out}${PAD.repeat(Math.ceil(visible * PSEUDO_GROWTH))}⟧`;
}

/** A whole catalogue in the pseudo-locale, keys unchanged. */
export function pseudoCatalogue<K extends string>(catalogue: Readonly<Record<K, string>>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(catalogue) as K[]) out[key] = pseudoLocalize(catalogue[key]);
  return out;
}
