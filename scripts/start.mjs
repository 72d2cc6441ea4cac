// `npm start`: the whole app on this machine (one `wrangler dev`: the Worker and its rooms), and
// the one URL to open. Settings (README "Configuration"): CANDOR_HOST, CANDOR_PUBLIC_HOST,
// CANDOR_PORT, CANDOR_VERBOSE. Rooms persist in .wrangler/state between runs.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startStack } from "./stack.mjs";

const env = process.env;
const persistDir = join(import.meta.dirname, "..", ".wrangler", "state");
mkdirSync(persistDir, { recursive: true });

const stack = await startStack({
  host: env.CANDOR_HOST ?? "127.0.0.1",
  publicHost: env.CANDOR_PUBLIC_HOST,
  port: Number(env.CANDOR_PORT ?? 8787),
  persistDir,
  log: env.CANDOR_VERBOSE ? (name, text) => process.stdout.write(`[${name}] ${text}`) : undefined,
});

console.log(`\nCandor is running. Open ${stack.url}/\n(Ctrl-C stops it)\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  });
}
