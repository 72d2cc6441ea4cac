/**
 * @module toolkit
 * The toolkit's other parts as data beside the template (issue 11): Section I's definitions,
 * Section III's guidance per domain, Section IV's resources per category, and which guidance points
 * address each Yes/No item. Read from JSON files that are treated as untrusted input, like
 * templates, and checked against the seed text by tests/unit/toolkit.test.ts (nothing lost, nothing
 * invented). Pure: no I/O.
 */
import * as z from "zod/mini";
import { type ActionItem, formatActionLine, parseActionItems } from "./action-items";
import { NOTES_MAX } from "./limits";
import { TranslationInfoSchema } from "./template";

/** Ids are short, stable and readable in a URL fragment: "safety.g3", "def.vicarious-trauma". */
const Id = z.string().check(z.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "lower-case letters, digits, dots and hyphens"));
/** Text as the toolkit has it, cleaned of the PDF extraction's breaks; never empty. */
const Text = z.string().check(z.trim(), z.minLength(1), z.maxLength(4000));

/** A sub-bullet under a guidance point. */
export const GuidanceSubpointSchema = z.strictObject({ id: Id, text: Text });

/**
 * One block of a domain's guidance, in the seed's order: a sub-heading ("PROTOCOL"), a paragraph of
 * prose, or a bulleted (or numbered) point that a group can turn into an action item.
 */
export const GuidanceBlockSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("heading"), text: Text }),
  z.strictObject({ kind: z.literal("text"), text: Text }),
  z.strictObject({ kind: z.literal("point"), id: Id, text: Text, sub: z._default(z.array(GuidanceSubpointSchema), []) }),
]);

export const DomainGuidanceSchema = z.strictObject({
  /** The template domain this guidance belongs to. */
  domainId: Id,
  /** The seed's heading, e.g. "Guidance on Protocols and Community Network". */
  title: Text,
  blocks: z.array(GuidanceBlockSchema).check(z.minLength(1)),
});

/** One entry of Section IV: a document, toolkit, course or website. */
export const ResourceSchema = z.strictObject({
  id: Id,
  title: Text,
  /** Authors and/or publisher as the seed gives them. */
  by: z.optional(Text),
  /** The link as the seed prints it (https or http). */
  url: z.optional(z.url({ protocol: /^https?$/ })),
  /** "Accessed on …" where the seed gives it, as written there. */
  accessed: z.optional(Text),
  /** Any other words the seed attaches to the entry (a year, a format, a short description). */
  note: z.optional(Text),
});

/**
 * A category of Section IV. Its categories mirror the assessment's domains; `domainIds` says
 * which (one category may serve several, and a general one none). `empty` is true where the seed
 * lists the category with no entries: the data says so rather than inventing any.
 */
export const ResourceCategorySchema = z
  .strictObject({
    id: Id,
    title: Text,
    domainIds: z.array(Id),
    /** The seed's prose before the entries (what the category holds, where more is found). */
    intro: z._default(z.array(Text), []),
    entries: z.array(ResourceSchema),
    empty: z._default(z.boolean(), false),
  })
  .check(z.refine((c) => c.empty === (c.entries.length === 0), { message: "a category is empty exactly when it has no entries" }));

/** A definition from Section I (or a term the toolkit defines in passing). */
export const DefinitionSchema = z.strictObject({
  id: Id,
  /** The term as the seed heads it, e.g. "Vicarious trauma". */
  term: Text,
  /** Abbreviations and other names the toolkit uses for it: "HT/E", "VT", "AAAQ". */
  aliases: z._default(z.array(Text), []),
  /** The seed's text, one string per paragraph or bullet. */
  text: z.array(Text).check(z.minLength(1)),
});

/** For each Yes/No item: the guidance points that address it, or "none" after reading found none. */
export const ItemGuidanceSchema = z.record(Id, z.union([z.array(Id).check(z.minLength(1)), z.literal("none")]));

export const ToolkitSchema = z
  .strictObject({
    templateId: Id,
    /** Where the source's publisher keeps its materials online, as the source names it (a link back). */
    portal: z.optional(z.strictObject({ title: Text, url: z.url({ protocol: /^https?$/ }) })),
    definitions: z.array(DefinitionSchema),
    guidance: z.array(DomainGuidanceSchema),
    resources: z.array(ResourceCategorySchema),
    itemGuidance: ItemGuidanceSchema,
    /** Issue 13: set on `?lang=` answers whose definitions are translated (or pseudo-localized). */
    translation: z.optional(TranslationInfoSchema),
    /** Issue 13: the parts that stay English in a translated answer (Sections III and IV), so screens can say so. */
    inEnglish: z.optional(z.array(z.enum(["guidance", "resources"]))),
  })
  .check(
    z.superRefine((t, ctx) => {
      const ids = new Set<string>();
      const unique = (id: string, path: (string | number)[]) => {
        if (ids.has(id)) ctx.addIssue({ code: "custom", message: `duplicate id ${id}`, path });
        ids.add(id);
      };
      for (const [i, d] of t.definitions.entries()) unique(d.id, ["definitions", i]);
      for (const [i, g] of t.guidance.entries()) {
        for (const [j, b] of g.blocks.entries()) {
          if (b.kind !== "point") continue;
          unique(b.id, ["guidance", i, "blocks", j]);
          for (const [k, s] of b.sub.entries()) unique(s.id, ["guidance", i, "blocks", j, "sub", k]);
        }
      }
      for (const [i, c] of t.resources.entries()) {
        unique(c.id, ["resources", i]);
        for (const [j, e] of c.entries.entries()) unique(e.id, ["resources", i, "entries", j]);
      }
      const points = new Set(t.guidance.flatMap((g) => g.blocks.flatMap((b) => (b.kind === "point" ? [b.id] : []))));
      for (const [item, linked] of Object.entries(t.itemGuidance)) {
        if (linked === "none") continue;
        for (const p of linked)
          if (!points.has(p))
            ctx.addIssue({ code: "custom", message: `item ${item} links to unknown point ${p}`, path: ["itemGuidance", item] });
      }
    }),
  );

