/**
 * `wrangler deploy --dry-run` on the real config (scripts/check-deploy.mjs): the bundle CI would
 * deploy has both Durable Object bindings, exports their classes and creates them by SQLite
 * migrations; and the check does fail when a migration, a binding or an export is missing.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM script without types
import { checkDeploy } from "../../scripts/check-deploy.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const real = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
const variants: string[] = [];

/** A changed copy of wrangler.toml beside it (relative paths must resolve the same). */
function variant(edit: (toml: string) => string): string {
  const path = join(ROOT, `wrangler.check-${process.pid}-${variants.length}.toml`);
  writeFileSync(path, edit(real));
  variants.push(path);
  return path;
}
afterEach(() => {
  for (const p of variants.splice(0)) rmSync(p, { force: true });
});

describe("the deployable bundle", () => {
  it("has both Durable Object bindings, exports their classes, and creates them by SQLite migrations", () => {
    expect(checkDeploy()).toEqual([]);
  });

  it("fails without the migration, with a key-value migration, without a binding, or with Workers Logs on", () => {
    const noMigration = variant((t) => t.replace(/\[\[migrations\]\][\s\S]*?new_sqlite_classes = \[[^\]]*\]\n/, ""));
    expect(checkDeploy(noMigration)).toEqual(expect.arrayContaining([expect.stringMatching(/SessionRoom is not created by a migration/)]));
    const kv = variant((t) => t.replace("new_sqlite_classes", "new_classes"));
    expect(checkDeploy(kv).join("\n")).toMatch(/key-value backed/);
    const unbound = variant((t) => t.replace(/\[\[durable_objects\.bindings\]\]\nname = "JOIN_CODES"\nclass_name = "JoinCodes"\n/, ""));
    expect(checkDeploy(unbound).join("\n")).toMatch(/no Durable Object binding JOIN_CODES/);
    const logs = variant((t) => t.replace("[observability]\nenabled = false", "[observability]\nenabled = true"));
    expect(checkDeploy(logs).join("\n")).toMatch(/Workers Logs are on/);
    const unlimited = variant((t) => t.replace('name = "JOIN_LOOKUPS"', 'name = "OTHER_LIMIT"'));
    expect(checkDeploy(unlimited).join("\n")).toMatch(/no JOIN_LOOKUPS rate limit/);
  }, 120_000);
});
