/**
 * One truth for a topic's result (core/topic-result.ts): the projector's end profile
 * (client/src/screens/profile.ts) and the summary's overview (core/summary/build.ts) say the same
 * of every topic after any sequence of commands, and the cases that used to split them are pinned.
 */
import { fromLegacyNames } from "../../core/facilities";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { profileRows } from "../../client/src/screens/profile";
import { applyCommand } from "../../core/commands";
import type { Ballot, Command, RatingValue } from "../../core/protocol";
import { type DocMeta, type DomainState, initialSession, type SessionState } from "../../core/session";
import { buildSummary } from "../../core/summary/build";
import type { PublicRoomConfig } from "../../core/summary/schema";
import { noResultWords } from "../../core/summary/words";
import type { Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import { ratingChange, topicOutcome } from "../../core/topic-result";

const ICMEC = getTemplate("icmec-2")!;
const DOMAINS = ["protocol", "privacy", "services-aaaq"];
const FACILITIES = ["Own clinic", "Shelter B"];
const TEMPLATE: Template = { ...ICMEC, domains: ICMEC.domains.filter((d) => DOMAINS.includes(d.id)) };
const K3 = 3;

const config = (k: number): PublicRoomConfig => ({
  roomId: "AAAAAAAAAAAAAAAAAAAAAA",
  joinCode: "ACDEFG",
  title: "One truth",
  facility: FACILITIES[0]!,
  facilities: fromLegacyNames(FACILITIES, FACILITIES[0]!),
  k,
  template: TEMPLATE,
  createdDay: "2026-11-28",
  expiresAt: 1_790_000_000_000,
});
const meta = (k: number): DocMeta => ({
  title: "One truth",
  joinCode: "ACDEFG",
  facility: FACILITIES[0]!,
  facilities: FACILITIES,
  roles: { yours: 0, underReview: 0 },
  templateId: TEMPLATE.id,
  templateVersion: TEMPLATE.version,
  domainIds: DOMAINS,
  k,
  createdDay: "2026-11-28",
});

/** What the projector draws and what the summary's overview holds, side by side, per row. */
function bothViews(session: SessionState, k: number) {
  const rows = profileRows(TEMPLATE, meta(k), session);
  const overview = buildSummary({ config: config(k), session, notes: {} }).overview;
  return rows.map((row, i) => ({ row, ov: overview[i]! }));
}

function expectAgreement(session: SessionState, k: number) {
  const pairs = bothViews(session, k);
  expect(pairs.length).toBe(buildSummary({ config: config(k), session, notes: {} }).overview.length);
  for (const { row, ov } of pairs) {
    expect(row.value?.low ?? null, row.label).toBe(ov.low);
    expect(row.value?.high ?? null, row.label).toBe(ov.high);
    const source = row.source === "recorded" ? "consensus" : row.source === "median" ? "median" : null;
    expect(source, row.label).toBe(ov.source);
  }
}

const shown = (counts: number[]) => ({ shown: true as const, counts, dontKnow: 0, notAvailable: 0 });
const state = (over: Partial<DomainState>): DomainState => ({ status: "revealed", rounds: [], consensus: null, ...over });
const sessionWith = (protocol: DomainState): SessionState => ({
  ...initialSession(DOMAINS),
  phase: "revealed",
  domainId: "protocol",
  round: protocol.rounds.length,
  domains: { ...initialSession(DOMAINS).domains, protocol },
});
const round = (n: number, ratings: DomainState["rounds"][number]["ratings"]) => ({ round: n, respondents: 5, ratings, items: {} });
const protocolRow = (s: SessionState) => bothViews(s, K3)[0]!;

describe("the cases that used to split the projector and the report", () => {
  it("a recorded 'no consensus' stays that, though the last round's median was shown", () => {
    const s = sessionWith(
      state({
        status: "recorded",
        rounds: [round(1, { domain: shown([0, 1, 3, 1, 0]) })],
        consensus: { values: { domain: null }, notes: "", actions: "" },
      }),
    );
    const { row, ov } = protocolRow(s);
    expect(row.source).toBe("no-consensus");
    expect(ov).toMatchObject({ source: null, low: null, high: null });
    const summary = buildSummary({ config: config(K3), session: s, notes: {} });
    expect(noResultWords(summary.domains.find((d) => d.id === "protocol"))).toBe("no consensus reached");
    expectAgreement(s, K3);
  });

  it("a topic stored as skipped after it was recorded (before skipping a recorded topic was refused) shows its record", () => {
    const s = sessionWith(
      state({
        status: "skipped",
        rounds: [round(1, { domain: shown([0, 1, 3, 1, 0]) })],
        consensus: { values: { domain: 4 }, notes: "", actions: "" },
      }),
    );
    expect(protocolRow(s).row).toMatchObject({ source: "recorded", value: { low: 4, high: 4 } });
    expectAgreement(s, K3);
  });

  it("a new round after a recording: the record stands until the group records again", () => {
    const s = sessionWith(
      state({
        status: "revealed",
        rounds: [round(1, { domain: shown([0, 1, 3, 1, 0]) }), round(2, { domain: shown([0, 0, 0, 4, 1]) })],
        consensus: { values: { domain: 3 }, notes: "", actions: "" },
      }),
    );
    expect(protocolRow(s).row).toMatchObject({ source: "recorded", value: { low: 3, high: 3 } });
    expectAgreement(s, K3);
  });

  it("a withheld re-vote is named as such, not as a round below the gate", () => {
    const s = sessionWith(
      state({
        rounds: [round(1, { domain: shown([0, 1, 3, 1, 0]) }), { ...round(2, { domain: { shown: false } }), withheld: "would-single-out" }],
      }),
    );
    expect(protocolRow(s).row.source).toBe("withheld");
    const summary = buildSummary({ config: config(K3), session: s, notes: {} });
    expect(noResultWords(summary.domains.find((d) => d.id === "protocol"))).toMatch(/withheld/);
    expectAgreement(s, K3);
  });

  it("'change since round' compares with the last round the rating was shown in, on screens and in the summary alike", () => {
    const rounds = [
      round(1, { domain: shown([0, 0, 5, 0, 0]) }),
      round(2, { domain: { shown: false } }),
      round(3, { domain: shown([0, 0, 0, 5, 0]) }),
    ];
    expect(ratingChange(rounds, 2, "domain", 5)).toEqual({ change: 1, from: 1, stable: false });
    expect(ratingChange(rounds, 1, "domain", 5)).toBeNull();
    expect(ratingChange(rounds, 0, "domain", 5)).toBeNull();
    const summary = buildSummary({ config: config(K3), session: sessionWith(state({ rounds })), notes: {} });
    const third = summary.domains.find((d) => d.id === "protocol")!.rounds[2]!.ratings[0]!;
    expect(third).toMatchObject({ shown: true, change: 1, changeFrom: 1, stable: false });
  });

  it("on AAAQ each facility has its own result", () => {
    const aaaq = ICMEC.domains.find((d) => d.id === "services-aaaq")!;
    const out = topicOutcome(
      TEMPLATE,
      aaaq,
      state({ rounds: [round(1, { "0": shown([0, 4, 1]), "1": { shown: false } })] }),
      FACILITIES,
      K3,
    );
    expect(out.map((o) => [o.facility, o.source])).toEqual([
      ["Own clinic", "median"],
      ["Shelter B", "hidden"],
    ]);
  });
});

describe("after any sequence of commands", () => {
  const domainArb = fc.constantFrom(...DOMAINS);
  const valueArb = fc.option(fc.integer({ min: 1, max: 3 }), { nil: null });
  const commandArb: fc.Arbitrary<Command> = fc.oneof(
    { arbitrary: domainArb.map((domainId): Command => ({ op: "open", domainId })), weight: 4 },
    { arbitrary: fc.constant<Command>({ op: "close" }), weight: 4 },
    fc.constant<Command>({ op: "cancel" }),
    { arbitrary: fc.constant<Command>({ op: "new-round" }), weight: 2 },
    domainArb.map((domainId): Command => ({ op: "show", domainId })),
    fc.record({ domainId: domainArb, v0: valueArb, v1: valueArb }).map(
      ({ domainId, v0, v1 }): Command => ({
        op: "record",
        domainId,
        consensus: domainId === "services-aaaq" ? { "0": { value: v0 }, "1": { value: v1 } } : { domain: { value: v0 } },
      }),
    ),
    domainArb.map((domainId): Command => ({ op: "skip", domainId })),
    { arbitrary: fc.constant<Command>({ op: "end" }), weight: 1 },
  );
  const ratingArb = fc.constantFrom<RatingValue>(1, 2, 3, "dk", "na");
  const ballotArb: fc.Arbitrary<Ballot> = fc
    .record({ domain: fc.constantFrom<RatingValue>(1, 2, 3, 4, 5, "dk"), f0: ratingArb, f1: ratingArb })
    .map(({ domain, f0, f1 }) => ({ roundId: "r#1", answers: {}, ratings: { domain, "0": f0, "1": f1 } }));
  const stepArb = fc.record({ cmd: commandArb, ballots: fc.array(ballotArb, { maxLength: 8 }) });

  it("the projector's profile and the summary's overview give every topic the same result", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), fc.integer({ min: 3, max: 5 }), (steps, k) => {
        let s = initialSession(DOMAINS);
        expectAgreement(s, k);
        for (const { cmd, ballots } of steps) {
          const out = applyCommand(s, cmd, { template: TEMPLATE, facilities: FACILITIES, k, now: 0, ballots: () => ballots });
          if (!out.ok) continue;
          s = out.state;
          expectAgreement(s, k);
        }
      }),
      { numRuns: 300 },
    );
  });
});
