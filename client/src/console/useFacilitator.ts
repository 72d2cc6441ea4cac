/**
 * @module console/useFacilitator
 * The console's JSON socket: hello with the key, the write ticket for the doc, and commands.
 * Every command carries an id; the room answers "done" or an error with that id, which is shown
 * next to the controls (aria-live), worded by the console from the error's code or reason
 * (console/roomErrorText.ts): never the room's English `message`.
 */
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { ClientMessage, Command, LiveState } from "../../../core/protocol";
import type { SessionState } from "../../../core/session";
import { t } from "../i18n";
import type { PartyEndpoint } from "../lib/config";
import type { Link } from "../lib/socket";
import { useLiveSocket } from "../screens/useLiveSocket";
import type { RoomError } from "./roomErrorText";

/**
 * What the console says next to the controls: a sentence of its own, or the room's refusal of a
 * command (`action` is its label), worded at render with the template (a topic's title).
 */
export type Feedback = { kind: "error" | "info"; text: string } | { kind: "error"; refused: RoomError; action: string | undefined };

export interface Facilitator {
  link: Link;
  live: LiveState | null;
  ticket: string | null;
  /** The projector's view ticket, for the projector link. */
  viewTicket: string | null;
  /** The key was refused: this link is not (or no longer) a facilitator link. */
  forbidden: boolean;
  /** Label of the command waiting for the room's answer, if any. */
  pending: string | null;
  feedback: Feedback | null;
  run: RunCommand;
}

/** Sends a command to the room; `label` names it in the pending and feedback line. */
export type RunCommand = (cmd: Command, label: string) => void;

/** What the session-wide controls (head-count, round, session) are drawn from. */
export interface SessionControlProps {
  session: SessionState;
  /** Passes issued so far. */
  joined: number;
  run: RunCommand;
}

let counter = 0;

export function useFacilitator(endpoint: PartyEndpoint | null, roomId: string, key: string | null): Facilitator {
  const [ticket, setTicket] = useState<string | null>(null);
  const [viewTicket, setViewTicket] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [pending, setPending] = useState<{ id: string; label: string } | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const labels = useRef(new Map<string, string>());
  const hello = useMemo<ClientMessage | null>(() => (key ? { t: "hello", role: "facilitator", key } : null), [key]);

  const socket = useLiveSocket(endpoint, roomId, hello, (m) => {
    if (m.t === "welcome" && m.writeTicket) {
      setTicket(m.writeTicket);
      setViewTicket(m.viewTicket ?? null);
      setForbidden(false);
    } else if (m.t === "done") {
      labels.current.delete(m.id);
      setPending((p) => (p?.id === m.id ? null : p));
    } else if (m.t === "error") {
      if (m.code === "forbidden" && m.id === undefined) return setForbidden(true);
      const label = m.id ? labels.current.get(m.id) : undefined;
      if (m.id) labels.current.delete(m.id);
      setPending((p) => (p?.id === m.id ? null : p));
      const refused: RoomError = { code: m.code, ...(m.reason ? { reason: m.reason } : {}), ...(m.vars ? { vars: m.vars } : {}) };
      setFeedback({ kind: "error", refused, action: label });
    }
  });

  const run = useCallback(
    (cmd: Command, label: string) => {
      const id = `c${++counter}`;
      setFeedback(null);
      if (!socket.send({ t: "cmd", id, cmd })) {
        setFeedback({ kind: "error", text: t("console.offlineCmd", { action: label }) });
        return;
      }
      labels.current.set(id, label);
      setPending({ id, label });
    },
    [socket.send],
  );

  return { link: socket.link, live: socket.live, ticket, viewTicket, forbidden, pending: pending?.label ?? null, feedback, run };
}
