/**
 * Whether a topic needs improvement (issue 11): Candor's one suggestion rule, the facilitator's
 * mark that overrides it, the `mark` command, and the plan's order (worst first; high priority
 * and earliest due first).
 */
import { describe, expect, it } from "vitest";
import { applyCommand } from "../../core/commands";
import { improvementOf, lowAtOrBelow } from "../../core/improvement";
import type { DomainState, RatingResult } from "../../core/session";
import { initialSession } from "../../core/session";
import { buildSummary } from "../../core/summary/build";
import type { Domain, Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";

const icmec = getTemplate("icmec-2") as Template;
const domain = (id: string) => icmec.domains.find((d) => d.id === id) as Domain;
const shown = (counts: number[]): RatingResult => ({ shown: true, counts, dontKnow: 0, notAvailable: 0 });
const K = 3;

function state(
  over: Partial<DomainState> & { counts?: number[]; items?: Record<string, { yes: number; no: number; na: number }> },
): DomainState {
  const { counts = [0, 0, 1, 3, 1], items = {}, ...rest } = over;
  return {
    status: "revealed",
    rounds: [{ round: 1, respondents: 5, ratings: { domain: shown(counts) }, items }],
    consensus: null,
    ...rest,
  };
}
const recorded = (value: number | null, over: Partial<DomainState> = {}) =>
  state({ status: "recorded", consensus: { values: { domain: value }, notes: "", actions: "" }, ...over });
const of = (s: DomainState, id = "safety") => improvementOf(icmec, domain(id), s, ["Own"], K);

describe("Candor's suggestion", () => {
  it("low is 2 of 5 and 1 of 3", () => {
    expect([lowAtOrBelow(5), lowAtOrBelow(3), lowAtOrBelow(7)]).toEqual([2, 1, 2]);
  });

  it("a recorded value at or below it; not above", () => {
    expect(of(recorded(2)).reasons).toEqual([{ kind: "low", key: "domain", facility: null, value: 2, recorded: true }]);
    expect(of(recorded(3))).toEqual({ suggested: false, reasons: [], marked: null, needed: false });
  });

  it("on AAAQ, per facility: 1 of 3 is low, 2 is not", () => {
    const aaaq: DomainState = {
      status: "recorded",
      rounds: [{ round: 1, respondents: 5, ratings: { "0": shown([0, 4, 1]), "1": shown([4, 1, 0]) }, items: {} }],
      consensus: { values: { "0": 2, "1": 1 }, notes: "", actions: "" },
    };
    const imp = improvementOf(icmec, domain("services-aaaq"), aaaq, ["Own", "Clinic B"], K);
    expect(imp.reasons).toEqual([{ kind: "low", key: "1", facility: "Clinic B", value: 1, recorded: true }]);
  });

  it("'no consensus reached' recorded; or not recorded, a split round", () => {
    expect(of(recorded(null)).reasons).toEqual([{ kind: "no-consensus", key: "domain", facility: null, recorded: true }]);
    const split = of(state({ counts: [3, 0, 0, 0, 3] }));
    expect(split.reasons).toContainEqual({ kind: "no-consensus", key: "domain", facility: null, recorded: false });
  });

  it("an item answered No by more than half of the round's answers; exactly half is not", () => {
    const items = { "safety.1": { yes: 1, no: 3, na: 1 }, "safety.2": { yes: 2, no: 2, na: 0 } };
    expect(of(recorded(4, { rounds: state({ items }).rounds })).reasons).toEqual([
      { kind: "no-majority", itemId: "safety.1", no: 3, answered: 5 },
    ]);
  });

  it("a result below k suggests nothing (nothing of it was shown), a recorded 4 with good answers neither", () => {
    const hidden: DomainState = {
      status: "revealed",
      rounds: [{ round: 1, respondents: 2, ratings: { domain: { shown: false } }, items: {} }],
      consensus: null,
    };
    expect(of(hidden).suggested).toBe(false);
    // Even if a stored hidden round carried item tallies, they would not speak.
    const tampered: DomainState = { ...hidden, rounds: [{ ...hidden.rounds[0]!, items: { "safety.1": { yes: 0, no: 9, na: 0 } } }] };
    expect(of(tampered).reasons).toEqual([]);
    expect(of(recorded(4)).suggested).toBe(false);
  });

  it("the facilitator's mark decides either way", () => {
    expect(of(recorded(2, { improve: false }))).toMatchObject({ suggested: true, marked: false, needed: false });
    expect(of(recorded(4, { improve: true }))).toMatchObject({ suggested: false, marked: true, needed: true });
  });
});

describe("the mark command", () => {
  const ctx = { template: icmec, facilities: ["Own"], k: K, now: 0, ballots: () => [] };
  it("marks a topic with a result, clears the mark with null, and refuses a topic without one", () => {
    const s = initialSession(["safety", "privacy"]);
    s.domains.safety = recorded(3);
    const marked = applyCommand(s, { op: "mark", domainId: "safety", improve: true }, ctx);
    expect(marked.ok && marked.state.domains.safety!.improve).toBe(true);
    const cleared = marked.ok ? applyCommand(marked.state, { op: "mark", domainId: "safety", improve: null }, ctx) : marked;
    expect(cleared.ok && cleared.state.domains.safety!.improve).toBe(null);
    expect(applyCommand(s, { op: "mark", domainId: "privacy", improve: true }, ctx)).toEqual({
      ok: false,
      reason: "no-result-to-decide",
      vars: { topic: "privacy" },
    });
    expect(applyCommand(s, { op: "mark", domainId: "nope", improve: true }, ctx).ok).toBe(false);
    // An id that names something on every object's prototype is no topic: refused, nothing thrown.
    for (const id of ["constructor", "__proto__", "toString"])
      for (const cmd of [
        { op: "mark", domainId: id, improve: true },
        { op: "show", domainId: id },
        { op: "skip", domainId: id },
        { op: "open", domainId: id },
      ] as const)
        expect(applyCommand(s, cmd, ctx).ok, `${cmd.op} ${id}`).toBe(false);
    // Also after the end, like recording.
    const ended = applyCommand({ ...s, phase: "ended" }, { op: "mark", domainId: "safety", improve: false }, ctx);
    expect(ended.ok && ended.state.domains.safety!.improve).toBe(false);
  });
});

describe("the improvement plan", () => {
  it("lists the topics that need improvement worst first, and every action item by priority then due day", () => {
    const session = initialSession(["privacy", "communication", "safety", "conduct"]);
    session.phase = "ended";
    session.domains.privacy = {
      ...recorded(2),
      consensus: {
        values: { domain: 2 },
        notes: "",
        actions: "- Lock the files | priority: low\n- Train staff | due: 2027-02-01 | priority: high",
      },
    };
    session.domains.communication = recorded(1);
    session.domains.safety = recorded(null);
    session.domains.conduct = {
      ...recorded(4),
      consensus: { values: { domain: 4 }, notes: "", actions: "- Thank the team | due: 2027-01-15 | priority: high" },
    };
    const config = {
      roomId: "AAAAAAAAAAAAAAAAAAAAAA",
      joinCode: "ACDEFG",
      title: "Review",
      facility: "Own",
      facilities: [{ name: "Own", yours: true as const, underReview: true as const }],
      k: K,
      template: { ...icmec, domains: icmec.domains.filter((d) => ["privacy", "communication", "safety", "conduct"].includes(d.id)) },
      createdDay: "2026-11-28",
      expiresAt: 1_790_000_000_000,
    };
    const s = buildSummary({ config, session, notes: {} });
    expect(s.plan.topics.map((t) => t.domainId)).toEqual(["communication", "privacy", "safety"]);
    expect(s.plan.actions.map((a) => [a.domainId, a.text, a.priority, a.due])).toEqual([
      ["conduct", "Thank the team", "high", "2027-01-15"],
      ["privacy", "Train staff", "high", "2027-02-01"],
      ["privacy", "Lock the files", "low", null],
    ]);
  });
});
