/**
 * @module translations
 * Unofficial translations of a template's text and of its toolkit's definitions (issue 13), kept as
 * data beside the English they translate: `core/templates/translations/<template>.<lang>.json` and
 * `core/templates/toolkit/translations/definitions.<lang>.json`. They are read like templates
 * (untrusted input, validated here), never change an id, and never stand in for the source: each
 * says it is unofficial and credits the original. Pure: no I/O.
 *
 * Only words are translated. Ids, numbers, gates (`showIf`), scales' values, `sourcePrompt` (the
 * toolkit's own English wording, kept for the record), `note` (editorial notes for maintainers) and
 * the guidance/resource headings (keys into the toolkit, whose Sections III and IV are not
 * translated) stay as the template has them.
 */
import * as z from "zod/mini";
import { PSEUDO } from "./languages";
import { pseudoLocalize } from "./pseudo";
import { IdSchema, type Template, type TranslationInfo } from "./template";
import type { Definition, Toolkit } from "./toolkit";

/**
 * A translated string. No `{…}`: template text is shown as it is, never formatted by `t()`, so a
 * brace could only be a slip (an i18n placeholder copied into data).
 */
const Text = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(4000),
  z.refine((s) => !/[{}]/.test(s), "template text has no {placeholders}"),
);

/** What every translation file says about itself: which language, that it is unofficial, whose it is. */
const Marking = {
  language: z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag, e.g. es or pt-BR")),
  /** Always true: these are not the publisher's translations, and every screen that shows one must be able to say so. */
  unofficial: z.literal(true),
  /** In the translation's language: who translated, and the original it comes from. */
  credit: Text,
};

/** Every field optional, so an incomplete translation still loads and falls back to the template's words. */
export const TemplateTranslationSchema = z.strictObject({
  templateId: IdSchema,
  /** The template version translated: a newer template may have words this file has not caught up with. */
  templateVersion: z.string().check(z.minLength(1)),
  ...Marking,
  title: z.optional(Text),
  domains: z.record(
    IdSchema,
    z.strictObject({
      title: z.optional(Text),
      rating: z.optional(z.strictObject({ prompt: z.optional(Text) })),
      items: z.optional(z.record(IdSchema, z.strictObject({ text: z.optional(Text), stem: z.optional(Text) }))),
      explanation: z.optional(z.array(Text)),
    }),
  ),
  scales: z.record(
    IdSchema,
    z.strictObject({
      points: z.optional(z.record(z.string().check(z.regex(/^[1-9]$/, "a scale point's value, 1 to 9")), Text)),
      dontKnowLabel: z.optional(Text),
      notAvailableLabel: z.optional(Text),
    }),
  ),
});
export type TemplateTranslation = z.infer<typeof TemplateTranslationSchema>;

export const DefinitionsTranslationSchema = z.strictObject({
  templateId: IdSchema,
  ...Marking,
  /** Keyed by the definition's id in `definitions.json`; `text` has one string per paragraph, as there. */
  definitions: z.record(IdSchema, z.strictObject({ term: Text, text: z.array(Text).check(z.minLength(1)) })),
});
export type DefinitionsTranslation = z.infer<typeof DefinitionsTranslationSchema>;

/** A template in another language, and which of its strings are still the template's own. */
export interface LocalizedTemplate {
  template: Template;
  /** Paths of strings the translation lacks, shown in the template's language: "domains.safety.items.safety.3.text". */
  fellBack: string[];
  /** Paths the translation has that the template does not (a removed item, a typo in an id): ignored. */
  unused: string[];
  /** The translation was made for another version of the template: its words may be out of date. */
  outdated: boolean;
}

/**
 * The template with every string the translation has put in its place, every id, number, gate and
 * scale value unchanged, and `language` set to the translation's. A string the translation lacks keeps
 * the template's words and is listed in `fellBack`, so a screen or test can say so instead of hiding it.
 * An explanation is taken whole or not at all: its paragraphs must line up with the template's.
 */
