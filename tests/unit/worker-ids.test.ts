/** Random ids, join codes and settings of the Worker (pure; no network). */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, JoinCodeSchema, RoomIdSchema } from "../../core/api";
import { getSettings } from "../../worker/env";
import { ApiError } from "../../worker/errors";
import { newFacilitatorKey, newJoinCode, newRoomId, newRoomSecret, sha256Hex } from "../../worker/ids";
import { cutTemplate } from "../../worker/routes/rooms";
import { getTemplate } from "../../core/templates/index";
import type { Template } from "../../core/template";

describe("ids", () => {
  it("room ids are 128-bit base64url and pass RoomIdSchema; keys and secrets are 256-bit", () => {
    const ids = new Set(Array.from({ length: 200 }, newRoomId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(RoomIdSchema.safeParse(id).success).toBe(true);
    expect(Buffer.from(newRoomId(), "base64url")).toHaveLength(16);
    expect(newFacilitatorKey()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(newFacilitatorKey(), "base64url")).toHaveLength(32);
    expect(Buffer.from(newRoomSecret(), "base64url")).toHaveLength(32);
  });

  it("sha256Hex matches node's SHA-256", async () => {
    for (const s of ["", "key", "ünïcödé", newFacilitatorKey()]) {
      expect(await sha256Hex(s)).toBe(createHash("sha256").update(s).digest("hex"));
    }
  });

  it("join codes are valid codes", () => {
    for (let i = 0; i < 500; i++) {
      const code = newJoinCode();
      expect(JoinCodeSchema.parse(code)).toBe(code);
    }
  });

  it("rejects bytes ≥ 250 instead of folding them (no modulo bias)", () => {
    // 25 letters: 0..249 map to b % 25; 250..255 would favour the first six letters, so they're skipped.
    const feed = [250, 255, 0, 251, 24, 25, 252, 49, 253, 254, 249, 100, 7, 8];
    let pos = 0;
    const source = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = feed[pos++ % feed.length] ?? 0;
      return bytes;
    };
    const a = JOIN_CODE_ALPHABET;
    expect(newJoinCode(source)).toBe(`${a[0]}${a[24]}${a[0]}${a[24]}${a[24]}${a[0]}`);
  });

  it("keeps drawing when a whole batch is rejected", () => {
    let calls = 0;
    const source = (bytes: Uint8Array) => {
      bytes.fill(calls++ < 3 ? 255 : 3);
      return bytes;
    };
    expect(newJoinCode(source)).toBe(JOIN_CODE_ALPHABET[3]?.repeat(6));
    expect(calls).toBe(4);
  });

  it("every letter of the alphabet turns up about equally often", () => {
    const counts = new Map<string, number>();
    const draws = 4000;
    for (let i = 0; i < draws; i++) for (const ch of newJoinCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect([...counts.keys()].sort().join("")).toBe([...JOIN_CODE_ALPHABET].sort().join(""));
    const expected = (draws * 6) / JOIN_CODE_ALPHABET.length; // 960
    // χ² with 24 degrees of freedom: p(χ² > 60) < 1e-4, so this is not flaky yet catches a real bias.
    const chi2 = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(60);
  });
});

describe("settings", () => {
  it("defaults", () => {
    expect(getSettings({})).toEqual({ publicUrl: undefined, retentionDaySeconds: 86400 });
    expect(getSettings(undefined).retentionDaySeconds).toBe(86400);
  });

  it("reads, trims trailing slashes, coerces numbers, and treats blanks as unset", () => {
    expect(
      getSettings({
        PUBLIC_URL: "",
        RETENTION_DAY_SECONDS: "60",
      }),
    ).toEqual({ publicUrl: undefined, retentionDaySeconds: 60 });
    expect(getSettings({ PUBLIC_URL: "https://candor.example.org/" }).publicUrl).toBe("https://candor.example.org");
    expect(getSettings({ RETENTION_DAY_SECONDS: 2 }).retentionDaySeconds).toBe(2);
  });

  it.each([{ PUBLIC_URL: "ftp://x" }, { PUBLIC_URL: "candor" }, { RETENTION_DAY_SECONDS: "0" }, { RETENTION_DAY_SECONDS: "1.5" }])(
    "refuses %o with a 500 that names nothing",
    (env) => {
      try {
        getSettings(env);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(ApiError);
        expect((err as ApiError).status).toBe(500);
        expect((err as ApiError).publicMessage).toBe("server misconfigured");
      }
    },
  );
});

describe("cutTemplate", () => {
  const icmec = getTemplate("icmec-2") as Template;
  it("keeps the template as is without a choice", () => {
    expect(cutTemplate(icmec, undefined)).toBe(icmec);
  });
  it("ignores duplicates and keeps the template's order", () => {
    expect(cutTemplate(icmec, ["safety", "privacy", "safety"]).domains.map((d) => d.id)).toEqual(["privacy", "safety"]);
  });
  it("lists every unknown domain", () => {
    try {
      cutTemplate(icmec, ["x", "privacy", "y"]);
      expect.unreachable();
    } catch (err) {
      expect((err as ApiError).issues?.map((i) => i.path)).toEqual(["domainIds.0", "domainIds.2"]);
    }
  });
});
