/**
 * @module summary/build
 * Builds the consensus summary (docs/design.md §5) from what a room holds: its public config, the session
 * state (aggregates and recorded consensus only) and the facilitators' notes. Pure and total.
 *
 * Privacy by construction: every output field is picked by name from the input — nothing is
 * spread or copied wholesale — so ids, the join code, deadlines, expiry times and anything a
 * future config field might carry never reach an export. Numbers are released only where the
 * round's reveal gate passed (`shown: true`); rounds are numbers, never round id strings.
 */
import { parseActionItems } from "../action-items";
import { ratingKeys } from "../ballots";
import { type FacilityRoles, facilityNames, facilityRoles, NOT_AVAILABLE, rolesAt } from "../facilities";
import { improvementOf } from "../improvement";
import type { DomainState, RatingResult, RoundResult } from "../session";
import { summarizeRound } from "../stats";
import { type Domain, type Template, scaleOf } from "../template";
import { fittedCounts, ratingChange, topicOutcome } from "../topic-result";
import {
  type DomainSummary,
  type ItemSummary,
  type OverviewRow,
  type RatingStats,
  type RatingSummary,
  type RoundRating,
  type RoundSummary,
  type Summary,
  type SummaryInput,
  SUMMARY_SCHEMA_ID,
} from "./schema";
import { improvementPlan } from "./plan";

const EMPTY_DOMAIN: DomainState = { status: "pending", rounds: [], consensus: null };

/** Statistics of one shown rating; counts are fitted to the scale's K points. */
function statsOf(result: Extract<RatingResult, { shown: true }>, K: number, k: number): RatingStats {
  const counts = fittedCounts(result, K);
  const s = summarizeRound(counts, result.dontKnow, { k });
  return {
    n: s.n,
    dontKnow: result.dontKnow,
    notAvailable: result.notAvailable,
    counts,
    median: s.median,
    q1: s.q1,
    q3: s.q3,
    bestPair: s.bestPair,
    agreementA: s.agreementA,
    cns: s.cns,
    dissent: s.dissent,
    suggestedStatus: s.status,
  };
}

function itemsOf(domain: Domain, round: RoundResult): ItemSummary[] {
  return domain.items.flatMap((item) => {
    const t = round.items[item.id];
    return t ? [{ id: item.id, stem: item.stem ?? null, text: item.text, yes: t.yes, no: t.no, na: t.na }] : [];
  });
}

function roundsOf(domain: Domain, state: DomainState, keys: readonly string[], K: number, k: number): RoundSummary[] {
  return state.rounds.map((r, index) => {
    const ratings: RoundRating[] = keys.map((key) => {
      const result = r.ratings[key];
      if (!result?.shown) return { key, shown: false };
      const moved = ratingChange(state.rounds, index, key, K);
      return {
        key,
        shown: true,
        stats: statsOf(result, K, k),
        change: moved?.change ?? null,
        changeFrom: moved?.from ?? null,
        stable: moved?.stable ?? null,
      };
    });
    // Item tallies carry their own gate (≥ k answers); they are released only with a shown rating.
    const items = ratings.some((x) => x.shown) ? itemsOf(domain, r) : [];
    return { round: r.round, respondents: r.respondents, ...(r.withheld ? { withheld: r.withheld } : {}), ratings, items };
  });
}

