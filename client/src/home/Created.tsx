/**
 * @module home/Created
 * The session exists: everything the organizer needs, once. The facilitator link carries the key
 * in its fragment; it is shown here and nowhere else, with a plain warning to keep it private,
 * a session card to keep it on (SaveLinks), and what happens if it is lost anyway (LostKey).
 * Leaving before it is saved asks first: in the browser (closing, reloading) and in the page.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CreateRoomResponse } from "../../../core/api";
import { CopyButton } from "../components/CopyButton";
import { t } from "../i18n";
import { LostKey } from "../components/LostKey";
import { type Saved, SaveLinks } from "./SaveLinks";
import { useLeaveWarning } from "./useLeaveWarning";
import { useSessionCard } from "./useSessionCard";

interface Props {
  room: CreateRoomResponse;
  title: string;
  onAnother: () => void;
  /** When the session erases itself (epoch ms), if the page knows it: said next to the lost-key text. */
  expiresAt?: number | undefined;
}

export function Created({ room, title, onAnother, expiresAt }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const askRef = useRef<HTMLParagraphElement>(null);
  const anotherRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const cardRef = useRef<HTMLElement>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const [askingToLeave, setAskingToLeave] = useState(false);
  const { kit, failed } = useSessionCard(room);
  useLeaveWarning(saved === null);
  // The form just disappeared: move focus to the news instead of leaving it on nothing.
  useEffect(() => headingRef.current?.focus(), []);
  // The question replaces the button and the button the question: focus follows, so it isn't lost.
  useEffect(() => {
    if (askingToLeave) askRef.current?.focus();
    else if (asked.current) anotherRef.current?.focus();
    asked.current = askingToLeave;
  }, [askingToLeave]);

  return (
    <section class="created stack" aria-labelledby="created-heading">
      <h2 id="created-heading" tabIndex={-1} ref={headingRef}>
        {t("home.created.heading", { title })}
      </h2>

      <SaveLinks kit={kit} failed={failed} card={cardRef} title={title} saved={saved} onSaved={setSaved} />

      <section class="card" aria-labelledby="created-join">
        <h3 id="created-join">{t("home.created.join")}</h3>
        <div class="created__join">
          <img
            class="created__qr"
            src={`/api/join/${room.joinCode}/qr.svg`}
            alt={t("join.qrAlt", { url: room.joinUrl })}
            width={200}
            height={200}
          />
          <div>
            <p class="hint">{t("home.created.codeLabel")}</p>
            <p class="created__code">
              <span aria-hidden="true">{room.joinCode}</span>
              <span class="sr-only">{room.joinCode.split("").join(" ")}</span>
            </p>
            <p class="mono break">{room.joinUrl}</p>
            <CopyButton text={room.joinUrl} label={t("home.created.copyJoin")} />
          </div>
        </div>
      </section>

      <section class="card" aria-labelledby="created-projector">
        <h3 id="created-projector">{t("home.created.projector")}</h3>
        <p class="hint">{t("home.created.projectorHint")}</p>
        <p class="break">
          <a href={room.projectorUrl} target="_blank" rel="noopener noreferrer">
            {room.projectorUrl}
          </a>
        </p>
        <CopyButton text={room.projectorUrl} label={t("home.created.copyProjector")} />
      </section>

      <section class="card card--warn" aria-labelledby="created-console">
        <h3 id="created-console">{t("home.created.console")}</h3>
        <p class="warning">
          <strong>{t("home.created.keyWarningLead")}</strong> {t("home.created.keyWarning")}
        </p>
        <p class="break mono">
          <a href={room.facilitatorUrl} target="_blank" rel="noopener noreferrer">
            {room.facilitatorUrl}
          </a>
        </p>
        <CopyButton text={room.facilitatorUrl} label={t("home.created.copyConsole")} />
        <LostKey expiresAt={expiresAt} headingLevel={3} />
      </section>

      {askingToLeave ? (
        <fieldset class="card card--warn stack" aria-labelledby="created-leave">
          <p id="created-leave" class="warning" tabIndex={-1} ref={askRef}>
            {t("home.created.leaveConfirm")}
          </p>
          <div class="button-row">
            <button type="button" class="button button--primary" onClick={() => setAskingToLeave(false)}>
              {t("home.created.leaveBack")}
            </button>
            <button type="button" class="button button--secondary" onClick={onAnother}>
              {t("home.created.leaveAnyway")}
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          class="button button--secondary"
          ref={anotherRef}
          onClick={() => (saved ? onAnother() : setAskingToLeave(true))}
        >
          {t("home.created.another")}
        </button>
      )}

      {/* Shown only in print (home.css), and saved whole as the session card file. */}
      {kit ? <kit.SessionCard room={room} title={title} qrs={kit.qrs} expiresAt={expiresAt} cardRef={cardRef} /> : null}
    </section>
  );
}
