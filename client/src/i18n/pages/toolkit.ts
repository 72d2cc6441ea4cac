/**
 * @module i18n/pages/toolkit
 * The toolkit page: its catalogue areas (../areas.ts). One file per page so the page's bundle holds only its
 * own areas' chunk names: vite turns each `import()` below into a map of that area's five files.
 */
import { pageStrings } from "../areas";

export const TOOLKIT_STRINGS = pageStrings(
  ["shared", "toolkit"],
  [(lang) => import(`../${lang}/shared.ts`), (lang) => import(`../${lang}/toolkit.ts`)],
);
