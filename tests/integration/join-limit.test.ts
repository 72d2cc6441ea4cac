/**
 * Join codes can't be enumerated (docs/design.md §3.6): the real runtime's rate limiting binding
 * answers 429 past 200 look-ups in 10 s from one address, for the API and the QR code alike, and
 * the join link's page then comes without its data block. No address is stored: the storage scan
 * in live-room.test.ts covers every request of a session.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoom } from "./clients";
import { type RunningStack, startStack } from "./stack";

let stack: RunningStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("join-code look-ups", () => {
  it("answer 429 once an address has tried too many, codes real or not", async () => {
    const room = await createRoom(stack, { domainIds: ["safety"] });
    // The limiter counts in fixed 10 s windows: ask until it refuses (a window boundary on the way
    // can let up to twice the limit through, never more), then it keeps refusing.
    const statuses: number[] = [];
    while (!statuses.includes(429) && statuses.length < 800) {
      statuses.push((await fetch(`${stack.url}/api/join/${statuses.length % 2 ? room.joinCode : "ACDEFG"}`)).status);
    }
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThanOrEqual(200); // a room's worth of phones behind one address gets in
    expect(firstRefused).toBeLessThan(400);
    expect(statuses.slice(0, firstRefused).every((s) => s === 200 || s === 404)).toBe(true);
    const refused = await fetch(`${stack.url}/api/join/${room.joinCode}`);
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([429, "10"]);
    expect((await fetch(`${stack.url}/api/join/${room.joinCode}/qr.svg`)).status).toBe(429);
    const page = await fetch(`${stack.url}/j/${room.joinCode}`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain("candor-join");
  });
});
