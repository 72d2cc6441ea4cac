/**
 * "x of N" that tells the truth (issue 9, docs/design.md §3.3): N counts the passes present,
 * connected now or until a moment ago, or with a ballot in the open round, so auto-close fires
 * when someone leaves; a brief drop is not leaving.
 */
import { describe, expect, it } from "vitest";
import type { Ballot } from "../../core/protocol";
import { createdRoom } from "./room-host";

const safety = (rating: number): Ballot => ({ roundId: "safety#1", answers: {}, ratings: { domain: rating } });

describe("present: the N of 'x of N have voted'", () => {
  it("counts connected passes; someone who leaves stops counting after the grace, and auto-close then fires", async () => {
    const { host, phones, command } = await createdRoom({ phones: 4 });
    await command({ op: "auto-close", enabled: true });
    await command({ op: "open", domainId: "safety" });
    expect(host.model.liveState()).toMatchObject({ present: 4, voted: 0 });
    for (const p of phones.slice(0, 3)) await host.send(p.peer, { t: "ballot", ballot: safety(3) });
    expect(host.model.liveState()).toMatchObject({ phase: "open", present: 4, voted: 3 });

    // The fourth closes the browser without voting: still counted during the grace...
    host.timers.length = 0;
    host.disconnect(phones[3]!.peer);
    expect(host.model.liveState()).toMatchObject({ phase: "open", present: 4 });
    // ...then not, and everyone present has voted: the round closes by itself.
    host.runTimers();
    await new Promise((r) => setTimeout(r, 0));
    expect(host.model.liveState().phase).toBe("revealed");
    expect(host.storage.data.get("domain:safety")).toBeDefined();
  });

  it("a phone that comes back within the grace was never gone, and a voter who leaves still counts", async () => {
    const { host, phones, command } = await createdRoom({ phones: 3 });
    await command({ op: "auto-close", enabled: true });
    await command({ op: "open", domainId: "safety" });
    await host.send(phones[0]!.peer, { t: "ballot", ballot: safety(2) });
    // The voter leaves: its ballot is in the round, so it is present.
    host.disconnect(phones[0]!.peer);
    host.runTimers();
    expect(host.model.liveState()).toMatchObject({ phase: "open", present: 3, voted: 1 });
    // A non-voter's screen locks for a moment and comes back with its pass.
    host.timers.length = 0;
    host.disconnect(phones[1]!.peer);
    const back = host.connect();
    await host.send(back, { t: "hello", role: "phone", token: phones[1]!.token });
    host.runTimers();
    expect(host.model.liveState()).toMatchObject({ phase: "open", present: 3, voted: 1 });
  });

  it("two sockets of one pass are one person; nobody present, nothing closes", async () => {
    const { host, phones, command } = await createdRoom({ phones: 2 });
    await command({ op: "auto-close", enabled: true });
    const twin = host.connect();
    await host.send(twin, { t: "hello", role: "phone", token: phones[0]!.token });
    await command({ op: "open", domainId: "safety" });
    expect(host.model.liveState()).toMatchObject({ present: 2, joined: 2 });
    for (const p of [...phones.map((x) => x.peer), twin]) host.disconnect(p);
    host.runTimers();
    await new Promise((r) => setTimeout(r, 0));
    expect(host.model.liveState()).toMatchObject({ phase: "open", present: 0, voted: 0 });
  });
});
