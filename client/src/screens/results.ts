/**
 * @module screens/results
 * What a screen shows once a round's result is out or the session has ended: the result of a
 * topic, the end-of-session profile and the statistics, charts and tables under them. Fetched when
 * first shown, or as soon as a round opens (ahead of its reveal), not with the page (lib/lazy.ts):
 * they are a tenth of the projector's and the console's scripts, and a lobby needs none of them.
 */
export { DomainResult, roundLine } from "./DomainResult";
export { ProfileChart } from "./ProfileChart";
export { profileRows } from "./profile";
