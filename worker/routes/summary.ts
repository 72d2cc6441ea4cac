/**
 * @module routes/summary
 * `GET /api/rooms/:roomId/summary?format=json|csv|md|html|directory-csv[&lang=xx]` (the consensus summary,
 * docs/design.md §5; the HTML and Markdown reports in `lang`, a language or the pseudo-locale,
 * by default the session's language; CSV and JSON are language-neutral data) and
 * `DELETE /api/rooms/:roomId` (erase the session now, §3.8). Both need the facilitator key in
 * `Authorization: Bearer <key>`: never in a URL (§3.6). The room checks the key against its hash.
 *
 * The HTML report carries one inline `<style>` element, which the app's CSP (`style-src 'self'`)
 * would block. Its response therefore gets a CSP of its own that allows exactly that stylesheet by
 * its SHA-256 hash and nothing else (`default-src 'none'`: no script, image, font or connection).
 * A hash rather than `'unsafe-inline'`: should a note ever slip through escaping as markup, a
 * `<style>` or `style=""` it brings still doesn't apply. (The app's `securityHeaders` keeps a CSP
 * that a handler set; see worker/security.ts.)
 */
import { Hono } from "hono";
import { validator } from "hono/validator";
import { z } from "zod";
import { RoomIdSchema } from "../../core/api";
import { sessionLanguage } from "../../core/languages";
import { isLanguageOrPseudo } from "../../core/languages";
import {
  buildSummary,
  contentDisposition,
  FORMATS,
  localizedReport,
  reportCss,
  SUMMARY_FORMATS,
  SummaryInputSchema,
  type SummaryFormat,
} from "../../core/summary/index";
import { templateTranslation } from "../../core/templates/translations/index";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";
import { eraseRoom, readJoinCode, readSummaryInput, releaseCode } from "../rooms";
import { params, parseOr400 } from "../validate";
import { getToolkit } from "../../core/templates/toolkit/index";

const RoomParam = z.object({ roomId: RoomIdSchema });
const FormatQuery = z.object({ format: z.enum(SUMMARY_FORMATS).default("json"), lang: z.string().optional() });
/** The room refuses longer keys as malformed; a key that long can't be right. */
const MAX_KEY_LENGTH = 200;

/** The facilitator key from `Authorization: Bearer <key>`: 401 when missing or malformed. */
function bearerKey(header: string | undefined): string {
  const match = header ? /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header) : null;
  if (!match?.[1]) throw new ApiError(401, "key-required", undefined, { "WWW-Authenticate": 'Bearer realm="candor"' });
  if (match[1].length > MAX_KEY_LENGTH) throw new ApiError(403, "wrong-key");
  return match[1];
}

const csps = new Map<string, Promise<string>>();
/** The report's CSP: only its own stylesheet (which has the page counter's words in the report's language), by hash. Once per stylesheet per isolate. */
export function reportCsp(css: string): Promise<string> {
  let csp = csps.get(css);
  if (!csp) {
    csp = crypto.subtle.digest("SHA-256", new TextEncoder().encode(css)).then((digest) => {
      const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
      return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
    });
    csps.set(css, csp);
  }
  return csp;
}

export const summary = new Hono<AppEnv>()
  .get(
    "/:roomId/summary",
    params(RoomParam),
    validator("query", (value) => parseOr400(FormatQuery, value, "invalid-format")),
    async (c) => {
      const { roomId } = c.req.valid("param");
      const query = c.req.valid("query");
      const format: SummaryFormat = query.format;
      if (query.lang !== undefined && !isLanguageOrPseudo(query.lang)) throw new ApiError(400, "unknown-language");
      const key = bearerKey(c.req.header("authorization"));
      const input = SummaryInputSchema.safeParse(await readSummaryInput(c.var.rooms, roomId, key));
      if (!input.success) throw new ApiError(502, "room-service-error");
      const spec = FORMATS[format];
      const templateId = input.data.config.template.id;
      const toolkit = getToolkit(templateId);
      const headers: Record<string, string> = { "content-type": spec.contentType };
      let body: string;
      let summary: ReturnType<typeof buildSummary>;
      if (spec.localized) {
        // The report speaks the language asked for, else the session's (chosen at creation, changed from the console).
        const lang = query.lang ?? sessionLanguage(input.data.config);
        const report = localizedReport(input.data, lang, toolkit, templateTranslation(templateId, lang));
        summary = report.summary;
        body = spec.render(summary, report.toolkit, report.words, report.translation);
        if (format === "html") headers["content-security-policy"] = await reportCsp(reportCss(report.words));
        headers["content-language"] = report.words.lang;
      } else {
        // Data for scripts: ids, numbers and the template's own words, whatever the language.
        summary = buildSummary(input.data);
        body = spec.render(summary, toolkit);
      }
      headers["content-disposition"] = contentDisposition(summary, format);
      return c.body(body, 200, headers);
    },
  )
  .delete("/:roomId", params(RoomParam), async (c) => {
    const { roomId } = c.req.valid("param");
    const key = bearerKey(c.req.header("authorization"));
    const rooms = c.var.rooms;
    // The join code lives in the room's config: read it (this also checks the key), free it in
    // the directory, then erase the room. Freeing first means a retried DELETE can still find
    // the code if erasing fails; a freed code of a live room only stops new people joining.
    await releaseCode(rooms, await readJoinCode(rooms, roomId, key), roomId);
    await eraseRoom(rooms, roomId, key);
    return c.body(null, 204);
  });
