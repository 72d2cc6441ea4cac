/**
 * @module routes/rooms
 * `POST /api/rooms`: creates a session. The template is cut to the chosen domains and snapshotted
 * into the room's config; the facilitator key is returned once, in the facilitator URL's
 * fragment, and the room only ever sees its SHA-256.
 */
import { Hono } from "hono";
import { CreateRoomBodySchema, RoomConfigSchema, type CreateRoomBody, type CreateRoomResponse } from "../../core/api";
import type { Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import { appBaseUrl, getSettings, type AppEnv, type Settings } from "../env";
import { ApiError, type Issue } from "../errors";
import { newFacilitatorKey, newJoinCode, newRoomId, newRoomSecret, sha256Hex } from "../ids";
import { viewTicket } from "../../core/encoding";
import { claimCode, createRoom, releaseCode } from "../party-client";
import { jsonBody } from "../validate";

/** Codes are drawn again when taken; five collisions in a row means the directory is in trouble. */
const JOIN_CODE_ATTEMPTS = 5;

/** The template with only the chosen domains (in the template's order); all scales are kept. */
export function cutTemplate(template: Template, domainIds: readonly string[] | undefined): Template {
  if (!domainIds) return template;
  const known = new Set(template.domains.map((d) => d.id));
  const issues: Issue[] = domainIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `domainIds.${i}`, message: `unknown domain "${id}" in template ${template.id}` }],
  );
  if (issues.length > 0) throw new ApiError(400, "invalid request", issues);
  const chosen = new Set(domainIds);
  return { ...template, domains: template.domains.filter((d) => chosen.has(d.id)) };
}

/** Today in UTC, day only: nothing finer than the day is kept (DESIGN §3.7). */
const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

async function claimFreeCode(
  settings: Settings,
  claim: { roomId: string; title: string; k: number; expiresAt: number },
): Promise<string> {
  for (let i = 0; i < JOIN_CODE_ATTEMPTS; i++) {
    const code = newJoinCode();
    if (await claimCode(settings, code, claim)) return code;
  }
  throw new ApiError(503, "no free join code, try again");
}

export const rooms = new Hono<AppEnv>().post("/", jsonBody(CreateRoomBodySchema), async (c) => {
  const body: CreateRoomBody = c.req.valid("json");
  const settings = getSettings(c.env);
  const source = getTemplate(body.templateId);
  if (!source) throw new ApiError(404, "unknown template");
  const template = cutTemplate(source, body.domainIds);

  const roomId = newRoomId();
  const facilitatorKey = newFacilitatorKey();
  const now = Date.now();
  const expiresAt = now + body.retentionDays * settings.retentionDaySeconds * 1000;
  const joinCode = await claimFreeCode(settings, { roomId, title: body.title, k: body.k, expiresAt });

  const secret = newRoomSecret();
  try {
    const config = RoomConfigSchema.parse({
      roomId,
      joinCode,
      title: body.title,
      facility: body.facility ?? null,
      facilities: [body.facility ?? body.title, ...(body.facilities ?? [])],
      k: body.k,
      keyHash: await sha256Hex(facilitatorKey),
      secret,
      template,
      createdDay: utcDay(now),
      expiresAt,
    });
    await createRoom(settings, config);
  } catch (err) {
    await releaseCode(settings, joinCode, roomId);
    throw err;
  }

  const base = appBaseUrl(settings, c.req.url);
  const created: CreateRoomResponse = {
    roomId,
    joinCode,
    joinUrl: `${base}/j/${joinCode}`,
    facilitatorKey,
    facilitatorUrl: `${base}/f/${roomId}#key=${facilitatorKey}`,
    projectorUrl: `${base}/p/${roomId}#view=${await viewTicket(secret)}`,
  };
  return c.json(created, 201);
});
