/**
 * @module i18n/bundles/phone/en
 * The phone page's areas (shared, session, phone) in one file, so the page fetches one chunk of
 * strings in its language, and its script names five chunks instead of fifteen (../../pages/phone.ts).
 */
import phone from "../../en/phone";
import session from "../../en/session";
import shared from "../../en/shared";

export default [shared, session, phone];
