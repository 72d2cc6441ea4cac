/** Action items as lines with fields (issue 11): written by the console's form, read back by the summary. */
import { describe, expect, it } from "vitest";
import { formatActionLine, parseActionItems } from "../../core/action-items";

describe("action items", () => {
  it("a line with all fields reads back as written", () => {
    const line = formatActionLine({ text: "Train reception staff", owner: "Nurse manager", due: "2027-01-31", priority: "high" });
    expect(line).toBe("- Train reception staff | owner: Nurse manager | due: 2027-01-31 | priority: high");
    expect(parseActionItems(line)).toEqual([
      { text: "Train reception staff", owner: "Nurse manager", due: "2027-01-31", priority: "high" },
    ]);
  });

  it("lines typed by hand: bullets, fields in any order, none, and blank lines", () => {
    const text =
      "* Post the hotline number | priority: Low | owner: Front desk\n\n1. Review the protocol\nCall the shelter | due: 2027-03-01";
    expect(parseActionItems(text)).toEqual([
      { text: "Post the hotline number", owner: "Front desk", due: null, priority: "low" },
      { text: "Review the protocol", owner: null, due: null, priority: null },
      { text: "Call the shelter", owner: null, due: "2027-03-01", priority: null },
    ]);
  });

  it("a field that doesn't read (a bad date, an unknown priority) stays in the words: nothing typed is lost", () => {
    expect(parseActionItems("- Fix the lock | due: next week")).toEqual([
      { text: "Fix the lock | due: next week", owner: null, due: null, priority: null },
    ]);
    expect(parseActionItems("- Fix the lock | priority: urgent | owner: Facilities")).toEqual([
      { text: "Fix the lock | priority: urgent", owner: "Facilities", due: null, priority: null },
    ]);
  });

  it("the form keeps typed text on one line and free of the separator", () => {
    const line = formatActionLine({ text: "Two\nlines | and a bar", owner: "Head | of unit", due: "2027-02-30x", priority: null });
    expect(line).toBe("- Two lines / and a bar | owner: Head / of unit");
    expect(parseActionItems(line)).toEqual([{ text: "Two lines / and a bar", owner: "Head / of unit", due: null, priority: null }]);
  });

  it("round-trips any words and fields", () => {
    for (let i = 0; i < 200; i++) {
      const words = Array.from(
        { length: 1 + (i % 7) },
        (_, j) => ["staff", "due:", "owner", "|", "x", "2027-01-01", "high"][(i * 3 + j) % 7],
      ).join(" ");
      const item = {
        text: words,
        owner: i % 2 ? "Lead nurse" : null,
        due: i % 3 ? `2027-05-0${1 + (i % 9)}` : null,
        priority: (["high", "medium", "low", null] as const)[i % 4]!,
      };
      const [back] = parseActionItems(formatActionLine(item));
      expect(back).toEqual({
        text: words.replace(/\s+/g, " ").replaceAll("|", "/").trim(),
        owner: item.owner,
        due: item.due,
        priority: item.priority,
      });
    }
  });

  it("a due day must be a real day: 2027-02-30 stays in the words", () => {
    expect(parseActionItems("- Fix it | due: 2027-02-30")).toEqual([
      { text: "Fix it | due: 2027-02-30", owner: null, due: null, priority: null },
    ]);
    expect(parseActionItems("- Fix it | due: 2028-02-29")[0]!.due).toBe("2028-02-29");
  });

  it("a toolkit point goes whole into its line, however long; the form's words are kept to their limit", async () => {
    const { getToolkit } = await import("../../core/templates/toolkit/index");
    const { actionLine, guidancePoints } = await import("../../core/toolkit");
    const toolkit = getToolkit("icmec-2")!;
    const longest = toolkit.guidance
      .flatMap((g) => guidancePoints(toolkit, g.domainId))
      .sort((a, b) => actionLine(b).length - actionLine(a).length)[0]!;
    expect(actionLine(longest).length).toBeGreaterThan(600);
    expect(actionLine(longest).endsWith((longest.sub.at(-1)?.text ?? longest.text).replace(/\s+/g, " ").replaceAll("|", "/").trim())).toBe(
      true,
    );
    expect(formatActionLine({ text: "x".repeat(700) })).toHaveLength(2 + 600);
  });
});
