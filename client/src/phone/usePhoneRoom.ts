/**
 * @module phone/usePhoneRoom
 * The phone's side of the room protocol: hello (with the stored token, perspective and submitted
 * ballot), live state, acknowledgements and refusals. The phone never learns anyone else's
 * answers: the room sends it nothing but the phase, the open round and its own acks.
 */
import { retryDelay } from "../../../core/backoff";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type Ballot, type ErrorCode, encodePhoneMessage, type LiveState, type SessionMeta } from "../../../core/protocol";
import type { PartyEndpoint } from "../lib/config";
import { type Link, type RoomSocket, openRoomSocket } from "../lib/socket";
import { type Lost, type Missed, missedRound } from "./lost";
import { pruneSet, withBallot } from "./set-ballots";
import { forgetPerspective, loadPerspective, loadPerspectiveSig, loadRoom, saveReceipt, savePerspectiveSig, saveRoom } from "./stored";

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
  /** What of this phone's answers the round that just stopped did not count, until the room moves on. */
  missed: Lost | null;
  submit(ballot: Ballot): void;
  saveDraft(ballot: Ballot): void;
  /** Round ids of this phone's set ballots the room acknowledged (a self-paced set, §1.2). */
  topicsAcked: ReadonlySet<string>;
  /** Sends (or keeps for sending) this phone's answers to one topic of the open set. */
  submitTopic(ballot: Ballot): void;
  saveTopicDraft(ballot: Ballot): void;
  /** Says hello again: after choosing a perspective, or to retry a locked join. */
  rehello(): void;
  /**
   * False when the open round re-votes a round this phone did not vote in (it has no receipt):
   * the room would refuse its ballot, so the phone sits this round out (docs/design.md §3.11).
   */
  mayVote: boolean;
}

/** Whether this phone holds the receipt a re-vote asks for (always true for a first round). */
export const mayVoteIn = (roomId: string, state: LiveState | null): boolean =>
  !state?.revoteOf || loadRoom(roomId).receipts?.[state.revoteOf] !== undefined;

/** The open round's id, or null when nothing is open (or a self-paced set is: see {@link openSetIds}). */
export const openRoundId = (state: LiveState | null): string | null => (state?.phase === "open" ? state.roundId : null);

/** The round ids of the open self-paced set (empty when none is open). */
export const openSetIds = (state: LiveState | null): Set<string> =>
  new Set(state?.phase === "open" ? state.set.map((topic) => topic.roundId) : []);

/**
 * The phone's room. The socket opens at once, but the hello (where the room counts the phone as
 * joined and issues its pass) waits for `helloAllowed`: the phone connects while its owner reads
 * the anonymity notice, so "Continue" costs one exchange instead of a new connection, and someone
 * who reads the notice and leaves is never counted.
 */
