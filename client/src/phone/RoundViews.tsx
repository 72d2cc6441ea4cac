/**
 * @module phone/RoundViews
 * The phone's screens once it is in the room and no ballot is being answered: waiting for the first
 * topic, between rounds, sitting a re-vote out, the end. Fetched with the ballot (./ballot.ts), once
 * the room has welcomed the phone; the screens for before that (connecting, gone, locked) stay in
 * ./StateViews.tsx, with the page.
 */
import { t } from "../i18n";
import { type NoteProps, StateView } from "./StateViews";

/** `again`: back in the lobby after a round (one the facilitator cancelled), not before the first. */
export function Waiting({ headingRef, note, again }: NoteProps & { again: boolean }) {
  return (
    <StateView headingRef={headingRef} title={t("phone.lobby.title")} note={note}>
      <p>{again ? t("phone.lobby.again") : t("phone.lobby.body")}</p>
    </StateView>
  );
}

export function Between({ headingRef, note }: NoteProps) {
  return (
    <StateView headingRef={headingRef} title={t("phone.revealed.title")} note={note}>
      <p>{t("phone.revealed.body")}</p>
    </StateView>
  );
}

/** A re-vote of a round this phone did not vote in (docs/design.md §3.11): it sits this one out. */
export function SitOut({ headingRef, note }: NoteProps) {
  return (
    <StateView headingRef={headingRef} title={t("phone.sitOut.title")} note={note}>
      <p>{t("phone.sitOut.body")}</p>
    </StateView>
  );
}

export function Ended({ headingRef, note }: NoteProps) {
  return (
    <StateView headingRef={headingRef} title={t("phone.ended.title")} note={note}>
      <p>{t("phone.ended.body")}</p>
    </StateView>
  );
}
