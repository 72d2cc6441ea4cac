/**
 * The console's order of guidance after a reveal (issue 11): points linked to the items most
 * answered "No" come first, each once, then the rest in the toolkit's order.
 */
import { describe, expect, it } from "vitest";
import { rankGuidance, type Toolkit, ToolkitSchema } from "../../core/toolkit";

const point = (id: string) => ({ kind: "point" as const, id, text: `Point ${id}`, sub: [] });

const toolkit: Toolkit = ToolkitSchema.parse({
  templateId: "t",
  definitions: [],
  resources: [],
  guidance: [
    {
      domainId: "safety",
      title: "Guidance on Safety",
      blocks: [{ kind: "text", text: "Intro." }, point("safety.g1"), point("safety.g2"), point("safety.g3")],
    },
    { domainId: "privacy", title: "Guidance on Privacy", blocks: [point("privacy.g1")] },
  ],
  itemGuidance: {
    "safety.1": ["safety.g3"],
    "safety.2": ["safety.g2", "privacy.g1"],
    "safety.3": "none",
    "safety.4": ["safety.g3"],
  },
});

const ids = (ranked: ReturnType<typeof rankGuidance>) => ranked.map((r) => r.point.id);

describe("rankGuidance", () => {
  it("puts the points of the items most answered No first, each once, then the rest in order", () => {
    const ranked = rankGuidance(toolkit, "safety", {
      "safety.1": { yes: 3, no: 1, na: 1 }, // 20 % No
      "safety.2": { yes: 1, no: 3, na: 1 }, // 60 % No
      "safety.3": { yes: 0, no: 5, na: 0 }, // 100 % No, but no guidance point addresses it
      "safety.4": { yes: 1, no: 4, na: 0 }, // 80 % No: safety.g3 again
    });
    expect(ids(ranked)).toEqual(["safety.g3", "safety.g2", "privacy.g1", "safety.g1"]);
    expect(ranked[0]!.noItems).toEqual([
      { itemId: "safety.4", noShare: 0.8 },
      { itemId: "safety.1", noShare: 0.2 },
    ]);
    expect(ranked[3]!.noItems).toEqual([]);
  });

  it("without any No (or with items withheld below k), keeps the toolkit's order", () => {
    expect(ids(rankGuidance(toolkit, "safety", { "safety.1": { yes: 5, no: 0, na: 0 } }))).toEqual(["safety.g1", "safety.g2", "safety.g3"]);
    expect(ids(rankGuidance(toolkit, "safety", {}))).toEqual(["safety.g1", "safety.g2", "safety.g3"]);
  });

  it("a domain without guidance has no points", () => {
    expect(rankGuidance(toolkit, "conduct", { "conduct.1": { yes: 0, no: 5, na: 0 } })).toEqual([]);
  });

  it("the schema refuses a link to a point that does not exist", () => {
    expect(() => ToolkitSchema.parse({ ...toolkit, itemGuidance: { "safety.1": ["safety.g9"] } })).toThrow(/unknown point safety.g9/);
  });
});

describe("the link back to the source", () => {
  it("is the publisher's portal as the toolkit itself gives it", async () => {
    const { getToolkit } = await import("../../core/templates/toolkit/index");
    const { norm, SEED_LINES } = await import("./seed-text");
    const portal = getToolkit("icmec-2")!.portal!;
    expect(norm(SEED_LINES.join("\n"))).toContain(norm(`${portal.title}: ${portal.url}`));
  });
});
