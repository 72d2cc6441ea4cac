/**
 * @module i18n/bundles/phone/pt
 * The phone page's areas (shared, session, phone) in one file, so the page fetches one chunk of
 * strings in its language, and its script names five chunks instead of fifteen (../../pages/phone.ts).
 */
import phone from "../../pt/phone";
import session from "../../pt/session";
import shared from "../../pt/shared";

export default [shared, session, phone];
