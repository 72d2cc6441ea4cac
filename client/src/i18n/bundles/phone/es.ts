/**
 * @module i18n/bundles/phone/es
 * The phone page's areas (shared, session, phone) in one file, so the page fetches one chunk of
 * strings in its language, and its script names five chunks instead of fifteen (../../pages/phone.ts).
 */
import phone from "../../es/phone";
import session from "../../es/session";
import shared from "../../es/shared";

export default [shared, session, phone];
