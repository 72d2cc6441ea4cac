/**
 * @module console/Links
 * Where to point the projector and the participants, and a way to open this console on a second
 * facilitator device: the facilitator link as a QR code, made in this browser (its key never
 * goes to a server to be drawn) and shown only on request, with the warning not to project it.
 * The link itself is never written out on screen, where a projected or shared console would show
 * it; it can be copied.
 */
import { useEffect, useState } from "preact/hooks";
import { CopyButton } from "../components/CopyButton";
import { qrImage } from "../lib/qr";
import { t } from "../i18n";
import "../components/keys.css";

interface Props {
  roomId: string;
  joinCode: string;
  viewTicket: string | null;
  facilitatorKey: string;
}

export function Links({ roomId, joinCode, viewTicket, facilitatorKey }: Props) {
  // The projector's view ticket rides in the fragment: it opens the doc (results, notes) read-only.
  const projector = `${location.origin}/p/${roomId}${viewTicket ? `#view=${viewTicket}` : ""}`;
  const join = `${location.origin}/j/${joinCode}`;
  return (
    <>
      <dl class="links">
        <dt>{t("links.projector")}</dt>
        {/* Long links break anywhere: unbroken, they widened the whole side column past the screen. */}
        <dd class="break">
          <a href={projector} target="_blank" rel="noopener noreferrer">
            {projector}
          </a>{" "}
          <CopyButton text={projector} label={t("links.copyProjector")} />
        </dd>
        <dt>{t("links.join")}</dt>
        <dd class="break">
          <span class="mono">{join}</span> <CopyButton text={join} label={t("links.copyJoin")} />
          <p class="hint">{t("links.code", { code: joinCode })}</p>
        </dd>
      </dl>
      <FacilitatorQr link={`${location.origin}/f/${roomId}#key=${facilitatorKey}`} />
    </>
  );
}

function FacilitatorQr({ link }: { link: string }) {
  const [shown, setShown] = useState(false);
  const [image, setImage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    qrImage(link)
      .then((src) => live && setImage(src))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [shown, link]);

  return (
    <div class="facilitator-qr">
      <h3 class="facilitator-qr__heading">{t("links.facilitator")}</h3>
      <p class="hint">{t("links.kept")}</p>
      <button
        type="button"
        class="button button--secondary"
        aria-expanded={shown}
        aria-controls="facilitator-qr-panel"
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t("links.hideQr") : t("links.showQr")}
      </button>
      {/* Always in the page, so the button's aria-controls points at something; empty while hidden. */}
      <div class="facilitator-qr__panel stack" id="facilitator-qr-panel" hidden={!shown}>
        {shown ? (
          <>
            <p class="notice notice--warn">
              <strong>{t("links.qrWarning")}</strong>
            </p>
            <p>{t("links.facilitatorHint")}</p>
            {image ? (
              <img class="facilitator-qr__image" src={image} alt={t("links.qrAlt")} width={220} height={220} />
            ) : (
              <p>{failed ? t("common.networkError") : t("common.loading")}</p>
            )}
            <CopyButton text={link} label={t("links.copyFacilitator")} />
          </>
        ) : null}
      </div>
    </div>
  );
}
