/**
 * The community directory (issue 12): its exported schema, the rows the reports print and the AAAQ
 * topic picks from, its Yjs layout (read ↔ write, two consoles merging, the room's tidying and
 * limits), and the room that keeps it (created from a request, through hibernation and restart,
 * in the summary, cleared on erase).
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  type Directory,
  DirectorySchema,
  defaultDirectory,
  directoryFromSummaryFile,
  filledTables,
  healthServiceRows,
  isFilledRow,
  linkOf,
  rowsOf,
} from "../../core/directory";
import {
  addRow,
  directoryMap,
  ensureDirectory,
  newRow,
  readDirectory,
  removeRow,
  tableRows,
  tidyDirectory,
  writeDirectory,
} from "../../core/directory-doc";
import { DIRECTORY_FIELD_MAX, DIRECTORY_ROWS_MAX } from "../../core/limits";
import { buildSummary } from "../../core/summary/build";
import { SummaryInputSchema } from "../../core/summary/schema";
import { FACILITATOR_KEY, RoomHost, roomConfig } from "./room-host";

const ROOM = "room";
/** The default directory with a few rows filled in, as a group would. */
function filled(): Directory {
  const d = defaultDirectory();
  const health = d.tables.find((t) => t.id === "health")!;
  health.rows[0] = { ...health.rows[0], name: "St. Mary's Hospital", contact: "+1 555 0100" };
  health.rows.push({ type: "Dentist", name: "", contact: "Harbour Street 4", hours: "" });
  d.tables.find((t) => t.id === "hotlines")!.rows[1]!.contact = "988";
  return d;
}

/** The filled rows, empty columns left out: a row read from the doc has every column of its table. */
const filledWords = (d: Directory) =>
  filledTables(d).map(({ table, rows }) => ({
    id: table.id,
    rows: rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v))),
  }));

/** A doc as two consoles would each hold it after syncing from the room. */
function twoConsoles() {
  const room = new Y.Doc();
  writeDirectory(room, defaultDirectory(), ROOM);
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, Y.encodeStateAsUpdate(room));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(room));
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, sync };
}

describe("the exported directory", () => {
  it("refuses an unknown table, a column its table has not, a field too long, too many rows and a table twice, with a clear message", () => {
    const bad: unknown[] = [
      { tables: [{ id: "patients", rows: [] }] },
      { tables: [{ id: "hotlines", rows: [{ website: "https://example.org" }] }] },
      { tables: [{ id: "hotlines", rows: [{ name: "x".repeat(DIRECTORY_FIELD_MAX + 1) }] }] },
      { tables: [{ id: "hotlines", rows: Array.from({ length: DIRECTORY_ROWS_MAX + 1 }, () => ({})) }] },
      {
        tables: [
          { id: "hotlines", rows: [] },
          { id: "hotlines", rows: [] },
        ],
      },
      { tables: [], patients: [] },
    ];
    for (const raw of bad) expect(DirectorySchema.safeParse(raw).success, JSON.stringify(raw).slice(0, 80)).toBe(false);
    const twice = DirectorySchema.safeParse(bad[4]);
    expect(twice.error?.issues[0]?.message).toBe("a table is listed twice");
    expect(DirectorySchema.parse(filled())).toEqual(filled());
  });

  it("counts a row as filled when anything but its type holds text: the seed's labels alone are prompts, its links are entries", () => {
    expect(isFilledRow({ type: "Suicide hotline" })).toBe(false);
    expect(isFilledRow({ type: "Suicide hotline", contact: "  " })).toBe(false);
    expect(isFilledRow({ type: "Suicide hotline", contact: "988" })).toBe(true);
    const tables = filledTables(defaultDirectory());
    expect(tables.map((t) => t.table.id)).toEqual(["international"]);
    expect(tables[0]!.rows).toHaveLength(7);
  });

  it("healthServiceRows gives the filled rows of the health table as type and name, for the AAAQ topic", () => {
    expect(healthServiceRows(defaultDirectory())).toEqual([]);
    expect(healthServiceRows(filled())).toEqual([
      { type: "Local hospital", name: "St. Mary's Hospital" },
      { type: "Dentist", name: "" },
    ]);
  });

  it("makes a website a link only when it is an http(s) address", () => {
    expect(linkOf("www.who.int/")).toBe("https://www.who.int/");
    expect(linkOf(" https://www.ilo.org/ ")).toBe("https://www.ilo.org/");
    expect(linkOf("javascript:alert(1)")).toBeNull();
    expect(linkOf("call the front desk")).toBeNull();
  });
});

