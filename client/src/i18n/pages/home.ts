/**
 * @module i18n/pages/home
 * The home page (create, created, compare): its catalogue areas (../areas.ts). One file per page so the page's bundle holds only its
 * own areas' chunk names: vite turns each `import()` below into a map of that area's five files.
 */
import { pageStrings } from "../areas";

export const HOME_STRINGS = pageStrings(
  ["shared", "session", "home", "toolkit", "errors", "organizer"],
  [
    (lang) => import(`../${lang}/shared.ts`),
    (lang) => import(`../${lang}/session.ts`),
    (lang) => import(`../${lang}/home.ts`),
    (lang) => import(`../${lang}/toolkit.ts`),
    (lang) => import(`../${lang}/errors.ts`),
    (lang) => import(`../${lang}/organizer.ts`),
  ],
);
