/**
 * The consensus summary and deletion against the real runtimes (one wrangler dev):
 * a small session with real phones, its four exports, then DELETE (docs/design.md §3.8, §5, §7) and
 * expiry by the retention alarm. Each check names what it proves.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ballot } from "../../core/protocol";
import { SummarySchema } from "../../core/summary/schema";
import { command, createRoom, facilitator, JsonClient, Phone, until } from "./clients";
import { type RunningStack, startStack } from "./stack";

/** Every file under the storage folder, by path, as bytes: what `grep -a` would search. */
function storageFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(p, readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

const summaryUrl = (stack: RunningStack, roomId: string, format?: string) =>
  `${stack.url}/api/rooms/${roomId}/summary${format ? `?format=${format}` : ""}`;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

/** Minimal RFC 4180 reader for the check below (the full one is in tests/unit/summary.test.ts). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

describe("a small session: export, then delete (§5, §3.8)", () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("exports all four formats to the facilitator only; after DELETE the rooms hold nothing", async () => {
    const canary = `Canary${randomBytes(8).toString("hex")}`;
    const room = await createRoom(stack, {
      title: `Ward review ${canary}`,
      facility: "Clinic A",
      domainIds: ["safety", "services-aaaq"],
      k: 3,
    });
    const phones = Array.from({ length: 4 }, () => new Phone(stack, room.roomId));
    for (const p of phones) expect((await p.join()).t).toBe("welcome");
    const { client: console_ } = await facilitator(stack, room.roomId, room.facilitatorKey);

    // Domain 9 (safety): 4, 4, 5, 3.
    expect((await command(console_, { op: "open", domainId: "safety" })).t).toBe("done");
    const safety = [4, 4, 5, 3];
    const acks = await Promise.all(
      phones.map((p, i) => p.vote({ roundId: "safety#1", answers: { "safety.1": "yes" }, ratings: { domain: safety[i]! } })),
    );
    expect(acks.every((a) => a.t === "ack")).toBe(true);
    expect((await command(console_, { op: "close" })).t).toBe("done");
    const note = 'Private room needed, "soon",\nsays staff';
    expect(
      (
        await command(console_, {
          op: "record",
          domainId: "safety",
          consensus: { domain: { value: 4 } },
          notes: note,
          actions: "=1+1 check",
        })
      ).t,
    ).toBe("done");

    // Domain 12's facilities, set from the console before it opens (none were given at creation):
    // a phone hears the new list at once. Clinic A is under review; the organizer's own is Clinic B.
    expect((await command(console_, { op: "open", domainId: "services-aaaq" })).t).toBe("error"); // nothing to rate yet
    const list = [
      { name: "Clinic A", underReview: true as const },
      { name: "Clinic B", yours: true as const },
    ];
    expect((await command(console_, { op: "facilities", facilities: list })).t).toBe("done");
    await phones[0]!.client.next((m) => m.t === "meta" && m.meta.facilities.length === 2, 10_000, 0, "the new facilities");

    // Domain 12 (AAAQ), two facilities; one phone says "not available" for Clinic B.
    expect((await command(console_, { op: "open", domainId: "services-aaaq" })).t).toBe("done");
    // Frozen now: the ballots follow the list.
    const frozen = await command(console_, { op: "facilities", facilities: [{ name: "Clinic C" }] });
    expect(frozen).toMatchObject({ t: "error", code: "bad-command", message: expect.stringMatching(/can't change/) });
    const aaaq: Ballot["ratings"][] = [
      { "0": 3, "1": 1 },
      { "0": 3, "1": 2 },
      { "0": 2, "1": 1 },
      { "0": 3, "1": "na" },
    ];
    await Promise.all(phones.map((p, i) => p.vote({ roundId: "services-aaaq#1", answers: {}, ratings: aaaq[i]! })));
    expect((await command(console_, { op: "close" })).t).toBe("done");
    expect(
      (
        await command(console_, {
          op: "record",
          domainId: "services-aaaq",
          consensus: { "0": { value: 3 }, "1": { value: "not-available" } },
        })
      ).t,
    ).toBe("done");

    // Four formats with the key.
    const bodies: Record<string, string> = {};
    for (const [format, type] of [
      ["json", "application/json"],
      ["csv", "text/csv"],
      ["md", "text/markdown"],
      ["html", "text/html"],
    ] as const) {
      const res = await fetch(summaryUrl(stack, room.roomId, format), { headers: auth(room.facilitatorKey) });
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")).toMatch(new RegExp(`^${type}; charset=utf-8`));
      expect(res.headers.get("content-disposition")).toMatch(
        new RegExp(`^(attachment|inline); filename="candor-ward-review-canary[0-9a-f]+-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`),
      );
      // Keep a BOM: Response.text() would strip it, and the CSV's BOM is part of the contract.
      bodies[format] = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    }
    const summary = SummarySchema.parse(JSON.parse(bodies.json!));
    const [s9, s12] = summary.domains;
    expect(s9!.ratings[0]).toMatchObject({ consensus: 4, latest: { n: 4, counts: [0, 0, 1, 2, 1], median: { low: 4, high: 4 } } });
    expect(s9!.notes).toBe(note);
    expect(
      s12!.ratings.map((r) => [
        r.facility,
        r.roles,
        r.consensus,
        r.consensusLabel,
        r.latest?.counts ?? null,
        r.latest?.notAvailable ?? null,
      ]),
    ).toEqual([
      ["Clinic A", ["underReview"], 3, "Excellent compliance with AAAQ", [0, 1, 3], 0],
      ["Clinic B", ["yours"], null, "Service not available", [2, 1, 0], 1],
    ]);
    expect(s12!.ratings[1]!.notAvailable).toBe(true);
    expect(summary.session).toMatchObject({
      facility: "Clinic A",
      facilities: ["Clinic A", "Clinic B"],
      facilityRoles: { yours: 1, underReview: 0 },
    });
    expect(s12!.readNext?.guidance).toBe("Guidance on Services Available"); // Clinic B: service not available

    const csv = bodies.csv!;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csvRows(csv.slice(1));
    expect(rows).toHaveLength(1 + 2 + 2 - 1 + 1); // header + domains + facilities − 1 + one action item
    expect(rows.map((r) => r[0])).toEqual(["row", "rating", "rating", "rating", "action"]);
    expect(rows[4]![rows[0]!.indexOf("action")]).toBe("'=1+1 check");
    const notesAt = rows[0]!.indexOf("notes");
    expect(rows[1]![notesAt]).toBe(note);
    expect(rows[1]![rows[0]!.indexOf("actions")]).toBe("'=1+1 check");
    expect(bodies.md!).toMatch(/\n## 9\. Safety\n[\s\S]*\n## 12\. Available health and mental health services\n/);
    expect(bodies.md!).toContain("### Clinic B (your facility)\n\n- Recorded consensus: Service not available");
    expect(bodies.html!).toContain("<h3><bdi>Clinic A</bdi> (under review)</h3>");
    expect(bodies.html!.match(/<section\b/g)).toHaveLength(2);

    // Nothing that identifies a device in any export: no token, no round id string.
    for (const text of Object.values(bodies)) {
      for (const p of phones) expect(text.includes(p.token!.split(".")[0]!)).toBe(false);
      expect(text).not.toMatch(/safety#1|services-aaaq#1/);
      expect(text.includes(room.facilitatorKey)).toBe(false);
    }

    // Without the key, or with a wrong one.
    const noKey = await fetch(summaryUrl(stack, room.roomId, "csv"));
    expect([noKey.status, await noKey.json()]).toEqual([401, { error: "facilitator key required", code: "key-required" }]);
    const wrongKey = await fetch(summaryUrl(stack, room.roomId), { headers: auth("w".repeat(43)) });
    expect([wrongKey.status, await wrongKey.json()]).toEqual([403, { error: "wrong facilitator key", code: "wrong-key" }]);
    const wrongDelete = await fetch(`${stack.url}/api/rooms/${room.roomId}`, { method: "DELETE", headers: auth("w".repeat(43)) });
    expect(wrongDelete.status).toBe(403);
    expect((await fetch(`${stack.url}/api/join/${room.joinCode}`)).status).toBe(200);

    // The title is on disk now, so the scans below look at the right place.
    await new Promise((r) => setTimeout(r, 500));
    expect([...storageFiles(stack.persistDir).values()].some((b) => b.includes(canary))).toBe(true);

    // Delete: the room answers 404, open sockets and new ones are closed with 4404, the code is free.
    const del = await fetch(`${stack.url}/api/rooms/${room.roomId}`, { method: "DELETE", headers: auth(room.facilitatorKey) });
    expect(del.status).toBe(204);
    await until(() => console_.closed !== null, 10_000, "the console's socket to close");
    expect(console_.closed?.code).toBe(4404);
    const after = await fetch(summaryUrl(stack, room.roomId), { headers: auth(room.facilitatorKey) });
    expect([after.status, await after.json()]).toEqual([404, { error: "no such room", code: "no-room" }]);
    expect((await fetch(`${stack.url}/api/join/${room.joinCode}`)).status).toBe(404);
    const late = await JsonClient.open(stack, room.roomId);
    await until(() => late.closed !== null, 10_000, "a new socket to be closed");
    expect(late.closed?.code).toBe(4404);

    // Storage as the rooms read it: after a restart (memory gone) a 404 can only come from
    // storage that holds nothing, in the room and in the join-code directory.
    await stack.restart();
    expect((await fetch(summaryUrl(stack, room.roomId), { headers: auth(room.facilitatorKey) })).status).toBe(404);
    expect((await fetch(`${stack.url}/api/join/${room.joinCode}`)).status).toBe(404);
    const afterRestart = await JsonClient.open(stack, room.roomId);
    await until(() => afterRestart.closed !== null, 10_000, "a socket after the restart to be closed");
    expect(afterRestart.closed?.code).toBe(4404);

    // On disk: deleteAll empties the databases, but workerd's SQLite (wrangler dev) keeps the
    // pre-delete pages in each database's write-ahead log (*.sqlite-wal) until a checkpoint,
    // which a small room never reaches — measured: the title is still in both WAL files after
    // DELETE, a restart and a stop. That is the local twin of Cloudflare's 30-day point-in-time
    // recovery (docs/design.md §3) and is outside what a room can erase; every other file must be clean.
    for (const [path, bytes] of storageFiles(stack.persistDir)) {
      if (path.endsWith(".sqlite-wal")) continue;
      expect(bytes.includes(canary), path).toBe(false);
      expect(bytes.includes(note.slice(0, 20)), path).toBe(false);
    }
  });

  it("400 for a bad format or room id, 404 for an unknown room", async () => {
    const room = await createRoom(stack, { title: "Format check", domainIds: ["safety"], k: 3 });
    const bad = await fetch(summaryUrl(stack, room.roomId, "xlsx"), { headers: auth(room.facilitatorKey) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid format", code: "invalid-format" });
    expect((await fetch(`${stack.url}/api/rooms/not-a-room/summary`, { headers: auth(room.facilitatorKey) })).status).toBe(400);
    const unknown = await fetch(summaryUrl(stack, "A".repeat(22)), { headers: auth(room.facilitatorKey) });
    expect(unknown.status).toBe(404);
  });
});

describe("retention: a session expires by its alarm (§3.8)", () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ vars: { RETENTION_DAY_SECONDS: "2" } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("a room with retentionDays 1 (= 2 s here) answers 404 and its join code is gone", async () => {
    const room = await createRoom(stack, { title: "Expires soon", domainIds: ["safety"], k: 3, retentionDays: 1 });
    expect((await fetch(summaryUrl(stack, room.roomId), { headers: auth(room.facilitatorKey) })).status).toBe(200);
    expect((await fetch(`${stack.url}/api/join/${room.joinCode}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 4000));
    const summary = await fetch(summaryUrl(stack, room.roomId), { headers: auth(room.facilitatorKey) });
    expect(summary.status).toBe(404);
    expect((await fetch(`${stack.url}/api/join/${room.joinCode}`)).status).toBe(404);
    const late = await JsonClient.open(stack, room.roomId);
    await until(() => late.closed !== null, 10_000, "a socket to an expired room to be closed");
    expect(late.closed?.code).toBe(4404);
  });
});