describe("the directory in the doc", () => {
  it("reads back what was written, every table, row and column", () => {
    const doc = new Y.Doc();
    writeDirectory(doc, filled(), ROOM);
    const read = readDirectory(doc);
    // Every column of its table, empty where nothing was written.
    expect(rowsOf(read, "health")[0]).toEqual({ type: "Local hospital", name: "St. Mary's Hospital", contact: "+1 555 0100", hours: "" });
    expect(filledWords(read)).toEqual(filledWords(filled()));
    expect(read.tables.map((t) => t.rows.length)).toEqual(filled().tables.map((t) => t.rows.length));
  });

  it("gives a doc from before the directory the seed's tables, and leaves a doc that has them alone", () => {
    const doc = new Y.Doc();
    expect(ensureDirectory(doc, ROOM)).toBe(true);
    expect(readDirectory(doc).tables.map((t) => t.rows.length)).toEqual(defaultDirectory().tables.map((t) => t.rows.length));
    removeRow(doc, "hotlines", tableRows(doc, "hotlines")!.get(0));
    expect(ensureDirectory(doc, ROOM)).toBe(false);
    expect(rowsOf(readDirectory(doc), "hotlines")).toHaveLength(4);
  });

  it("merges two consoles' edits: typing in the same field, rows added and removed at once", () => {
    const { a, b, sync } = twoConsoles();
    const hospitalA = tableRows(a, "health")!.get(0).get("name")!;
    const hospitalB = tableRows(b, "health")!.get(0).get("name")!;
    hospitalA.insert(0, "St. Mary's");
    hospitalB.insert(0, " Hospital");
    expect(addRow(a, "legal")).toBe(true);
    expect(addRow(b, "legal")).toBe(true);
    tableRows(a, "legal")!.get(3).get("name")!.insert(0, "Harbour Law Centre");
    tableRows(b, "legal")!.get(3).get("name")!.insert(0, "Migrant Rights Clinic");
    removeRow(b, "hotlines", tableRows(b, "hotlines")!.get(4));
    sync();
    expect(readDirectory(a)).toEqual(readDirectory(b));
    const merged = readDirectory(a);
    expect(rowsOf(merged, "health")[0]!.name).toMatch(/^(St\. Mary's Hospital| HospitalSt\. Mary's)$/);
    expect(
      rowsOf(merged, "legal")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["", "", "", "Harbour Law Centre", "Migrant Rights Clinic"].sort());
    expect(rowsOf(merged, "hotlines").map((r) => r.type)).not.toContain("Missing persons");
  });

  it("is tidied by the room: strange tables, columns and values go, texts and tables are cut to their limits", () => {
    const doc = new Y.Doc();
    writeDirectory(doc, defaultDirectory(), ROOM);
    const map = directoryMap(doc);
    map.set("patients", new Y.Array());
    tableRows(doc, "hotlines")!
      .get(0)
      .set("ssn" as never, new Y.Text("123") as never);
    tableRows(doc, "hotlines")!
      .get(1)
      .set("name", "a plain string" as never);
    tableRows(doc, "hotlines")!
      .get(2)
      .get("contact")!
      .insert(0, "x".repeat(DIRECTORY_FIELD_MAX + 50));
    tableRows(doc, "legal")!.push(Array.from({ length: DIRECTORY_ROWS_MAX }, () => new Y.Map<Y.Text>()));
    map.set("shelters", "not a table");
    expect(tidyDirectory(doc, ROOM)).toBe(true);
    expect([...map.keys()].sort()).not.toContain("patients");
    expect([...tableRows(doc, "hotlines")!.get(0).keys()].sort()).toEqual(["contact", "hours", "name", "type"]);
    expect(tableRows(doc, "hotlines")!.get(1).get("name")).toBeInstanceOf(Y.Text);
    expect(tableRows(doc, "hotlines")!.get(2).get("contact")!.length).toBe(DIRECTORY_FIELD_MAX);
    expect(tableRows(doc, "legal")!.length).toBe(DIRECTORY_ROWS_MAX);
    expect(tableRows(doc, "shelters")!.length).toBe(0);
    expect(DirectorySchema.safeParse(readDirectory(doc)).success).toBe(true);
    expect(tidyDirectory(doc, ROOM)).toBe(false);
    expect(addRow(doc, "legal")).toBe(false);
  });

  it("over the row limit, drops rows nobody typed into before any row with words (two consoles added the last rows at once)", () => {
    const doc = new Y.Doc();
    writeDirectory(doc, defaultDirectory(), ROOM);
    const rows = tableRows(doc, "legal")!;
    while (rows.length < DIRECTORY_ROWS_MAX - 1) addRow(doc, "legal");
    // One console adds a row and leaves it empty; the other, offline, adds one and types into it.
    rows.push([newRow("legal")]);
    rows.push([newRow("legal", { name: "Typed offline" })]);
    expect(rows.length).toBe(DIRECTORY_ROWS_MAX + 1);
    expect(tidyDirectory(doc, ROOM)).toBe(true);
    expect(rows.length).toBe(DIRECTORY_ROWS_MAX);
    expect(rowsOf(readDirectory(doc), "legal").some((r) => r.name === "Typed offline")).toBe(true);
  });
});

async function hostWith(directory?: unknown) {
  const host = new RoomHost();
  await host.start();
  return { host, created: await host.model.create(await roomConfig(), directory) };
}

