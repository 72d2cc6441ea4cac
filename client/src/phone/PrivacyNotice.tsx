/**
 * @module phone/PrivacyNotice
 * What is and isn't protected, in plain words, before anyone votes (docs/design.md §3.9). People in the
 * room may be under stress: short sentences, no jargon, and the limits said as plainly as the
 * protections (a unanimous result shows everyone's rating; small groups invite guessing).
 */
import { t, tn } from "../i18n";

export function PrivacyPoints({ k }: { k: number }) {
  return (
    <ul class="notice-list">
      <li>{t("privacy.nothingAsked")}</li>
      <li>{t("privacy.nobodySees")}</li>
      <li>{t("privacy.totalsOnly")}</li>
      <li>{tn("privacy.threshold", k)}</li>
      {k < 5 ? <li class="notice-list__warn">{tn("privacy.smallKShort", k)}</li> : null}
      <li>{t("privacy.unanimous")}</li>
      <li>{t("privacy.smallGroup")}</li>
      <li>{t("privacy.changeUntilClosed")}</li>
    </ul>
  );
}
