/**
 * @module phone/ballot
 * The phone's ballot: the form for one topic, the list of a self-paced set's topics, the screen
 * after sending and a round's countdown (all of them only while a round is open). Fetched
 * with the template, once the room has welcomed the phone (Room.tsx, lib/lazy.ts), not with the
 * page: the notice, whose time to be usable on a slow network is the phone's target
 * (docs/design.md §8), needs none of it, and no ballot can show before its template is in anyway.
 */
export { BallotForm } from "./BallotForm";
export { SetList } from "./SetList";
export { Countdown } from "./Countdown";
export { Submitted } from "./Submitted";
export { Between, Ended, SitOut, Waiting } from "./RoundViews";
export { PrivacyReminder } from "./PrivacyReminder";