async function summaryOf(host: RoomHost) {
  const answer = await host.model.summary(FACILITATOR_KEY);
  if (!answer.ok) throw new Error(answer.refusal);
  return buildSummary(SummaryInputSchema.parse(answer.value));
}

describe("the room keeps the directory", () => {
  it("starts from the seed's tables, or from the directory the create request brought; refuses a bad one", async () => {
    const plain = await hostWith();
    expect(plain.created.ok).toBe(true);
    const seed = new Y.Doc();
    writeDirectory(seed, defaultDirectory(), ROOM);
    expect((await summaryOf(plain.host)).directory).toEqual(readDirectory(seed));
    const seeded = await hostWith(filled());
    expect(filledWords((await summaryOf(seeded.host)).directory!)).toEqual(filledWords(filled()));
    const bad = await hostWith({ tables: [{ id: "patients", rows: [] }] });
    expect(bad.created).toEqual({ ok: false, refusal: "invalid" });
    expect(bad.host.model.exists).toBe(false);
  });

  it("keeps what a facilitator typed through hibernation and a restart, tidies what it must, and forgets it on erase", async () => {
    const { host } = await hostWith();
    tableRows(host.doc, "hotlines")!.get(0).get("contact")!.insert(0, "1-888-373-7888");
    addRow(host.doc, "interpreters");
    tableRows(host.doc, "interpreters")!
      .get(0)
      .get("contact")!
      .insert(0, "y".repeat(DIRECTORY_FIELD_MAX + 1));
    // The room tidied the facilitator's edit at once.
    expect(tableRows(host.doc, "interpreters")!.get(0).get("contact")!.length).toBe(DIRECTORY_FIELD_MAX);
    const check = async () => {
      const d = (await summaryOf(host)).directory!;
      expect(rowsOf(d, "hotlines")[0]!.contact).toBe("1-888-373-7888");
      expect(rowsOf(d, "interpreters")).toHaveLength(1);
    };
    await check();
    await host.hibernate();
    await check();
    await host.model.saveDoc();
    await host.restart();
    await check();
    expect(host.storage.dump()).toContain("1-888-373-7888");
    expect((await host.model.erase(FACILITATOR_KEY)).ok).toBe(true);
    expect(directoryMap(host.doc).size).toBe(0);
    expect(host.storage.dump()).not.toContain("1-888-373-7888");
  });

  it("gives a room whose stored doc is from before the directory the seed's tables when it wakes, and stores them", async () => {
    const { host } = await hostWith();
    // What an earlier version stored: the same doc without the directory.
    const old = new Y.Doc();
    for (const name of host.doc.share.keys()) if (name !== "directory") old.getMap(name);
    const live = host.doc.getMap("live");
    old.getMap("live").set("meta", live.get("meta"));
    old.getMap("live").set("session", live.get("session"));
    const key = [...host.storage.data.keys()].find((k) => k === "doc")!;
    host.storage.data.set(key, { v: 3, value: Y.encodeStateAsUpdate(old) });
    await host.restart();
    expect(rowsOf((await summaryOf(host)).directory!, "health")).toHaveLength(18);
    await host.restart();
    expect(rowsOf((await summaryOf(host)).directory!, "health")).toHaveLength(18);
  });
});

describe("starting a directory from an earlier summary file", () => {
  it("takes the directory of a summary file and says why it can't take another file", async () => {
    const file = JSON.stringify({ schema: "candor.summary/2", session: { title: "Earlier" }, directory: filled() });
    const fromFile = directoryFromSummaryFile(file);
    expect(fromFile.ok && filledWords(fromFile.directory)).toEqual(filledWords(filled()));
    expect(fromFile.ok && fromFile.directory.tables.map((t) => t.rows.length)).toEqual(filled().tables.map((t) => t.rows.length));
    // Empty fields are left out: the same directory, a smaller request.
    const read = new Y.Doc();
    writeDirectory(read, filled(), ROOM);
    const fromDoc = JSON.stringify({ schema: "candor.summary/2", directory: readDirectory(read) });
    const taken = directoryFromSummaryFile(fromDoc);
    expect(taken.ok && JSON.stringify(taken.directory).includes('""')).toBe(false);
    expect(taken.ok && filledWords(taken.directory)).toEqual(filledWords(filled()));
    expect(directoryFromSummaryFile("{not json")).toEqual({ ok: false, problem: "not-json" });
    expect(directoryFromSummaryFile(JSON.stringify({ tables: [] }))).toEqual({ ok: false, problem: "not-summary" });
    expect(directoryFromSummaryFile(JSON.stringify({ schema: "candor.summary/1" }))).toEqual({ ok: false, problem: "no-directory" });
    const bad = JSON.stringify({ schema: "candor.summary/2", directory: { tables: [{ id: "patients", rows: [] }] } });
    expect(directoryFromSummaryFile(bad)).toEqual({ ok: false, problem: "invalid" });
  });
});
