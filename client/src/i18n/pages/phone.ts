/**
 * @module i18n/pages/phone
 * The participant's phone: its catalogue areas (../areas.ts). One file per page so the page's bundle holds only its
 * own areas' chunk names: vite turns each `import()` below into a map of that area's five files.
 */
import { pageStrings } from "../areas";

export const PHONE_STRINGS = pageStrings(
  ["shared", "session", "phone"],
  [(lang) => import(`../${lang}/shared.ts`), (lang) => import(`../${lang}/session.ts`), (lang) => import(`../${lang}/phone.ts`)],
);
