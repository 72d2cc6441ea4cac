/**
 * The session's language (issue 13): chosen at creation, changed by the console's "language"
 * command at any time, stored in the room's config, told to every screen (the doc's meta and the
 * "meta" frame), and English for a room stored before rooms had one.
 */
import { describe, expect, it } from "vitest";
import { CreateRoomBodySchema, RoomConfigSchema } from "../../core/api";
import { sessionLanguage } from "../../core/languages";
import { parseClientMessage } from "../../core/protocol";
import { STORAGE_VERSION } from "../../core/stored";
import { createdRoom } from "./room-host";

describe("the session's language", () => {
  it("defaults to English at creation and takes only a language Candor speaks", () => {
    const body = { templateId: "icmec-2", title: "Clinic review" };
    expect(CreateRoomBodySchema.parse(body).lang).toBe("en");
    expect(CreateRoomBodySchema.parse({ ...body, lang: "ar" }).lang).toBe("ar");
    expect(CreateRoomBodySchema.safeParse({ ...body, lang: "de" }).success).toBe(false);
    expect(CreateRoomBodySchema.safeParse({ ...body, lang: "en-XA" }).success).toBe(false);
  });

  it("is English for a config stored before rooms had a language", () => {
    expect(sessionLanguage({})).toBe("en");
    expect(sessionLanguage({ lang: "fr" })).toBe("fr");
  });

  it("the command is validated like every other", () => {
    expect(parseClientMessage(JSON.stringify({ t: "cmd", id: "l1", cmd: { op: "language", lang: "es" } })).ok).toBe(true);
    expect(parseClientMessage(JSON.stringify({ t: "cmd", id: "l1", cmd: { op: "language", lang: "xx" } }))).toMatchObject({
      ok: false,
      code: "bad-message",
      id: "l1",
    });
  });

  it("in the room: stored in the config, told to screens and phones, kept through a restart, allowed after the end", async () => {
    const { host, console_, phones, command } = await createdRoom({ phones: 1 });
    expect(host.doc.getMap("live").get("meta")).toMatchObject({ lang: "en" });
    const phone = phones[0]!.peer;
    const before = phone.frames.length;
    await command({ op: "language", lang: "ar" });
    expect(console_.frames.at(-1)).toMatchObject({ t: "done" });
    expect(console_.frames).toContainEqual({ t: "meta", meta: expect.objectContaining({ lang: "ar" }) });
    expect(phone.frames.slice(before)).toContainEqual({ t: "meta", meta: expect.objectContaining({ lang: "ar" }) });
    expect(host.storage.data.get("config")).toMatchObject({ v: STORAGE_VERSION, value: { lang: "ar" } });
    expect(RoomConfigSchema.safeParse((host.storage.data.get("config") as { value: unknown }).value).success).toBe(true);
    expect(host.doc.getMap("live").get("meta")).toMatchObject({ lang: "ar" });

    await host.start();
    const late = host.connect();
    expect(await host.send(late, { t: "hello", role: "screen" })).toMatchObject({ t: "welcome", meta: { lang: "ar" } });

    await command({ op: "end" });
    await command({ op: "language", lang: "pt" });
    expect(console_.frames.at(-1)).toMatchObject({ t: "done" });
    expect(host.doc.getMap("live").get("meta")).toMatchObject({ lang: "pt" });
  });

  it("phones may not change it", async () => {
    const { phones, host } = await createdRoom({ phones: 1 });
    expect(await host.send(phones[0]!.peer, { t: "cmd", id: "x", cmd: { op: "language", lang: "fr" } })).toMatchObject({
      t: "error",
      code: "forbidden",
    });
    expect(host.doc.getMap("live").get("meta")).toMatchObject({ lang: "en" });
  });
});
