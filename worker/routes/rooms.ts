/**
 * @module routes/rooms
 * `POST /api/rooms`: creates a session, and `GET /api/rooms/:roomId/template`: the template
 * snapshot it was created with (phones and screens render that, not today's template file). The template is cut to the chosen domains and snapshotted
 * into the room's config; the facilitator key is returned once, in the facilitator URL's
 * fragment, and the room only ever sees its SHA-256.
 */
import { Hono } from "hono";
import { z } from "zod";
import { CreateRoomBodySchema, RoomConfigSchema, RoomIdSchema, type CreateRoomBody, type CreateRoomResponse } from "../../core/api";
import type { Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";
import { queryLanguage, templateInLanguage } from "./templates";
import { viewTicket } from "../../core/encoding";
import { retentionEnd, utcDay } from "../../core/times";
import { appBaseUrl, getSettings, type AppEnv } from "../env";
import { ApiError, type Issue } from "../errors";
import { newFacilitatorKey, newJoinCode, newRoomId, newRoomSecret, sha256Hex } from "../ids";
import { claimCode, createRoom, releaseCode, roomTemplate, type Rooms } from "../rooms";
import { jsonBody, params } from "../validate";

/** Codes are drawn again when taken; five collisions in a row means the directory is in trouble. */
const JOIN_CODE_ATTEMPTS = 5;

/** The template with only the chosen domains (in the template's order); all scales are kept. */
export function cutTemplate(template: Template, domainIds: readonly string[] | undefined): Template {
  if (!domainIds) return template;
  const known = new Set(template.domains.map((d) => d.id));
  const issues: Issue[] = domainIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `domainIds.${i}`, message: `unknown domain "${id}" in template ${template.id}` }],
  );
  if (issues.length > 0) throw new ApiError(400, "invalid-request", issues);
  const chosen = new Set(domainIds);
  return { ...template, domains: template.domains.filter((d) => chosen.has(d.id)) };
}

async function claimFreeCode(rooms: Rooms, claim: { roomId: string; title: string; k: number; expiresAt: number }): Promise<string> {
  for (let i = 0; i < JOIN_CODE_ATTEMPTS; i++) {
    const code = newJoinCode();
    if (await claimCode(rooms, code, claim)) return code;
  }
  throw new ApiError(503, "no-free-code");
}

const RoomParam = z.object({ roomId: RoomIdSchema });

export const rooms = new Hono<AppEnv>()
  // `?lang=` (issue 13, report branch): the snapshot's text in the phone's language, as GET /api/templates/:id?lang=.
  .get("/:roomId/template", params(RoomParam), async (c) => {
    const lang = queryLanguage(c.req.query("lang"));
    return c.json(templateInLanguage(await roomTemplate(c.var.rooms, c.req.valid("param").roomId), lang));
  })
  .post("/", jsonBody(CreateRoomBodySchema), async (c) => {
    const body: CreateRoomBody = c.req.valid("json");
    const settings = getSettings(c.env);
    const source = getTemplate(body.templateId);
    if (!source) throw new ApiError(404, "unknown-template");
    const template = cutTemplate(source, body.domainIds);

    const roomId = newRoomId();
    const facilitatorKey = newFacilitatorKey();
    const now = Date.now();
    const expiresAt = retentionEnd(now, body.retentionDays, settings.retentionDaySeconds * 1000);
    const rooms = c.var.rooms;
    const joinCode = await claimFreeCode(rooms, { roomId, title: body.title, k: body.k, expiresAt });

    const secret = newRoomSecret();
    try {
      const config = RoomConfigSchema.parse({
        roomId,
        joinCode,
        title: body.title,
        facility: body.facility ?? null,
        // As sent: never the title or the facility under review standing in (core/facilities.ts).
        facilities: body.facilities ?? [],
        k: body.k,
        keyHash: await sha256Hex(facilitatorKey),
        secret,
        template,
        createdDay: utcDay(now),
        expiresAt,
        lang: body.lang,
      });
      await createRoom(rooms, config, body.directory);
    } catch (err) {
      await releaseCode(rooms, joinCode, roomId).catch(() => {}); // the claim ends with its retention anyway
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
      expiresAt,
    };
    return c.json(created, 201);
  });
