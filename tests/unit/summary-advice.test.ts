/**
 * The report as an improvement plan's first piece (issue 11): a topic that needs improvement
 * carries the toolkit's guidance (the points the group turned into action items, else all of the
 * topic's) and its resources with their links, in HTML and Markdown; a topic that does not, none.
 */
import { describe, expect, it } from "vitest";
import { toHtml } from "../../core/summary/html";
import { toMarkdown } from "../../core/summary/markdown";
import { SummarySchema } from "../../core/summary/schema";
import { getToolkit } from "../../core/templates/toolkit/index";
import { actionLine, guidancePoints, resourcesFor } from "../../core/toolkit";
import { endedSessionJson, recorded } from "../fixtures/ended-sessions";

const toolkit = getToolkit("icmec-2")!;
const privacyPoints = guidancePoints(toolkit, "privacy");
const conductPoints = guidancePoints(toolkit, "conduct");
const chosenPoint = privacyPoints[2]!;

/** Privacy recorded at 2 with one guidance point as an action item; conduct at 2 with none; safety at 4. */
function summary() {
  const s = SummarySchema.parse(
    JSON.parse(
      endedSessionJson("Ward review", "2026-11-28", ["St Mary's"], {
        privacy: recorded({ domain: [2, 5, 3, 0, 0] }, { domain: 2 }),
        conduct: recorded({ domain: [3, 4, 3, 0, 0] }, { domain: 2 }),
        safety: recorded({ domain: [0, 0, 2, 5, 3] }, { domain: 4 }),
        interpreters: { status: "pending", rounds: [], consensus: null },
        gender: { status: "skipped", rounds: [], consensus: null },
      }),
    ),
  );
  const privacy = s.domains.find((d) => d.id === "privacy")!;
  privacy.actions = `- Our own item\n${actionLine(chosenPoint)}\n`;
  return s;
}

/** The HTML of one topic's section. */
const sectionOf = (html: string, id: string) =>
  html.slice(html.indexOf(`id="domain-${id}"`), html.indexOf("</section>", html.indexOf(`id="domain-${id}"`)));
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe("the report prints the toolkit's advice for the topics that need improvement", () => {
  const html = toHtml(summary(), toolkit);

  it("the points the group chose, and only those, with the topic's resources as working links", () => {
    const privacy = sectionOf(html, "privacy");
    expect(privacy).toContain("What the toolkit advises");
    expect(privacy).toContain("The points the group chose as action items.");
    const advice = privacy.slice(privacy.indexOf("What the toolkit advises"));
    expect(advice).toContain(esc(chosenPoint.text));
    for (const p of privacyPoints.filter((x) => x !== chosenPoint)) expect(advice).not.toContain(`<li>${esc(p.text)}`);
    const entries = resourcesFor(toolkit, "privacy").flatMap((c) => c.entries);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(advice).toContain(esc(e.title));
      if (e.url) expect(advice).toContain(`<a href="${esc(e.url)}">`);
    }
  });

  it("all of a topic's guidance when the group chose none of it", () => {
    const conduct = sectionOf(html, "conduct");
    expect(conduct).toContain("All of the toolkit's guidance for this topic");
    for (const p of conductPoints) expect(conduct).toContain(esc(p.text));
  });

  it("nothing for a topic recorded as strong; the bare titles when the toolkit is not given", () => {
    expect(sectionOf(html, "safety")).not.toContain("What the toolkit advises");
    const plain = toHtml(summary());
    expect(plain).not.toContain("What the toolkit advises");
    expect(sectionOf(plain, "privacy")).toContain("Read next");
  });

  it("Markdown carries the same: the chosen point and the resources as links", () => {
    const md = toMarkdown(summary(), toolkit);
    const privacy = md.slice(md.indexOf("## 2. Privacy/confidentiality"), md.indexOf("## 4. Staff professional conduct"));
    expect(privacy).toContain("**What the toolkit advises**");
    const linked = resourcesFor(toolkit, "privacy").flatMap((c) => c.entries.filter((e) => e.url));
    for (const e of linked) expect(privacy).toContain(`](<${e.url}>)`);
    expect(md).toContain("All of the toolkit's guidance for this topic");
  });

  it("topics not assessed share one line; the statistics' numbers are in an appendix, their words in the body", () => {
    expect(html).not.toContain('id="domain-interpreters"');
    expect(html).toContain("<strong>Not assessed in this session:</strong> 5. Interpreter resources (not assessed); 7.");
    const appendix = html.slice(html.indexOf("Appendix: the statistics as numbers"));
    const privacy = summary().domains.find((d) => d.id === "privacy")!.ratings[0]!.latest!;
    expect(appendix).toContain(`<td class="n">${privacy.agreementA!.toFixed(2).replace(/\.?0+$/, "")}</td>`);
    expect(sectionOf(html, "privacy")).not.toMatch(/Cns|agreement A/);
    expect(sectionOf(html, "privacy")).toContain("median 2 (somewhat weak)");
    const md = toMarkdown(summary(), toolkit);
    expect(md).toContain("**Not assessed in this session:** 5. Interpreter resources (not assessed); 7.");
    expect(md).toContain("## Appendix: the statistics as numbers");
    expect(md).not.toContain("## 5. Interpreter resources");
  });

  it("a topic whose own resource categories are empty gets the resources for every topic, with links", () => {
    const s = summary();
    s.domains.find((d) => d.id === "safety")!.readNext = { guidance: "Guidance on Safety", resources: [] };
    const safety = sectionOf(toHtml(s, toolkit), "safety");
    const general = toolkit.resources.find((c) => c.domainIds.length === 0)!;
    for (const e of general.entries.filter((x) => x.url)) expect(safety).toContain(`<a href="${esc(e.url!)}">`);
  });
});
