/**
 * @module screens/JoinPanel
 * How to join, for the projector: the QR code (rendered by the Worker as SVG), the code in large
 * letters and the address to type it at.
 */
import { t } from "../i18n";

export function JoinPanel({ code, compact = false }: { code: string; compact?: boolean }) {
  const joinUrl = `${location.origin}/j/${code}`;
  const typeUrl = `${location.host}/join`;
  return (
    <section class={compact ? "join join--compact" : "join"} aria-labelledby="join-heading">
      <h2 id="join-heading" class={compact ? "sr-only" : "join__heading"}>
        {t("join.heading")}
      </h2>
      <img class="join__qr" src={`/api/join/${encodeURIComponent(code)}/qr.svg`} alt={t("join.qrAlt", { url: joinUrl })} />
      <div class="join__text">
        <p class="join__code-label">{t("join.codeLabel", { url: typeUrl })}</p>
        <p class="join__code">
          <span aria-hidden="true">{code}</span>
          {/* spelled out, so a screen reader reads letters, not a word */}
          <span class="sr-only">{code.split("").join(" ")}</span>
        </p>
        {compact ? null : <p class="join__url">{joinUrl}</p>}
      </div>
    </section>
  );
}
