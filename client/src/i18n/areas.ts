/**
 * @module i18n/areas
 * The catalogues are split by page so a page downloads only the strings it shows, in only the
 * language it shows them in (issue 13: "languages cost the phone nothing"). Each language has one
 * file per area (`<lang>/<area>.ts`); vite makes each file its own chunk, and a page (./pages/<page>.ts)
 * imports its areas with `import()` before its first render (./index.ts `startPage`).
 *
 * A key's area is its first segment's (AREA_OF_PREFIX). tests/unit/i18n-areas.test.ts holds every
 * catalogue file to that rule and fails when a page's modules use a key from an area the page does
 * not load: adding a screen's key to the wrong area is caught there, not on a phone.
 */
import type { Language } from "../../../core/languages";

export type Area = "shared" | "session" | "phone" | "screens" | "console" | "home" | "toolkit" | "errors" | "organizer";
export const AREAS: readonly Area[] = ["shared", "session", "phone", "screens", "console", "home", "toolkit", "errors", "organizer"];

/** Which area holds a key, by the key's first segment ("phone.code.title" → phone). */
export const AREA_OF_PREFIX: Readonly<Record<string, Area>> = {
  // every page: the product's name, buttons, the language switcher
  app: "shared",
  common: "shared",
  // the join line and the lost-key warning: the organizer's and facilitator's pages, never a phone
  keys: "organizer",
  join: "organizer",
  language: "shared",
  // what a session shows wherever it appears: answers, the glossary's terms, timers, scales, facilities
  answer: "session",
  terms: "session",
  timer: "session",
  scale: "session",
  facilities: "session",
  phone: "phone",
  privacy: "phone",
  perspective: "phone",
  screen: "screens",
  projector: "screens",
  stage: "screens",
  profile: "screens",
  progress: "screens",
  stats: "screens",
  result: "screens",
  chart: "screens",
  consensus: "screens",
  items: "screens",
  status: "screens",
  domainStatus: "screens",
  console: "console",
  links: "console",
  // the room's refusals as the console words them (console/roomErrorText.ts)
  refusal: "console",
  roomError: "console",
  // the API's error codes, worded where a page calls the API and shows what failed (lib/apiErrorText.ts)
  apiError: "errors",
  home: "home",
  card: "home",
  compare: "home",
  toolkit: "toolkit",
};

/** One area's strings in one language. */
export type Messages = Readonly<Record<string, string>>;

/** What a page loads: its areas' names (for the test) and a loader for them in one language. */
export interface PageStrings {
  readonly areas: readonly Area[];
  readonly load: (lang: Language) => Promise<Messages[]>;
}

/** A page's strings: its areas, each loaded by `import()` with the language as a variable. */
export function pageStrings(areas: readonly Area[], loaders: readonly ((lang: Language) => Promise<{ default: Messages }>)[]): PageStrings {
  return { areas, load: (lang) => Promise.all(loaders.map((load) => load(lang).then((m) => m.default))) };
}
