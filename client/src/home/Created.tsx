/**
 * @module home/Created
 * The session exists: everything the organizer needs, once. The facilitator link carries the key
 * in its fragment; it is shown here and nowhere else, with a plain warning to keep it private.
 */
import type { CreateRoomResponse } from "../../../core/api";
import { CopyButton } from "../components/CopyButton";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";

export function Created({ room, title, onAnother }: { room: CreateRoomResponse; title: string; onAnother: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form just disappeared: move focus to the news instead of leaving it on nothing.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section class="created stack" aria-labelledby="created-heading">
      <h2 id="created-heading" tabIndex={-1} ref={headingRef}>
        {t("home.created.heading", { title })}
      </h2>

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
      </section>

      <button type="button" class="button button--secondary" onClick={onAnother}>
        {t("home.created.another")}
      </button>
    </section>
  );
}
