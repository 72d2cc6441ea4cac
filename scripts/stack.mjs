// Starts Candor's two local runtimes, `partykit dev` (the rooms) and `wrangler dev` (the Worker:
// client + API), wired to each other with a fresh shared secret. Used by `npm start`, by the
// integration tests' globalSetup and by the benchmarks, so all three run the same stack.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "node_modules", ".bin");

/** A port the OS says is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, { timeoutMs = 60_000, accept = () => true } = {}) {
  const until = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (accept(res)) return;
      lastError = new Error(`status ${res.status}`);
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${lastError?.message}`);
}

function run(cmd, args, { log, name }) {
  // A process group of its own, so stopping it also stops the workerd it spawns.
  const child = spawn(join(BIN, cmd), args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  const output = [];
  const onData = (chunk) => {
    output.push(chunk.toString());
    log?.(name, chunk.toString());
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return { child, output };
}

function stopProcess(proc) {
  return new Promise((resolve) => {
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-proc.child.pid, "SIGKILL");
      } catch {}
    }, 5000);
    proc.child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-proc.child.pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

/**
 * @param {object} [o]
 * @param {string} [o.host] interface the Worker binds to (default 127.0.0.1)
 * @param {string} [o.publicHost] host name browsers and phones use (default: host, or 127.0.0.1)
 * @param {number} [o.port] Worker port (default: a free one)
 * @param {number} [o.partyPort] PartyKit port (default: a free one)
 * @param {string} [o.persistDir] where rooms persist (default: a new temp dir)
 * @param {string} [o.secret] Worker ↔ PartyKit secret (default: random per start)
 * @param {Record<string,string>} [o.vars] extra Worker vars
 * @param {(name: string, text: string) => void} [o.log]
 */
export async function startStack(o = {}) {
  const host = o.host ?? "127.0.0.1";
  const publicHost = o.publicHost ?? (host === "0.0.0.0" ? "127.0.0.1" : host);
  const port = o.port ?? (await freePort());
  const partyPort = o.partyPort ?? (await freePort());
  const persistDir = o.persistDir ?? mkdtempSync(join(tmpdir(), "candor-rooms-"));
  const secret = o.secret ?? randomBytes(32).toString("base64url");
  const appOrigins = [...new Set([`http://${publicHost}:${port}`, `http://127.0.0.1:${port}`, `http://localhost:${port}`])];
  const partyArgs = [
    "dev",
    "--port", String(partyPort),
    "--persist", persistDir,
    "--disable-request-cf-fetch",
    "--var", `PARTY_SECRET=${secret}`,
    "--var", `ALLOWED_ORIGINS=${appOrigins.join(",")}`,
  ];
  const workerVars = {
    PARTY_URL: `http://127.0.0.1:${partyPort}`,
    PARTY_PUBLIC_URL: `http://${publicHost}:${partyPort}`,
    PARTY_SECRET: secret,
    PUBLIC_URL: `http://${publicHost}:${port}`,
    ...o.vars,
  };
  const workerArgs = [
    "dev",
    "--ip", host,
    "--port", String(port),
    "--inspector-port", String(await freePort()),
    "--persist-to", join(persistDir, "worker"),
    "--show-interactive-dev-session=false",
    ...Object.entries(workerVars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];

  let party = run("partykit", partyArgs, { log: o.log, name: "party" });
  const worker = run("wrangler", workerArgs, { log: o.log, name: "worker" });
  const partyUrl = `http://127.0.0.1:${partyPort}`;
  const url = `http://${publicHost}:${port}`;
  const partyReady = () => waitFor(`${partyUrl}/parties/codes/health`, { accept: (r) => r.status === 403 || r.status === 405 });
  try {
    await Promise.all([partyReady(), waitFor(`http://127.0.0.1:${port}/api/health`, { accept: (r) => r.ok })]);
  } catch (e) {
    await Promise.all([stopProcess(party), stopProcess(worker)]);
    throw new Error(`${e.message}\n--- party ---\n${party.output.join("")}\n--- worker ---\n${worker.output.join("")}`);
  }

  return {
    url,
    partyUrl,
    partyPort,
    port,
    secret,
    persistDir,
    appOrigin: `http://${publicHost}:${port}`,
    logs: () => ({ party: party.output.join(""), worker: worker.output.join("") }),
    /** Kills the PartyKit dev server (all rooms lose their memory) and starts it again on the same storage. */
    async restartParty() {
      const previous = party.output;
      await stopProcess(party);
      party = run("partykit", partyArgs, { log: o.log, name: "party" });
      party.output.unshift(...previous);
      await partyReady();
    },
    async stop() {
      await Promise.all([stopProcess(party), stopProcess(worker)]);
    },
  };
}
