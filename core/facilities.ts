/**
 * @module facilities
 * The facilities a session rates in its per-facility topic (the toolkit's domain 12, AAAQ), and
 * the two roles an entry may carry. They are different roles: the *facility under review* is what
 * domains 1–11 assess; *your facility* is the seed's "1. (Your facility)", the organizer's own. A
 * community organization may review a referral facility, and a public-health office may have no
 * facility of its own, so each role is on at most one entry, and either may be absent.
 *
 * The list is explicit: nothing is ever derived from the session's title. It may be edited by the
 * facilitators until the per-facility topic's first round opens; after that the ballots' layout
 * (core/ballot-codec.ts) and every stored result key ("0", "1", …) depend on it, so it is frozen
 * ({@link facilitiesFrozen}). Pure: no I/O.
 */
import * as z from "zod/mini";
import { FACILITY_NAME_MAX, MAX_FACILITIES } from "./limits";
import type { SessionState } from "./session";
import type { Template } from "./template";

/**
 * A consensus recorded as the seed's N/A on the AAAQ scale, "Service not available" (only on a
 * scale with a `notAvailableLabel`): the facility doesn't offer the service, which is not a point
 * of the 1–3 compliance scale.
 */
export const NOT_AVAILABLE = "not-available";
/** A recorded consensus: a point of the scale, null for "no consensus reached", or {@link NOT_AVAILABLE}. */
export type RecordedValue = number | null | typeof NOT_AVAILABLE;

export const FacilityEntrySchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(FACILITY_NAME_MAX)),
  /** The seed's "1. (Your facility)": the organizer's own. */
  yours: z.optional(z.literal(true)),
  /** The facility domains 1–11 assess. */
  underReview: z.optional(z.literal(true)),
});
export type FacilityEntry = z.infer<typeof FacilityEntrySchema>;

/** Names compare without case or surrounding space: two rows named alike can't be told apart on a screen. */
export const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Whether entry `i`'s name is one an earlier entry already has. */
export const nameRepeatedAt = (names: readonly string[], i: number): boolean => names.slice(0, i).some((n) => sameName(n, names[i]!));

const oneRoleEach = (list: readonly FacilityEntry[], ctx: z.core.$RefinementCtx<FacilityEntry[]>) => {
  if (list.filter((f) => f.yours).length > 1) ctx.addIssue({ code: "custom", message: "only one facility can be marked as your facility" });
  if (list.filter((f) => f.underReview).length > 1)
    ctx.addIssue({ code: "custom", message: "only one facility can be marked as under review" });
};

/** A list as a room stores it: at most one entry per role. */
export const StoredFacilityListSchema = z.array(FacilityEntrySchema).check(z.maxLength(MAX_FACILITIES), z.superRefine(oneRoleEach));

/**
 * A list as facilitators send it (create form, console): also no name twice. (Stored lists are not
 * held to that: a room of an older layout may have one, and must still wake.)
 */
export const FacilityListSchema = z.array(FacilityEntrySchema).check(
  z.maxLength(MAX_FACILITIES, `at most ${MAX_FACILITIES} facilities`),
  z.superRefine((list, ctx) => {
    oneRoleEach(list, ctx);
    const names = facilityNames(list);
    list.forEach((f, i) => {
      if (nameRepeatedAt(names, i)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `“${f.name}” is listed twice` });
    });
  }),
);
export type FacilityList = z.infer<typeof FacilityListSchema>;

/** Which entry holds each role, by index into the list (null: nobody holds it). */
export const FacilityRolesSchema = z.strictObject({
  yours: z.nullable(z.number().check(z.int(), z.gte(0))),
  underReview: z.nullable(z.number().check(z.int(), z.gte(0))),
});
export type FacilityRoles = z.infer<typeof FacilityRolesSchema>;

export const NO_ROLES: FacilityRoles = { yours: null, underReview: null };

/** The names, in order: what rating keys "0", "1", … and the ballot's layout follow. */
export const facilityNames = (list: readonly FacilityEntry[]): string[] => list.map((f) => f.name);

export function facilityRoles(list: readonly FacilityEntry[]): FacilityRoles {
  const at = (i: number) => (i < 0 ? null : i);
  return { yours: at(list.findIndex((f) => f.yours)), underReview: at(list.findIndex((f) => f.underReview)) };
}

/** The list back from names and roles (what screens receive), e.g. for the console's editor. */
export function facilityEntries(names: readonly string[], roles: FacilityRoles | undefined): FacilityEntry[] {
  return names.map((name, i) => ({
    name,
    ...(roles?.yours === i ? { yours: true as const } : {}),
    ...(roles?.underReview === i ? { underReview: true as const } : {}),
  }));
}

export type FacilityRole = "yours" | "underReview";
/** The roles of entry `i`, in the order screens name them. */
export const rolesAt = (roles: FacilityRoles | undefined, i: number): FacilityRole[] =>
  (["yours", "underReview"] as const).filter((r) => roles?.[r] === i);

/**
 * Layouts up to 3 stored a bare list of names: the organizer's own facility first (the facility
 * under review when one was named, else the session's title standing in for it), then the others.
 * The first entry keeps its place and name (results may be stored under key "0"), with the roles
 * that layout gave it.
 */
export function fromLegacyNames(names: readonly string[], facilityUnderReview: string | null): FacilityEntry[] {
  return names.map((name, i) =>
    i === 0
      ? {
          name,
          yours: true as const,
          ...(facilityUnderReview !== null && sameName(name, facilityUnderReview) ? { underReview: true as const } : {}),
        }
      : { name },
  );
}

/** The per-facility topics of a template (the toolkit has one: domain 12). */
export const perFacilityDomainIds = (template: Template): string[] => template.domains.filter((d) => d.rating.perFacility).map((d) => d.id);

/**
 * Why the list can no longer change, or null while it can: once a per-facility topic has opened a
 * round (open now, or with rounds or a recorded consensus), its ballots and results are keyed by
 * the list's order.
 */
export function facilitiesFrozen(template: Template, state: SessionState): string | null {
  if (state.phase === "ended") return "the session has ended";
  for (const id of perFacilityDomainIds(template)) {
    const d = Object.hasOwn(state.domains, id) ? state.domains[id] : undefined;
    if (!d) continue;
    if ((state.phase === "open" && state.domainId === id) || d.status === "voting" || d.rounds.length > 0 || d.consensus) {
      return "the facilities can't change once their topic has opened a round: its ballots and results follow the list";
    }
  }
  return null;
}
