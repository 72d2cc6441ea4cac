import { describe, expect, it } from "vitest";
import { retryDelay } from "../../core/backoff";

describe("retryDelay (a phone's wait after rate-limited)", () => {
  it("starts at 1–3 s, grows by half, and stops growing at 5–15 s", () => {
    expect([retryDelay(0, () => 0), retryDelay(0, () => 1)]).toEqual([1000, 3000]);
    expect(retryDelay(1, () => 0)).toBe(1500);
    expect(retryDelay(4, () => 0)).toBe(5000); // 1000 · 1.5^4 = 5062 → capped
    expect([retryDelay(20, () => 0), retryDelay(20, () => 1)]).toEqual([5000, 15000]);
  });

  it("spreads phones refused together over the jitter window", () => {
    const waits = new Set(Array.from({ length: 50 }, (_, i) => retryDelay(0, () => i / 49)));
    expect(waits.size).toBe(50);
  });
});
