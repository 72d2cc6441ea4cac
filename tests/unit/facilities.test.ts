/**
 * Domain 12's facilities (core/facilities.ts): two roles, never the title; the list set from the
 * console until the topic opens, then frozen; rooms and summary files of the old shape load; a
 * consensus recorded as "Service not available" reaches every export and makes the topic need
 * improvement; the AAAQ scale's "Don't know" is marked as Candor's addition.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RoomConfigSchema } from "../../core/api";
import { applyCommand, type CommandContext } from "../../core/commands";
import { facilitiesFrozen, FacilityListSchema, facilityRoles, fromLegacyNames, NOT_AVAILABLE, rolesAt } from "../../core/facilities";
import { improvementOf } from "../../core/improvement";
import type { Command } from "../../core/protocol";
import { parseClientMessage } from "../../core/protocol";
import { type DomainState, initialSession, type SessionState } from "../../core/session";
import { loadRoom, STORAGE_VERSION } from "../../core/stored";
import { toCsv } from "../../core/summary/csv";
import { toHtml } from "../../core/summary/html";
import { fromJson, toJson } from "../../core/summary/json";
import { toMarkdown } from "../../core/summary/markdown";
import { buildSummary } from "../../core/summary/build";
import { getTemplate } from "../../core/templates/index";
import { createdRoom, RoomHost, roomConfig } from "./room-host";

const icmec = getTemplate("icmec-2")!;
const aaaq = icmec.domains.find((d) => d.id === "services-aaaq")!;
const NAMES = ["Own clinic", "City hospital", "Dental clinic"];
const ctx = (facilities: string[] = NAMES): CommandContext => ({ template: icmec, facilities, k: 3, now: 0, ballots: () => [] });
const fresh = (): SessionState => initialSession(icmec.domains.map((d) => d.id));
const LIST = [
  { name: "Own clinic", yours: true as const },
  { name: "City hospital", underReview: true as const },
  { name: "Dental clinic" },
];

describe("the two roles", () => {
  it("each role is on one entry at most, either may be absent, one entry may hold both; no name twice", () => {
    expect(FacilityListSchema.safeParse(LIST).success).toBe(true);
    expect(FacilityListSchema.safeParse([{ name: "A" }, { name: "B" }]).success).toBe(true);
    expect(FacilityListSchema.safeParse([{ name: "A", yours: true, underReview: true }]).success).toBe(true);
    const twoYours = FacilityListSchema.safeParse([
      { name: "A", yours: true },
      { name: "B", yours: true },
    ]);
    expect(twoYours.success ? "" : twoYours.error.issues[0]!.message).toMatch(/only one facility can be marked as your facility/);
    const twice = FacilityListSchema.safeParse([{ name: "Clinic" }, { name: " CLINIC " }]);
    expect(twice.success ? "" : twice.error.issues[0]!.message).toMatch(/listed twice/);
    expect(facilityRoles(LIST)).toEqual({ yours: 0, underReview: 1 });
    expect(facilityRoles([{ name: "A" }])).toEqual({ yours: null, underReview: null });
    expect(rolesAt({ yours: 2, underReview: 2 }, 2)).toEqual(["yours", "underReview"]);
  });

  it("the command is validated with a clear error", () => {
    const bad = parseClientMessage(
      JSON.stringify({
        t: "cmd",
        id: "f",
        cmd: {
          op: "facilities",
          facilities: [
            { name: "A", underReview: true },
            { name: "B", underReview: true },
          ],
        },
      }),
    );
    expect(bad).toMatchObject({ ok: false, code: "bad-message", id: "f" });
    expect(bad.ok ? "" : bad.message).toMatch(/under review/);
  });
});

describe("stored rooms of the old shape (layout ≤ 3: a list of names)", () => {
  it("read with the roles that layout gave the first entry: yours, and under review when it was that facility", () => {
    expect(fromLegacyNames(["St. Unit", "City Clinic"], "St. Unit")).toEqual([
      { name: "St. Unit", yours: true, underReview: true },
      { name: "City Clinic" },
    ]);
    // The title stood in for a facility nobody named: kept (results may be stored under "0"), only yours.
    expect(fromLegacyNames(["Tuesday review"], null)).toEqual([{ name: "Tuesday review", yours: true }]);
  });

  it("a layout-2 room wakes with entries, is rewritten in the current layout, and its doc's meta carries the roles", async () => {
    const raw = JSON.parse(readFileSync("tests/fixtures/room-storage-v2.json", "utf8"), (_k, v) =>
      v && typeof v === "object" && typeof v.$bytes === "string" ? new Uint8Array(Buffer.from(v.$bytes, "base64")) : v,
    ) as Record<string, unknown>;
    const loaded = loadRoom(new Map(Object.entries(raw)));
    expect(loaded).toMatchObject({ status: "ok", migrated: true });
    if (loaded.status !== "ok") return;
    expect(loaded.config.facilities).toEqual([
      { name: "St. Unit", yours: true, underReview: true },
      { name: "City Clinic" },
      { name: "Harbour Shelter" },
    ]);
    const host = new RoomHost();
    for (const [k, v] of Object.entries(raw)) host.storage.data.set(k, v);
    await host.start();
    expect(host.storage.data.get("config")).toMatchObject({ v: STORAGE_VERSION, value: { facilities: loaded.config.facilities } });
    expect(host.doc.getMap("live").get("meta")).toMatchObject({
      facilities: ["St. Unit", "City Clinic", "Harbour Shelter"],
      roles: { yours: 0, underReview: 0 },
    });
  });

  it("a layout-3 config record (names) is migrated; a broken one makes the room unreadable, not crash", async () => {
    const config = await roomConfig();
    const v3 = { ...config, facilities: ["Own", "Other"] };
    const ok = loadRoom(new Map([["config", { v: 3, value: v3 }]]));
    expect(ok).toMatchObject({ status: "ok", migrated: true, config: { facilities: [{ name: "Own", yours: true }, { name: "Other" }] } });
    const bad = loadRoom(new Map([["config", { v: 3, value: { ...config, facilities: "Own" } }]]));
    expect(bad).toMatchObject({ status: "unreadable" });
  });
});

describe("the facilities command", () => {
  const set: Command = { op: "facilities", facilities: LIST };

  it("is accepted before domain 12 opens, and returns the list for the room's config", () => {
    const out = applyCommand(fresh(), set, ctx([]));
    expect(out).toMatchObject({ ok: true, roundEnded: false, config: { facilities: LIST } });
  });

  it("is refused once domain 12 has opened a round: open now, with rounds, or recorded; and after the end", () => {
    const opened = applyCommand(fresh(), { op: "open", domainId: "services-aaaq" }, ctx());
    if (!opened.ok) throw new Error(opened.reason);
    const refusedOpen = applyCommand(opened.state, set, ctx());
    expect(refusedOpen).toEqual({ ok: false, reason: "facilities-frozen" });
    const cancelled = applyCommand(opened.state, { op: "cancel" }, ctx());
    if (!cancelled.ok) throw new Error(cancelled.reason);
    // A round taken back before any ballot leaves nothing keyed by the list: editable again.
    expect(applyCommand(cancelled.state, set, ctx()).ok).toBe(true);
    const closed = applyCommand(opened.state, { op: "close" }, ctx());
    if (!closed.ok) throw new Error(closed.reason);
    expect(applyCommand(closed.state, set, ctx()).ok).toBe(false);
    expect(facilitiesFrozen(icmec, { ...fresh(), phase: "ended" })).toMatch(/ended/);
    // Other topics don't freeze it.
    const other = applyCommand(fresh(), { op: "open", domainId: "safety" }, ctx());
    if (!other.ok) throw new Error(other.reason);
    expect(applyCommand(other.state, set, ctx()).ok).toBe(true);
  });

  it("a self-paced set that holds domain 12 freezes the list too, and can't open it without facilities", () => {
    const opened = applyCommand(fresh(), { op: "open-set", domainIds: ["safety", "services-aaaq"] }, ctx());
    if (!opened.ok) throw new Error(opened.reason);
    expect(applyCommand(opened.state, set, ctx())).toEqual({ ok: false, reason: "facilities-frozen" });
    expect(applyCommand(fresh(), { op: "open-set", domainIds: ["safety", "services-aaaq"] }, ctx([]))).toEqual({
      ok: false,
      reason: "needs-facilities",
      vars: { topic: "services-aaaq" },
    });
  });

  it("domain 12 can't be recorded with no facility either (it would freeze the empty list for good)", () => {
    expect(applyCommand(fresh(), { op: "record", domainId: "services-aaaq", consensus: {} }, ctx([]))).toEqual({
      ok: false,
      reason: "needs-facilities",
      vars: { topic: "services-aaaq" },
    });
  });

  it("domain 12 can't open with no facility to rate", () => {
    expect(applyCommand(fresh(), { op: "open", domainId: "services-aaaq" }, ctx([]))).toEqual({
      ok: false,
      reason: "needs-facilities",
      vars: { topic: "services-aaaq" },
    });
  });

  it("in the room: stored in the config, sent to phones and screens as meta, the doc's meta updated; refused after the open", async () => {
    const { host, console_, phones, command } = await createdRoom({ phones: 1 });
    const phone = phones[0]!.peer;
    const before = phone.frames.length;
    await command({ op: "facilities", facilities: LIST });
    expect(console_.frames.at(-1)).toMatchObject({ t: "done" });
    const meta = { facilities: NAMES, roles: { yours: 0, underReview: 1 } };
    expect(phone.frames.slice(before)).toContainEqual({ t: "meta", meta: expect.objectContaining(meta) });
    expect(console_.frames).toContainEqual({ t: "meta", meta: expect.objectContaining(meta) });
    expect(host.storage.data.get("config")).toMatchObject({ v: STORAGE_VERSION, value: { facilities: LIST } });
    expect(host.doc.getMap("live").get("meta")).toMatchObject(meta);
    // After a restart the room has the list, and a new phone is welcomed with it.
    await host.start();
    const late = host.connect();
    expect(await host.send(late, { t: "hello", role: "phone" })).toMatchObject({ t: "welcome", meta });

    await command({ op: "open", domainId: "services-aaaq" });
    expect(await command({ op: "facilities", facilities: [{ name: "Other" }] })).toMatchObject({
      t: "error",
      code: "bad-command",
      message: expect.stringMatching(/can't change once their topic has opened a round/),
    });
    expect(host.storage.data.get("config")).toMatchObject({ value: { facilities: LIST } });
    expect(RoomConfigSchema.safeParse((host.storage.data.get("config") as { value: unknown }).value).success).toBe(true);
  });

  it("phones may not send it", async () => {
    const { phones, host } = await createdRoom({ phones: 1 });
    expect(await host.send(phones[0]!.peer, { t: "cmd", id: "x", cmd: { op: "facilities", facilities: [] } })).toMatchObject({
      t: "error",
      code: "forbidden",
    });
  });
});

describe("“Service not available” as a recorded consensus", () => {
  const recorded = (values: Record<string, number | null | typeof NOT_AVAILABLE>): DomainState => ({
    status: "recorded",
    rounds: [],
    consensus: { values, notes: "", actions: "" },
  });

  it("is recorded on AAAQ and refused on a scale without it", () => {
    const out = applyCommand(
      fresh(),
      { op: "record", domainId: "services-aaaq", consensus: { 0: { value: 3 }, 1: { value: NOT_AVAILABLE }, 2: { value: null } } },
      ctx(),
    );
    expect(out.ok && out.state.domains["services-aaaq"]!.consensus!.values).toEqual({ 0: 3, 1: NOT_AVAILABLE, 2: null });
    expect(applyCommand(fresh(), { op: "record", domainId: "safety", consensus: { domain: { value: NOT_AVAILABLE } } }, ctx())).toEqual({
      ok: false,
      reason: "no-not-available",
    });
  });

  it("makes the topic need improvement (a gap in the network), as a low reason older readers understand", () => {
    const imp = improvementOf(icmec, aaaq, recorded({ 0: 3, 1: NOT_AVAILABLE, 2: 3 }), NAMES, 3);
    expect(imp).toMatchObject({ suggested: true, needed: true });
    expect(imp.reasons).toEqual([{ kind: "low", key: "1", facility: "City hospital", value: 1, recorded: true, notAvailable: true }]);
    expect(improvementOf(icmec, aaaq, recorded({ 0: 3, 1: 2, 2: 3 }), NAMES, 3).suggested).toBe(false);
  });

  it("reaches the summary and every export, with the facilities' roles", async () => {
    const config = { ...(await roomConfig({ domainIds: ["safety", "services-aaaq"] })), facilities: LIST };
    const { secret: _s, keyHash: _h, ...pub } = config;
    const session = fresh();
    session.domains["services-aaaq"] = recorded({ 0: 3, 1: NOT_AVAILABLE, 2: 2 });
    const s = buildSummary({ config: pub, session, notes: {} });
    expect(s.session.facilityRoles).toEqual({ yours: 0, underReview: 1 });
    const d = s.domains.find((x) => x.id === "services-aaaq")!;
    expect(d.ratings.map((r) => [r.facility, r.consensus, r.consensusLabel, r.notAvailable, r.roles])).toEqual([
      ["Own clinic", 3, "Excellent compliance with AAAQ", undefined, ["yours"]],
      ["City hospital", null, "Service not available", true, ["underReview"]],
      ["Dental clinic", 2, "Moderate compliance with AAAQ", undefined, undefined],
    ]);
    expect(s.overview.find((o) => o.facility === "City hospital")).toMatchObject({ source: "consensus", low: null, notAvailable: true });
    expect(fromJson(toJson(s))).toEqual(s);

    const md = toMarkdown(s);
    expect(md).toContain("### City hospital (under review)");
    expect(md).toContain("### Own clinic (your facility)");
    expect(md).toContain("- Recorded consensus: Service not available");
    expect(md).toMatch(/\| City hospital \(under review\) \| Service not available \| recorded consensus \|/);
    expect(md).toContain("City hospital: recorded “Service not available”");

    const html = toHtml(s);
    expect(html).toContain("<h3><bdi>City hospital</bdi> (under review)</h3>");
    expect(html).toContain("<strong>Recorded consensus:</strong> Service not available");

    const csv = toCsv(s);
    expect(csv).toMatch(/,City hospital,under review,recorded,,Service not available,/);
    expect(csv).toMatch(/,Own clinic,your facility,recorded,3,Excellent compliance with AAAQ,/);
  });

  it("a session whose facility list stayed empty exports topic 12 as not assessed, in every format, and loads back", () => {
    const { secret: _s, keyHash: _h, ...pub } = RoomConfigSchema.parse(baseConfig());
    const s = buildSummary({ config: pub, session: fresh(), notes: {} });
    expect(s.domains.find((d) => d.id === "services-aaaq")?.ratings).toEqual([]);
    expect(fromJson(toJson(s))).toEqual(s);
    expect(toHtml(s)).toContain("Available health and mental health services");
    expect(toMarkdown(s)).toContain("Available health and mental health services");
    expect(toCsv(s)).toContain("services-aaaq");
  });

  it("summary files of /2 without the new fields, and /1 files, still load", () => {
    const s = buildSummary({
      config: (() => {
        const { secret: _s, keyHash: _h, ...pub } = { ...RoomConfigSchema.parse({ ...baseConfig(), facilities: LIST }) };
        return pub;
      })(),
      session: fresh(),
      notes: {},
    });
    const old = JSON.parse(toJson(s)) as { session: Record<string, unknown>; domains: { ratings: Record<string, unknown>[] }[] };
    delete old.session.facilityRoles;
    for (const d of old.domains) for (const r of d.ratings) delete r.roles;
    expect(fromJson(JSON.stringify(old)).session.facilityRoles).toBeUndefined();
    expect(fromJson(readFileSync("tests/fixtures/summary-v1.json", "utf8")).schema).toBe("candor.summary/2");
  });
});

function baseConfig() {
  return {
    roomId: "AAAAAAAAAAAAAAAAAAAAAA",
    joinCode: "ACDEFG",
    title: "Review",
    facility: null,
    facilities: [],
    k: 3,
    keyHash: "a".repeat(64),
    secret: "s".repeat(43),
    template: { ...icmec, domains: icmec.domains.filter((d) => d.id === "services-aaaq") },
    createdDay: "2026-11-28",
    expiresAt: 1_800_000_000_000,
  };
}

describe("the AAAQ scale's “Don't know”", () => {
  it("is kept, and the template data says it is Candor's addition, not the toolkit's (whose N/A is “Service not available”)", () => {
    const scale = icmec.scales.aaaq3!;
    expect(scale.dontKnowAdded).toBe(true);
    expect(scale.notAvailableLabel).toBe("Service not available");
    expect(icmec.scales.likert5!.dontKnowAdded).toBeUndefined();
    expect(aaaq.note).toMatch(/Candor keeps a “Don't know” on this scale as its own addition/);
    // The seed: the AAAQ scale's N/A is SERVICE NOT AVAILABLE; DON'T KNOW appears only with the 1–5 scales.
    const seed = readFileSync("core/templates/sources/icmec-toolkit-2nd-ed.txt", "utf8");
    const aaaqScale = seed.slice(seed.indexOf("N/A 1 2 3"), seed.indexOf("EXCELLENT COMPLIANCE", seed.indexOf("N/A 1 2 3")));
    expect(aaaqScale).toContain("SERVICE NOT AVAILABLE");
    expect(aaaqScale).not.toMatch(/DON.T KNOW/);
  });
});
