/**
 * @module i18n/bundles/phone/ar
 * The phone page's areas (shared, session, phone) in one file, so the page fetches one chunk of
 * strings in its language, and its script names five chunks instead of fifteen (../../pages/phone.ts).
 */
import phone from "../../ar/phone";
import session from "../../ar/session";
import shared from "../../ar/shared";

export default [shared, session, phone];
