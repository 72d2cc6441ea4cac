// Starts Candor locally: one `wrangler dev` running the Worker and its Durable Objects (the rooms)
// in one workerd, exactly the topology that `wrangler deploy` puts on Cloudflare. Used by
// `npm start`, by the integration and browser tests and by the benchmarks, so all run the same.
//
// Network exposure (docs/operations.md): wrangler dev always listens on 127.0.0.1 only, with its
// V8 inspector and every helper port there too. For a workshop on the local network (a host other
// than loopback), a plain TCP forwarder listens on that host and port and passes bytes to it: so
// the app's own port is the only one reachable from the network. wrangler's request log goes to a
// file of this run's, not to the user's home, and is deleted with the run unless kept.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "node_modules", ".bin");

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

const isLoopback = (host) => host === "127.0.0.1" || host === "localhost" || host === "::1";

async function waitFor(url, { timeoutMs = 90_000, accept = () => true, alive = () => true } = {}) {
  const until = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < until && alive()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (accept(res)) return;
      lastError = new Error(`status ${res.status}`);
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${alive() ? `within ${timeoutMs} ms` : "(wrangler dev exited)"}: ${lastError?.message}`);
}

function run(args, { log, env }) {
  // A process group of its own, so stopping it also stops the workerd it spawns.
  const child = spawn(join(BIN, "wrangler"), args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
  });
  const output = [];
  const onData = (chunk) => {
    output.push(chunk.toString());
    log?.("worker", chunk.toString());
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return { child, output };
}

function stopProcess(proc, signal = "SIGTERM") {
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
      process.kill(-proc.child.pid, signal);
    } catch {
      resolve();
    }
  });
}

/** Listens on host:port and passes every connection's bytes to 127.0.0.1:target (WebSockets too). */
function forward(host, port, target) {
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(target, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

/**
 * @param {object} [o]
 * @param {string} [o.host] interface the app listens on (default 127.0.0.1); another host serves the LAN
 * @param {string} [o.publicHost] host name browsers and phones use (default: host, or 127.0.0.1)
 * @param {number} [o.port] the app's port (default: a free one)
 * @param {string} [o.persistDir] where rooms persist (default: a new temp dir)
 * @param {string} [o.config] another wrangler config (the benchmark's, which adds its echo room)
 * @param {Record<string,string>} [o.vars] extra Worker vars
 * @param {(name: string, text: string) => void} [o.log]
 */
export async function startStack(o = {}) {
  const host = o.host ?? "127.0.0.1";
  const publicHost = o.publicHost ?? (isLoopback(host) ? host : "127.0.0.1");
  const port = o.port ?? (await freePort());
  const lan = !isLoopback(host);
  const workerPort = lan ? await freePort() : port;
  const persistDir = o.persistDir ?? mkdtempSync(join(tmpdir(), "candor-rooms-"));
  const runDir = mkdtempSync(join(tmpdir(), "candor-run-"));
  const logFile = join(runDir, "wrangler.log");
  const url = `http://${publicHost}:${port}`;
  const vars = { PUBLIC_URL: url, ...o.vars };
  const args = [
    "dev",
    ...(o.config ? ["--config", o.config] : []),
    "--ip",
    "127.0.0.1",
    "--port",
    String(workerPort),
    "--inspector-ip",
    "127.0.0.1",
    "--inspector-port",
    String(await freePort()),
    "--persist-to",
    persistDir,
    "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ];
  // No Request.cf download and no telemetry: a laptop workshop runs with no internet at all.
  const env = { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: logFile };

  let worker = run(args, { log: o.log, env });
  const ready = () =>
    waitFor(`http://127.0.0.1:${workerPort}/api/health`, { accept: (r) => r.ok, alive: () => worker.child.exitCode === null });
  let forwarder = null;
  try {
    await ready();
    if (lan) forwarder = await forward(host, port, workerPort);
  } catch (e) {
    await stopProcess(worker);
    throw new Error(`${e.message}\n--- wrangler dev ---\n${worker.output.join("")}`);
  }
  const readLogFile = () => {
    try {
      return readFileSync(logFile, "utf8");
    } catch {
      return "";
    }
  };

  return {
    url,
    port,
    appOrigin: url,
    persistDir,
    logFile,
    pid: () => worker.child.pid,
    /** Everything wrangler dev printed, and its debug log file. */
    logs: () => ({ worker: worker.output.join(""), file: readLogFile() }),
    /**
     * Kills the runtime (every room loses its memory, every socket drops: what a deploy does) and
     * starts it again on the same storage. `signal` SIGKILL makes it abrupt.
     */
    async restart(signal = "SIGTERM") {
      const previous = worker.output;
      await stopProcess(worker, signal);
      worker = run(args, { log: o.log, env });
      worker.output.unshift(...previous);
      await ready();
    },
    async stop({ keepLog = false } = {}) {
      await forwarder?.close();
      await stopProcess(worker);
      if (!keepLog) rmSync(runDir, { recursive: true, force: true });
    },
  };
}
