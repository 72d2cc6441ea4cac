/**
 * The community directory (issue 12) on the real runtime (one wrangler dev): a create request
 * seeds it, facilitators' Yjs clients fill it in together, it reaches the summary JSON and its
 * CSV, it survives a hibernation, and phones receive nothing of it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { type Directory, defaultDirectory, rowsOf } from "../../core/directory";
import { addRow, readDirectory, tableRows } from "../../core/directory-doc";
import { SummarySchema } from "../../core/summary/schema";
import { createRoom, facilitator, fetchSummary, greetingCounter, Phone, until, yjsClient } from "./clients";
import { type RunningStack, startStack } from "./stack";

let stack: RunningStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** Long enough for the runtime to hibernate an idle object (10 s of no events). */
const IDLE_MS = 13_000;
const canary = () => `Canary${randomBytes(6).toString("hex")}`;

async function summaryJson(room: { roomId: string; facilitatorKey: string }) {
  const res = await fetchSummary(stack, room, "json");
  expect(res.status).toBe(200);
  return SummarySchema.parse(await res.json());
}

describe("the community directory on the real runtime", () => {
  it("starts from the create request's directory; two facilitators fill it in together; it reaches the JSON and its CSV; phones hear nothing of it", async () => {
    const earlier = canary();
    const start: Directory = defaultDirectory();
    start.tables.find((t) => t.id === "legal")!.rows[0] = { type: "Legal aid organizations", name: `Harbour Law ${earlier}` };
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3, directory: start });
    const phone = new Phone(stack, room.roomId);
    expect((await phone.join()).t).toBe("welcome");

    const { ticket } = await facilitator(stack, room.roomId, room.facilitatorKey);
    const a = await yjsClient(stack, room, ticket);
    const b = await yjsClient(stack, room, ticket);
    expect(rowsOf(readDirectory(a.doc), "legal")[0]!.name).toBe(`Harbour Law ${earlier}`);

    // Both type into the same field at once, and each adds a row: Yjs merges both.
    const word = canary();
    tableRows(a.doc, "hotlines")!.get(0).get("contact")!.insert(0, `${word}-A`);
    tableRows(b.doc, "hotlines")!.get(0).get("contact")!.insert(0, `${word}-B`);
    addRow(a.doc, "interpreters");
    addRow(b.doc, "interpreters");
    const merged = (doc: Y.Doc) => {
      const d = readDirectory(doc);
      const contact = rowsOf(d, "hotlines")[0]!.contact ?? "";
      return contact.includes(`${word}-A`) && contact.includes(`${word}-B`) && rowsOf(d, "interpreters").length === 2;
    };
    await until(() => merged(a.doc) && merged(b.doc), 10_000, "both consoles to hold both edits");
    tableRows(a.doc, "interpreters")!.get(0).get("language")!.insert(0, "Tigrinya");
    tableRows(b.doc, "interpreters")!.get(1).get("name")!.insert(0, `Interpreting ${word}`);
    await until(
      () => rowsOf(readDirectory(a.doc), "interpreters").some((r) => r.name === `Interpreting ${word}`),
      10_000,
      "the second console's row to reach the first",
    );

    // The room has every edit the consoles hold once they synced; the summary reads the room's doc.
    let summary = await summaryJson(room);
    for (let i = 0; i < 50 && !JSON.stringify(summary.directory).includes(`Interpreting ${word}`); i++) {
      await new Promise((r) => setTimeout(r, 100));
      summary = await summaryJson(room);
    }
    const hotline = rowsOf(summary.directory!, "hotlines")[0]!;
    expect(hotline.contact).toContain(`${word}-A`);
    expect(hotline.contact).toContain(`${word}-B`);
    expect(rowsOf(summary.directory!, "legal")[0]!.name).toBe(`Harbour Law ${earlier}`);
    expect(rowsOf(summary.directory!, "interpreters").map((r) => r.language)).toContain("Tigrinya");

    const csv = await (await fetchSummary(stack, room, "directory-csv")).text();
    expect(csv).toContain(`Harbour Law ${earlier}`);
    expect(csv).toContain(`interpreters,Professional interpreters,,Interpreting ${word},`);
    expect(csv).toContain("international,International organizations,UNICEF,,,,,,https://www.unicef.org/");

    // The projector's read-only doc can't write it: its edit never reaches the room.
    const viewer = await yjsClient(stack, room);
    const intruder = canary();
    tableRows(viewer.doc, "embassies")!.get(0).get("name")!.insert(0, intruder);
    // A writer's edit made after it is a sign that the viewer's had its chance to arrive.
    tableRows(a.doc, "embassies")!.get(0).get("contact")!.insert(0, "after the viewer");
    await until(() => rowsOf(readDirectory(b.doc), "embassies")[0]!.contact === "after the viewer", 10_000, "the writer's edit");
    const after = await summaryJson(room);
    expect(rowsOf(after.directory!, "embassies")[0]).toMatchObject({ name: "", contact: "after the viewer" });
    expect(JSON.stringify(after)).not.toContain(intruder);
    viewer.destroy();

    // The phone's socket carried JSON only, and not a word of the directory.
    const heard = phone.client.raw.join("\n");
    expect(phone.client.raw.length).toBe(phone.client.frames.length);
    expect(heard).not.toContain(word);
    expect(heard).not.toContain(earlier);
    expect(heard).not.toContain("UNICEF");
    a.destroy();
    b.destroy();
  }, 60_000);

  it("refuses a create request whose directory is not one, saying where", async () => {
    const res = await fetch(`${stack.url}/api/rooms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ templateId: "icmec-2", title: "Bad directory", directory: { tables: [{ id: "patients", rows: [] }] } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues?: { path: string }[] };
    expect(body.issues?.some((i) => i.path.startsWith("directory"))).toBe(true);
  });

  it("keeps what a facilitator typed through a hibernation", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"], k: 3 });
    const { ticket, client } = await facilitator(stack, room.roomId, room.facilitatorKey);
    const writer = await yjsClient(stack, room, ticket);
    const word = canary();
    tableRows(writer.doc, "health")!.get(3).get("name")!.insert(0, `Clinic ${word}`);
    // The room says when it has stored the doc: wait for the save that includes the edit.
    const stored = new Promise<void>((resolve) => writer.provider.on("custom-message", () => resolve()));
    await stored;
    writer.destroy();
    client.close();
    const yjs = await greetingCounter(stack, room);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const summary = await summaryJson(room);
    await until(() => yjs.greetings() >= 2, 10_000, "the woken room's greeting");
    expect(rowsOf(summary.directory!, "health")[3]).toEqual({ type: "HT/E health clinic", name: `Clinic ${word}`, contact: "", hours: "" });
    yjs.close();
  }, 60_000);
});
