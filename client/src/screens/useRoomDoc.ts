/**
 * @module screens/useRoomDoc
 * The room's Yjs doc for the projector and the console (never the phone: DESIGN §6). The doc's
 * "live" map is the room's projection ("meta", "session"); its values are validated with the
 * core schemas before use. This client publishes no awareness state (§3.5). The projector
 * connects without a ticket (read-only); the console with the write ticket from its welcome, and
 * reconnects when a new ticket arrives so its notes keep being accepted.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import YPartyKitProvider from "y-partykit/provider";
import * as Y from "yjs";
import { type DocMeta, DocMetaSchema, type SessionState, SessionStateSchema } from "../../../core/session";
import type { PartyEndpoint } from "../lib/config";

export interface RoomDoc {
  doc: Y.Doc | null;
  meta: DocMeta | null;
  session: SessionState | null;
  /** True once the first sync finished: before that, an empty doc means "not loaded", not "gone". */
  synced: boolean;
}

const EMPTY: RoomDoc = { doc: null, meta: null, session: null, synced: false };

/**
 * @param ticket `undefined`: connect read-only now (projector); `null`: wait for one (console);
 *   a string: connect writable with it.
 */
export function useRoomDoc(endpoint: PartyEndpoint | null, roomId: string, ticket: string | null | undefined): RoomDoc {
  const [state, setState] = useState<RoomDoc>(EMPTY);
  // Kept current during render, so the provider's params function never reads a stale ticket.
  const ticketRef = useRef(ticket);
  ticketRef.current = ticket;
  /** The ticket the provider last connected with. */
  const usedTicket = useRef<string | null | undefined>(undefined);
  const providerRef = useRef<YPartyKitProvider | null>(null);
  const ready = ticket !== null;

  useEffect(() => {
    if (!endpoint || !ready) return;
    const doc = new Y.Doc();
    const provider = new YPartyKitProvider(endpoint.host, roomId, doc, {
      party: "main",
      protocol: endpoint.protocol,
      // A function, so every reconnect uses the newest ticket.
      params: () => {
        usedTicket.current = ticketRef.current;
        return { ch: "yjs", ...(ticketRef.current ? { ticket: ticketRef.current } : {}) };
      },
      disableBc: true,
      resyncInterval: 20_000,
    });
    provider.awareness.setLocalState(null);
    providerRef.current = provider;
    const live = doc.getMap("live");
    let synced = false;
    const read = () => {
      const meta = DocMetaSchema.safeParse(live.get("meta"));
      const session = SessionStateSchema.safeParse(live.get("session"));
      setState({ doc, meta: meta.success ? meta.data : null, session: session.success ? session.data : null, synced });
    };
    live.observe(read);
    provider.on("sync", (isSynced: boolean) => {
      synced = synced || isSynced;
      read();
    });
    read();
    return () => {
      providerRef.current = null;
      live.unobserve(read);
      provider.destroy();
      doc.destroy();
      setState(EMPTY);
    };
  }, [endpoint, roomId, ready]);

  // A new ticket (the JSON socket reconnected and got a fresh one): reconnect the doc with it.
  useEffect(() => {
    const provider = providerRef.current;
    if (provider && ticket && usedTicket.current !== ticket) {
      provider.disconnect();
      provider.connect();
    }
  }, [ticket]);

  return state;
}
