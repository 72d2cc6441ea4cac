/**
 * Issue 13: the room's and the API's refusals are codes that a page words from its catalogue.
 * Every code has a string in all five languages; the wire carries the code and its values; no
 * client file shows a server's or core's English `message`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { roomErrorText } from "../../client/src/console/roomErrorText";
import { ar, en, es, fr, pt } from "../../client/src/i18n/all";
import { startPage } from "../../client/src/i18n/index";
import { CONSOLE_STRINGS } from "../../client/src/i18n/pages/console";
import { apiErrorText } from "../../client/src/lib/apiErrorText";
import { ApiFailure } from "../../client/src/lib/http";
import { ErrorCodeSchema, parseServerMessage } from "../../core/protocol";
import { API_ERROR_CODES, API_ERROR_MESSAGES, REFUSAL_REASONS, refusalMessage } from "../../core/refusals";
import type { Template } from "../../core/template";
import { getTemplate } from "../../core/templates/index";

// The console's strings, as the console page loads them before its first render.
beforeAll(() => startPage(CONSOLE_STRINGS, "console.docTitle", "en"));

const CATALOGUES: Record<string, Readonly<Record<string, string>>> = { en, es, fr, pt, ar };
const CLIENT = fileURLToPath(new URL("../../client/src", import.meta.url));

/** The catalogue keys a page needs, one per code it may receive. */
const NEEDED = [
  ...REFUSAL_REASONS.map((r) => `refusal.${r}`),
  ...ErrorCodeSchema.options.map((c) => `roomError.${c}`),
  ...API_ERROR_CODES.map((c) => `apiError.${c}`),
  "apiError.field",
  "apiError.unexpected",
];

describe("every refusal and error code has words in every language", () => {
  for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
    it(lang, () => {
      const missing = NEEDED.filter((key) => !catalogue[key]?.trim());
      expect(missing).toEqual([]);
    });
  }

  it("developers' English exists for each code too (logs and the wire's message)", () => {
    for (const reason of REFUSAL_REASONS) expect(refusalMessage({ reason }).length).toBeGreaterThan(0);
    for (const code of API_ERROR_CODES) expect(API_ERROR_MESSAGES[code].length).toBeGreaterThan(0);
  });
});

describe("the error frame", () => {
  it("carries a refusal's reason and values, and refuses a reason that isn't one", () => {
    const frame = { t: "error", code: "bad-command", message: "x", id: "c1", reason: "unknown-topic", vars: { topic: "safety" } };
    expect(parseServerMessage(JSON.stringify(frame))).toEqual({ ok: true, value: frame });
    expect(parseServerMessage(JSON.stringify({ ...frame, reason: "because" })).ok).toBe(false);
    expect(parseServerMessage(JSON.stringify({ ...frame, vars: { topic: "safety", text: "English" } })).ok).toBe(false);
    // Without a reason, as every frame before issue 13: still valid.
    expect(parseServerMessage(JSON.stringify({ t: "error", code: "gone", message: "x" })).ok).toBe(true);
  });
});

describe("the console words a refusal", () => {
  const icmec = getTemplate("icmec-2") as Template;
  const safety = icmec.domains.find((d) => d.id === "safety")!;

  it("with the topic's title from the template, never its id, and never the frame's message", () => {
    const text = roomErrorText({ code: "bad-command", reason: "no-results", vars: { topic: "safety" } }, icmec);
    expect(text).toContain(safety.title);
    expect(text).not.toContain("“safety”");
    expect(text).toBe(en["refusal.no-results"].replace("{topic}", safety.title));
  });

  it("with the scale's numbers, and by its code when there is no reason", () => {
    expect(roomErrorText({ code: "bad-command", reason: "off-scale", vars: { value: 4, max: 3 } }, icmec)).toBe(
      en["refusal.off-scale"].replace("{value}", "4").replace("{max}", "3"),
    );
    expect(roomErrorText({ code: "unavailable" }, null)).toBe(en["roomError.unavailable"]);
  });
});

describe("a page words an API failure by its code", () => {
  it("never by the body's English", () => {
    expect(apiErrorText(new ApiFailure(404, "unknown template", [], "unknown-template"))).toBe(en["apiError.unknown-template"]);
    expect(apiErrorText(new ApiFailure(502, "Bad Gateway"))).toBe(en["apiError.internal"]);
    expect(apiErrorText(new ApiFailure(400, "whatever"))).toBe(en["apiError.bad-request"]);
    expect(apiErrorText(new ApiFailure(0, "Failed to fetch"))).toBe(en["common.networkError"]);
    expect(apiErrorText(new Error("boom"))).toBe(en["apiError.unexpected"]);
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("no client file shows a server's or core's English", () => {
  /**
   * Where `.message` may be read: an exception's text kept as an ApiFailure's developer message
   * (lib/http.ts, lib/download.ts), and developers' console lines. Anywhere else, reading a
   * `message` (an error frame's, an API body's, a zod issue's, a core result's) is how English
   * would reach a screen.
   */
  const ALLOWED = new Set(["lib/http.ts", "lib/download.ts"]);

  it("reads no `message` of an error frame, API error, zod issue or core result", () => {
    const found: string[] = [];
    const all = files(CLIENT);
    expect(all.length).toBeGreaterThan(50);
    for (const path of all) {
      const file = relative(CLIENT, path).replaceAll("\\", "/");
      if (file.startsWith("i18n/") || ALLOWED.has(file)) continue;
      readFileSync(path, "utf8")
        .split("\n")
        .forEach((line, i) => {
          // A call (`on.message(data)`, the socket's handler) reads no text; a property read does.
          if (/\.(message|publicMessage)\b(?!\()|\[["']message["']\]/.test(line) && !/console\.(warn|error|log|info)\(/.test(line)) {
            found.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });

  it("the guard would catch the console's old line", () => {
    // What useFacilitator did before issue 13: the room's English in the feedback line.
    const old = `setFeedback({ kind: "error", text: label ? t("console.cmdFailed", { action: label, reason: m.message }) : m.message });`;
    expect(/\.(message|publicMessage)\b/.test(old)).toBe(true);
  });
});
