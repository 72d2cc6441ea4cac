/**
 * @module console/Links
 * Where to point the projector and the participants. The console's own link is not repeated
 * here: it holds the key and was shown once, on the home page.
 */
import { CopyButton } from "../components/CopyButton";
import { t } from "../i18n";

export function Links({ roomId, joinCode, viewTicket }: { roomId: string; joinCode: string; viewTicket: string | null }) {
  // The projector's view ticket rides in the fragment: it opens the doc (results, notes) read-only.
  const projector = `${location.origin}/p/${roomId}${viewTicket ? `#view=${viewTicket}` : ""}`;
  const join = `${location.origin}/j/${joinCode}`;
  return (
    <dl class="links">
      <dt>{t("links.projector")}</dt>
      <dd>
        <a href={projector} target="_blank" rel="noopener noreferrer">
          {projector}
        </a>{" "}
        <CopyButton text={projector} label={t("links.copyProjector")} />
      </dd>
      <dt>{t("links.join")}</dt>
      <dd>
        <span class="mono">{join}</span> <CopyButton text={join} label={t("links.copyJoin")} />
        <p class="hint">{t("links.code", { code: joinCode })}</p>
      </dd>
    </dl>
  );
}