export function localizeTemplate(template: Template, translation: TemplateTranslation): LocalizedTemplate {
  if (translation.templateId !== template.id) {
    throw new Error(`translation of ${translation.templateId} given for template ${template.id}`);
  }
  const fellBack: string[] = [];
  const pick = (path: string, own: string, translated: string | undefined): string => {
    if (translated === undefined) fellBack.push(path);
    return translated ?? own;
  };

  const scales: Template["scales"] = {};
  for (const [scaleId, scale] of Object.entries(template.scales)) {
    const tr = own(translation.scales, scaleId);
    const at = `scales.${scaleId}`;
    scales[scaleId] = {
      points: scale.points.map((p) => ({
        value: p.value,
        label: pick(`${at}.points.${p.value}`, p.label, own(tr?.points, String(p.value))),
      })),
      dontKnowLabel: pick(`${at}.dontKnowLabel`, scale.dontKnowLabel, tr?.dontKnowLabel),
      ...(scale.notAvailableLabel !== undefined
        ? { notAvailableLabel: pick(`${at}.notAvailableLabel`, scale.notAvailableLabel, tr?.notAvailableLabel) }
        : {}),
    };
  }

  const domains = template.domains.map((d) => {
    const tr = own(translation.domains, d.id);
    const at = `domains.${d.id}`;
    let explanation = d.explanation;
    if (d.explanation) {
      if (tr?.explanation?.length === d.explanation.length) explanation = tr.explanation;
      else fellBack.push(`${at}.explanation`);
    }
    return {
      ...d,
      title: pick(`${at}.title`, d.title, tr?.title),
      rating: { ...d.rating, prompt: pick(`${at}.rating.prompt`, d.rating.prompt, tr?.rating?.prompt) },
      items: d.items.map((item) => {
        const ti = own(tr?.items, item.id);
        const ip = `${at}.items.${item.id}`;
        return {
          ...item,
          text: pick(`${ip}.text`, item.text, ti?.text),
          ...(item.stem !== undefined ? { stem: pick(`${ip}.stem`, item.stem, ti?.stem) } : {}),
        };
      }),
      ...(explanation ? { explanation: [...explanation] } : {}),
    };
  });

  return {
    template: {
      ...template,
      language: translation.language,
      title: pick("title", template.title, translation.title),
      scales,
      domains,
    },
    fellBack,
    unused: unusedPaths(template, translation),
    outdated: translation.templateVersion !== template.version,
  };
}

/** What a translation names that its template has not: never applied, listed so a test can refuse it. */
export function unusedPaths(template: Template, translation: TemplateTranslation): string[] {
  const unused: string[] = [];
  for (const [scaleId, scale] of Object.entries(translation.scales)) {
    const own = Object.hasOwn(template.scales, scaleId) ? template.scales[scaleId] : undefined;
    if (!own) {
      unused.push(`scales.${scaleId}`);
      continue;
    }
    for (const value of Object.keys(scale.points ?? {})) {
      if (!own.points.some((p) => String(p.value) === value)) unused.push(`scales.${scaleId}.points.${value}`);
    }
    if (scale.notAvailableLabel !== undefined && own.notAvailableLabel === undefined) unused.push(`scales.${scaleId}.notAvailableLabel`);
  }
  for (const [domainId, domain] of Object.entries(translation.domains)) {
    const d = template.domains.find((x) => x.id === domainId);
    if (!d) {
      unused.push(`domains.${domainId}`);
      continue;
    }
    if (domain.explanation && !d.explanation) unused.push(`domains.${domainId}.explanation`);
    for (const [itemId, item] of Object.entries(domain.items ?? {})) {
      const i = d.items.find((x) => x.id === itemId);
      if (!i) unused.push(`domains.${domainId}.items.${itemId}`);
      else if (item.stem !== undefined && i.stem === undefined) unused.push(`domains.${domainId}.items.${itemId}.stem`);
    }
  }
  return unused;
}

/** A record's own entry only: an id such as "constructor" must not find Object.prototype's. */
function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The template in the pseudo-locale (core/pseudo.ts): every string a person reads (title, source,
 * topics, prompts, items, stems, explanations, scale labels, and the toolkit's own wording kept in
 * `sourcePrompt`) pseudo-localized, every id, number and key (`guidance`, `resources`, `note`) as
 * it was, so an e2e scan of a screen or report finds any template string that skipped this step.
 */
