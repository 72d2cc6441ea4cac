/** Typed access to the stack launcher shared with `npm start` and the benchmarks. */
// @ts-expect-error -- plain ESM script without types
import { startStack as start } from "../../scripts/stack.mjs";

export interface RunningStack {
  url: string;
  partyUrl: string;
  appOrigin: string;
  persistDir: string;
  secret: string;
  logs(): { party: string; worker: string };
  restartParty(): Promise<void>;
  stop(): Promise<void>;
}

export const startStack = (o: Record<string, unknown> = {}): Promise<RunningStack> => start(o);
