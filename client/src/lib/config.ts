/**
 * @module config
 * Where the rooms live: `GET /api/config` → `{ partyUrl }`. Fetched once per page and shared by
 * the JSON socket and the Yjs provider. (The join link's page has it embedded: phone/boot.ts.)
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

/** The socket endpoint for a PartyKit base URL (`http:` → `ws`, `https:` → `wss`). */
export function endpointOf(partyUrl: string): PartyEndpoint {
  const url = new URL(partyUrl);
  return { host: url.host, protocol: url.protocol === "https:" ? "wss" : "ws" };
}

export function partyEndpoint(): Promise<PartyEndpoint> {
  cached ??= getJson(ConfigSchema, "/api/config").then(({ partyUrl }) => endpointOf(partyUrl));
  // A failed lookup is not cached, so "try again" really tries again.
  cached.catch(() => (cached = null));
  return cached;
}
