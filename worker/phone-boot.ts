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
import { acceptedLanguages, isLanguage, matchLanguage, PSEUDO } from "../core/languages";

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

/**
 * The build's map from each language to the phone's chunk of strings in it
 * (`dist/client/phone-strings.json`, written by vite.config.ts): `{ "en": "/assets/en-….js", … }`.
 */
export const PHONE_STRINGS_FILE = "/phone-strings.json";

/** Reads that map, or `null` if it isn't one (an older build, a damaged file: no hint then). */
export function phoneStringsMap(json: unknown): Record<string, string> | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const out: Record<string, string> = {};
  for (const [lang, path] of Object.entries(json)) {
    if (!isLanguage(lang) || typeof path !== "string" || !/^\/assets\/[\w.-]+\.js$/.test(path)) return null;
    out[lang] = path;
  }
  return out;
}

/**
 * The language a phone will most likely open in, as far as the Worker can tell: `?lang=` (the
 * pseudo-locale loads English), else the browser's `Accept-Language`, else English. The phone's own
 * saved choice is on the phone; when it differs, the hint costs one unused chunk, no more.
 */
export function likelyLanguage(query: string | null, acceptLanguage: string | null): string {
  if (query === PSEUDO) return "en";
  if (isLanguage(query)) return query;
  return matchLanguage(acceptedLanguages(acceptLanguage)) ?? "en";
}

/**
 * A `modulepreload` for the phone's strings in that language: fetched beside the page's script
 * instead of after it ran, one round trip off the first load on a slow network (issue 13 made the
 * strings a chunk of their own, in one language only). Only read, never stored: the header is not
 * kept, nor the language.
 */
export function stringsPreload(path: string): string {
  return `<link rel="modulepreload" crossorigin href="${path}">`;
}
