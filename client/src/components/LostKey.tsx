/**
 * @module components/LostKey
 * What happens when the facilitator link is lost, said plainly wherever a key can be lost or
 * found missing (created page, session card, console without a key): there is no back door (the
 * room keeps only the key's hash, docs/design.md §3.6), and the session erases itself when its
 * retention ends (§3.8), on a date when this page knows it.
 */
import { lang, t } from "../i18n";
import "./keys.css";

export function retentionDate(expiresAt: number): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(expiresAt);
}

export function LostKey({ expiresAt, headingLevel }: { expiresAt?: number | undefined; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div class="lost-key">
      <Heading class="lost-key__heading">{t("keys.lost.heading")}</Heading>
      <p>{t("keys.lost.noBackDoor")}</p>
      <p>{expiresAt === undefined ? t("keys.lost.erases") : t("keys.lost.erasesOn", { date: retentionDate(expiresAt) })}</p>
    </div>
  );
}
