/**
 * @module codes
 * The join-code directory: one tiny room per code (the room's name *is* the code), mapping it to
 * its session. It holds the session's id and title until the session's retention ends.
 */
import type * as Party from "partykit/server";
import { z } from "zod";
import { CodeRequestSchema, RoomIdSchema } from "../core/api";
import { json, jsonError, readJson, refuseUnlessWorker } from "./http";

const EntrySchema = z.strictObject({ roomId: RoomIdSchema, title: z.string(), k: z.number().int(), expiresAt: z.number().int() });

export default class CodeDirectory implements Party.Server {
  constructor(readonly room: Party.Room) {}

  static onBeforeConnect() {
    return new Response("join codes have no sockets", { status: 404 });
  }

  static onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
    return refuseUnlessWorker(req as unknown as Request, lobby.env) ?? req;
  }

  async onRequest(req: Party.Request): Promise<Response> {
    let parsed;
    try {
      parsed = CodeRequestSchema.safeParse(await readJson(req as unknown as Request, 4096));
    } catch {
      return jsonError("invalid JSON body", 400);
    }
    if (!parsed.success) return jsonError("invalid code request", 400);
    const request = parsed.data;
    const stored = await this.room.storage.get("entry");
    const entry = stored === undefined ? null : EntrySchema.parse(stored);
    switch (request.op) {
      case "claim":
        if (entry && entry.roomId !== request.roomId) return jsonError("code taken", 409);
        await this.room.storage.put("entry", { roomId: request.roomId, title: request.title, k: request.k, expiresAt: request.expiresAt });
        await this.room.storage.setAlarm(request.expiresAt);
        return json({ ok: true }, 201);
      case "lookup":
        return entry ? json({ roomId: entry.roomId, title: entry.title, k: entry.k }) : jsonError("unknown join code", 404);
      case "release":
        if (entry?.roomId === request.roomId) await this.room.storage.deleteAll();
        return new Response(null, { status: 204 });
    }
  }

  async onAlarm() {
    await this.room.storage.deleteAll();
  }
}
