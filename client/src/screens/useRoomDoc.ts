/**
 * @module screens/useRoomDoc
 * The room's Yjs doc for the projector and the console (never the phone: docs/design.md §6). The doc's
 * "live" map is the room's projection ("meta", "session"); its values are validated with the
 * core schemas before use. This client publishes no awareness state (§3.5).
 *
 * Every connection syncs a fresh doc from the room, and the previous doc stays in use (bound to the
 * console's text fields, taking what is typed offline) until the fresh one has synced. Then what
 * the previous doc holds that the room lacks (typing while offline or during the resync) is merged
 * into the fresh doc and sent, **if the room's doc is the same doc** the previous one synced from:
 * the room stores its doc whole and wakes with the very same one, but a room whose stored doc was
 * lost rebuilds it under new Yjs client ids, and merging into that would double every note. The
 * test: the fresh doc holds at least one client id the previous doc first received from the room.
 *
 * For the console it also says whether its doc is stored: after each save the room sends writers
 * the state vector of what is now durable (core/protocol.ts `YjsSavedSchema`).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import YProvider from "y-partyserver/provider";
import * as Y from "yjs";
import { CLOSE_GONE, CLOSE_NO_TICKET, CLOSE_UNREADABLE, YjsSavedSchema, type YjsTicket } from "../../../core/protocol";
import { type DocMeta, DocMetaSchema, type SessionState, SessionStateSchema } from "../../../core/session";
import { type PartyEndpoint, ROOM_PARTY } from "../lib/config";

/** saved: all of this doc is stored by the room; saving: some of it not yet; offline: kept here until the room is back. */
export type SaveState = "saved" | "saving" | "offline";

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
  /** Whether what this page's doc holds is stored by the room (meaningful for a writer: the console). */
  save: SaveState;
}

export type DocRefusal = "ticket" | "gone" | "unreadable";
const REFUSALS: Record<number, DocRefusal> = { [CLOSE_NO_TICKET]: "ticket", [CLOSE_GONE]: "gone", [CLOSE_UNREADABLE]: "unreadable" };

const EMPTY: RoomDoc = { doc: null, meta: null, session: null, synced: false, refused: null, save: "saved" };
const RETRY_MS = [500, 1000, 2000, 4000];
/** Transaction origin of edits carried over from the previous doc (sent on, like typing). */
const CARRIED = "candor-carried";

type StateVector = Map<number, number>;
const stateVectorOf = (doc: Y.Doc): StateVector => Y.decodeStateVector(Y.encodeStateVector(doc));
/** True when `doc` holds something beyond `stored`. */
const ahead = (doc: Y.Doc, stored: StateVector): boolean =>
  [...stateVectorOf(doc)].some(([client, clock]) => clock > (stored.get(client) ?? 0));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The previous connection's doc, still in use until the next one has synced. */
interface Carried {
  doc: Y.Doc;
  /** What it first received from the room: its lineage. */
  origin: StateVector;
}

/** Whether `fresh` comes from the same room doc `carried` did (see the module comment). */
const sameLineage = (carried: Carried, fresh: Y.Doc): boolean => {
  const now = stateVectorOf(fresh);
  return [...carried.origin.keys()].some((client) => now.has(client));
};

/**
 * @param ticket the room's view ticket (projector) or write ticket (console); `null` waits for one.
 *   A new ticket reconnects with it.
 */
export function useRoomDoc(endpoint: PartyEndpoint | null, roomId: string, ticket: string | null): RoomDoc {
  const [state, setState] = useState<RoomDoc>(EMPTY);
  const [generation, setGeneration] = useState(0);
  const failures = useRef(0);
  const carried = useRef<Carried | null>(null);

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
    let connected = false;
    let origin: StateVector = new Map();
    let stored: StateVector = new Map();
    let retry: ReturnType<typeof setTimeout> | null = null;

    const saveState = (): SaveState => (!connected ? "offline" : ahead(doc, stored) ? "saving" : "saved");
    const read = () => {
      // Until this doc has synced, the previous one stays in use (typing goes on there).
      if (!synced) return setState((s) => ({ ...s, save: "offline" }));
      const meta = DocMetaSchema.safeParse(live.get("meta"));
      const session = SessionStateSchema.safeParse(live.get("session"));
      setState({
        doc,
        meta: meta.success ? meta.data : null,
        session: session.success ? session.data : null,
        synced,
        refused: null,
        save: saveState(),
      });
    };
    const onUpdate = () => synced && setState((s) => (s.doc === doc ? { ...s, save: saveState() } : s));

    live.observe(read);
    doc.on("update", onUpdate);
    provider.on("sync", (isSynced: boolean) => {
      if (!isSynced) return read();
      failures.current = 0;
      if (!synced) {
        synced = true;
        origin = stateVectorOf(doc);
        stored = origin;
        const previous = carried.current;
        carried.current = null;
        if (previous) {
          if (sameLineage(previous, doc)) Y.applyUpdate(doc, Y.encodeStateAsUpdate(previous.doc, Y.encodeStateVector(doc)), CARRIED);
          previous.doc.destroy();
        }
      }
      read();
    });
    provider.on("custom-message", (text: string) => {
      try {
        const saved = YjsSavedSchema.safeParse(JSON.parse(text));
        if (!saved.success) return;
        stored = Y.decodeStateVector(fromBase64(saved.data.sv));
        onUpdate();
      } catch {
        // not a message for us
      }
    });
    let refused: DocRefusal | null = null;
    provider.on("connection-close", (event: CloseEvent | null) => {
      refused = (event && REFUSALS[event.code]) ?? null;
      if (refused) setState((s) => ({ ...s, refused }));
    });
    provider.on("status", ({ status }: { status: string }) => {
      connected = status === "connected";
      if (connected) provider.sendMessage(JSON.stringify({ t: "ticket", ticket } satisfies YjsTicket));
      onUpdate();
      if (status !== "disconnected" || retry) return;
      if (refused) return provider.disconnect();
      // Stop this provider's own reconnects: the next connection syncs a new doc (see above).
      provider.disconnect();
      reconnect(RETRY_MS[Math.min(failures.current++, RETRY_MS.length - 1)]!);
    });
    // The browser knows at once when the network goes; the socket may look open (and its close
    // take) a while yet. Let it go now: typing carries on in this doc, and the next connection
    // merges it (see above). When the network is back, connect at once rather than at the next try.
    const reconnect = (wait: number) => {
      if (retry) clearTimeout(retry);
      retry = setTimeout(() => setGeneration((g) => g + 1), wait);
    };
    const offline = () => {
      connected = false;
      onUpdate();
      provider.disconnect();
      reconnect(RETRY_MS[RETRY_MS.length - 1]!);
    };
    const online = () => !connected && reconnect(0);
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    read();
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      if (retry) clearTimeout(retry);
      live.unobserve(read);
      doc.off("update", onUpdate);
      provider.destroy();
      // A synced doc stays in use until the next one has synced; one that never synced holds nothing.
      if (synced) {
        carried.current?.doc.destroy();
        carried.current = { doc, origin };
      } else {
        doc.destroy();
      }
    };
  }, [endpoint, roomId, ticket, generation]);

  return state;
}
