/** Typed access to the stack launcher shared with `npm start` and the benchmarks (scripts/stack.mjs). */
// @ts-expect-error -- plain ESM script without types
import { startStack as start } from "../../scripts/stack.mjs";

export interface RunningStack {
  /** The app's origin: pages, API and room sockets. */
  url: string;
  port: number;
  appOrigin: string;
  persistDir: string;
  /** wrangler's debug log of this run (request URLs among other things). */
  logFile: string;
  pid(): number;
  logs(): { worker: string; file: string };
  /** Kills the runtime (every socket drops, every room forgets its memory) and starts it on the same storage. */
  restart(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
  stop(o?: { keepLog?: boolean }): Promise<void>;
}

export const startStack = (o: Record<string, unknown> = {}): Promise<RunningStack> => start(o);
