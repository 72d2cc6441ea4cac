/**
 * @module home/SaveLinks
 * "Save the links before you leave": download or print the session card, or say the facilitator
 * link is saved some other way. Until one of those, the created page asks before it is left
 * (useLeaveWarning, and in the page for "Create another session").
 */
import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import type { CardKit } from "./useSessionCard";

/** How the links were saved: the card as a file, on paper, or the organizer's own way. */
export type Saved = { how: "file"; file: string } | { how: "paper" } | { how: "own" } | null;

function savedText(saved: Saved): string {
  if (!saved) return t("home.created.unsaved");
  if (saved.how === "file") return t("home.created.downloaded", { file: saved.file });
  if (saved.how === "paper") return t("home.created.printed");
  return t("home.created.saved");
}

interface Props {
  kit: CardKit | null;
  failed: boolean;
  /** The card on the page: what is printed and what the file holds. */
  card: RefObject<HTMLElement | null>;
  title: string;
  saved: Saved;
  onSaved: (saved: Saved) => void;
}

export function SaveLinks({ kit, failed, card, title, saved, onSaved }: Props) {
  const [ownWay, setOwnWay] = useState(false);

  // Whatever started the printing (the button or the browser's own menu), the card is what prints.
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  useEffect(() => {
    const printed = () => onSavedRef.current({ how: "paper" });
    window.addEventListener("afterprint", printed);
    return () => window.removeEventListener("afterprint", printed);
  }, []);

  const download = () => {
    if (kit && card.current) onSaved({ how: "file", file: kit.save(card.current, title) });
  };

  return (
    <section class="card card--key" aria-labelledby="created-save">
      <h3 id="created-save">{t("home.created.save")}</h3>
      <p>{t("home.created.saveHint")}</p>
      <div class="button-row">
        <button type="button" class="button button--primary" disabled={!kit} onClick={download}>
          {t("home.created.download")}
        </button>
        <button type="button" class="button button--secondary" disabled={!kit} onClick={() => window.print()}>
          {t("home.created.print")}
        </button>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={ownWay}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setOwnWay(on);
            if (on && !saved) onSaved({ how: "own" });
            if (!on && saved?.how === "own") onSaved(null);
          }}
        />
        <span>{t("home.created.savedCheck")}</span>
      </label>
      <p class={saved ? "save-status save-status--ok" : "save-status"} role="status">
        {failed ? t("common.networkError") : kit ? savedText(saved) : t("home.created.cardLoading")}
      </p>
    </section>
  );
}
