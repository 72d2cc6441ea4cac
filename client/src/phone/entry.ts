/**
 * @module phone/entry
 * The phone page's screens for when it can't go straight into a room: typing a join code (`/join`,
 * or a link whose code is unknown) and "joining is closed". Fetched only then (phone.tsx,
 * lib/lazy.ts): a join link to an open room, the page's usual first load, needs neither.
 */
export { Closed } from "./Closed";
export { CodeEntry } from "./CodeEntry";
