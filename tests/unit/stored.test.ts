/**
 * Stored state (core/stored.ts) is versioned and migrated, never trusted: a room written by the
 * PartyKit-era code (layout 1, fixture captured from that code) and one written today (layout 2)
 * both wake with everything they held; a record from a newer version makes the room refuse, not
 * crash or erase (docs/design.md §6.3).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadRoom, STORAGE_VERSION } from "../../core/stored";
import { FACILITATOR_KEY, RoomHost } from "./room-host";

/** A fixture file as storage records (Uint8Array values are written as `{ $bytes: base64 }`). */
function fixture(name: string): Map<string, unknown> {
  const raw = JSON.parse(readFileSync(`tests/fixtures/${name}`, "utf8"), (_k, v) =>
    v && typeof v === "object" && typeof v.$bytes === "string" ? new Uint8Array(Buffer.from(v.$bytes, "base64")) : v,
  ) as Record<string, unknown>;
  return new Map(Object.entries(raw));
}

async function hostWith(records: Map<string, unknown>) {
  const host = new RoomHost();
  for (const [k, v] of records) host.storage.data.set(k, v);
  await host.start();
  return host;
}

describe("layout 1 (the PartyKit era)", () => {
  it("is read, its notes move into the doc, and every record is rewritten in the current layout", async () => {
    const records = fixture("room-storage-v1.json");
    expect(loadRoom(records)).toMatchObject({ status: "ok", migrated: true, obsoleteKeys: ["notes:privacy", "notes:safety"] });
    const host = await hostWith(records);
    expect(host.model.exists).toBe(true);
    expect([...host.storage.data.keys()].sort()).toEqual([
      "config",
      "doc",
      "domain:privacy",
      "domain:safety",
      "domain:services-aaaq",
      "session",
    ]);
    for (const v of host.storage.data.values()) expect(v).toMatchObject({ v: STORAGE_VERSION });
    const summary = await host.model.summary("k".repeat(43)); // the fixture's key hash is not this key's
    expect(summary).toEqual({ ok: false, refusal: "wrong-key" });
    expect(host.doc.getText("notes:safety").toString()).toBe("Too few ratings; talk again.");
    expect(host.doc.getText("actions:privacy").toString()).toBe("Sign on the door.");
    const session = host.model.liveState();
    expect(session).toMatchObject({ phase: "revealed", domainId: "safety", joined: 5 });
    // A second start reads layout 2 and changes nothing.
    await host.start();
    expect(host.doc.getText("notes:privacy").toString()).toBe("Private room exists.");
    expect(loadRoom(await host.storage.list())).toMatchObject({ status: "ok", migrated: false, obsoleteKeys: [] });
  });
});

describe("layout 2 (the first Durable Object layout)", () => {
  it("wakes with the same doc (same items, not a rebuilt copy), its recorded consensus and its unrecorded notes", async () => {
    const records = fixture("room-storage-v2.json");
    const storedDoc = (records.get("doc") as { value: Uint8Array }).value;
    const host = await hostWith(records);
    const summary = await host.model.summary(FACILITATOR_KEY);
    expect(summary.ok).toBe(true);
    const value = (
      summary as {
        value: { session: { domains: Record<string, { consensus: unknown; rounds: unknown[] }> }; notes: Record<string, unknown> };
      }
    ).value;
    expect(value.session.domains.privacy!.consensus).toEqual({
      values: { domain: 4 },
      notes: "A quiet room exists.",
      actions: "Put up a sign.",
    });
    expect(value.session.domains.privacy!.rounds).toHaveLength(1);
    expect(value.notes.safety).toEqual({ notes: "Typed, never recorded.", actions: "" });
    // Rewritten in the current layout, the doc as the very same doc: every item of the stored one,
    // under the same client ids (the room may add to it, as it does to bring the projection up to date).
    expect(host.storage.data.get("session")).toMatchObject({ v: STORAGE_VERSION });
    const before = new Y.Doc();
    Y.applyUpdate(before, storedDoc);
    const now = Y.decodeStateVector(Y.encodeStateVector(host.doc));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(before))) expect(now.get(client)).toBeGreaterThanOrEqual(clock);
    expect(host.doc.getText("notes:safety").toString()).toBe(before.getText("notes:safety").toString());
    expect(loadRoom(await host.storage.list())).toMatchObject({ status: "ok", migrated: false });
  });
});

describe("what the room refuses to guess", () => {
  it("a record from a newer layout: the room answers 'unreadable', erases nothing, and sockets are refused", async () => {
    const records = fixture("room-storage-v2.json");
    records.set("session", { v: STORAGE_VERSION + 1, value: { phase: "lobby", extra: true } });
    const host = await hostWith(records);
    expect(host.model.unreadable).toBe(true);
    expect(host.storage.data.size).toBe(records.size);
    expect(await host.model.summary(FACILITATOR_KEY)).toEqual({ ok: false, refusal: "unreadable" });
    expect(await host.model.create({})).toEqual({ ok: false, refusal: "invalid" });
    const phone = host.connect();
    expect(await host.send(phone, { t: "hello", role: "phone" })).toMatchObject({ t: "error", code: "unavailable" });
  });

  it("a record that does not match its layout is unreadable too, with a reason that names the key and no value", () => {
    const records = fixture("room-storage-v2.json");
    records.set("domain:safety", { v: 2, value: { status: "voting", rounds: "secret-looking value" } });
    const loaded = loadRoom(records);
    expect(loaded).toEqual({ status: "unreadable", reason: "domain:safety: does not match layout 2" });
  });

  it("a stored doc that can't be applied is rebuilt from the session and its recorded notes", async () => {
    const records = fixture("room-storage-v2.json");
    records.set("doc", { v: 2, value: new Uint8Array([1, 2, 3, 250, 251]) });
    const host = await hostWith(records);
    expect(host.doc.getText("notes:privacy").toString()).toBe("A quiet room exists.");
    expect(host.model.liveState().phase).toBe("revealed");
  });
});