export type GuidanceBlock = z.infer<typeof GuidanceBlockSchema>;
export type GuidancePoint = Extract<GuidanceBlock, { kind: "point" }>;
export type DomainGuidance = z.infer<typeof DomainGuidanceSchema>;
export type Resource = z.infer<typeof ResourceSchema>;
export type ResourceCategory = z.infer<typeof ResourceCategorySchema>;
export type Definition = z.infer<typeof DefinitionSchema>;
export type Toolkit = z.infer<typeof ToolkitSchema>;

/** A domain's guidance points, in the seed's order. */
export function guidancePoints(toolkit: Toolkit, domainId: string): GuidancePoint[] {
  const g = toolkit.guidance.find((x) => x.domainId === domainId);
  return g ? g.blocks.filter((b): b is GuidancePoint => b.kind === "point") : [];
}

/** The resource categories that serve a domain. */
export function resourcesFor(toolkit: Toolkit, domainId: string): ResourceCategory[] {
  return toolkit.resources.filter((c) => c.domainIds.includes(domainId));
}

/**
 * The resources a report prints for a topic: its own categories, and when they list nothing (the
 * seed's "safety" and "health services"), the toolkit's resources for every topic in full;
 * otherwise those are only named (`seeAlso`).
 */
export function resourcesToPrint(toolkit: Toolkit, domainId: string): { categories: ResourceCategory[]; seeAlso: ResourceCategory[] } {
  const own = resourcesFor(toolkit, domainId);
  const general = toolkit.resources.filter((c) => c.domainIds.length === 0);
  return own.some((c) => c.entries.length > 0) ? { categories: own, seeAlso: general } : { categories: [...own, ...general], seeAlso: [] };
}

/** The built-in template whose toolkit `/toolkit` shows (the only one with a toolkit today). */
export const TOOLKIT_TEMPLATE_ID = "icmec-2";

/** A guidance point as the console offers it: why it comes first, if it does. */
export interface RankedPoint {
  point: GuidancePoint;
  /** The items linked to this point that the group answered "No" most, with that share (0..1). */
  noItems: { itemId: string; noShare: number }[];
}

/**
 * A domain's guidance points for the group to act on after a reveal: first the points linked to
 * the items most answered "No" (by the share of "No" among the item's answers, highest first),
 * then every other point in the toolkit's order. `items` holds the round's released tallies only
 * (items below k are absent, so they rank nothing). Each point appears once.
 */
export function rankGuidance(
  toolkit: Toolkit,
  domainId: string,
  items: Readonly<Record<string, { yes: number; no: number; na: number }>>,
): RankedPoint[] {
  const points = guidancePoints(toolkit, domainId);
  const noShares = Object.entries(items)
    .map(([itemId, tally]) => {
      const total = tally.yes + tally.no + tally.na;
      return { itemId, noShare: total ? tally.no / total : 0 };
    })
    .filter((x) => x.noShare > 0)
    .sort((a, b) => b.noShare - a.noShare || a.itemId.localeCompare(b.itemId, "en", { numeric: true }));
  const byPoint = new Map<string, RankedPoint["noItems"]>();
  const order: string[] = [];
  for (const item of noShares) {
    const linked = toolkit.itemGuidance[item.itemId];
    if (!linked || linked === "none") continue;
    for (const pointId of linked) {
      if (!byPoint.has(pointId)) {
        byPoint.set(pointId, []);
        order.push(pointId);
      }
      byPoint.get(pointId)!.push(item);
    }
  }
  // A linked point of another domain is offered too: the mapping says it addresses this item.
  const all = new Map(toolkit.guidance.flatMap((g) => g.blocks.flatMap((b) => (b.kind === "point" ? [[b.id, b] as const] : []))));
  const first = order.flatMap((id) => {
    const point = all.get(id);
    return point ? [{ point, noItems: byPoint.get(id)! }] : [];
  });
  const rest = points.filter((p) => !byPoint.has(p.id)).map((point) => ({ point, noItems: [] }));
  return [...first, ...rest];
}

/**
 * The action-item line a guidance point becomes in the console (one rule, so the report can tell
 * which points the group chose): the toolkit's words as an action item; a point that leads into
 * sub-points ("Educate staff to") takes them along, or the line would mean nothing on its own.
 */
export const actionLine = (point: GuidancePoint): string =>
  formatActionLine({ text: `${point.text}${point.sub.length ? ` ${point.sub.map((s) => s.text).join("; ")}` : ""}` }, NOTES_MAX);

/** The action item's words a point becomes: a line that still has them was made from this point. */
const actionWords = (point: GuidancePoint): string => parseActionItems(actionLine(point))[0]?.text ?? "";

/** Whether the action items (as written) hold one made from this point, whatever fields were added to it since. */
export function pointChosen(point: GuidancePoint, items: readonly ActionItem[]): boolean {
  const words = actionWords(point);
  return items.some((i) => i.text === words);
}

/**
 * The guidance a report prints for a topic: the points the group turned into action items, or, if
 * it chose none, all of the topic's points.
 */
export function chosenGuidance(toolkit: Toolkit, domainId: string, actions: string): { chosen: boolean; points: GuidancePoint[] } {
  const points = guidancePoints(toolkit, domainId);
  const items = parseActionItems(actions);
  const chosen = points.filter((p) => pointChosen(p, items));
  return chosen.length ? { chosen: true, points: chosen } : { chosen: false, points };
}