function domainSummary(
  template: Template,
  domain: Domain,
  state: DomainState,
  facilities: readonly string[],
  roles: FacilityRoles,
  k: number,
  notes: SummaryInput["notes"],
): { summary: DomainSummary; overview: OverviewRow[] } {
  const scale = scaleOf(template, domain);
  const K = scale.points.length;
  const keys = ratingKeys(domain, facilities);
  const rounds = roundsOf(domain, state, keys, K, k);
  const last = rounds[rounds.length - 1];
  const recorded = state.consensus !== null;
  const outcomes = topicOutcome(template, domain, state, facilities, k);
  const improvement = improvementOf(template, domain, state, facilities, k);

  const ratings: RatingSummary[] = outcomes.map((o, i) => {
    const notAvailable = o.recorded === NOT_AVAILABLE;
    const value = typeof o.recorded === "number" ? o.recorded : null;
    const latest = last?.ratings.find((x) => x.key === o.key);
    const held = domain.rating.perFacility ? rolesAt(roles, i) : [];
    return {
      key: o.key,
      facility: o.facility,
      consensus: value,
      consensusLabel: notAvailable ? (scale.notAvailableLabel ?? null) : value === null ? null : (scale.points[value - 1]?.label ?? null),
      ...(notAvailable ? { notAvailable: true as const } : {}),
      ...(held.length > 0 ? { roles: held } : {}),
      latest: latest?.shown ? latest.stats : null,
      weak: improvement.reasons.some((x) => "key" in x && x.key === o.key),
    };
  });
  const overview: OverviewRow[] = outcomes.map((o) => ({
    domainId: domain.id,
    number: domain.number,
    title: domain.title,
    facility: o.facility,
    scaleMax: K,
    source: o.source === "recorded" || o.source === "not-available" ? "consensus" : o.source === "median" ? "median" : null,
    low: o.value?.low ?? null,
    high: o.value?.high ?? null,
    ...(o.source === "not-available" ? { notAvailable: true as const } : {}),
  }));
  // The notes as they stand now, typed before or after recording; the copy kept with the
  // consensus only stands in when the doc has no text for the topic at all.
  const own = notes[domain.id];
  const actions = own?.actions ?? state.consensus?.actions ?? "";
  const summary: DomainSummary = {
    id: domain.id,
    number: domain.number,
    title: domain.title,
    prompt: domain.rating.prompt,
    ...(domain.rating.sourcePrompt ? { sourcePrompt: domain.rating.sourcePrompt } : {}),
    status: state.status,
    perFacility: domain.rating.perFacility,
    scale: {
      points: scale.points.map((p) => ({ value: p.value, label: p.label })),
      dontKnowLabel: scale.dontKnowLabel,
      notAvailableLabel: scale.notAvailableLabel ?? null,
    },
    respondents: last?.respondents ?? null,
    recorded,
    ratings,
    rounds,
    notes: own?.notes ?? state.consensus?.notes ?? "",
    actions,
    readNext: improvement.needed ? { guidance: domain.guidance, resources: [...domain.resources] } : null,
    improvement,
    actionItems: parseActionItems(actions),
  };
  return { summary, overview };
}

export function buildSummary({ config, session, notes, directory }: SummaryInput): Summary {
  const t = config.template;
  const names = facilityNames(config.facilities);
  const roles = facilityRoles(config.facilities);
  const built = t.domains.map((d) => domainSummary(t, d, session.domains[d.id] ?? EMPTY_DOMAIN, names, roles, config.k, notes));
  const domains = built.map((b) => b.summary);
  return {
    schema: SUMMARY_SCHEMA_ID,
    session: {
      title: config.title,
      facility: config.facility,
      facilities: names,
      facilityRoles: roles,
      day: config.createdDay.slice(0, 10),
      k: config.k,
      perspectives: [...new Set(session.perspectives)].sort(),
    },
    template: {
      id: t.id,
      version: t.version,
      title: t.title,
      language: t.language,
      source: {
        title: t.source.title,
        publisher: t.source.publisher,
        edition: t.source.edition ?? null,
        credit: t.source.credit,
      },
    },
    plan: improvementPlan(domains),
    domains,
    overview: built.flatMap((b) => b.overview),
    // Picked table by table and column by column by its schema (the room read it from the doc).
    ...(directory ? { directory: { tables: directory.tables.map((t) => ({ id: t.id, rows: t.rows.map((r) => ({ ...r })) })) } } : {}),
  };
}
