/**
 * @module commands
 * The facilitator's commands as pure transitions of the session state. The room server applies
 * the result, persists it and fans it out; it never decides a transition itself.
 */
import { aggregateRound, ratingKeys } from "./ballots";
import { type FacilityList, facilitiesFrozen, NOT_AVAILABLE, type RecordedValue } from "./facilities";
import type { Language } from "./languages";
import type { Ballot, Command } from "./protocol";
import type { Refusal, RefusalReason, RefusalVars } from "./refusals";
import { setFits } from "./self-paced";
import { type DomainState, isOpenTopic, openRounds, openSetOf, revotedRound, roundIdOf, type SessionState, topicOf } from "./session";
import { toSecond } from "./times";
import { type Template, scaleOf } from "./template";

export interface CommandContext {
  template: Template;
  facilities: readonly string[];
  k: number;
  now: number;
  /** An open round's ballots, by round id; read only by "close" and "cancel". */
  ballots: (roundId: string) => Iterable<Ballot>;
}

export type CommandOutcome =
  | {
      ok: true;
      state: SessionState;
      /** The open round's ballots must be dropped now. */
      roundEnded: boolean;
      /**
       * A change to the room's config instead of its state: the facilities of the per-facility
       * topic ("facilities") or the session's language ("language"). `state` is then unchanged.
       */
      config?: ConfigChange;
    }
  | ({ ok: false } & Refusal);

/** The parts of the room's config a command may change after creation. */
export type ConfigChange = { facilities: FacilityList } | { lang: Language };

/** A refusal is a code and its values; the page words it (core/refusals.ts). */
const refuse = (reason: RefusalReason, vars?: RefusalVars): CommandOutcome => (vars ? { ok: false, reason, vars } : { ok: false, reason });

/** The state with no self-paced set open (the field is absent, as in the one-topic flow). */
function withoutSet(state: SessionState): SessionState {
  const { openSet: _set, ...rest } = state;
  return rest;
}

/** A topic that may open a round now, or why not: one rule for `open` and `open-set`. */
function openable(state: SessionState, domainId: string, ctx: CommandContext): { domain: DomainState } | Refusal {
  const domain = topicOf(state, domainId);
  const topic = ctx.template.domains.find((d) => d.id === domainId);
  if (!domain || !topic) return { reason: "unknown-topic", vars: { topic: domainId } };
  if (topic.rating.perFacility && ctx.facilities.length === 0) return { reason: "needs-facilities", vars: { topic: domainId } };
  return { domain };
}

function openRound(state: SessionState, domainId: string, ctx: CommandContext): CommandOutcome {
  const found = openable(state, domainId, ctx);
  if ("reason" in found) return { ok: false, ...found };
  const { domain } = found;
  const round = domain.rounds.length + 1;
  return {
    ok: true,
    roundEnded: false,
    state: {
      ...withoutSet(state),
      phase: "open",
      domainId,
      round,
      deadline: null,
      domains: { ...state.domains, [domainId]: { ...domain, status: "voting" } },
    },
  };
}

/**
 * Opens a self-paced set: every listed topic collects ballots for its next round at once, each
 * with its own round id, re-vote rule and k gate. Refused whole (nothing opens) when a topic is
 * unknown or listed twice, or when one phone's ballots for all of them could not be held together
 * in its socket's attachment.
 */
function openSet(state: SessionState, domainIds: readonly string[], ctx: CommandContext): CommandOutcome {
  const seen = new Set<string>();
  const domains = { ...state.domains };
  const rounds: { domainId: string; roundId: string }[] = [];
  for (const id of domainIds) {
    const found = openable(state, id, ctx);
    if ("reason" in found) return { ok: false, ...found };
    const { domain } = found;
    if (seen.has(id)) return refuse("topic-twice", { topic: id });
    seen.add(id);
    rounds.push({ domainId: id, roundId: roundIdOf(id, domain.rounds.length + 1) });
    domains[id] = { ...domain, status: "voting" };
  }
  if (!setFits(ctx.template, rounds)) {
    return refuse("set-too-large");
  }
  return {
    ok: true,
    roundEnded: false,
    state: { ...state, phase: "open", domainId: null, round: 0, deadline: null, openSet: [...domainIds], domains },
  };
}

