/**
 * What one workshop costs the platform in the room's own operations (docs/operations.md, "What
 * the free plan covers"): 30 phones, 12 topics, two rounds each, every phone voting. Counted on
 * the room model with a fake storage: the storage rows written (the free plan's tightest daily
 * limit) and the messages the room receives. The doc's own saves, which the adapter makes after
 * facilitators type (at most one per 0.3–2 s of typing), come on top and are counted apart.
 */
import { describe, expect, it } from "vitest";
import { createdRoom } from "./room-host";

describe("one workshop's platform usage", () => {
  it("30 phones, 12 topics × 2 rounds: rows written and messages received stay far inside the free plan's day", async () => {
    const { host, phones, command } = await createdRoom({ phones: 30 });
    const full = (await import("../../core/templates/index")).getTemplate("icmec-2")!;
    // The fixture room has 3 topics; run the 12 of the toolkit by cycling through them.
    const domains = ["privacy", "safety", "services-aaaq"];
    let messages = 30 + 1; // the phones' hellos and the console's
    // Each phone keeps its receipts, as the real phone does: a re-vote asks for the last round's.
    const receipts = new Map<string, string>();
    for (let t = 0; t < 12; t++) {
      const domainId = domains[t % 3]!;
      for (let round = 0; round < 2; round++) {
        host.now += 3 * 60_000; // a round takes minutes: the facilitator's message budget refills
        expect(await command(round === 0 ? { op: "open", domainId } : { op: "new-round" })).toMatchObject({ t: "done" });
        messages++;
        const { roundId, revoteOf } = host.model.liveState();
        for (const [i, p] of phones.entries()) {
          const ratings: Record<string, number> = domainId === "services-aaaq" ? { "0": 2, "1": 3, "2": 1 } : { domain: (i % 5) + 1 };
          const receipt = revoteOf ? receipts.get(`${i}:${revoteOf}`) : undefined;
          const ack = await host.send(p.peer, {
            t: "ballot",
            ballot: { roundId: roundId!, answers: {}, ratings, ...(receipt ? { receipt } : {}) },
          });
          expect(ack).toMatchObject({ t: "ack" });
          if (ack?.t === "ack" && ack.receipt) receipts.set(`${i}:${roundId}`, ack.receipt);
          messages++;
        }
        expect(await command({ op: "close" })).toMatchObject({ t: "done" });
        messages++;
      }
      expect(
        await command({
          op: "record",
          domainId,
          consensus: domainId === "services-aaaq" ? { "0": { value: 2 }, "1": { value: 3 }, "2": { value: 1 } } : { domain: { value: 3 } },
        }),
      ).toMatchObject({ t: "done" });
      messages++;
    }
    await command({ op: "end" });
    messages++;
    const rows = host.storage.puts.reduce((n, entries) => n + Object.keys(entries).length, 0);
    const alarms = 1 + 12 * 2; // creation, and at most one re-arm per round
    console.info(
      `one workshop (30 phones, 12 topics × 2 rounds): ${rows} rows written by the room, ≤ ${alarms} alarms set, ${messages} messages received (${Math.ceil(messages / 20)} billed requests at 20:1), icmec-2 has ${full.domains.length} topics`,
    );
    expect(rows).toBeLessThan(400);
    expect(messages).toBeLessThan(2000);
  });
});
