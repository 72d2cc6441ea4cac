/**
 * @module phone/Room
 * A joined phone follows the facilitator: whatever phase the room is in decides the screen. This
 * component only picks the screen; the protocol lives in `usePhoneRoom`, storage in `stored`.
 * The session's title shows once, in the notice's heading, so later screens start with what is
 * asked; the countdown, when there is one, stays in view above it.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { ErrorCode, Perspective } from "../../../core/protocol";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { PhoneHeader } from "./PhoneHeader";
import { lang, type MessageKey, t } from "../i18n";
import { roomEndpoint } from "../lib/config";
import { lazyPart } from "../lib/lazy";
import type { Link } from "../lib/socket";
import { roomTemplateUrl, useTemplate } from "../lib/useTemplate";
import { Connecting, Gone, Locked, StateView } from "./StateViews";
import { forgetRoom, loadRoom, savePerspective, saveRoom } from "./stored";
import { ballotFor, mayAnswer, topicProgress } from "./set-ballots";
import { openRoundId, usePhoneRoom } from "./usePhoneRoom";
import { Welcome } from "./Welcome";

/** The ballot form, a set's list, "answers sent" and the countdown (./ballot.ts): fetched with the template, once the room has welcomed the phone. */
const ballotPart = lazyPart(() => import("./ballot"));

/** One sentence for the status line (aria-live): connection state first, then the room's refusals. */
function statusText(link: Link, problem: ErrorCode | null): string {
  if (link === "offline") return t("phone.status.offline");
  switch (problem) {
    case null:
      return link === "open" ? t("phone.status.connected") : "";
    case "round-closed":
      return t("phone.problem.late");
    case "rate-limited":
      return t("phone.problem.slow");
    case "full":
      return t("phone.problem.full");
    case "locked":
      return t("phone.locked.title");
    case "bad-ballot":
      return t("phone.problem.badBallot");
    case "not-in-earlier-round":
      return t("phone.sitOut.title");
    default:
      return t("phone.problem.other");
  }
}

