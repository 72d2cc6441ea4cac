/**
 * @module screens/useRoomDoc
 * The room's Yjs doc for the projector and the console (never the phone: docs/design.md §6). The doc's
 * "live" map is the room's projection ("meta", "session"); its values are validated with the
 * core schemas before use. This client publishes no awareness state (§3.5).
 *
 * Every connection starts from an empty doc. The room stores its doc whole and wakes with the very
 * same one, but a room whose stored doc was lost or migrated rebuilds it under new Yjs client ids,
 * and a client that kept its old doc would then merge the two histories (doubling notes). So when
 * the socket drops, the doc is thrown away and a fresh one syncs from the room. (Hibernation
 * keeps the socket open: nothing is thrown away then.)
 */
import { useEffect, useRef, useState } from "preact/hooks";
import YProvider from "y-partyserver/provider";
import * as Y from "yjs";
import { CLOSE_GONE, CLOSE_NO_TICKET, CLOSE_UNREADABLE, type YjsTicket } from "../../../core/protocol";
import { type DocMeta, DocMetaSchema, type SessionState, SessionStateSchema } from "../../../core/session";
import { type PartyEndpoint, ROOM_PARTY } from "../lib/config";

export interface RoomDoc {
  doc: Y.Doc | null;
  meta: DocMeta | null;
  session: SessionState | null;
  /** True once the first sync finished: before that, an empty doc means "not loaded", not "gone". */
  synced: boolean;
  /**
   * Why the room shut this doc's socket for good, if it did: "ticket" (the link's ticket is wrong
   * or cut short), "gone" (no such session), "unreadable" (stored by another version; try later).
   * No reconnect follows then: waiting would not change the answer.
   */
  refused: DocRefusal | null;
}

export type DocRefusal = "ticket" | "gone" | "unreadable";
const REFUSALS: Record<number, DocRefusal> = { [CLOSE_NO_TICKET]: "ticket", [CLOSE_GONE]: "gone", [CLOSE_UNREADABLE]: "unreadable" };

const EMPTY: RoomDoc = { doc: null, meta: null, session: null, synced: false, refused: null };
const RETRY_MS = [500, 1000, 2000, 4000];

/**
 * @param ticket the room's view ticket (projector) or write ticket (console); `null` waits for one.
 *   A new ticket reconnects with it.
 */
export function useRoomDoc(endpoint: PartyEndpoint | null, roomId: string, ticket: string | null): RoomDoc {
  const [state, setState] = useState<RoomDoc>(EMPTY);
  const [generation, setGeneration] = useState(0);
  const failures = useRef(0);

  useEffect(() => {
    if (!endpoint || ticket === null) return;
    const doc = new Y.Doc();
    const provider = new YProvider(endpoint.host, roomId, doc, {
      party: ROOM_PARTY,
      protocol: endpoint.protocol,
      // The ticket never rides in the URL (proxies and logs keep URLs): it is the first message.
      params: { ch: "yjs" },
      disableBc: true,
      resyncInterval: 20_000,
    });
    provider.awareness.setLocalState(null);
    const live = doc.getMap("live");
    let synced = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      const meta = DocMetaSchema.safeParse(live.get("meta"));
      const session = SessionStateSchema.safeParse(live.get("session"));
      // Until the fresh doc has synced, keep showing what the last one knew.
      if (!synced) return setState((s) => ({ ...s, doc }));
      setState({ doc, meta: meta.success ? meta.data : null, session: session.success ? session.data : null, synced, refused: null });
    };
    live.observe(read);
    provider.on("sync", (isSynced: boolean) => {
      if (isSynced) failures.current = 0;
      synced = synced || isSynced;
      read();
    });
    let refused: DocRefusal | null = null;
    provider.on("connection-close", (event: CloseEvent | null) => {
      refused = (event && REFUSALS[event.code]) ?? null;
      if (refused) setState((s) => ({ ...s, refused }));
    });
    provider.on("status", ({ status }: { status: string }) => {
      if (status === "connected") provider.sendMessage(JSON.stringify({ t: "ticket", ticket } satisfies YjsTicket));
      if (status !== "disconnected" || retry) return;
      if (refused) return provider.disconnect();
      // Stop this provider's own reconnects: the next connection gets a new, empty doc.
      provider.disconnect();
      const wait = RETRY_MS[Math.min(failures.current++, RETRY_MS.length - 1)];
      retry = setTimeout(() => setGeneration((g) => g + 1), wait);
    });
    read();
    return () => {
      if (retry) clearTimeout(retry);
      live.unobserve(read);
      provider.destroy();
      doc.destroy();
      setState((s) => ({ ...s, doc: null }));
    };
  }, [endpoint, roomId, ticket, generation]);

  return state;
}
