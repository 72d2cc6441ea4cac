/**
 * @module party-client
 * The Worker's server-to-server calls into PartyKit: the join-code directory
 * (`/parties/codes/:code`) and the rooms (`/parties/main/:roomId`). Every call carries the shared
 * secret in {@link PARTY_SECRET_HEADER}, and is retried when the connection fails, because the local
 * `partykit dev` server drops kept-alive connections (DESIGN §6).
 */
import {
  JoinResponseSchema,
  PARTY_SECRET_HEADER,
  type CodeRequest,
  type JoinResponse,
  type RoomConfig,
  type RoomRequest,
} from "../core/api";
import type { Settings } from "./env";
import { ApiError } from "./errors";

/** Waits between attempts after a failed connection: 3 retries, 4 attempts in all. */
export const RETRY_DELAYS_MS = [50, 150, 400] as const;
/** One attempt may take this long; a server that hangs is not retried (it may have acted). */
const ATTEMPT_TIMEOUT_MS = 10_000;

type PartyName = "codes" | "main";

const unavailable = () => new ApiError(503, "room service unavailable");
const badAnswer = (status: number) => (status >= 500 ? unavailable() : new ApiError(502, "room service error"));

/**
 * POSTs `body` to a PartyKit room and returns its response, whatever the status. Throws a 503
 * {@link ApiError} when no secret is configured or the server can't be reached.
 */
export async function callParty(
  settings: Settings,
  party: PartyName,
  room: string,
  body: CodeRequest | RoomRequest,
): Promise<Response> {
  if (!settings.partySecret) throw new ApiError(503, "room service not configured");
  const url = `${settings.partyUrl}/parties/${party}/${encodeURIComponent(room)}`;
  const init = {
    method: "POST",
    headers: { "content-type": "application/json", [PARTY_SECRET_HEADER]: settings.partySecret },
    body: JSON.stringify(body),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      const delay = RETRY_DELAYS_MS[attempt];
      if (timedOut || delay === undefined) throw unavailable();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Lets the connection go back to the pool without reading a body we don't need. */
async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // already consumed or closed: nothing to free
  }
}

/**
 * Claims `code` for a room until `expiresAt`. Resolves `false` when another room holds it
 * (409), so the caller can draw another code.
 */
export async function claimCode(
  settings: Settings,
  code: string,
  claim: { roomId: string; title: string; k: number; expiresAt: number },
): Promise<boolean> {
  const res = await callParty(settings, "codes", code, { op: "claim", ...claim });
  await discard(res);
  if (res.status === 200 || res.status === 201) return true;
  if (res.status === 409) return false;
  throw badAnswer(res.status);
}

/** Frees a code claimed for a room that could not be created. Best effort: never throws. */
export async function releaseCode(settings: Settings, code: string, roomId: string): Promise<void> {
  try {
    await discard(await callParty(settings, "codes", code, { op: "release", roomId }));
  } catch {
    // the claim expires with the room's retention anyway
  }
}

/** The room behind a join code, or `null` when the code is unknown or expired. */
export async function lookupCode(settings: Settings, code: string): Promise<JoinResponse | null> {
  const res = await callParty(settings, "codes", code, { op: "lookup" });
  if (res.status === 404) {
    await discard(res);
    return null;
  }
  if (res.status !== 200) {
    await discard(res);
    throw badAnswer(res.status);
  }
  const parsed = JoinResponseSchema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw badAnswer(res.status);
  return parsed.data;
}

/** Creates a room with its config (which holds the key's hash, never the key). */
export async function createRoom(settings: Settings, config: RoomConfig): Promise<void> {
  const res = await callParty(settings, "main", config.roomId, { op: "create", config });
  await discard(res);
  if (res.status !== 200 && res.status !== 201) throw badAnswer(res.status);
}
