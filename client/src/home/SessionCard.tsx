/**
 * @module home/SessionCard
 * The session card: everything needed to run the session, on one page, to print or to keep as a
 * file (home/sessionCardFile.ts). The same markup is printed from the created page and saved
 * as the file, so the two never differ. Its QR codes are images made in this browser (lib/qr.ts):
 * the file needs nothing from a server, and the facilitator link's key never travels to draw one.
 *
 * This module is loaded only once a session exists (it brings `uqr`), never with the home page.
 */
import type { Ref } from "preact";
import type { CreateRoomResponse } from "../../../core/api";
import { t } from "../i18n";
import { qrImage } from "../lib/qr";
import { LostKey } from "../components/LostKey";
import "./session-card.css";

export interface CardQrs {
  join: string;
  facilitator: string;
}

/** Both QR codes of a card, as image URLs. */
export async function cardQrs(room: CreateRoomResponse): Promise<CardQrs> {
  const [join, facilitator] = await Promise.all([qrImage(room.joinUrl), qrImage(room.facilitatorUrl)]);
  return { join, facilitator };
}

interface Props {
  room: CreateRoomResponse;
  title: string;
  qrs: CardQrs;
  expiresAt?: number | undefined;
  cardRef?: Ref<HTMLElement>;
}

export function SessionCard({ room, title, qrs, expiresAt, cardRef }: Props) {
  return (
    <article class="session-card" ref={cardRef} aria-labelledby="session-card-title">
      <header class="session-card__head">
        <p class="session-card__brand">{t("card.brand")}</p>
        <h1 class="session-card__title" id="session-card-title">
          <bdi>{title}</bdi>
        </h1>
      </header>

      <section class="session-card__part">
        <h2>{t("card.join")}</h2>
        <div class="session-card__row">
          <img class="session-card__qr" src={qrs.join} alt={t("join.qrAlt", { url: room.joinUrl })} width={150} height={150} />
          <div>
            <p class="session-card__label">{t("card.code")}</p>
            <p class="session-card__code">{room.joinCode}</p>
            <p class="session-card__label">{t("card.joinLink")}</p>
            <p class="session-card__link">
              <a href={room.joinUrl}>{room.joinUrl}</a>
            </p>
          </div>
        </div>
      </section>

      <section class="session-card__part">
        <h2>{t("card.projector")}</h2>
        <p>{t("card.projectorHint")}</p>
        <p class="session-card__link">
          <a href={room.projectorUrl}>{room.projectorUrl}</a>
        </p>
      </section>

      <section class="session-card__part session-card__part--secret">
        <h2>{t("card.facilitator")}</h2>
        <p class="session-card__warning">{t("card.warning")}</p>
        <div class="session-card__row">
          <img class="session-card__qr" src={qrs.facilitator} alt={t("card.facilitatorQrAlt")} width={150} height={150} />
          <p class="session-card__link">
            <a href={room.facilitatorUrl}>{room.facilitatorUrl}</a>
          </p>
        </div>
        <LostKey expiresAt={expiresAt} headingLevel={3} />
      </section>
    </article>
  );
}