/**
 * Closes every open round at once: each topic's aggregate (its own k gate and re-vote rule) is
 * stored and its ballots go. A set's first topic comes on screen; the others are shown one by one.
 */
function closeRounds(state: SessionState, ctx: CommandContext): CommandOutcome {
  const open = openRounds(state);
  if (open.length === 0) return refuse("no-round-open");
  const domains = { ...state.domains };
  for (const { domainId, round, roundId } of open) {
    const domain = ctx.template.domains.find((d) => d.id === domainId);
    const domainState = topicOf(state, domainId);
    if (!domain || !domainState) return refuse("unknown-topic", { topic: domainId });
    const revoted = revotedRound(state, { domainId, round }) ?? null;
    const result = aggregateRound(ctx.template, domain, ctx.facilities, ctx.ballots(roundId), ctx.k, round, revoted);
    domains[domainId] = { ...domainState, status: "revealed", rounds: [...domainState.rounds, result] };
  }
  const first = open[0]!;
  return {
    ok: true,
    roundEnded: true,
    state: { ...withoutSet(state), phase: "revealed", domainId: first.domainId, round: first.round, deadline: null, domains },
  };
}

/**
 * Takes back an open round that no ballot has reached: the topic is as it was before the open
 * (its earlier rounds, its recorded consensus), and the round's number is free again. A round
 * with ballots is closed instead, never cancelled: no ballot is ever dropped unseen.
 */
function cancelRound(state: SessionState, ctx: CommandContext): CommandOutcome {
  const open = openRounds(state);
  if (open.length === 0) return refuse("no-round-open");
  if (open.some(({ roundId }) => !ctx.ballots(roundId)[Symbol.iterator]().next().done)) {
    return refuse("has-ballots");
  }
  const domains = { ...state.domains };
  for (const { domainId } of open) {
    const domainState = topicOf(state, domainId)!;
    const rounds = domainState.rounds.length;
    domains[domainId] = { ...domainState, status: domainState.consensus ? "recorded" : rounds > 0 ? "revealed" : "pending" };
  }
  // One topic goes back to its last result on screen; a cancelled set leaves nothing on screen.
  const single = openSetOf(state).length === 0 ? open[0]!.domainId : null;
  const rounds = single ? domains[single]!.rounds.length : 0;
  return {
    ok: true,
    roundEnded: true,
    state: {
      ...withoutSet(state),
      phase: rounds > 0 ? "revealed" : "lobby",
      domainId: rounds > 0 ? single : null,
      round: rounds,
      deadline: null,
      domains,
    },
  };
}

function record(state: SessionState, cmd: Extract<Command, { op: "record" }>, ctx: CommandContext): CommandOutcome {
  const domain = ctx.template.domains.find((d) => d.id === cmd.domainId);
  const domainState = topicOf(state, cmd.domainId);
  if (!domain || !domainState) return refuse("unknown-topic", { topic: cmd.domainId });
  if (isOpenTopic(state, cmd.domainId)) return refuse("topic-open", { topic: cmd.domainId });
  // Nothing to record a value for, and recording would freeze the (empty) list for good.
  if (domain.rating.perFacility && ctx.facilities.length === 0) return refuse("needs-facilities", { topic: cmd.domainId });
  const keys = ratingKeys(domain, ctx.facilities);
  const scale = scaleOf(ctx.template, domain);
  const K = scale.points.length;
  const values: Record<string, RecordedValue> = {};
  for (const key of keys) {
    const entry = cmd.consensus[key];
    if (!entry) return refuse("missing-consensus", { rating: key });
    if (entry.value === NOT_AVAILABLE) {
      if (!scale.notAvailableLabel) return refuse("no-not-available");
    } else if (entry.value !== null && entry.value > K) return refuse("off-scale", { value: entry.value, max: K });
    values[key] = entry.value;
  }
  const extra = Object.keys(cmd.consensus).find((key) => !keys.includes(key));
  if (extra) return refuse("unknown-rating", { rating: extra });
  const consensus = { values, notes: cmd.notes ?? "", actions: cmd.actions ?? "" };
  return {
    ok: true,
    roundEnded: false,
    state: { ...state, domains: { ...state.domains, [cmd.domainId]: { ...domainState, status: "recorded", consensus } } },
  };
}

