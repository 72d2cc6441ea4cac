import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CodeClaimSchema,
  CreateRoomBodySchema,
  DEFAULT_K,
  DEFAULT_RETENTION_DAYS,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinCodeSchema,
  MIN_K,
  RoomConfigSchema,
  RoomIdSchema,
  roomAnswerSchema,
} from "../../core/api";
import { z } from "zod";
import { getTemplate } from "../../core/templates/index";

const ROOM_ID = "AbCdEfGhIjKlMnOpQr_-12";
const body = (over: Record<string, unknown> = {}) => ({ templateId: "icmec-2", title: "Clinic review", ...over });
const accepts = (v: unknown) => CreateRoomBodySchema.safeParse(v).success;

describe("CreateRoomBodySchema", () => {
  it("defaults k to 5 and retention to 30 days, and leaves the optional fields out", () => {
    expect(DEFAULT_K).toBe(5);
    expect(DEFAULT_RETENTION_DAYS).toBe(30);
    expect(CreateRoomBodySchema.parse(body())).toEqual({
      templateId: "icmec-2",
      title: "Clinic review",
      k: 5,
      retentionDays: 30,
      lang: "en",
    });
  });

  it("keeps given values and trims text", () => {
    const parsed = CreateRoomBodySchema.parse(
      body({
        title: "  Review  ",
        facility: " Own clinic ",
        facilities: [{ name: " Hospital ", yours: true }],
        domainIds: ["protocol"],
        k: 3,
        retentionDays: 7,
      }),
    );
    expect(parsed).toEqual({
      templateId: "icmec-2",
      title: "Review",
      facility: "Own clinic",
      facilities: [{ name: "Hospital", yours: true }],
      domainIds: ["protocol"],
      k: 3,
      retentionDays: 7,
      lang: "en",
    });
  });

  it("never lets k below 3 (docs/design.md §3.4)", () => {
    expect(MIN_K).toBe(3);
    expect(accepts(body({ k: 2 }))).toBe(false);
    expect(accepts(body({ k: 0 }))).toBe(false);
    expect(accepts(body({ k: -5 }))).toBe(false);
    expect(accepts(body({ k: 3 }))).toBe(true);
    expect(accepts(body({ k: 4 }))).toBe(true);
  });

  it("refuses a non-integer, non-number or too large k", () => {
    expect(accepts(body({ k: 3.5 }))).toBe(false);
    expect(accepts(body({ k: "5" }))).toBe(false);
    expect(accepts(body({ k: null }))).toBe(false);
    expect(accepts(body({ k: 20 }))).toBe(true);
    expect(accepts(body({ k: 21 }))).toBe(false);
  });

  it("refuses an empty or blank title, and a missing template", () => {
    expect(accepts(body({ title: "" }))).toBe(false);
    expect(accepts(body({ title: "   " }))).toBe(false);
    expect(accepts({ title: "x" })).toBe(false);
    expect(accepts(body({ templateId: "" }))).toBe(false);
    expect(accepts(body({ title: "x".repeat(120) }))).toBe(true);
    expect(accepts(body({ title: "x".repeat(121) }))).toBe(false);
  });

  it("refuses unknown keys (strict), e.g. a facilitator key or a secret smuggled in", () => {
    expect(accepts(body({ key: "x" }))).toBe(false);
    expect(accepts(body({ secret: "x" }))).toBe(false);
    expect(accepts(body({ K: 5 }))).toBe(false);
  });

  it("bounds retention to 1–90 days", () => {
    expect(accepts(body({ retentionDays: 0 }))).toBe(false);
    expect(accepts(body({ retentionDays: 1 }))).toBe(true);
    expect(accepts(body({ retentionDays: 90 }))).toBe(true);
    expect(accepts(body({ retentionDays: 91 }))).toBe(false);
  });

  it("bounds the lists: at least one domain, at most 9 facilities, no blank or doubled facility, one of each role", () => {
    expect(accepts(body({ domainIds: [] }))).toBe(false);
    const named = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `F${i}` }));
    expect(accepts(body({ facilities: named(9) }))).toBe(true);
    expect(accepts(body({ facilities: named(10) }))).toBe(false);
    expect(accepts(body({ facilities: [{ name: " " }] }))).toBe(false);
    expect(accepts(body({ facilities: ["F0"] }))).toBe(false);
    expect(accepts(body({ facilities: [{ name: "Clinic" }, { name: " clinic" }] }))).toBe(false);
    expect(
      accepts(
        body({
          facilities: [
            { name: "A", yours: true },
            { name: "B", yours: true },
          ],
        }),
      ),
    ).toBe(false);
    expect(
      accepts(
        body({
          facilities: [
            { name: "A", underReview: true },
            { name: "B", underReview: true },
          ],
        }),
      ),
    ).toBe(false);
    expect(accepts(body({ facilities: [{ name: "A", yours: true, underReview: true }] }))).toBe(true);
    expect(accepts(body({ facilities: [] }))).toBe(true);
  });
});

