/**
 * The catalogues' split by page (client/src/i18n/areas.ts): every key sits in the area its prefix
 * names, and no page uses a key from an area it does not load. A page's keys are found the way a
 * reader would: walking its entry's imports (static and `import()`), collecting every string
 * literal that is a key and every template-literal key prefix (`t(\`status.${s}\`)`).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AREA_FILES, en } from "../../client/src/i18n/all";
import { AREA_OF_PREFIX, AREAS, type Area, type PageStrings } from "../../client/src/i18n/areas";
import { CONSOLE_STRINGS } from "../../client/src/i18n/pages/console";
import { HOME_STRINGS } from "../../client/src/i18n/pages/home";
import { PHONE_STRINGS } from "../../client/src/i18n/pages/phone";
import { PROJECTOR_STRINGS } from "../../client/src/i18n/pages/projector";
import { TOOLKIT_STRINGS } from "../../client/src/i18n/pages/toolkit";

const CLIENT = fileURLToPath(new URL("../../client/src/", import.meta.url));
const KEYS = new Set(Object.keys(en));
const areaOf = (key: string): Area | undefined => AREA_OF_PREFIX[key.split(".")[0] ?? ""];

const PAGES: Record<string, { entry: string; strings: PageStrings; name: string }> = {
  phone: { entry: "phone.tsx", strings: PHONE_STRINGS, name: "PHONE_STRINGS" },
  projector: { entry: "projector.tsx", strings: PROJECTOR_STRINGS, name: "PROJECTOR_STRINGS" },
  console: { entry: "console.tsx", strings: CONSOLE_STRINGS, name: "CONSOLE_STRINGS" },
  home: { entry: "index.tsx", strings: HOME_STRINGS, name: "HOME_STRINGS" },
  toolkit: { entry: "toolkit.tsx", strings: TOOLKIT_STRINGS, name: "TOOLKIT_STRINGS" },
};

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every module a page's entry reaches (the catalogues themselves left out: they are what is checked). */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [resolve(CLIENT, entry)];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)) {
      const next = resolveImport(file, m[1] as string);
      if (next && !/\/i18n\/(en|es|fr|pt|ar|all)\b/.test(next)) stack.push(next);
    }
  }
  return [...seen];
}

/** A module's code without its comments (a comment that quotes a key does not use it). */
const code = (file: string): string =>
  readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** The keys (and key prefixes of template literals) a set of modules uses. */
function keysUsed(files: readonly string[]): { keys: Set<string>; prefixes: Set<string> } {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of files) {
    const text = code(file);
    for (const m of text.matchAll(/["'`]([\w-]+(?:\.[\w-]+)+)["'`]/g)) if (KEYS.has(m[1] as string)) keys.add(m[1] as string);
    for (const m of text.matchAll(/`([\w-]+\.(?:[\w-]+\.)*)\$\{/g)) {
      const prefix = m[1] as string;
      if ([...KEYS].some((k) => k.startsWith(prefix))) prefixes.add(prefix);
    }
  }
  return { keys, prefixes };
}

describe("catalogue areas", () => {
  it("every key of every language sits in the area its prefix names", () => {
    const misplaced: string[] = [];
    for (const [lang, areas] of Object.entries(AREA_FILES)) {
      for (const area of AREAS) {
        for (const key of Object.keys(areas[area])) if (areaOf(key) !== area) misplaced.push(`${lang}/${area}: ${key}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it("finds the keys a page uses (the walk is not empty)", () => {
    const phone = keysUsed(moduleGraph("phone.tsx"));
    expect(phone.keys).toContain("phone.code.title"); // phone/CodeEntry.tsx, two imports away
    expect(phone.keys).toContain("privacy.heading");
    expect(phone.prefixes).toContain("perspective.");
    const home = keysUsed(moduleGraph("index.tsx"));
    expect(home.keys).toContain("compare.heading"); // behind the compare section's import()
  });

  for (const [page, { entry, strings, name }] of Object.entries(PAGES)) {
    it(`${page}: mounts with its own strings and uses no key from an area it does not load`, () => {
      expect(readFileSync(resolve(CLIENT, entry), "utf8")).toMatch(new RegExp(`mountPage\\(${name},`));
      const { keys, prefixes } = keysUsed(moduleGraph(entry));
      const loaded = new Set(strings.areas);
      const outside = [...keys, ...prefixes].filter((k) => !loaded.has(areaOf(k) as Area)).map((k) => `${k} (${areaOf(k)})`);
      expect(outside).toEqual([]);
    });
  }

  it("the phone loads neither the console's, the screens' nor the home page's strings", () => {
    expect(PHONE_STRINGS.areas).toEqual(["shared", "session", "phone"]);
  });
});
