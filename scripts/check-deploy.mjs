// `npm run check:deploy`: what `wrangler deploy` would upload, checked without deploying
// (`wrangler deploy --dry-run --outdir <tmp>`; nothing leaves the machine). It fails unless the
// bundle has both Durable Object bindings, exports their classes, and every class is created by a
// SQLite migration (and that join-code look-ups are rate-limited and Workers Logs off): a real deploy of a class without its migration fails, and a dry run alone does
// not notice. Run by the integration tests (so by CI), and by `npm run deploy` before deploying.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unstable_readConfig } from "wrangler";

const ROOT = join(import.meta.dirname, "..");
/** The bindings the Worker's code expects (worker/env.ts). */
export const EXPECTED = [
  { name: "SESSION_ROOMS", class_name: "SessionRoom" },
  { name: "JOIN_CODES", class_name: "JoinCodes" },
];

/** Problems found, as sentences; empty when the bundle is deployable. `configPath`: another config (tests). */
export function checkDeploy(configPath = join(ROOT, "wrangler.toml")) {
  const problems = [];
  const config = unstable_readConfig({ config: configPath });
  const migrated = new Set((config.migrations ?? []).flatMap((m) => m.new_sqlite_classes ?? []));
  const classic = new Set((config.migrations ?? []).flatMap((m) => m.new_classes ?? []));
  for (const want of EXPECTED) {
    const bound = config.durable_objects?.bindings?.find((b) => b.name === want.name);
    if (!bound) problems.push(`wrangler.toml has no Durable Object binding ${want.name}`);
    else if (bound.class_name !== want.class_name) problems.push(`${want.name} is bound to ${bound.class_name}, not ${want.class_name}`);
    if (!migrated.has(want.class_name)) {
      const kv = classic.has(want.class_name) ? " (new_classes makes it key-value backed: not on the free plan)" : "";
      problems.push(`${want.class_name} is not created by a migration's new_sqlite_classes${kv}`);
    }
  }
  if (config.observability?.enabled) problems.push("Workers Logs are on: they would keep every request's URL for 7 days");
  // Without it, join codes could be tried one after another (worker/join-limit.ts).
  if (!(config.ratelimits ?? []).some((r) => r.name === "JOIN_LOOKUPS")) problems.push("wrangler.toml has no JOIN_LOOKUPS rate limit");

  const outdir = mkdtempSync(join(tmpdir(), "candor-deploy-"));
  try {
    const run = spawnSync(
      join(ROOT, "node_modules", ".bin", "wrangler"),
      ["deploy", "--dry-run", "--outdir", outdir, "--config", configPath],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: {
          ...process.env,
          NO_COLOR: "1",
          CLOUDFLARE_CF_FETCH_ENABLED: "false",
          WRANGLER_SEND_METRICS: "false",
          WRANGLER_LOG_PATH: join(outdir, "wrangler.log"),
        },
        timeout: 120_000,
      },
    );
    const out = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) return [...problems, `wrangler deploy --dry-run failed (${run.status}):\n${out}`];
    for (const want of EXPECTED) {
      if (!new RegExp(`env\\.${want.name} \\(${want.class_name}\\)\\s+Durable Object`).test(out))
        problems.push(`the dry run lists no binding env.${want.name} (${want.class_name})`);
    }
    if (!/env\.JOIN_LOOKUPS \([^)]*\)\s+Rate Limit/.test(out)) problems.push("the dry run lists no JOIN_LOOKUPS rate limit");
    const bundle = readFileSync(join(outdir, "index.js"), "utf8");
    const exported = /export\s*\{([^}]*)\}\s*;?\s*(\/\/[^\n]*\n\s*)*$/m.exec(bundle.slice(-4000))?.[1] ?? "";
    for (const want of EXPECTED) {
      if (!new RegExp(`\\b${want.class_name}\\b`).test(exported)) problems.push(`the bundle does not export ${want.class_name}`);
    }
    return problems;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkDeploy();
  if (problems.length) {
    console.error(`Not deployable:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log(
    "Deployable: both Durable Object classes bound, exported and created by SQLite migrations; join look-ups rate-limited; logs off.",
  );
}
