/** The join-code directory's rules (party/join-code-book.ts) on a fake storage. */
import { describe, expect, it } from "vitest";
import { STORAGE_VERSION } from "../../core/stored";
import { JoinCodeBook } from "../../party/join-code-book";

function book() {
  const data = new Map<string, unknown>();
  let alarm: number | null = null;
  const clock = { t: 1_000_000 };
  const storage = {
    get: async (k: string) => data.get(k),
    put: async (e: Record<string, unknown>) => void Object.entries(e).forEach(([k, v]) => data.set(k, structuredClone(v))),
    deleteAll: async () => data.clear(),
    setAlarm: async (at: number) => void (alarm = at),
  };
  return { codes: new JoinCodeBook(storage, { now: () => clock.t }), data, clock, alarm: () => alarm };
}
const claim = (roomId: string, expiresAt = 2_000_000) => ({ roomId, title: "Ward", k: 5, expiresAt });
const A = "AAAAAAAAAAAAAAAAAAAAAA";
const B = "BBBBBBBBBBBBBBBBBBBBBB";

describe("JoinCodeBook", () => {
  it("claims for one room only, until expiry; the alarm is set to it", async () => {
    const { codes, alarm, data } = book();
    expect(await codes.claim(claim(A))).toBe(true);
    expect(await codes.claim(claim(A))).toBe(true);
    expect(await codes.claim(claim(B))).toBe(false);
    expect(await codes.lookup()).toEqual({ roomId: A, title: "Ward", k: 5 });
    expect(alarm()).toBe(2_000_000);
    expect(data.get("entry")).toMatchObject({ v: STORAGE_VERSION });
  });

  it("a release by another room changes nothing; by its own room erases the entry", async () => {
    const { codes, data } = book();
    await codes.claim(claim(A));
    await codes.release(B);
    expect(await codes.lookup()).not.toBeNull();
    await codes.release(A);
    expect(await codes.lookup()).toBeNull();
    expect(data.size).toBe(0);
  });

  it("an expired entry is gone even before its alarm, and a layout-1 entry is read", async () => {
    const { codes, data, clock } = book();
    data.set("entry", { roomId: A, title: "Old", k: 3, expiresAt: 1_500_000 });
    expect(await codes.lookup()).toEqual({ roomId: A, title: "Old", k: 3 });
    clock.t = 1_500_000;
    expect(await codes.lookup()).toBeNull();
    expect(data.size).toBe(0);
    expect(await codes.claim(claim(B))).toBe(true);
  });

  it("refuses a malformed claim", async () => {
    const { codes } = book();
    await expect(codes.claim({ roomId: "x" })).rejects.toThrow();
  });
});
