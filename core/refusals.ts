/**
 * @module refusals
 * Why the room refuses a facilitator's command, and why the Worker's API refuses a request, as
 * codes that a page words from its own catalogue (issue 13): no English sentence of ours reaches a
 * screen, so a console in Arabic shows an Arabic refusal. The English here is for developers,
 * logs and tests only, kept in one place so a code and its meaning can't drift apart. Pure data:
 * no zod (core/protocol.ts and core/api.ts build their schemas from these lists).
 */

/**
 * Why a command is refused (core/commands.ts, and the room itself for "restarting"). A client
 * words each as its catalogue's `refusal.<reason>`, with {@link RefusalVars}.
 */
export const REFUSAL_REASONS = [
  "ended",
  "already-ended",
  "round-open",
  "no-round-open",
  "unknown-topic",
  "needs-facilities",
  "topic-twice",
  "set-too-large",
  "has-ballots",
  "not-revealed",
  "no-results",
  "topic-open",
  "consensus-recorded",
  "no-result-to-decide",
  "missing-consensus",
  "no-not-available",
  "off-scale",
  "unknown-rating",
  "timer-needs-round",
  "facilities-frozen",
  "restarting",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * A refusal's structured values. `topic` is a topic id: a page shows the topic's title in its own
 * language, never the id. `value`/`max` are numbers of a scale; `rating` a rating key.
 */
export interface RefusalVars {
  topic?: string;
  rating?: string;
  value?: number;
  max?: number;
}

export interface Refusal {
  reason: RefusalReason;
  vars?: RefusalVars;
}

/** Developers' English for a refusal (logs, tests, the error frame's `message`); never shown on a page. */
export function refusalMessage({ reason, vars = {} }: Refusal): string {
  const { topic = "?", rating = "?", value = "?", max = "?" } = vars;
  const english: Record<RefusalReason, string> = {
    ended: "the session has ended",
    "already-ended": "the session has already ended; nothing changed",
    "round-open": "close the open round first",
    "no-round-open": "no round is open",
    "unknown-topic": `no topic ${topic} in this session`,
    "needs-facilities": `add the facilities to rate before opening or recording topic ${topic}`,
    "topic-twice": `topic ${topic} is listed twice`,
    "set-too-large": "these topics' answers would not fit on a phone's connection together; open fewer topics at once",
    "has-ballots": "ballots have arrived in this round, so it can't be cancelled; close it instead (below k nothing is shown)",
    "not-revealed": "reveal a round before starting another",
    "no-results": `topic ${topic} has no results yet`,
    "topic-open": `close the round on topic ${topic} first`,
    "consensus-recorded": `topic ${topic}'s consensus is recorded; record it again to change it`,
    "no-result-to-decide": `topic ${topic} has no result to decide on yet`,
    "missing-consensus": `missing consensus for ${rating}`,
    "no-not-available": "this topic's scale has no “not available”",
    "off-scale": `consensus ${value} is off the 1–${max} scale`,
    "unknown-rating": `unknown rating ${rating}`,
    "timer-needs-round": "a timer needs an open round",
    "facilities-frozen": "the facilities can't change once their topic has opened a round: its ballots and results follow the list",
    restarting: "the room has just restarted and phones are still sending their answers again: try again in a few seconds",
  };
  return english[reason];
}

/**
 * Why the Worker's HTTP API refuses a request: the `code` of every error body (docs/design.md §7),
 * worded by a page as its catalogue's `apiError.<code>`. Field problems come with `issues` (a path
 * each); their zod texts are for developers, and a page words them by the field alone.
 */
export const API_ERROR_CODES = [
  "invalid-request",
  "malformed-json",
  "unauthorized",
  "forbidden",
  "not-found",
  "method-not-allowed",
  "too-large",
  "unsupported-media-type",
  "bad-request",
  "internal",
  "cross-origin",
  "too-many-joins",
  "misconfigured",
  "unavailable",
  "no-room",
  "wrong-key",
  "room-exists",
  "room-service-error",
  "unknown-template",
  "unknown-join-code",
  "key-required",
  "invalid-format",
  "no-free-code",
  "unknown-language",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Developers' English for each API error code: the body's `error` (kept for API clients and logs). */
export const API_ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  "invalid-request": "invalid request",
  "malformed-json": "malformed JSON",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  "not-found": "not found",
  "method-not-allowed": "method not allowed",
  "too-large": "request body too large",
  "unsupported-media-type": "content type must be application/json",
  "bad-request": "bad request",
  internal: "internal error",
  "cross-origin": "cross-origin request refused",
  "too-many-joins": "too many join attempts from this network; try again in a few seconds",
  misconfigured: "server misconfigured",
  unavailable: "room service unavailable",
  "no-room": "no such room",
  "wrong-key": "wrong facilitator key",
  "unknown-language": "unknown language",
  "room-exists": "room exists",
  "room-service-error": "room service error",
  "unknown-template": "unknown template",
  "unknown-join-code": "unknown join code",
  "key-required": "facilitator key required",
  "invalid-format": "invalid format",
  "no-free-code": "no free join code, try again",
};

export const isApiErrorCode = (x: unknown): x is ApiErrorCode => (API_ERROR_CODES as readonly unknown[]).includes(x);
export const isRefusalReason = (x: unknown): x is RefusalReason => (REFUSAL_REASONS as readonly unknown[]).includes(x);