describe("JoinCodeSchema", () => {
  it("has an alphabet without look-alikes", () => {
    expect(JOIN_CODE_LENGTH).toBe(6);
    for (const c of "0O1IL5S2Z8B") expect(JOIN_CODE_ALPHABET).not.toContain(c);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it("normalises lower case, spaces and dashes", () => {
    expect(JoinCodeSchema.parse("ACDEFG")).toBe("ACDEFG");
    expect(JoinCodeSchema.parse("acdefg")).toBe("ACDEFG");
    expect(JoinCodeSchema.parse("acd-efg")).toBe("ACDEFG");
    expect(JoinCodeSchema.parse(" acd efg ")).toBe("ACDEFG");
    expect(JoinCodeSchema.parse("a-c-d-e-f-g")).toBe("ACDEFG");
    expect(JoinCodeSchema.parse("AcD\tEf-G\n")).toBe("ACDEFG");
    expect(JoinCodeSchema.parse("347-69y")).toBe("34769Y");
  });

  it.each([..."0O1IL5S2Z8B", ..."oilszb"])("refuses a code containing the ambiguous character %s", (c) => {
    expect(JoinCodeSchema.safeParse(`ACD${c}FG`).success).toBe(false);
  });

  it("refuses the wrong length, other symbols and non-strings", () => {
    for (const bad of ["", "ACDEF", "ACDEFGH", "ACD_EF", "ACD.EF", "ACDÉFG", "ACD EF-", "------"]) {
      expect(JoinCodeSchema.safeParse(bad).success).toBe(false);
    }
    expect(JoinCodeSchema.safeParse(346793).success).toBe(false);
    expect(JoinCodeSchema.safeParse(null).success).toBe(false);
  });

  it("accepts exactly the 6-character strings over the alphabet, in any case (property)", () => {
    const alphabetChar = fc.constantFrom(...JOIN_CODE_ALPHABET);
    fc.assert(
      fc.property(fc.array(alphabetChar, { minLength: 6, maxLength: 6 }), fc.boolean(), (chars, lower) => {
        const code = chars.join("");
        expect(JoinCodeSchema.parse(lower ? code.toLowerCase() : code)).toBe(code);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (s) => {
        const normal = s.toUpperCase().replace(/[\s-]/g, "");
        const valid = normal.length === 6 && [...normal].every((c) => JOIN_CODE_ALPHABET.includes(c));
        expect(JoinCodeSchema.safeParse(s).success).toBe(valid);
      }),
    );
  });
});

describe("RoomIdSchema", () => {
  it("accepts 22 base64url characters (128 bits)", () => {
    expect(RoomIdSchema.safeParse(ROOM_ID).success).toBe(true);
    for (let i = 0; i < 50; i++) expect(RoomIdSchema.safeParse(randomBytes(16).toString("base64url")).success).toBe(true);
  });

  it("refuses other lengths, plain base64 symbols, padding and path characters", () => {
    for (const bad of [
      ROOM_ID.slice(1),
      `${ROOM_ID}a`,
      ROOM_ID.replace("_", "+"),
      ROOM_ID.replace("-", "/"),
      `${ROOM_ID.slice(0, 20)}==`,
      `${ROOM_ID.slice(0, 21)}.`,
      "",
    ]) {
      expect(RoomIdSchema.safeParse(bad).success).toBe(false);
    }
    expect(RoomIdSchema.safeParse(randomBytes(16).toString("base64")).success).toBe(false);
  });
});

describe("room contracts", () => {
  const template = getTemplate("workshop-check");
  const config = {
    roomId: ROOM_ID,
    joinCode: "ACDEFG",
    title: "Review",
    facility: null,
    facilities: [{ name: "Own", yours: true }],
    k: 5,
    keyHash: "a".repeat(64),
    secret: "s".repeat(32),
    template,
    createdDay: "2026-07-02",
    expiresAt: 1_800_000_000_000,
  };

  it("RoomConfigSchema accepts a well-formed config", () => {
    expect(RoomConfigSchema.safeParse(config).success).toBe(true);
  });

  it("RoomConfigSchema keeps only the day, a hashed key, k ≥ 3 and facilities as entries", () => {
    const bad = (over: Record<string, unknown>) => RoomConfigSchema.safeParse({ ...config, ...over }).success;
    expect(bad({ createdDay: "2026-07-02T10:11:12Z" })).toBe(false);
    expect(bad({ keyHash: "A".repeat(64) })).toBe(false);
    expect(bad({ keyHash: "a".repeat(63) })).toBe(false);
    expect(bad({ k: 2 })).toBe(false);
    expect(bad({ facilities: ["Own"] })).toBe(false);
    expect(bad({ facilities: [] })).toBe(true); // none named yet: the console can add them
    expect(bad({ secret: "short" })).toBe(false);
    expect(bad({ facilitatorKey: "x".repeat(40) })).toBe(false);
  });

  it("a room's answer is a value or one of the known refusals, and nothing else", () => {
    const answer = roomAnswerSchema(z.null());
    expect(answer.safeParse({ ok: true, value: null }).success).toBe(true);
    expect(answer.safeParse({ ok: false, refusal: "wrong-key" }).success).toBe(true);
    expect(answer.safeParse({ ok: false, refusal: "teapot" }).success).toBe(false);
    expect(answer.safeParse({ ok: true, value: 1 }).success).toBe(false);
    expect(answer.safeParse({ ok: true, value: null, extra: 1 }).success).toBe(false);
  });

  it("a code claim names a room id, a title, k ≥ 3 and an expiry", () => {
    expect(CodeClaimSchema.safeParse({ roomId: ROOM_ID, title: "T", k: 5, expiresAt: 1 }).success).toBe(true);
    expect(CodeClaimSchema.safeParse({ roomId: "short", title: "T", k: 5, expiresAt: 1 }).success).toBe(false);
    expect(CodeClaimSchema.safeParse({ roomId: ROOM_ID, title: "T", k: 2, expiresAt: 1 }).success).toBe(false);
  });
});
