/**
 * @module templates/translations
 * The unofficial translations shipped with the built-in templates (README.md here), validated on
 * first use (like the toolkit: the Worker's module is loaded by every room too, and most requests
 * never need a translation; tests/unit/translations.test.ts validates them all at test time).
 * A template or language without a file simply has none: callers show the template's own words.
 */
import {
  type DefinitionsTranslation,
  DefinitionsTranslationSchema,
  type TemplateTranslation,
  TemplateTranslationSchema,
} from "../../translations";
import defsAr from "../toolkit/translations/definitions.ar.json";
import defsEs from "../toolkit/translations/definitions.es.json";
import defsFr from "../toolkit/translations/definitions.fr.json";
import defsPt from "../toolkit/translations/definitions.pt.json";
import icmecAr from "./icmec-2.ar.json";
import icmecEs from "./icmec-2.es.json";
import icmecFr from "./icmec-2.fr.json";
import icmecPt from "./icmec-2.pt.json";

/** Raw files by "<templateId>.<lang>"; one line per file added here. */
const TEMPLATE_FILES: Readonly<Record<string, unknown>> = {
  "icmec-2.es": icmecEs,
  "icmec-2.fr": icmecFr,
  "icmec-2.pt": icmecPt,
  "icmec-2.ar": icmecAr,
};
const DEFINITION_FILES: Readonly<Record<string, unknown>> = {
  "icmec-2.es": defsEs,
  "icmec-2.fr": defsFr,
  "icmec-2.pt": defsPt,
  "icmec-2.ar": defsAr,
};

/**
 * A reader of one kind of shipped translation file: validated on first use (they are data, read like
 * templates, never trusted), then kept.
 */
function shippedFiles<T>(files: Readonly<Record<string, unknown>>, schema: { parse(data: unknown): T }) {
  const cache = new Map<string, T>();
  return (templateId: string, lang: string): T | undefined => {
    const key = `${templateId}.${lang}`;
    if (!Object.hasOwn(files, key)) return undefined;
    let parsed = cache.get(key);
    if (!parsed) {
      parsed = schema.parse(files[key]);
      cache.set(key, parsed);
    }
    return parsed;
  };
}

/** The translation of template `templateId` into `lang`, or undefined when none ships. */
export const templateTranslation: (templateId: string, lang: string) => TemplateTranslation | undefined = shippedFiles(
  TEMPLATE_FILES,
  TemplateTranslationSchema,
);

/** The translation of a template's toolkit definitions into `lang`, or undefined when none ships. */
export const definitionsTranslation: (templateId: string, lang: string) => DefinitionsTranslation | undefined = shippedFiles(
  DEFINITION_FILES,
  DefinitionsTranslationSchema,
);
