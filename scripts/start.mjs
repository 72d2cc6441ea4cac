// `npm start`: the whole app on this machine, Worker + PartyKit, and the one URL to open.
// Settings (README "Configuration"): CANDOR_HOST, CANDOR_PUBLIC_HOST, CANDOR_PORT, CANDOR_PARTY_PORT.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startStack } from "./stack.mjs";

const env = process.env;
const persistDir = join(import.meta.dirname, "..", ".partykit", "state");
mkdirSync(persistDir, { recursive: true });

const stack = await startStack({
  host: env.CANDOR_HOST ?? "127.0.0.1",
  publicHost: env.CANDOR_PUBLIC_HOST,
  port: Number(env.CANDOR_PORT ?? 8787),
  partyPort: Number(env.CANDOR_PARTY_PORT ?? 1999),
  persistDir,
  secret: env.PARTY_SECRET,
  log: env.CANDOR_VERBOSE ? (name, text) => process.stdout.write(`[${name}] ${text}`) : undefined,
});

console.log(`\nCandor is running. Open ${stack.url}/\n(rooms: ${stack.partyUrl}; Ctrl-C stops both)\n`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  });
}