export function pseudoTemplate(template: Template): Template {
  const p = pseudoLocalize;
  const scales: Template["scales"] = {};
  for (const [id, s] of Object.entries(template.scales)) {
    scales[id] = {
      ...s,
      points: s.points.map((x) => ({ value: x.value, label: p(x.label) })),
      dontKnowLabel: p(s.dontKnowLabel),
      ...(s.notAvailableLabel !== undefined ? { notAvailableLabel: p(s.notAvailableLabel) } : {}),
    };
  }
  return {
    ...template,
    language: PSEUDO,
    title: p(template.title),
    source: {
      title: p(template.source.title),
      publisher: p(template.source.publisher),
      ...(template.source.edition !== undefined ? { edition: p(template.source.edition) } : {}),
      credit: p(template.source.credit),
    },
    scales,
    domains: template.domains.map((d) => ({
      ...d,
      title: p(d.title),
      rating: {
        ...d.rating,
        prompt: p(d.rating.prompt),
        ...(d.rating.sourcePrompt !== undefined ? { sourcePrompt: p(d.rating.sourcePrompt) } : {}),
      },
      items: d.items.map((i) => ({ ...i, text: p(i.text), ...(i.stem !== undefined ? { stem: p(i.stem) } : {}) })),
      ...(d.explanation ? { explanation: d.explanation.map(p) } : {}),
    })),
  };
}

/** The credit the pseudo-locale's copy carries, so screens show the "unofficial" line in the pseudo run too. */
export const PSEUDO_CREDIT = "Pseudo-locale for testing: not a translation.";

/**
 * The template in `lang`, marked: its own language → itself, untouched; the pseudo-locale → every
 * string pseudo-localized; a language with a translation → {@link localizeTemplate}, with
 * `translation` saying it is unofficial, whose it is, and what fell back; a language without one
 * (a custom template may ship any subset) → itself, unmarked.
 */
export function templateIn(template: Template, lang: string, translation: TemplateTranslation | undefined): Template {
  if (lang === template.language) return template;
  if (lang === PSEUDO) {
    return {
      ...pseudoTemplate(template),
      translation: { language: PSEUDO, unofficial: true, credit: pseudoLocalize(PSEUDO_CREDIT), outdated: false, fellBack: [] },
    };
  }
  if (!translation) return template;
  const { template: localized, fellBack, outdated } = localizeTemplate(template, translation);
  return {
    ...localized,
    translation: { language: translation.language, unofficial: true, credit: translation.credit, outdated, fellBack },
  };
}

/**
 * The toolkit's definitions in `lang` (Section I, from definitions.<lang>.json, each taken whole or
 * left in English and listed in `fellBack`); Sections III and IV (guidance, resources) stay as they
 * are. The pseudo-locale pseudo-localizes the definitions only, for the same reason.
 */
export function definitionsIn(
  definitions: readonly Definition[],
  lang: string,
  translation: DefinitionsTranslation | undefined,
): { definitions: Definition[]; translation?: TranslationInfo } {
  if (lang === PSEUDO) {
    return {
      definitions: definitions.map((d) => ({ ...d, term: pseudoLocalize(d.term), text: d.text.map(pseudoLocalize) })),
      translation: { language: PSEUDO, unofficial: true, credit: pseudoLocalize(PSEUDO_CREDIT), outdated: false, fellBack: [] },
    };
  }
  if (!translation) return { definitions: [...definitions] };
  const fellBack: string[] = [];
  const out = definitions.map((d) => {
    const tr = own(translation.definitions, d.id);
    if (!tr) fellBack.push(`definitions.${d.id}`);
    return tr ? { ...d, term: tr.term, text: [...tr.text] } : d;
  });
  return {
    definitions: out,
    translation: { language: translation.language, unofficial: true, credit: translation.credit, outdated: false, fellBack },
  };
}

/**
 * The whole toolkit pseudo-localized (definitions, guidance, resources), ids, links and structure
 * unchanged: in the pseudo-locale nothing stays English, so the e2e scan finds only real misses.
 */
export function pseudoToolkit(toolkit: Toolkit): Toolkit {
  const p = pseudoLocalize;
  return {
    ...toolkit,
    definitions: toolkit.definitions.map((d) => ({ ...d, term: p(d.term), text: d.text.map(p) })),
    guidance: toolkit.guidance.map((g) => ({
      ...g,
      title: p(g.title),
      blocks: g.blocks.map((b) =>
        b.kind === "point" ? { ...b, text: p(b.text), sub: b.sub.map((x) => ({ ...x, text: p(x.text) })) } : { ...b, text: p(b.text) },
      ),
    })),
    resources: toolkit.resources.map((c) => ({
      ...c,
      title: p(c.title),
      intro: c.intro.map(p),
      entries: c.entries.map((e) => ({
        ...e,
        title: p(e.title),
        ...(e.by !== undefined ? { by: p(e.by) } : {}),
        ...(e.accessed !== undefined ? { accessed: p(e.accessed) } : {}),
      })),
    })),
  };
}
