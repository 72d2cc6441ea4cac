/**
 * @module routes/templates
 * `GET /api/templates` (the list), `GET /api/templates/:id` (one template's JSON) and
 * `GET /api/templates/:id/toolkit` (its guidance, resources and definitions, issue 11).
 *
 * Both of the last two take `?lang=` (issue 13): a language (core/languages.ts) or the pseudo-locale.
 * The template's own language, or no `lang`, answers exactly as before. Otherwise the template's
 * text comes from its unofficial translation (when one ships for that language) and says so in
 * `translation`; a language it doesn't ship answers with the template's own words, unmarked. The
 * toolkit translates its definitions only and names in `inEnglish` what stays English (Sections
 * III and IV); the pseudo-locale pseudo-localizes all of it. Every API answer is `no-store` (worker/security.ts), so a cached copy can never
 * answer for another language; the query is part of the URL anyway.
 */
import { Hono } from "hono";
import type { TemplateList } from "../../core/api";
import { isLanguageOrPseudo, PSEUDO } from "../../core/languages";
import type { Template } from "../../core/template";
import type { Toolkit } from "../../core/toolkit";
import { getTemplate, listTemplates } from "../../core/templates/index";
import { getToolkit } from "../../core/templates/toolkit/index";
import { definitionsTranslation, templateTranslation } from "../../core/templates/translations/index";
import { definitionsIn, pseudoToolkit, templateIn } from "../../core/translations";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

/** `?lang=`: undefined when absent; 400 "unknown language" when not one Candor speaks. */
export function queryLanguage(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isLanguageOrPseudo(value)) throw new ApiError(400, "unknown-language");
  return value;
}

/**
 * A template (the catalogue's, or a room's snapshot) in `lang` as `?lang=` asks: itself when no
 * language is asked for; else its text from the shipped translation, marked (core/translations.ts).
 */
export function templateInLanguage(template: Template, lang: string | undefined): Template {
  return lang === undefined ? template : templateIn(template, lang, templateTranslation(template.id, lang));
}

function templateOr404(id: string): Template {
  const template = getTemplate(id);
  if (!template) throw new ApiError(404, "unknown-template");
  return template;
}

export const templates = new Hono<AppEnv>()
  .get("/", (c) => c.json(listTemplates() satisfies TemplateList))
  .get("/:id", (c) => {
    const lang = queryLanguage(c.req.query("lang"));
    return c.json(templateInLanguage(templateOr404(c.req.param("id")), lang));
  })
  .get("/:id/toolkit", (c) => {
    const lang = queryLanguage(c.req.query("lang"));
    const id = c.req.param("id");
    const template = templateOr404(id);
    // A template without a toolkit (a custom one) has an empty one: nothing to show, nothing failed.
    const toolkit =
      getToolkit(id) ?? ({ templateId: id, definitions: [], guidance: [], resources: [], itemGuidance: {} } satisfies Toolkit);
    if (lang === undefined || lang === template.language) return c.json(toolkit);
    if (lang === PSEUDO) {
      // Everything pseudo-localized, guidance and resources too: the pseudo run must find nothing plain.
      const { translation } = definitionsIn(toolkit.definitions, lang, undefined);
      return c.json({ ...pseudoToolkit(toolkit), translation } satisfies Toolkit);
    }
    const { definitions, translation } = definitionsIn(toolkit.definitions, lang, definitionsTranslation(id, lang));
    if (!translation) return c.json(toolkit);
    // Sections III (guidance) and IV (resources) are not translated: said here, so screens can say "in English".
    return c.json({ ...toolkit, definitions, translation, inEnglish: ["guidance", "resources"] } satisfies Toolkit);
  });
