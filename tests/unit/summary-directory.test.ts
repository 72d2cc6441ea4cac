/**
 * The community directory in the exports (issue 12): its section of the report and the Markdown
 * (only filled rows, by table, with the international links), its own CSV, and the summary JSON's
 * optional `directory`: written, read back, and absent from /2 and /1 files that still load.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Directory, defaultDirectory } from "../../core/directory";
import { buildSummary } from "../../core/summary/build";
import { toDirectoryCsv } from "../../core/summary/directory";
import { summaryFileName } from "../../core/summary/formats";
import { toHtml } from "../../core/summary/html";
import { fromJson, toJson } from "../../core/summary/json";
import { toMarkdown } from "../../core/summary/markdown";
import { SUMMARY_SCHEMA_ID, type Summary, SummaryInputSchema } from "../../core/summary/schema";
import { FACILITATOR_KEY, RoomHost, roomConfig } from "./room-host";

function directory(): Directory {
  const d = defaultDirectory();
  const table = (id: string) => d.tables.find((t) => t.id === id)!;
  table("health").rows[0] = { type: "Local hospital", name: "St. Mary's <b>Hospital</b>", contact: '=HYPERLINK("x")', hours: "24/7" };
  table("hotlines").rows[1] = { type: "Suicide hotline", name: "Lifeline | Crisis", contact: "988", hours: "" };
  table("international").rows.push({ type: "IOM", website: "javascript:alert(1)", contact: "" });
  table("international").rows.push({ type: "A network", website: "https://example.org/a|b", contact: "" });
  return d;
}

async function summaryWith(d?: Directory): Promise<Summary> {
  const host = new RoomHost();
  await host.start();
  await host.model.create(await roomConfig(), d);
  const answer = await host.model.summary(FACILITATOR_KEY);
  if (!answer.ok) throw new Error(answer.refusal);
  return buildSummary(SummaryInputSchema.parse(answer.value));
}

describe("the directory in the exports", () => {
  it("the report has its section: only filled rows, by table, the seed's links as links, every text escaped", async () => {
    const html = toHtml(await summaryWith(directory()));
    const section = html.slice(html.indexOf('<div class="directory"'));
    expect(section).toContain('<h2 id="directory-h">Community directory</h2>');
    expect(section.indexOf("Hotlines")).toBeLessThan(section.indexOf("Health and mental health services"));
    expect(section).toContain("St. Mary&#39;s &lt;b&gt;Hospital&lt;/b&gt;");
    expect(section).not.toContain("<b>");
    expect(section).toContain("Suicide hotline");
    // A pre-filled label nobody completed is not an entry.
    expect(section).not.toContain("Child hotline");
    expect(section).not.toContain("Trauma center");
    expect(section).toContain('<a href="https://www.unicef.org/">https://www.unicef.org/</a>');
    expect(section).toContain('<a href="https://www.who.int/">https://www.who.int/</a>');
    expect(section).not.toContain("Other international agencies");
    // A website that is no http(s) address stays text.
    expect(section).toContain('<td dir="auto">javascript:alert(1)</td>');
    expect(section).not.toContain('href="javascript');
  });

  it("the Markdown has the same rows, cells escaped, links as links", async () => {
    const md = toMarkdown(await summaryWith(directory()));
    const section = md.slice(md.indexOf("## Community directory"));
    expect(section).toContain("### Hotlines");
    expect(section).toContain("| Suicide hotline | Lifeline \\| Crisis | 988 |  |");
    expect(section).toContain("St. Mary's &lt;b&gt;Hospital&lt;/b&gt;");
    expect(section).toContain("| UNICEF | [https://www.unicef.org/](https://www.unicef.org/) |  |");
    expect(section).not.toContain("Child hotline");
    // A "|" in an address would end the table's cell: it goes into the link encoded.
    expect(section).toContain("(https://example.org/a%7Cb)");
  });

  it("its CSV has one line per filled row, the documented columns, formulas neutralised", async () => {
    const csv = toDirectoryCsv(await summaryWith(directory()));
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("table_id,table,type,name,contact,hours,length_of_stay,language,website");
    expect(lines).toContain("hotlines,Hotlines,Suicide hotline,Lifeline | Crisis,988,,,,");
    expect(lines).toContain(
      `health,Health and mental health services,Local hospital,St. Mary's <b>Hospital</b>,"'=HYPERLINK(""x"")",24/7,,,`,
    );
    expect(lines).toContain("international,International organizations,UNICEF,,,,,,https://www.unicef.org/");
    // 2 filled rows, 7 seed links and the two added organizations.
    expect(lines).toHaveLength(1 + 2 + 7 + 2);
    expect(summaryFileName("Ward 3", "2026-11-28", "directory-csv")).toBe("candor-ward-3-2026-11-28-directory.csv");
  });

  it("the JSON carries the whole directory and loads back; a /2 file without one and a /1 file still load", async () => {
    const s = await summaryWith(directory());
    const back = fromJson(toJson(s));
    expect(back.schema).toBe(SUMMARY_SCHEMA_ID);
    expect(back.directory).toEqual(s.directory);
    expect(back.directory?.tables.find((t) => t.id === "health")?.rows).toHaveLength(18);

    const { directory: _none, ...before } = s;
    const old = fromJson(JSON.stringify(before));
    expect(old.directory).toBeUndefined();
    expect(toHtml(old)).not.toContain("Community directory");
    expect(toMarkdown(old)).not.toContain("Community directory");
    expect(toDirectoryCsv(old).trimEnd()).toBe("\uFEFFtable_id,table,type,name,contact,hours,length_of_stay,language,website");

    const v1 = fromJson(readFileSync(new URL("../fixtures/summary-v1.json", import.meta.url), "utf8"));
    expect(v1.directory).toBeUndefined();
  });
});
