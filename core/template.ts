/**
 * @module template
 * An assessment template is data, not code: JSON validated by {@link TemplateSchema}, so an
 * organization can add its own assessment by dropping a file next to the built-in ones.
 */
import * as z from "zod/mini";
import { BALLOT_CODE_MAX, MAX_FACILITIES } from "./limits";

/** Ids of templates, domains, items and scales; also what a ballot may use as an answer key. */
export const IdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]{0,39}$/, "lower-case letters, digits, '.' and '-'"));
const Id = IdSchema;
const NonEmpty = z.string().check(z.minLength(1));

/** One point of a rating scale, e.g. `{ value: 1, label: "Very weak" }`. */
export const ScalePointSchema = z.object({
  value: z.number().check(z.int(), z.gte(1), z.lte(9)),
  label: z.string().check(z.minLength(1)),
});

/**
 * A rating scale. `dontKnowLabel` is the seed's "(DON'T KNOW)" column; it is never part of a
 * statistic. `notAvailableLabel` exists only on scales whose "N/A" means something other than
 * "don't know" (AAAQ: "service not available").
 */
export const ScaleSchema = z
  .object({
    points: z.array(ScalePointSchema).check(z.minLength(2), z.maxLength(9)),
    dontKnowLabel: NonEmpty,
    /**
     * True when the "don't know" answer is Candor's addition, not the source's: on AAAQ the seed's
     * N/A is "service not available" and it has no "don't know" (see the domain's `note`). Screens
     * that explain the scale say so.
     */
    dontKnowAdded: z.optional(z.literal(true)),
    notAvailableLabel: z.optional(NonEmpty),
  })
  .check(z.refine((s) => s.points.every((p, i) => p.value === i + 1), "scale points must be 1..K in order"));

/** A Yes/No/N-A item. `showIf` hides a follow-up unless its gate item got that answer. */
export const ItemSchema = z.object({
  id: Id,
  text: NonEmpty,
  /** The shared lead-in of a group of items, e.g. "Have staff received training on:". */
  stem: z.optional(NonEmpty),
  showIf: z.optional(z.object({ itemId: Id, answer: z.enum(["yes", "no"]) })),
});

export const RatingSchema = z.object({
  /** The question shown to participants. */
  prompt: NonEmpty,
  /** The seed's own wording when `prompt` differs from it (kept for the record; see `note`). */
  sourcePrompt: z.optional(NonEmpty),
  /** Key into the template's `scales`. */
  scale: Id,
  /**
   * Rated once per facility of the referral network (the organizer's own first) instead of
   * once for the domain: the toolkit's domain 12 (AAAQ).
   */
  perFacility: z._default(z.boolean(), false),
});

export const DomainSchema = z.object({
  id: Id,
  number: z.number().check(z.int(), z.gte(1)),
  title: NonEmpty,
  items: z.array(ItemSchema),
  rating: RatingSchema,
  /** The seed's guidance section to read next, e.g. "Guidance on Safety". */
  guidance: NonEmpty,
  /** The seed's resource categories (Section IV) for this domain. */
  resources: z.array(NonEmpty).check(z.minLength(1)),
  /** Background a participant needs to answer, e.g. the AAAQ framework explained. */
  explanation: z.optional(z.array(NonEmpty)),
  /** Editorial notes about how this template departs from its source. */
  note: z.optional(NonEmpty),
});

/**
 * Issue 13 (report branch): what a template served in another language says about its text. Set
 * only by `GET /api/templates/:id?lang=` on the copy it answers with (never in a built-in file),
 * so every screen that shows translated text can say, once and plainly, that it is unofficial,
 * credit it, and list (for tests) the strings that stayed in the template's own language.
 */
export const TranslationInfoSchema = z.object({
  /** The language of the text (a language tag, or the pseudo-locale "en-XA"). */
  language: z.string().check(z.minLength(2), z.maxLength(10)),
  unofficial: z.literal(true),
  /** In that language: who translated, and the original it comes from. */
  credit: z.string().check(z.minLength(1)),
  /** The translation was made for another version of the template. */
  outdated: z.boolean(),
  /** Paths of strings still in the template's own language ("domains.safety.title"). */
  fellBack: z.array(z.string()),
});
export type TranslationInfo = z.infer<typeof TranslationInfoSchema>;