/** Apply one facilitator command, or say why it can't be applied now (a code the console words). */
export function applyCommand(state: SessionState, cmd: Command, ctx: CommandContext): CommandOutcome {
  const ended = state.phase === "ended";
  const isOpen = state.phase === "open";
  switch (cmd.op) {
    case "open":
      if (ended) return refuse("ended");
      if (isOpen) return refuse("round-open");
      return openRound(state, cmd.domainId, ctx);
    case "open-set":
      if (ended) return refuse("ended");
      if (isOpen) return refuse("round-open");
      return openSet(state, cmd.domainIds, ctx);
    case "close":
      return closeRounds(state, ctx);
    case "cancel":
      return cancelRound(state, ctx);
    case "new-round":
      if (state.phase !== "revealed" || !state.domainId) return refuse("not-revealed");
      return openRound(state, state.domainId, ctx);
    case "show": {
      const domain = topicOf(state, cmd.domainId);
      if (!domain) return refuse("unknown-topic", { topic: cmd.domainId });
      if (isOpen) return refuse("round-open");
      if (domain.rounds.length === 0) return refuse("no-results", { topic: cmd.domainId });
      const round = domain.rounds.length;
      return { ok: true, roundEnded: false, state: { ...state, domainId: cmd.domainId, round, phase: ended ? "ended" : "revealed" } };
    }
    case "record":
      return record(state, cmd, ctx);
    case "skip": {
      const domain = topicOf(state, cmd.domainId);
      if (!domain) return refuse("unknown-topic", { topic: cmd.domainId });
      if (isOpenTopic(state, cmd.domainId)) return refuse("topic-open", { topic: cmd.domainId });
      // What the group recorded stays its result (core/topic-result.ts); skipping can't hide it.
      if (domain.consensus) return refuse("consensus-recorded", { topic: cmd.domainId });
      return {
        ok: true,
        roundEnded: false,
        state: { ...state, domains: { ...state.domains, [cmd.domainId]: { ...domain, status: "skipped" } } },
      };
    }
    case "mark": {
      const domain = topicOf(state, cmd.domainId);
      if (!domain) return refuse("unknown-topic", { topic: cmd.domainId });
      // Decided in discussion of a result: like recording, also after the end.
      if (domain.rounds.length === 0 && !domain.consensus) return refuse("no-result-to-decide", { topic: cmd.domainId });
      return {
        ok: true,
        roundEnded: false,
        state: { ...state, domains: { ...state.domains, [cmd.domainId]: { ...domain, improve: cmd.improve } } },
      };
    }
    case "lock":
      if (ended) return refuse("ended");
      return { ok: true, roundEnded: false, state: { ...state, locked: cmd.locked } };
    case "auto-close":
      return { ok: true, roundEnded: false, state: { ...state, autoClose: cmd.enabled } };
    case "timer":
      if (!isOpen) return refuse("timer-needs-round");
      return {
        ok: true,
        roundEnded: false,
        state: { ...state, deadline: cmd.seconds === null ? null : toSecond(ctx.now + cmd.seconds * 1000) },
      };
    case "headcount":
      return { ok: true, roundEnded: false, state: { ...state, headcount: cmd.count } };
    case "facilities": {
      // facilitiesFrozen's own sentence is for developers; the console words the code.
      if (facilitiesFrozen(ctx.template, state)) return refuse(ended ? "ended" : "facilities-frozen");
      return { ok: true, roundEnded: false, state, config: { facilities: cmd.facilities } };
    }
    case "language":
      return { ok: true, roundEnded: false, state, config: { lang: cmd.lang } };
    case "end":
      // Ending is done once: a repeated end must not recompute anything (perspectives, §3.10).
      if (ended) return refuse("already-ended");
      if (isOpen) return refuse("round-open");
      return { ok: true, roundEnded: false, state: { ...state, phase: "ended", locked: true, deadline: null } };
  }
}
