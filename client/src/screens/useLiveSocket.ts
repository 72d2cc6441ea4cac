/**
 * @module screens/useLiveSocket
 * The JSON socket of the projector ("screen") and the console ("facilitator"): live counts
 * ("x of N have voted", joined, deadline) that the doc does not carry, and for the console the
 * write ticket and command replies (passed on through `onOther`).
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type ClientMessage, encodeClient, type LiveState, type ServerMessage } from "../../../core/protocol";
import type { PartyEndpoint } from "../lib/config";
import { type Link, type RoomSocket, openRoomSocket } from "../lib/socket";

export interface LiveSocket {
  link: Link;
  live: LiveState | null;
  send: (message: ClientMessage) => boolean;
}

export function useLiveSocket(
  endpoint: PartyEndpoint | null,
  roomId: string,
  hello: ClientMessage | null,
  onOther?: (message: ServerMessage) => void,
): LiveSocket {
  const [link, setLink] = useState<Link>("connecting");
  const [live, setLive] = useState<LiveState | null>(null);
  const socketRef = useRef<RoomSocket | null>(null);
  const onOtherRef = useRef(onOther);
  onOtherRef.current = onOther;
  const helloJson = hello ? JSON.stringify(hello) : null;

  useEffect(() => {
    if (!endpoint || !hello) return;
    const socket = openRoomSocket({
      encode: encodeClient,
      endpoint,
      roomId,
      hello: () => hello,
      onLink: setLink,
      onMessage: (m) => {
        if (m.t === "welcome" || m.t === "state") setLive(m.state);
        onOtherRef.current?.(m);
      },
    });
    socketRef.current = socket;
    return () => {
      socketRef.current = null;
      socket.close();
    };
    // The hello's content, not its identity, decides whether to reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [endpoint, roomId, helloJson]);

  const send = useCallback((m: ClientMessage) => socketRef.current?.send(m) ?? false, []);
  return { link, live, send };
}
