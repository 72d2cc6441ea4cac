/**
 * @module console/useConsoleShortcuts
 * The console's shortcuts (console/shortcuts.ts) bound to its commands: reveal (with its Undo),
 * new round, next and previous topic, countdown, lock joining, and the help itself.
 */
import { useState } from "preact/hooks";
import type { LiveState } from "../../../core/protocol";
import type { DocMeta, SessionState } from "../../../core/session";
import type { Template } from "../../../core/template";
import { t } from "../i18n";
import { EXTEND_S, extendedSeconds } from "./RoundControls";
import { adjacentTopic, type Shortcut, useShortcuts } from "./shortcuts";
import type { RunCommand } from "./useFacilitator";
import type { RevealDelay } from "./useRevealDelay";

interface Input {
  template: Template | null;
  meta: DocMeta | null;
  session: SessionState | null;
  live: LiveState | null;
  run: RunCommand;
  reveal: RevealDelay;
}

export function useConsoleShortcuts(input: Input) {
  const [helpOpen, setHelpOpen] = useState(false);
  const shortcuts =
    input.meta && input.session ? consoleShortcuts({ ...input, meta: input.meta, session: input.session }, setHelpOpen) : [];
  useShortcuts(shortcuts);
  return { shortcuts, helpOpen, setHelpOpen };
}

function consoleShortcuts(
  { template, meta, session, run, reveal }: Input & { meta: DocMeta; session: SessionState },
  setHelpOpen: (open: boolean) => void,
): Shortcut[] {
  const open = session.phase === "open";
  const ended = session.phase === "ended";
  /** Does `fn` when `now` allows it; says whether it did. */
  const when = (now: boolean, fn: () => void): boolean => {
    if (now) fn();
    return now;
  };

  /** Goes to a topic: its results if it has any, else voting on it. */
  const goTo = (id: string | null): boolean => {
    const domain = id ? template?.domains.find((d) => d.id === id) : undefined;
    const state = id ? session.domains[id] : undefined;
    if (!id || !domain || !state || open) return false;
    if (state.rounds.length > 0) run({ op: "show", domainId: id }, t("console.domains.showAction", { domain: domain.title }));
    else if (!ended) run({ op: "open", domainId: id }, t("console.domains.openAction", { domain: domain.title }));
    else return false;
    return true;
  };

  return [
    { keys: ["r"], label: "R", does: "console.keys.reveal", run: () => when(open && reveal.left === null, reveal.start) },
    { keys: ["u", "Escape"], label: "U / Esc", does: "console.keys.undo", run: () => when(reveal.left !== null, reveal.undo) },
    {
      keys: ["n"],
      label: "N",
      does: "console.keys.newRound",
      run: () => when(session.phase === "revealed" && !!session.domainId, () => run({ op: "new-round" }, t("console.round.newAction"))),
    },
    { keys: ["ArrowRight", "]"], label: "→ / ]", does: "console.keys.next", run: () => goTo(adjacentTopic(meta, session, 1)) },
    { keys: ["ArrowLeft", "["], label: "← / [", does: "console.keys.previous", run: () => goTo(adjacentTopic(meta, session, -1)) },
    {
      keys: ["t"],
      label: "T",
      does: "console.keys.timer",
      run: () => {
        if (!open) return false;
        if (session.deadline === null) run({ op: "timer", seconds: 60 }, t("console.timer.setAction", { n: 1 }));
        else run({ op: "timer", seconds: extendedSeconds(session.deadline, Date.now()) }, t("console.timer.extendAction", { n: EXTEND_S }));
        return true;
      },
    },
    {
      keys: ["l"],
      label: "L",
      does: "console.keys.lock",
      run: () => when(!ended, () => run({ op: "lock", locked: !session.locked }, t("console.session.lockAction"))),
    },
    { keys: ["?"], label: "?", does: "console.keys.help", run: () => when(true, () => setHelpOpen(true)) },
  ];
}
