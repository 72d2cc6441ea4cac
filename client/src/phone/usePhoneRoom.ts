/**
 * @module phone/usePhoneRoom
 * The phone's side of the room protocol: hello (with the stored token, perspective and submitted
 * ballot), live state, acknowledgements and refusals. The phone never learns anyone else's
 * answers: the room sends it nothing but the phase, the open round and its own acks.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Ballot, ErrorCode, LiveState, SessionMeta } from "../../../core/protocol";
import type { PartyEndpoint } from "../lib/config";
import { type Link, type RoomSocket, openRoomSocket } from "../lib/socket";
import { loadPerspective, loadRoom, saveRoom } from "./stored";

export interface PhoneRoom {
  link: Link;
  meta: SessionMeta | null;
  live: LiveState | null;
  /** The ballot submitted for the open round (kept until the round closes), or null. */
  sent: Ballot | null;
  /** Round id of the submitted ballot once the room acknowledged it. */
  acked: string | null;
  /** The room's last refusal, cleared when the round changes or a welcome arrives. */
  problem: ErrorCode | null;
  submit(ballot: Ballot): void;
  saveDraft(ballot: Ballot): void;
  /** Says hello again: after choosing a perspective, or to retry a locked join. */
  rehello(): void;
}

/** The open round's id, or null when nothing is open. */
export const openRoundId = (state: LiveState | null): string | null => (state?.phase === "open" ? state.roundId : null);

export function usePhoneRoom(endpoint: PartyEndpoint | null, roomId: string): PhoneRoom {
  const [link, setLink] = useState<Link>("connecting");
  const [meta, setMeta] = useState<SessionMeta | null>(null);
  const [live, setLive] = useState<LiveState | null>(null);
  const [sent, setSent] = useState<Ballot | null>(null);
  const [acked, setAcked] = useState<string | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const socketRef = useRef<RoomSocket | null>(null);
  /** True between a welcome and the next disconnect: only then may a ballot frame be sent. */
  const welcomed = useRef(false);
  const lastRound = useRef<string | null>(null);

  useEffect(() => {
    if (!endpoint) return;
    let retriedToken = false;

    /** A ballot lives only while its round is open (DESIGN §3.1): drop it once it isn't. */
    const applyState = (state: LiveState) => {
      const open = openRoundId(state);
      const stored = loadRoom(roomId);
      if ((stored.sent && stored.sent.roundId !== open) || (stored.draft && stored.draft.roundId !== open)) {
        saveRoom(roomId, {
          sent: stored.sent?.roundId === open ? stored.sent : undefined,
          draft: stored.draft?.roundId === open ? stored.draft : undefined,
        });
      }
      const current = loadRoom(roomId).sent ?? null;
      setSent(current);
      if (!current) setAcked(null);
      if (state.roundId !== lastRound.current) {
        lastRound.current = state.roundId;
        if (state.phase === "open") setProblem(null);
      }
      setLive(state);
    };

    const socket = openRoomSocket({
      endpoint,
      roomId,
      hello: () => {
        const stored = loadRoom(roomId);
        return {
          t: "hello",
          role: "phone",
          ...(stored.token ? { token: stored.token } : {}),
          ...(loadPerspective(roomId) ? { perspective: loadPerspective(roomId) } : {}),
          ...(stored.sent ? { ballot: stored.sent } : {}),
        };
      },
      onLink: (next) => {
        if (next !== "open") welcomed.current = false;
        setLink(next);
      },
      onMessage: (m) => {
        switch (m.t) {
          case "welcome": {
            welcomed.current = true;
            if (m.token) saveRoom(roomId, { token: m.token });
            setMeta(m.meta);
            setProblem(null);
            applyState(m.state);
            const stored = loadRoom(roomId).sent;
            if (stored && stored.roundId === openRoundId(m.state)) {
              // Accepted with the hello: done. Otherwise ask once more, to get an ack or a reason.
              if (m.ballotAccepted) setAcked(stored.roundId);
              else socket.send({ t: "ballot", ballot: stored });
            }
            return;
          }
          case "state":
            return applyState(m.state);
          case "ack":
            if (loadRoom(roomId).sent?.roundId === m.roundId) setAcked(m.roundId);
            return;
          case "error":
            if (m.code === "bad-token" && !retriedToken) {
              // The pass no longer verifies (e.g. the room was recreated): join afresh, once.
              retriedToken = true;
              saveRoom(roomId, { token: undefined, sent: undefined });
              setSent(null);
              socket.rehello();
              return;
            }
            if (m.code === "round-closed" || m.code === "bad-ballot" || m.code === "full") {
              // Not counted and can't be: stop re-sending it. The draft stays for a correction.
              saveRoom(roomId, { sent: undefined });
              setSent(null);
              setAcked(null);
            }
            setProblem(m.code);
            return;
          default:
            return;
        }
      },
    });
    socketRef.current = socket;
    return () => {
      socketRef.current = null;
      socket.close();
    };
  }, [endpoint, roomId]);

  const submit = useCallback(
    (ballot: Ballot) => {
      saveRoom(roomId, { sent: ballot, draft: ballot });
      setSent(ballot);
      setAcked(null);
      setProblem(null);
      // Offline or not yet welcomed: the next hello carries the ballot.
      if (welcomed.current) socketRef.current?.send({ t: "ballot", ballot });
    },
    [roomId],
  );

  const saveDraft = useCallback((ballot: Ballot) => void saveRoom(roomId, { draft: ballot }), [roomId]);
  const rehello = useCallback(() => socketRef.current?.rehello(), []);

  return { link, meta, live, sent, acked, problem, submit, saveDraft, rehello };
}
