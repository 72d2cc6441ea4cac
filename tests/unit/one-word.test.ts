/**
 * "Topic" and "domain": the toolkit calls its twelve parts domains; Candor says "topic" to its
 * users everywhere (issue 12). Keys and code may keep the toolkit's word; what a person reads may not.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../client/src/i18n/all";
import { toMarkdown } from "../../core/summary/markdown";
import { getTemplate } from "../../core/templates/index";

/** A text without its `{placeholders}`: `{domain}` is a slot's name, not a word anyone reads. */
const words = (text: string) => text.replace(/\{[^}]*\}/g, "");

describe("one word for users: topic", () => {
  it("no catalogue string says domain", () => {
    const saying = Object.entries(en).filter(([, text]) => /\bdomains?\b/i.test(words(text)));
    expect(saying).toEqual([]);
  });

  it("no Markdown label says domain (the toolkit's own guidance text may)", async () => {
    const { buildSummary } = await import("../../core/summary/build");
    const { initialSession } = await import("../../core/session");
    const template = getTemplate("icmec-2")!;
    const md = toMarkdown(
      buildSummary({
        config: {
          roomId: "AAAAAAAAAAAAAAAAAAAAAA",
          joinCode: "ACDEFG",
          title: "Ward 7",
          facility: null,
          facilities: [],
          k: 3,
          template,
          createdDay: "2026-11-28",
          expiresAt: 1_790_000_000_000,
        },
        session: initialSession(template.domains.map((d) => d.id)),
        notes: {},
      }),
    );
    const labels = md.split("\n").filter((line) => /^(#|\|)/.test(line));
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.filter((line) => /\bdomains?\b/i.test(line))).toEqual([]);
  });
});
