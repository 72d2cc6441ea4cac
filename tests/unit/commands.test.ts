import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateRound } from "../../core/ballots";
import { applyCommand, type CommandContext, type CommandOutcome } from "../../core/commands";
import type { Ballot, Command, RatingValue } from "../../core/protocol";
import { REFUSAL_REASONS, refusalMessage } from "../../core/refusals";
import { initialSession, roundIdOf, SessionStateSchema, type SessionState } from "../../core/session";
import type { Domain, Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";

function template(id: string): Template {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}
function domainOf(t: Template, id: string): Domain {
  const d = t.domains.find((x) => x.id === id);
  if (!d) throw new Error(`no domain ${id}`);
  return d;
}
const workshop = template("workshop-check");
const icmec = template("icmec-2");
const NOW = 1_700_000_000_000;

const ballot = (rating: RatingValue, answers: Ballot["answers"] = {}): Ballot => ({
  roundId: "preparation#1",
  answers,
  ratings: { domain: rating },
});

function ctxFor(over: Partial<CommandContext> = {}): CommandContext {
  return { template: workshop, facilities: ["Own"], k: 3, now: NOW, ballots: () => [], ...over };
}

function ok(state: SessionState, cmd: Command, ctx: CommandContext = ctxFor()): Extract<CommandOutcome, { ok: true }> {
  const out = applyCommand(state, cmd, ctx);
  if (!out.ok) throw new Error(`refused ${cmd.op}: ${out.reason}`);
  // every accepted transition yields a state that is safe to persist
  expect(() => SessionStateSchema.parse(out.state)).not.toThrow();
  return out;
}
function refused(state: SessionState, cmd: Command, ctx: CommandContext = ctxFor()): string {
  const out = applyCommand(state, cmd, ctx);
  if (out.ok) throw new Error(`expected ${cmd.op} to be refused`);
  return out.reason;
}
/** Applies commands in order, each of which must be accepted. */
function run(state: SessionState, cmds: Command[], ctx: CommandContext = ctxFor()): SessionState {
  return cmds.reduce((s, c) => ok(s, c, ctx).state, state);
}

const fresh = () => initialSession(["preparation", "follow-up"]);
const openPrep: Command = { op: "open", domainId: "preparation" };
const close: Command = { op: "close" };

describe("initialSession", () => {
  it("starts in the lobby with every domain pending and nothing recorded", () => {
    const s = fresh();
    expect(s).toEqual({
      phase: "lobby",
      domainId: null,
      round: 0,
      locked: false,
      autoClose: false,
      deadline: null,
      issued: 0,
      domains: {
        preparation: { status: "pending", rounds: [], consensus: null },
        "follow-up": { status: "pending", rounds: [], consensus: null },
      },
      perspectives: [],
      headcount: null,
    });
    expect(() => SessionStateSchema.parse(s)).not.toThrow();
  });

  it("roundIdOf names the domain and the round", () => {
    expect(roundIdOf("preparation", 2)).toBe("preparation#2");
    expect(roundIdOf("preparation", 1)).not.toBe(roundIdOf("preparation", 2));
  });
});

describe("applyCommand", () => {
  describe("open", () => {
    it("opens round 1 of the domain and marks it voting", () => {
      const s = fresh();
      const before = structuredClone(s);
      const out = ok(s, openPrep);
      expect(out.roundEnded).toBe(false);
      expect(out.state).toMatchObject({ phase: "open", domainId: "preparation", round: 1, deadline: null });
      expect(out.state.domains.preparation?.status).toBe("voting");
      expect(out.state.domains["follow-up"]?.status).toBe("pending");
      // pure: the input state is untouched
      expect(s).toEqual(before);
    });

    it("refuses a domain that is not in the session", () => {
      expect(refused(fresh(), { op: "open", domainId: "safety" })).toBe("unknown-topic");
    });

    it("refuses while a round is open, for the same or another domain", () => {
      const s = ok(fresh(), openPrep).state;
      expect(refused(s, openPrep)).toBe("round-open");
      expect(refused(s, { op: "open", domainId: "follow-up" })).toBe("round-open");
    });

    it("re-opening a domain that has rounds starts the next round", () => {
      const s = run(fresh(), [openPrep, close, { op: "open", domainId: "follow-up" }, close, openPrep]);
      expect(s.round).toBe(2);
      expect(s.domainId).toBe("preparation");
      expect(s.domains.preparation?.rounds).toHaveLength(1);
    });
  });

  describe("close", () => {
    it("aggregates the open round's ballots via ctx.ballots, reveals, and says the ballots must go", () => {
      const ballots = [ballot(1, { "preparation.1": "yes" }), ballot(3, { "preparation.1": "no" }), ballot(3), ballot("dk")];
      let reads = 0;
      const ctx = ctxFor({
        ballots: () => {
          reads++;
          return ballots;
        },
      });
      const open = ok(fresh(), openPrep, ctx).state;
      expect(reads).toBe(0);
      const out = ok(open, close, ctx);
      expect(reads).toBe(1);
      expect(out.roundEnded).toBe(true);
      expect(out.state.phase).toBe("revealed");
      expect(out.state.domainId).toBe("preparation");
      expect(out.state.deadline).toBeNull();
      const d = out.state.domains.preparation;
      expect(d?.status).toBe("revealed");
      expect(d?.rounds).toEqual([aggregateRound(workshop, domainOf(workshop, "preparation"), ["Own"], ballots, 3, 1)]);
      expect(d?.rounds[0]).toEqual({
        round: 1,
        respondents: 4,
        ratings: { domain: { shown: true, counts: [1, 0, 2], dontKnow: 1, notAvailable: 0 } },
        items: {},
      });
    });

    it("applies the room's k (hidden below it)", () => {
      const ctx = ctxFor({ k: 5, ballots: () => [ballot(1), ballot(2), ballot(2), ballot(3)] });
      const s = run(fresh(), [openPrep, close], ctx);
      expect(s.domains.preparation?.rounds[0]?.ratings.domain).toStrictEqual({ shown: false });
      expect(s.domains.preparation?.rounds[0]?.respondents).toBe(4);
    });

    it("refuses when no round is open", () => {
      expect(refused(fresh(), close)).toBe("no-round-open");
      const revealed = run(fresh(), [openPrep, close]);
      expect(refused(revealed, close)).toBe("no-round-open");
    });

    it("clears a running timer", () => {
      const s = run(fresh(), [openPrep, { op: "timer", seconds: 60 }]);
      expect(s.deadline).not.toBeNull();
      expect(ok(s, close).state.deadline).toBeNull();
    });
  });

  describe("new-round", () => {
    it("opens the next round of the revealed domain; it starts empty and keeps the earlier aggregate", () => {
      const first = [ballot(1), ballot(2), ballot(3)];
      const revealed = run(fresh(), [openPrep, close], ctxFor({ ballots: () => first }));
      const out = ok(revealed, { op: "new-round" });
      expect(out.roundEnded).toBe(false);
      expect(out.state).toMatchObject({ phase: "open", domainId: "preparation", round: 2, deadline: null });
      expect(out.state.domains.preparation?.status).toBe("voting");
      expect(out.state.domains.preparation?.rounds).toHaveLength(1);
      expect(roundIdOf("preparation", out.state.round)).toBe("preparation#2");

      // Closing the new round aggregates only what ctx hands over now: nothing from round 1.
      const closed = ok(out.state, close, ctxFor({ ballots: () => [] })).state;
      const rounds = closed.domains.preparation?.rounds ?? [];
      expect(rounds.map((r) => r.round)).toEqual([1, 2]);
      expect(rounds[0]?.respondents).toBe(3);
      expect(rounds[1]).toEqual({ round: 2, respondents: 0, ratings: { domain: { shown: false } }, items: {} });
    });

    it("is refused in the lobby, while open and after the end", () => {
      expect(refused(fresh(), { op: "new-round" })).toBe("not-revealed");
      expect(refused(ok(fresh(), openPrep).state, { op: "new-round" })).toBe("not-revealed");
      expect(refused(run(fresh(), [openPrep, close, { op: "end" }]), { op: "new-round" })).toBe("not-revealed");
    });
  });

  describe("record", () => {
    const revealed = () => run(fresh(), [openPrep, close]);

    it("stores the value, notes and actions and marks the domain recorded", () => {
      const s = revealed();
      const out = ok(s, {
        op: "record",
        domainId: "preparation",
        consensus: { domain: { value: 2 } },
        notes: "Agenda came late",
        actions: "Send agenda a week ahead",
      });
      expect(out.roundEnded).toBe(false);
      expect(out.state.phase).toBe("revealed");
      expect(out.state.domains.preparation).toEqual({
        status: "recorded",
        rounds: s.domains.preparation?.rounds,
        consensus: { values: { domain: 2 }, notes: "Agenda came late", actions: "Send agenda a week ahead" },
      });
    });

    it("defaults notes and actions to empty and accepts 'no consensus' (null)", () => {
      const out = ok(revealed(), { op: "record", domainId: "preparation", consensus: { domain: { value: null } } });
      expect(out.state.domains.preparation?.consensus).toEqual({ values: { domain: null }, notes: "", actions: "" });
    });

    it("refuses a value off the domain's scale", () => {
      expect(refused(revealed(), { op: "record", domainId: "preparation", consensus: { domain: { value: 4 } } })).toBe("off-scale");
      expect(ok(revealed(), { op: "record", domainId: "preparation", consensus: { domain: { value: 3 } } }).ok).toBe(true);
    });

    it("refuses a missing or an unknown rating key", () => {
      expect(refused(revealed(), { op: "record", domainId: "preparation", consensus: {} })).toBe("missing-consensus");
      expect(refused(revealed(), { op: "record", domainId: "preparation", consensus: { domain: { value: 2 }, "0": { value: 2 } } })).toBe(
        "unknown-rating",
      );
    });

    it("refuses with a code and the values the console words it with, never a sentence", () => {
      expect(applyCommand(revealed(), { op: "record", domainId: "nope", consensus: { domain: { value: 2 } } }, ctxFor())).toEqual({
        ok: false,
        reason: "unknown-topic",
        vars: { topic: "nope" },
      });
      expect(applyCommand(revealed(), { op: "record", domainId: "preparation", consensus: { domain: { value: 4 } } }, ctxFor())).toEqual({
        ok: false,
        reason: "off-scale",
        vars: { value: 4, max: 3 },
      });
      expect(applyCommand(fresh(), { op: "close" }, ctxFor())).toEqual({ ok: false, reason: "no-round-open" });
    });

    it("refuses a domain not in the session", () => {
      expect(refused(revealed(), { op: "record", domainId: "nope", consensus: { domain: { value: 2 } } })).toBe("unknown-topic");
    });

    it("refuses while that domain's round is open, allows another domain meanwhile", () => {
      const open = ok(fresh(), openPrep).state;
      expect(refused(open, { op: "record", domainId: "preparation", consensus: { domain: { value: 2 } } })).toBe("topic-open");
      const other = ok(open, { op: "record", domainId: "follow-up", consensus: { domain: { value: 1 } } }).state;
      expect(other.phase).toBe("open");
      expect(other.domains.preparation?.status).toBe("voting");
      expect(other.domains["follow-up"]?.status).toBe("recorded");
    });

    it("needs one entry per facility on the AAAQ domain, on its 3-point scale", () => {
      const ctx: CommandContext = { template: icmec, facilities: ["Own", "Hospital"], k: 5, now: NOW, ballots: () => [] };
      const s = initialSession(["protocol", "services-aaaq"]);
      const rec = (consensus: Record<string, { value: number | null }>): Command => ({
        op: "record",
        domainId: "services-aaaq",
        consensus,
      });
      expect(refused(s, rec({ domain: { value: 2 } }), ctx)).toBe("missing-consensus");
      expect(refused(s, rec({ "0": { value: 2 } }), ctx)).toBe("missing-consensus");
      expect(refused(s, rec({ "0": { value: 4 }, "1": { value: 1 } }), ctx)).toBe("off-scale");
      expect(refused(s, rec({ "0": { value: 3 }, "1": { value: 1 }, "2": { value: 1 } }), ctx)).toBe("unknown-rating");
      const out = ok(s, rec({ "0": { value: 3 }, "1": { value: null } }), ctx);
      expect(out.state.domains["services-aaaq"]?.consensus?.values).toEqual({ "0": 3, "1": null });
      // likert5 elsewhere in the same template accepts 5
      expect(ok(s, { op: "record", domainId: "protocol", consensus: { domain: { value: 5 } } }, ctx).ok).toBe(true);
    });
  });

  describe("skip", () => {
    it("marks the domain skipped", () => {
      const out = ok(fresh(), { op: "skip", domainId: "follow-up" });
      expect(out.state.domains["follow-up"]?.status).toBe("skipped");
      expect(out.state.phase).toBe("lobby");
    });

    it("refuses the domain whose round is open, and an unknown domain", () => {
      const open = ok(fresh(), openPrep).state;
      expect(refused(open, { op: "skip", domainId: "preparation" })).toBe("topic-open");
      expect(ok(open, { op: "skip", domainId: "follow-up" }).state.domains["follow-up"]?.status).toBe("skipped");
      expect(refused(fresh(), { op: "skip", domainId: "nope" })).toBe("unknown-topic");
    });

    it("refuses a recorded topic: what the group recorded stays its result", () => {
      const recorded = run(fresh(), [openPrep, close, { op: "record", domainId: "preparation", consensus: { domain: { value: 2 } } }]);
      expect(refused(recorded, { op: "skip", domainId: "preparation" })).toBe("consensus-recorded");
      expect(recorded.domains.preparation?.status).toBe("recorded");
    });
  });

  describe("cancel", () => {
    const cancel: Command = { op: "cancel" };

    it("takes back an open round no ballot has reached, without a trace", () => {
      const before = fresh();
      const open = ok(before, openPrep).state;
      const out = ok(open, cancel);
      expect(out.roundEnded).toBe(true);
      expect(out.state).toEqual(before);
      // the round's number is free again: the next open is round 1 once more
      expect(ok(out.state, openPrep).state.round).toBe(1);
    });

    it("after earlier rounds, goes back to the last one's result; a recorded topic stays recorded", () => {
      const ctx = ctxFor({ ballots: () => [ballot(2), ballot(3), ballot(3)] });
      const recorded = run(fresh(), [openPrep, close, { op: "record", domainId: "preparation", consensus: { domain: { value: 3 } } }], ctx);
      const reopened = ok(recorded, { op: "new-round" }).state;
      const back = ok(reopened, cancel).state;
      expect(back.phase).toBe("revealed");
      expect(back.domainId).toBe("preparation");
      expect(back.round).toBe(1);
      expect(back.domains.preparation).toEqual(recorded.domains.preparation);
    });

    it("refuses a round with a ballot in it (no ballot is dropped unseen), and when nothing is open", () => {
      const open = ok(fresh(), openPrep).state;
      expect(refused(open, cancel, ctxFor({ ballots: () => [ballot(3)] }))).toBe("has-ballots");
      expect(refused(fresh(), cancel)).toBe("no-round-open");
      expect(refused(ok(open, close).state, cancel)).toBe("no-round-open");
    });
  });

  describe("lock, auto-close, timer", () => {
    it("lock sets and clears joining lock", () => {
      const locked = ok(fresh(), { op: "lock", locked: true }).state;
      expect(locked.locked).toBe(true);
      expect(ok(locked, { op: "lock", locked: false }).state.locked).toBe(false);
    });

    it("auto-close toggles", () => {
      const on = ok(fresh(), { op: "auto-close", enabled: true }).state;
      expect(on.autoClose).toBe(true);
      expect(ok(on, { op: "auto-close", enabled: false }).state.autoClose).toBe(false);
    });

    it("timer sets deadline = now + seconds·1000 on an open round, null clears it", () => {
      const open = ok(fresh(), openPrep).state;
      const timed = ok(open, { op: "timer", seconds: 90 }, ctxFor({ now: NOW })).state;
      expect(timed.deadline).toBe(NOW + 90_000);
      expect(timed.phase).toBe("open");
      expect(ok(timed, { op: "timer", seconds: null }).state.deadline).toBeNull();
    });

    it("timer needs an open round", () => {
      expect(refused(fresh(), { op: "timer", seconds: 60 })).toBe("timer-needs-round");
      expect(refused(run(fresh(), [openPrep, close]), { op: "timer", seconds: 60 })).toBe("timer-needs-round");
    });
  });

  describe("end and show", () => {
    it("end is refused while a round is open", () => {
      expect(refused(ok(fresh(), openPrep).state, { op: "end" })).toBe("round-open");
    });

    it("end locks joining and clears the deadline; afterwards nothing can be opened or locked", () => {
      const ended = run(fresh(), [openPrep, close, { op: "end" }]);
      expect(ended).toMatchObject({ phase: "ended", locked: true, deadline: null });
      expect(refused(ended, openPrep)).toBe("ended");
      expect(refused(ended, { op: "open", domainId: "follow-up" })).toBe("ended");
      expect(refused(ended, { op: "lock", locked: false })).toBe("ended");
      expect(refused(ended, close)).toBe("no-round-open");
    });

    it("the head-count is the facilitator's to set and clear, in any phase", () => {
      const counted = ok(fresh(), { op: "headcount", count: 12 }).state;
      expect(counted.headcount).toBe(12);
      expect(ok(counted, { op: "headcount", count: null }).state.headcount).toBeNull();
      expect(ok(run(fresh(), [openPrep, close, { op: "end" }]), { op: "headcount", count: 3 }).state.headcount).toBe(3);
    });

    it("a second end is refused and changes nothing (perspectives are released once)", () => {
      const ended = run(fresh(), [openPrep, close, { op: "end" }]);
      expect(refused(ended, { op: "end" })).toBe("already-ended");
    });

    it("show puts an earlier domain on screen without opening voting", () => {
      const s = run(fresh(), [openPrep, close, { op: "open", domainId: "follow-up" }, close]);
      const out = ok(s, { op: "show", domainId: "preparation" });
      expect(out.roundEnded).toBe(false);
      expect(out.state.phase).toBe("revealed");
      expect(out.state.domainId).toBe("preparation");
      expect(out.state.domains).toEqual(s.domains);
    });

    it("show is refused while open and for an unknown domain; after the end it keeps the session ended", () => {
      expect(refused(ok(fresh(), openPrep).state, { op: "show", domainId: "follow-up" })).toBe("round-open");
      expect(refused(fresh(), { op: "show", domainId: "nope" })).toBe("unknown-topic");
      const ended = run(fresh(), [openPrep, close, { op: "end" }]);
      const shown = ok(ended, { op: "show", domainId: "preparation" }).state;
      expect(shown.phase).toBe("ended");
      expect(shown.domainId).toBe("preparation");
    });
  });

  describe("model (fast-check): random command sequences", () => {
    const DOMAINS = ["protocol", "services-aaaq", "preparation-free", "privacy"] as const;
    // "preparation-free" is not in the session: commands naming it must be refused
    const SESSION_DOMAINS = ["protocol", "services-aaaq", "privacy"];
    const FACILITIES = ["Own", "Hospital"];
    const domainArb = fc.constantFrom(...DOMAINS);
    const value = fc.option(fc.integer({ min: 1, max: 6 }), { nil: null });
    const consensusArb = fc.dictionary(
      fc.constantFrom("domain", "0", "1", "2"),
      value.map((v) => ({ value: v })),
      {
        maxKeys: 4,
      },
    );
    const commandArb: fc.Arbitrary<Command> = fc.oneof(
      { arbitrary: domainArb.map((domainId): Command => ({ op: "open", domainId })), weight: 4 },
      { arbitrary: fc.constant<Command>({ op: "close" }), weight: 4 },
      fc.constant<Command>({ op: "cancel" }),
      { arbitrary: fc.constant<Command>({ op: "new-round" }), weight: 2 },
      domainArb.map((domainId): Command => ({ op: "show", domainId })),
      fc
        .record({ domainId: domainArb, consensus: consensusArb, notes: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) })
        .map(
          ({ domainId, consensus, notes }): Command =>
            notes === undefined ? { op: "record", domainId, consensus } : { op: "record", domainId, consensus, notes },
        ),
      domainArb.map((domainId): Command => ({ op: "skip", domainId })),
      fc.boolean().map((locked): Command => ({ op: "lock", locked })),
      fc.boolean().map((enabled): Command => ({ op: "auto-close", enabled })),
      fc.option(fc.integer({ min: 10, max: 3600 }), { nil: null }).map((seconds): Command => ({ op: "timer", seconds })),
      { arbitrary: fc.constant<Command>({ op: "end" }), weight: 1 },
    );
    const ratingArb = fc.constantFrom<RatingValue>(1, 2, 3, "dk", "na");
    // ballots as the room would hand them over after checkBallot: keys of every kind, values on a 3-point scale
    const ballotArb: fc.Arbitrary<Ballot> = fc
      .record({
        domain: ratingArb.filter((v) => v !== "na"),
        f0: ratingArb,
        f1: ratingArb,
        answer: fc.constantFrom("yes" as const, "no" as const, "na" as const),
      })
      .map(({ domain, f0, f1, answer }) => ({
        roundId: "r#1",
        answers: { "protocol.1": answer, "privacy.1": answer },
        ratings: { domain, "0": f0, "1": f1 },
      }));
    const stepArb = fc.record({
      cmd: commandArb,
      ballots: fc.array(ballotArb, { maxLength: 8 }),
      now: fc.integer({ min: 0, max: 2 ** 45 }),
    });

    it("never produces a state that fails SessionStateSchema, and rounds grow by exactly one per close", () => {
      fc.assert(
        fc.property(fc.array(stepArb, { maxLength: 40 }), fc.integer({ min: 3, max: 6 }), (steps, k) => {
          let state = initialSession(SESSION_DOMAINS);
          for (const { cmd, ballots, now } of steps) {
            const before = structuredClone(state);
            const out = applyCommand(state, cmd, { template: icmec, facilities: FACILITIES, k, now, ballots: () => ballots });
            // pure: never mutates its input
            expect(state).toEqual(before);
            if (!out.ok) {
              expect(REFUSAL_REASONS).toContain(out.reason);
              expect(refusalMessage(out).length).toBeGreaterThan(0);
              continue;
            }
            const next = out.state;
            expect(() => SessionStateSchema.parse(next)).not.toThrow();
            expect(out.roundEnded).toBe(cmd.op === "close" || cmd.op === "cancel");
            if (cmd.op === "cancel") expect(ballots).toEqual([]);
            expect(Object.keys(next.domains).sort()).toEqual([...SESSION_DOMAINS].sort());

            for (const id of SESSION_DOMAINS) {
              const was = before.domains[id]?.rounds ?? [];
              const now_ = next.domains[id]?.rounds ?? [];
              const grew = cmd.op === "close" && before.domainId === id ? 1 : 0;
              expect(now_.length).toBe(was.length + grew);
              // earlier aggregates are never rewritten
              expect(now_.slice(0, was.length)).toEqual(was);
              // rounds are numbered 1, 2, 3, …
              expect(now_.map((r) => r.round)).toEqual(now_.map((_, i) => i + 1));
            }
            if (cmd.op === "close") {
              const added = next.domains[before.domainId ?? ""]?.rounds.at(-1);
              expect(added?.respondents).toBe(ballots.length);
            }

            // only the on-screen domain may be voting, and only while the phase is open
            const voting = Object.entries(next.domains)
              .filter(([, d]) => d.status === "voting")
              .map(([id]) => id);
            if (next.phase === "open") {
              expect(voting).toEqual([next.domainId]);
              expect(next.round).toBe((next.domains[next.domainId ?? ""]?.rounds.length ?? -1) + 1);
            } else {
              expect(voting).toEqual([]);
              expect(next.deadline).toBeNull();
            }
            // the end is final
            if (before.phase === "ended") expect(next.phase).toBe("ended");
            if (next.phase === "ended") expect(next.locked).toBe(true);
            state = next;
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe("stored times are no finer than the feature needs (core/times.ts)", () => {
  it("a countdown's end is rounded up to the second; retention's to the hour (1/24 of a retention day)", async () => {
    const { retentionEnd, toSecond } = await import("../../core/times");
    const s = run(fresh(), [openPrep], ctxFor({ now: 1_700_000_000_123 }));
    const timed = ok(s, { op: "timer", seconds: 60 }, ctxFor({ now: 1_700_000_000_123 })).state;
    expect(timed.deadline).toBe(1_700_000_061_000);
    expect(toSecond(1_700_000_061_000)).toBe(1_700_000_061_000);
    const day = 86_400_000;
    const end = retentionEnd(1_700_000_000_123, 30, day);
    expect(end % 3_600_000).toBe(0);
    expect(end).toBeGreaterThanOrEqual(1_700_000_000_123 + 30 * day);
    expect(end - (1_700_000_000_123 + 30 * day)).toBeLessThan(3_600_000);
  });
});
