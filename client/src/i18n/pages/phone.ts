/**
 * @module i18n/pages/phone
 * The participant's phone: its catalogue areas (../areas.ts). One file per page so the page's bundle holds only its
 * own areas' chunk names: vite turns each `import()` below into a map of that area's five files.
 */
import type { PageStrings } from "../areas";

// Every byte of the phone's first load counts (issue 13: ≤ 30 KB): its three areas come as one
// chunk per language (../bundles/phone/<lang>.ts), not three.
export const PHONE_STRINGS: PageStrings = {
  areas: ["shared", "session", "phone"],
  load: (lang) => import(`../bundles/phone/${lang}.ts`).then((m) => m.default),
};
