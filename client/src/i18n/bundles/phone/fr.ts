/**
 * @module i18n/bundles/phone/fr
 * The phone page's areas (shared, session, phone) in one file, so the page fetches one chunk of
 * strings in its language, and its script names five chunks instead of fifteen (../../pages/phone.ts).
 */
import phone from "../../fr/phone";
import session from "../../fr/session";
import shared from "../../fr/shared";

export default [shared, session, phone];
