/**
 * What a laptop-run workshop exposes to the network (docs/design.md §6.6, docs/operations.md):
 * in the default setting nothing but loopback; in the LAN setting only the app's own port. Read
 * from the kernel's table of listening sockets (/proc/net/tcp, tcp6) and the owner of each socket
 * (/proc/<pid>/fd), so the check is about what is really bound, not about flags passed.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { createRoom, JsonClient } from "./clients";
import { type RunningStack, startStack } from "./stack";

interface Listening {
  address: string;
  port: number;
  inode: string;
}

/** Every TCP socket in LISTEN state, IPv4 and IPv6, with its address in dotted/colon form. */
function listeningSockets(): Listening[] {
  const rows: Listening[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] !== "0A") continue; // 0A = LISTEN
      const [hex, portHex] = cols[1]!.split(":");
      rows.push({ address: decodeAddress(hex!), port: parseInt(portHex!, 16), inode: cols[9]! });
    }
  }
  return rows;
}

/** /proc/net's little-endian hex address as text: "0100007F" → "127.0.0.1", the IPv6 forms likewise. */
function decodeAddress(hex: string): string {
  if (hex.length === 8) return [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(".");
  const words = Array.from({ length: 4 }, (_, w) =>
    hex
      .slice(w * 8, w * 8 + 8)
      .match(/../g)!
      .reverse()
      .join(""),
  );
  const full = words.join("");
  if (full === "0".repeat(32)) return "::";
  if (full === `${"0".repeat(31)}1`) return "::1";
  if (full.startsWith(`${"0".repeat(20)}ffff`)) return decodeAddress(hex.slice(24));
  return full.match(/.{4}/g)!.join(":");
}

/** The pids of a process group (the stack's wrangler and every workerd it started). */
function processGroup(pgid: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so read after ")".
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Socket inodes a process holds open. */
function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    }
  } catch {
    // the process went away
  }
  return inodes;
}

const ownedBy = (pids: number[]): Listening[] => {
  const inodes = new Set(pids.flatMap((pid) => [...socketInodes(pid)]));
  return listeningSockets().filter((s) => inodes.has(s.inode));
};

const isLoopback = (address: string) => address === "127.0.0.1" || address === "::1";

let stack: RunningStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

describe("network exposure of `npm start`", () => {
  it("by default, the runtime and its inspector listen on loopback only", async () => {
    stack = await startStack();
    const sockets = ownedBy(processGroup(stack.pid()));
    const port = Number(new URL(stack.url).port);
    expect(sockets.map((s) => s.port)).toContain(port);
    expect(sockets.length).toBeGreaterThanOrEqual(3); // the app, the inspector, the runtime's own
    for (const s of sockets) expect(isLoopback(s.address), `${s.address}:${s.port}`).toBe(true);
    // One of them is the V8 inspector (it can read a room's memory): on loopback, like the rest.
    let inspectors = 0;
    for (const s of sockets) {
      const res = await fetch(`http://127.0.0.1:${s.port}/json/version`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
      if (res?.ok && /"Browser"|webSocketDebuggerUrl|V8-Version/i.test(await res.text())) inspectors++;
    }
    expect(inspectors).toBeGreaterThanOrEqual(1);
  });

  it("in the LAN setting, only the app's own port is open to the network, and phones reach rooms through it", async () => {
    stack = await startStack({ host: "0.0.0.0" });
    const port = Number(new URL(stack.url).port);
    // The runtime itself still listens on loopback only, inspector included...
    const runtime = ownedBy(processGroup(stack.pid()));
    expect(runtime.length).toBeGreaterThanOrEqual(3);
    for (const s of runtime) expect(isLoopback(s.address), `${s.address}:${s.port}`).toBe(true);
    expect(runtime.map((s) => s.port)).not.toContain(port);
    // ...and the one socket open to every interface is the app's port, held by the forwarder.
    const open = ownedBy([process.pid]).filter((s) => !isLoopback(s.address));
    expect(open.map((s) => `${s.address}:${s.port}`)).toEqual([expect.stringMatching(new RegExp(`^(0\\.0\\.0\\.0|::):${port}$`))]);
    // Through it: the API, and a room socket (what a phone on the Wi-Fi does). Over this machine's
    // own network address when it has one, else over loopback (the forwarder listens on both).
    const lan =
      Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === "IPv4" && !a.internal)?.address ?? "127.0.0.1";
    const base = `http://${lan}:${port}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const room = await createRoom({ url: base, appOrigin: base }, { domainIds: ["safety"] });
    const phone = await JsonClient.open({ url: base, appOrigin: base }, room.roomId);
    expect(await phone.request({ t: "hello", role: "phone" })).toMatchObject({ t: "welcome", role: "phone" });
    phone.close();
  });
});
