/**
 * @module phone-boot
 * The join link's page (`/j/:code`) carries the answer to its code: the room, as
 * `GET /api/join/:code` gives it, in a JSON data block the phone reads instead of making that call
 * after its scripts ran, one round trip off its first load (docs/benchmarks.md). A `type="application/json"` block is data, never
 * executed, so the CSP's `script-src 'self'` has nothing to say about it.
 *
 * The block goes in by string insertion before `</head>`, not with workerd's `HTMLRewriter`: the
 * Worker's unit tests run it in Node, which has none, and the page is a few hundred bytes of our
 * own build.
 */
import { PHONE_BOOT_ID, type PhoneBoot } from "../core/api";

export { PHONE_BOOT_ID };

/**
 * JSON that is safe as the text of a `<script>` element: `<` (so neither `</script>` nor `<!--`
 * can end or change the element), `>` and `&` are written as `\uXXXX` escapes, and so are U+2028
 * and U+2029 (valid in JSON strings, line breaks to older JavaScript parsers). `JSON.parse` reads
 * the escapes back as the same characters.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The `<script type="application/json">` element for the page. */
export function phoneBootBlock(boot: PhoneBoot): string {
  return `<script type="application/json" id="${PHONE_BOOT_ID}">${scriptSafeJson(boot)}</script>`;
}

/**
 * `html` with `block` inserted just before its first `</head>`, or `null` when it has none (the
 * page is then served as it is). Sliced, not `String.replace`d: a replacement string would expand
 * `$&` or `$'` in a session title.
 */
export function insertBeforeHeadEnd(html: string, block: string): string | null {
  const at = html.search(/<\/head\s*>/i);
  if (at < 0) return null;
  return html.slice(0, at) + block + html.slice(at);
}
