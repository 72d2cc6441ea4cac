/**
 * @module phone/ballot
 * The phone's ballot: the form for one topic, and the list of a self-paced set's topics. Fetched
 * with the template, once the room has welcomed the phone (Room.tsx, lib/lazy.ts), not with the
 * page: the notice, whose time to be usable on a slow network is the phone's target
 * (docs/design.md §8), needs none of it, and no ballot can show before its template is in anyway.
 */
export { BallotForm } from "./BallotForm";
export { SetList } from "./SetList";
