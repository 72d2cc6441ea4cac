/**
 * @module config
 * Where the rooms are: at the page's own origin (docs/design.md §6), under `/parties/room/<id>`.
 * `ws` beside `http`, `wss` beside `https`. Nothing to fetch, so no page waits for it.
 */
export interface PartyEndpoint {
  /** host[:port], as the room socket (lib/socket.ts) and the Yjs provider want it. */
  host: string;
  protocol: "ws" | "wss";
}

/** The party name of a session room (worker/room-sockets.ts routes it). */
export const ROOM_PARTY = "room";

export function endpointAt(loc: Pick<Location, "host" | "protocol">): PartyEndpoint {
  return { host: loc.host, protocol: loc.protocol === "https:" ? "wss" : "ws" };
}

let here: PartyEndpoint | undefined;
/** This page's endpoint: one object per page, so hooks that depend on it don't reconnect on render. */
export const roomEndpoint = (): PartyEndpoint => (here ??= endpointAt(location));
