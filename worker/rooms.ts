/**
 * @module rooms
 * How the Worker reaches rooms and join codes: Durable Object RPC (docs/design.md §6). Routes get a
 * {@link Rooms} from `c.var.rooms`; the entry (worker/index.ts) builds the real one from the
 * bindings, and the Worker's unit tests hand in their own. Every answer is validated here: a
 * deploy may briefly put two versions on either side of the call.
 */
import { z } from "zod";
import type { Directory } from "../core/directory";
import {
  type CodeClaim,
  type CodeRpc,
  type CodeLookup,
  CodeLookupSchema,
  DoorSchema,
  type JoinResponse,
  type RoomAnswer,
  type RoomConfig,
  type RoomRefusal,
  type RoomRpc,
  roomAnswerSchema,
} from "../core/api";
import { type Template, TemplateSchema } from "../core/template";
import { ApiError } from "./errors";

/** Stubs of the room and join-code objects. */
export interface Rooms {
  room(roomId: string): Promise<RoomRpc>;
  code(code: string): CodeRpc;
}

const unavailable = () => new ApiError(503, "unavailable");

/** Runs one call into a room or code object; a platform failure (overload, restart) is a 503. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch {
    throw unavailable();
  }
}

/** A room's refusal as the API's error. */
export function refusalError(refusal: RoomRefusal): ApiError {
  switch (refusal) {
    case "no-room":
      return new ApiError(404, "no-room");
    case "wrong-key":
      return new ApiError(403, "wrong-key");
    case "exists":
      return new ApiError(409, "room-exists");
    case "invalid":
      return new ApiError(502, "room-service-error");
    case "unreadable":
      return unavailable();
  }
}

/** The value of a room's answer, validated; its refusal as an {@link ApiError}. */
async function answerValue<S extends z.core.$ZodType>(schema: S, run: () => Promise<RoomAnswer<unknown>>): Promise<z.output<S>> {
  const parsed = roomAnswerSchema(schema).safeParse(await call(run));
  if (!parsed.success) throw new ApiError(502, "room-service-error");
  const answer = parsed.data as { ok: true; value: z.output<S> } | { ok: false; refusal: RoomRefusal };
  if (!answer.ok) throw refusalError(answer.refusal);
  return answer.value;
}

export async function createRoom(rooms: Rooms, config: RoomConfig, directory?: Directory): Promise<void> {
  await answerValue(z.null(), async () => (await rooms.room(config.roomId)).create(config, directory));
}

/** What the summary is built from (validated by the caller against the summary's input schema). */
export const readSummaryInput = (rooms: Rooms, roomId: string, key: string): Promise<unknown> =>
  answerValue(z.unknown(), async () => (await rooms.room(roomId)).summary(key));

export const readJoinCode = (rooms: Rooms, roomId: string, key: string): Promise<string> =>
  answerValue(z.string().min(1).max(40), async () => (await rooms.room(roomId)).joinCode(key));

export async function eraseRoom(rooms: Rooms, roomId: string, key: string): Promise<void> {
  await answerValue(z.null(), async () => (await rooms.room(roomId)).erase(key));
}

export const roomTemplate = (rooms: Rooms, roomId: string): Promise<Template> =>
  answerValue(TemplateSchema, async () => (await rooms.room(roomId)).template());

/** Claims `code` for a room; false when another room holds it (draw another code). */
export async function claimCode(rooms: Rooms, code: string, claim: CodeClaim): Promise<boolean> {
  const claimed = await call(() => rooms.code(code).claim(claim));
  if (typeof claimed !== "boolean") throw new ApiError(502, "room-service-error");
  return claimed;
}

/** Frees a code claimed for a room that could not be created or was deleted. Best effort. */
export async function releaseCode(rooms: Rooms, code: string, roomId: string): Promise<void> {
  await call(() => rooms.code(code).release(roomId));
}

/** What the join-code book holds for a code; `null` when the code is unknown or expired. */
export async function lookupClaim(rooms: Rooms, code: string): Promise<CodeLookup | null> {
  const parsed = z.nullable(CodeLookupSchema).safeParse(await call(() => rooms.code(code).lookup()));
  if (!parsed.success) throw new ApiError(502, "room-service-error");
  return parsed.data;
}

/**
 * The room behind a join code, and whether it still takes newcomers (one call to the room); `null`
 * when the code is unknown or expired, or its room is gone.
 */
export async function lookupCode(rooms: Rooms, code: string): Promise<JoinResponse | null> {
  const claim = await lookupClaim(rooms, code);
  if (!claim) return null;
  const roomId = claim.roomId;
  try {
    const door = await answerValue(DoorSchema, async () => (await rooms.room(roomId)).door());
    return { ...claim, joiningOpen: door.open };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