export function usePhoneRoom(endpoint: PartyEndpoint | null, roomId: string, helloAllowed = true): PhoneRoom {
  const [link, setLink] = useState<Link>("connecting");
  const [meta, setMeta] = useState<SessionMeta | null>(null);
  const [live, setLive] = useState<LiveState | null>(null);
  const [sent, setSent] = useState<Ballot | null>(null);
  const [acked, setAckedState] = useState<string | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [topicsAcked, setTopicsAcked] = useState<ReadonlySet<string>>(new Set());
  /** The same, for handlers that outlive renders. */
  const setAckedRef = useRef<Set<string>>(new Set());
  /** With the phase and round of the state that showed it: the verdict belongs to that screen. */
  const [missed, setMissed] = useState<(Missed & { at: string }) | null>(null);
  const socketRef = useRef<RoomSocket | null>(null);
  /**
   * Read by the socket's hello builder. Set only in the effect below (not while rendering), so a
   * socket opening in between can't send the hello that the effect then sends a second time.
   */
  const mayHello = useRef(false);
  /** True between a welcome and the next disconnect: only then may a ballot frame be sent. */
  const welcomed = useRef(false);
  const lastRound = useRef<string | null>(null);
  /** The open round and the acknowledged one, for the retry timer (which outlives renders). */
  const lastOpen = useRef<string | null>(null);
  const ackedRef = useRef<string | null>(null);
  /** The latest live state, for `submit` (which outlives renders). */
  const liveRef = useRef<LiveState | null>(null);
  /**
   * The round of a ballot that may have reached the room without this phone hearing back: sent on
   * a connection that dropped before the room answered, or by an earlier load of this page.
   */
  const unconfirmed = useRef<string | null>(null);
  /** A ballot frame actually handed to the room: it may arrive even if the connection drops now. */
  const sendBallot = useCallback((socket: RoomSocket | null, ballot: Ballot) => {
    if (socket?.send({ t: "ballot", ballot })) unconfirmed.current = ballot.roundId;
  }, []);
  const setAcked = useCallback((roundId: string | null) => {
    ackedRef.current = roundId;
    setAckedState(roundId);
  }, []);
  const ackTopic = useCallback((roundId: string, acked: boolean) => {
    const next = new Set(setAckedRef.current);
    if (acked) next.add(roundId);
    else next.delete(roundId);
    setAckedRef.current = next;
    setTopicsAcked(next);
  }, []);
  /**
   * Sends this phone's set ballots for the open topics: after a welcome every one of them (the
   * room may have restarted and lost what it acknowledged; it counts a re-sent ballot once), after
   * a busy room's refusal those not yet acknowledged.
   */
  const sendSet = useCallback(
    (socket: RoomSocket | null, state: LiveState | null, all: boolean) => {
      const open = openSetIds(state);
      for (const ballot of loadRoom(roomId).setSent ?? []) {
        if (open.has(ballot.roundId) && (all || !setAckedRef.current.has(ballot.roundId))) socket?.send({ t: "ballot", ballot });
      }
    },
    [roomId],
  );

  useEffect(() => {
    if (!endpoint) return;
    let retriedToken = false;
    unconfirmed.current = loadRoom(roomId).sent?.roundId ?? null;
    /** The round of the ballot this connection's hello carried, until its welcome answers it. */
    let carried: string | null = null;
    /** A pending retry after "rate-limited", and how many came before it since the last success. */
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const cancelRetry = () => {
      clearTimeout(retryTimer);
      retryTimer = undefined;
    };
    /** The room is too busy right now: say hello again, or re-send the unacknowledged ballot, later. */
    const retryLater = () => {
      if (retryTimer !== undefined) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        if (!welcomed.current) {
          socket.rehello();
          return;
        }
        const stored = loadRoom(roomId).sent;
        if (stored && stored.roundId === lastOpen.current && ackedRef.current !== stored.roundId) sendBallot(socket, stored);
        else if (openSetIds(liveRef.current).size > 0) sendSet(socket, liveRef.current, false);
        else setProblem((p) => (p === "rate-limited" ? null : p)); // nothing waits on the room
      }, retryDelay(attempts++));
    };

    /**
     * A ballot lives only while its round is open (docs/design.md §3.1): drop it once it isn't,
     * saying first what of it was not counted. `away`: learnt in a welcome, after a reconnect.
     */
    const applyState = (state: LiveState, away = false) => {
      const open = openRoundId(state);
      lastOpen.current = open;
      const stored = loadRoom(roomId);
      const found = missedRound(stored, open, ackedRef.current, away ? unconfirmed.current : null);
      const at = `${state.phase}:${state.roundId}`;
      setMissed((m) => (found ? { ...found, at } : m?.at === at ? m : null));
      if ((stored.sent && stored.sent.roundId !== open) || (stored.draft && stored.draft.roundId !== open)) {
        saveRoom(roomId, {
          sent: stored.sent?.roundId === open ? stored.sent : undefined,
          draft: stored.draft?.roundId === open ? stored.draft : undefined,
        });
      }
      // A self-paced set's ballots: each goes once its own round is no longer open.
      const openSet = openSetIds(state);
      const pruned = pruneSet(loadRoom(roomId), openSet, setAckedRef.current);
      if (pruned.changed) {
        saveRoom(roomId, {
          setSent: pruned.setSent.length ? pruned.setSent : undefined,
          setDrafts: pruned.setDrafts.length ? pruned.setDrafts : undefined,
        });
        for (const id of setAckedRef.current) if (!openSet.has(id)) ackTopic(id, false);
        if (pruned.lost) setMissed({ roundId: "set", lost: pruned.lost, ifAcked: null, at });
      }
      const current = loadRoom(roomId).sent ?? null;
      setSent(current);
      if (!current) setAcked(null);
      if (state.roundId !== lastRound.current) {
        lastRound.current = state.roundId;
        if (state.phase === "open") setProblem(null);
      }
      liveRef.current = state;
      setLive(state);
    };

    const socket = openRoomSocket({
      endpoint,
      roomId,
      encode: encodePhoneMessage,
      hello: () => {
        if (!mayHello.current) return null;
        const stored = loadRoom(roomId);
        const perspective = loadPerspective(roomId);
        const perspectiveSig = perspective ? loadPerspectiveSig(roomId) : undefined;
        carried = stored.sent?.roundId ?? null;
        return {
          t: "hello",
          role: "phone",
          ...(stored.token ? { token: stored.token } : {}),
          ...(perspective ? { perspective } : {}),
          ...(perspectiveSig ? { perspectiveSig } : {}),
          ...(stored.sent ? { ballot: stored.sent } : {}),
        };
      },
      onLink: (next) => {
        // A new connection says hello (with the ballot) by itself: no retry is needed then.
        cancelRetry();
        if (next !== "open") {
          // A hello with a ballot, gone before its welcome: the room may have the ballot.
          if (carried && !welcomed.current) unconfirmed.current = carried;
          welcomed.current = false;
        }
        setLink(next);
      },
      onMessage: (m) => {
        switch (m.t) {
          case "welcome": {
            welcomed.current = true;
            retriedToken = false;
            attempts = 0;
            cancelRetry();
            if (m.token) saveRoom(roomId, { token: m.token });
            if (m.perspectiveSig) savePerspectiveSig(roomId, m.perspectiveSig);
            if (m.perspectiveRefused) forgetPerspective(roomId);
            setMeta(m.meta);
            setProblem(null);
            applyState(m.state, true);
            carried = null;
            const stored = loadRoom(roomId).sent;
            sendSet(socket, m.state, true);
            if (stored && stored.roundId === openRoundId(m.state)) {
              // Accepted with the hello: done. Otherwise ask once more, to get an ack or a reason.
              if (m.ballotAccepted) {
                if (m.receipt) saveReceipt(roomId, stored.roundId, m.receipt);
                setAcked(stored.roundId);
              } else sendBallot(socket, stored);
            }
            return;
          }
          case "state":
            return applyState(m.state);
          case "meta":
            // The facilitators changed domain 12's facilities (only before it opens).
            return setMeta(m.meta);
          case "ack":
            // Kept even when the round's end overtook the ack: the ballot was held, so it counted.
            if (m.receipt) saveReceipt(roomId, m.roundId, m.receipt);
            if (unconfirmed.current === m.roundId) unconfirmed.current = null;
            setMissed((x) => (x?.roundId !== m.roundId ? x : x.ifAcked ? { ...x, lost: x.ifAcked } : null));
            if ((loadRoom(roomId).setSent ?? []).some((b) => b.roundId === m.roundId)) {
              ackTopic(m.roundId, true);
              attempts = 0;
              setProblem((p) => (p === "rate-limited" ? null : p));
              return;
            }
            if (loadRoom(roomId).sent?.roundId !== m.roundId) return;
            attempts = 0;
            cancelRetry();
            setAcked(m.roundId);
            setProblem((p) => (p === "rate-limited" ? null : p));
            return;
          case "error":
            if (m.code === "bad-token" && !retriedToken) {
              // The pass no longer verifies (the room's secret changed, or the stored pass is
              // damaged): forget it and join afresh, once. No ballot can be held under a pass the
              // room can't verify, so the stored one goes along with the new hello.
              retriedToken = true;
              saveRoom(roomId, { token: undefined });
              socket.rehello();
              return;
            }
            if (m.code === "rate-limited") {
              // Not joined, or the ballot not taken, only because the room is busy: ask again.
              retryLater();
              setProblem(m.code);
              return;
            }
            if (m.code === "round-closed" || m.code === "bad-ballot" || m.code === "full" || m.code === "not-in-earlier-round") {
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
      cancelRetry();
      socketRef.current = null;
      socket.close();
    };
  }, [endpoint, roomId, sendBallot, sendSet, ackTopic]);

  // Let the hello go: on the open socket now, or with the socket's next open. Declared after the
  // socket's effect, so on a first render that already allows it the socket exists (and isn't
  // open yet: its open event sends the hello).
  useEffect(() => {
    if (mayHello.current === helloAllowed) return;
    mayHello.current = helloAllowed;
    if (helloAllowed) socketRef.current?.rehello();
  }, [helloAllowed]);

  const submit = useCallback(
    (answers: Ballot) => {
      // In a re-vote the room asks for this phone's receipt of the round being re-voted.
      const revote = lastOpen.current === answers.roundId ? liveRef.current?.revoteOf : null;
      const receipt = revote ? loadRoom(roomId).receipts?.[revote] : undefined;
      const ballot: Ballot = receipt ? { ...answers, receipt } : answers;
      saveRoom(roomId, { sent: ballot, draft: answers });
      setSent(ballot);
      setAcked(null);
      setProblem(null);
      // Offline or not yet welcomed: the next hello carries the ballot.
      if (welcomed.current) sendBallot(socketRef.current, ballot);
    },
    [roomId, sendBallot],
  );

  const saveDraft = useCallback((ballot: Ballot) => void saveRoom(roomId, { draft: ballot }), [roomId]);

  const submitTopic = useCallback(
    (answers: Ballot) => {
      // Each topic of a set has its own re-vote rule: its receipt, if it re-votes a shown round.
      const stored = loadRoom(roomId);
      const topic = liveRef.current?.set.find((x) => x.roundId === answers.roundId);
      const receipt = topic?.revoteOf ? stored.receipts?.[topic.revoteOf] : undefined;
      const ballot: Ballot = receipt ? { ...answers, receipt } : answers;
      saveRoom(roomId, { setSent: withBallot(stored.setSent, ballot), setDrafts: withBallot(stored.setDrafts, answers) });
      ackTopic(ballot.roundId, false);
      setProblem(null);
      // Offline or not yet welcomed: the next welcome sends it.
      if (welcomed.current) socketRef.current?.send({ t: "ballot", ballot });
    },
    [roomId, ackTopic],
  );
  const saveTopicDraft = useCallback(
    (ballot: Ballot) => void saveRoom(roomId, { setDrafts: withBallot(loadRoom(roomId).setDrafts, ballot) }),
    [roomId],
  );
  const rehello = useCallback(() => socketRef.current?.rehello(), []);

  return {
    link,
    meta,
    live,
    sent,
    acked,
    problem,
    missed: missed?.lost ?? null,
    submit,
    saveDraft,
    topicsAcked,
    submitTopic,
    saveTopicDraft,
    rehello,
    mayVote: mayVoteIn(roomId, live),
  };
}