export const TemplateSchema = z
  .object({
    id: Id,
    version: NonEmpty,
    title: NonEmpty,
    language: z.string().check(z.minLength(2), z.maxLength(10)),
    source: z.object({
      title: NonEmpty,
      publisher: NonEmpty,
      edition: z.optional(NonEmpty),
      credit: NonEmpty,
    }),
    scales: z.record(Id, ScaleSchema),
    domains: z.array(DomainSchema).check(z.minLength(1)),
    /** Issue 13: present only on a translated copy (see {@link TranslationInfoSchema}). */
    translation: z.optional(TranslationInfoSchema),
  })
  .check(
    z.superRefine((t, ctx) => {
      const seen = new Set<string>();
      t.domains.forEach((d, di) => {
        if (!t.scales[d.rating.scale]) {
          ctx.addIssue({ code: "custom", path: ["domains", di, "rating", "scale"], message: `unknown scale ${d.rating.scale}` });
        }
        const domainItems = new Map<string, number>();
        d.items.forEach((item, ii) => {
          if (seen.has(item.id)) {
            ctx.addIssue({ code: "custom", path: ["domains", di, "items", ii, "id"], message: `duplicate id ${item.id}` });
          }
          seen.add(item.id);
          // A gate must come earlier in the same domain, so a phone can hide follow-ups in one pass.
          if (item.showIf && !domainItems.has(item.showIf.itemId)) {
            ctx.addIssue({
              code: "custom",
              path: ["domains", di, "items", ii, "showIf"],
              message: "gate must be an earlier item of the same domain",
            });
          }
          domainItems.set(item.id, ii);
        });
        // A ballot must fit its phone socket's attachment to survive hibernation (core/limits.ts).
        if (maxBallotCodeLength(d) > BALLOT_CODE_MAX) {
          ctx.addIssue({
            code: "custom",
            path: ["domains", di, "items"],
            message: `too many items: a ballot of this domain could not be held for its phone (${maxBallotCodeLength(d)} > ${BALLOT_CODE_MAX})`,
          });
        }
        if (seen.has(d.id)) ctx.addIssue({ code: "custom", path: ["domains", di, "id"], message: `duplicate id ${d.id}` });
        seen.add(d.id);
      });
    }),
  );

/**
 * Length of the longest compact ballot (core/ballot-codec.ts) a domain can produce: one character
 * per item, a separator, one per rating key (each facility on per-facility domains).
 */
export const maxBallotCodeLength = (domain: { items: readonly unknown[]; rating: { perFacility?: boolean } }): number =>
  domain.items.length + 1 + (domain.rating.perFacility ? MAX_FACILITIES : 1);

export type Template = z.infer<typeof TemplateSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Scale = z.infer<typeof ScaleSchema>;

/** The scale a domain is rated on; the schema guarantees it exists. */
export function scaleOf(template: Template, domain: Domain): Scale {
  const scale = template.scales[domain.rating.scale];
  if (!scale) throw new Error(`template ${template.id}: unknown scale ${domain.rating.scale}`);
  return scale;
}

/**
 * Which items a participant is asked, given the answers so far: follow-ups whose gate was not
 * answered as `showIf.answer` are skipped (the seed's "IF YES," blocks and domain 10's "If No").
 */
export function visibleItems(domain: Domain, answers: Readonly<Record<string, string>>): Item[] {
  // Gates chain (domain 10's "If No" sits under an "IF YES" block), so a follow-up is shown only
  // when its gate is itself shown; the schema guarantees gates come first, so one pass suffices.
  const shown = new Set<string>();
  return domain.items.filter((item) => {
    const visible = !item.showIf || (shown.has(item.showIf.itemId) && answers[item.showIf.itemId] === item.showIf.answer);
    if (visible) shown.add(item.id);
    return visible;
  });
}