export function Room({ roomId, title, k }: { roomId: string; title: string; k: number }) {
  const [noticeSeen, setNoticeSeen] = useState(() => loadRoom(roomId).noticeSeen === true);
  // The phone connects while its owner reads the notice, but says hello (and is counted as
  // "joined") only after Continue: someone who reads it and leaves must not hold up "everyone has
  // voted".
  const room = usePhoneRoom(roomEndpoint(), roomId, noticeSeen);
  const { meta, live, link, problem } = room;
  // In English the template waits for the room (no API call before the notice); in another
  // language it loads with the notice, which must say once that its translation is unofficial.
  const { template, failed, retry } = useTemplate(meta || lang !== "en" ? roomTemplateUrl(roomId) : null);
  const ballot = ballotPart.use(meta !== null);
  const [editing, setEditing] = useState(false);
  const openRound = openRoundId(live);
  /** A self-paced set: the topic being answered (null: the list of the set's topics). */
  const [setTopic, setSetTopic] = useState<string | null>(null);
  const openSet = live?.phase === "open" ? live.set : [];
  const setKey = openSet.map((x) => x.roundId).join(" ");

  useEffect(() => setEditing(false), [openRound]);
  useEffect(() => setSetTopic(null), [setKey]);
  /** Whether this page has seen a round open: the lobby after a cancelled one says "next", not "first". */
  const seenRound = useRef(false);
  if (openRound) seenRound.current = true;
  useEffect(() => {
    if (link === "gone") forgetRoom(roomId);
  }, [link, roomId]);

  const domain = template?.domains.find((d) => d.id === live?.domainId);
  // Answers the last round did not count; the room's "too late" refusal says the same in fewer cases.
  const note = room.missed ? t(`phone.lost.${room.missed}` as MessageKey) : problem === "round-closed" ? t("phone.revealed.late") : null;
  const showForm = openRound !== null && (!room.sent || editing);
  const viewKey =
    link === "gone"
      ? "gone"
      : !noticeSeen
        ? "welcome"
        : !meta
          ? `pre-${problem === "locked"}`
          : `${live?.phase}:${openRound}:${showForm}:${setKey}:${setTopic}`;
  const headingRef = useFocusOnChange<HTMLHeadingElement>(viewKey);

  const onContinue = (p: Perspective) => {
    // Sent in the first hello; the room keeps perspectives apart from ballots, in memory only.
    if (p !== "prefer-not") savePerspective(roomId, p);
    saveRoom(roomId, { noticeSeen: true });
    setNoticeSeen(true);
  };

  // The template (or the ballot's scripts) is still loading, or failed to (one view for the
  // one-topic and the self-paced flow).
  const templateLoading = (
    <StateView headingRef={headingRef} title={failed ? t("phone.template.failed") : t("common.loading")}>
      {failed ? (
        <button type="button" class="button button--secondary button--block" onClick={retry}>
          {t("common.tryAgain")}
        </button>
      ) : null}
    </StateView>
  );
  let view: ComponentChildren;
  if (link === "gone") view = <Gone headingRef={headingRef} />;
  else if (!noticeSeen) view = <Welcome title={title} k={k} template={template} onContinue={onContinue} />;
  else if (!meta || !live) {
    view =
      problem === "locked" ? (
        <Locked headingRef={headingRef} onRetry={room.rehello} />
      ) : (
        <Connecting headingRef={headingRef} offline={link === "offline"} />
      );
  } else if (!ballot) view = templateLoading;
  else if (live.phase === "ended") view = <ballot.Ended headingRef={headingRef} note={note} />;
  else if (live.phase === "lobby") view = <ballot.Waiting headingRef={headingRef} note={note} again={seenRound.current} />;
  else if (openSet.length > 0) {
    const stored = loadRoom(roomId);
    const chosen = openSet.find((x) => x.domainId === setTopic);
    const chosenDomain = chosen && template?.domains.find((d) => d.id === chosen.domainId);
    if (!template || !ballot) view = templateLoading;
    else if (chosen && chosenDomain && mayAnswer(stored, chosen)) {
      const sent = ballotFor(stored.setSent, chosen.roundId);
      view = (
        <>
          <button type="button" class="button button--secondary set-back" onClick={() => setSetTopic(null)}>
            <span aria-hidden="true" class="flip-in-rtl">
              ←
            </span>{" "}
            {t("phone.set.back")}
          </button>
          <ballot.BallotForm
            key={chosen.roundId}
            template={template}
            domain={chosenDomain}
            facilities={meta.facilities}
            roundId={chosen.roundId}
            round={Number(chosen.roundId.split("#")[1] ?? 1)}
            initial={ballotFor(stored.setDrafts, chosen.roundId) ?? sent}
            isChange={sent !== null}
            headingRef={headingRef}
            note={null}
            onDraft={room.saveTopicDraft}
            onSubmit={(b) => {
              room.submitTopic(b);
              setSetTopic(null);
            }}
          />
        </>
      );
    } else {
      view = (
        <ballot.SetList
          template={template}
          headingRef={headingRef}
          note={note}
          onOpen={setSetTopic}
          topics={openSet.map((topic) => ({
            topic,
            progress: topicProgress(stored, topic.roundId, room.topicsAcked.has(topic.roundId)),
            mayAnswer: mayAnswer(stored, topic),
          }))}
        />
      );
    }
  } else if (live.phase === "revealed" || openRound === null) view = <ballot.Between headingRef={headingRef} note={note} />;
  else if (!room.mayVote && !room.sent) view = <ballot.SitOut headingRef={headingRef} note={note} />;
  else if (!domain || !ballot) view = templateLoading;
  else if (showForm && template && ballot) {
    const stored = loadRoom(roomId);
    const initial = stored.draft?.roundId === openRound ? stored.draft : stored.sent?.roundId === openRound ? stored.sent : null;
    view = (
      <ballot.BallotForm
        key={openRound}
        template={template}
        domain={domain}
        facilities={meta.facilities}
        roles={meta.roles}
        roundId={openRound}
        round={live.round}
        initial={initial}
        isChange={room.sent !== null}
        headingRef={headingRef}
        note={note}
        onDraft={room.saveDraft}
        onSubmit={(b) => {
          room.submit(b);
          setEditing(false);
        }}
      />
    );
  } else {
    view = <ballot.Submitted acked={room.acked === openRound} link={link} headingRef={headingRef} onChange={() => setEditing(true)} />;
  }

  // Nothing to say about the connection before the person has joined (its socket is only open);
  // a refusal the note already explains is not said twice.
  const said = note ? null : problem;
  const status = noticeSeen ? statusText(link, said) : "";
  return (
    <>
      <PhoneHeader>
        <p class={`status status--${link === "offline" ? "offline" : said ? "problem" : "ok"}`} role="status">
          {status}
        </p>
      </PhoneHeader>
      <main class="phone-main" id="main">
        {noticeSeen && ballot ? <ballot.Countdown deadline={live?.phase === "open" ? live.deadline : null} /> : null}
        {view}
      </main>
      {noticeSeen && ballot ? (
        <footer class="phone-footer">
          <ballot.PrivacyReminder k={meta?.k ?? k} />
        </footer>
      ) : null}
    </>
  );
}
