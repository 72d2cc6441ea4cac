/**
 * @module config
 * Where the rooms live: `GET /api/config` → `{ partyUrl }`. Fetched once per page and shared by
 * the JSON socket and the Yjs provider.
 */
import { z } from "zod";
import { getJson } from "./http";

export interface PartyEndpoint {
  /** host[:port], as partysocket and y-partykit want it. */
  host: string;
  protocol: "ws" | "wss";
}

const ConfigSchema = z.object({ partyUrl: z.string().url() });

let cached: Promise<PartyEndpoint> | null = null;

export function partyEndpoint(): Promise<PartyEndpoint> {
  cached ??= getJson(ConfigSchema, "/api/config").then(({ partyUrl }) => {
    const url = new URL(partyUrl);
    return { host: url.host, protocol: url.protocol === "https:" ? "wss" : "ws" } satisfies PartyEndpoint;
  });
  // A failed lookup is not cached, so "try again" really tries again.
  cached.catch(() => (cached = null));
  return cached;
}
