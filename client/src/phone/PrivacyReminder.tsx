/**
 * @module phone/PrivacyReminder
 * The notice's points again, folded away at the foot of every screen once the phone is in the room.
 * Fetched with the ballot (./ballot.ts), once the room has welcomed the phone: the notice itself
 * (./PrivacyNotice.tsx) comes with the page.
 */
import { t } from "../i18n";
import { PrivacyPoints } from "./PrivacyNotice";

/** The same points, folded away, at the foot of every later phone screen. */
export function PrivacyReminder({ k }: { k: number }) {
  return (
    <details class="reminder">
      <summary>{t("privacy.reminder")}</summary>
      <PrivacyPoints k={k} />
    </details>
  );
}
