/**
 * @module projector
 * The projector view (`/p/<roomId>`): large type, readable from the back of the room, and one
 * control (full screen). Reads the doc read-only (with the view ticket from its link's fragment)
 * and the live counts as a "screen"; shows only what the room released. A link that can't work
 * (cut, mistyped, of a deleted session) says so in words, never "Loading…" for ever.
 */
import "./lib/zod-jitless";
import { useEffect, useRef, useState } from "preact/hooks";
import { RoomIdSchema } from "../../core/join";
import { sessionLanguage } from "../../core/languages";
import { TranslationNote } from "./components/TranslationNote";
import { t } from "./i18n";
import { PROJECTOR_STRINGS } from "./i18n/pages/projector";
import { mountPage, screenLanguage, useSessionLanguage } from "./i18n/page";
import { roomEndpoint } from "./lib/config";
import { forgetFragmentSecret, onFragmentSecret, takeFragmentSecret } from "./lib/fragment";
import { roomTemplateUrl, useTemplate } from "./lib/useTemplate";
import { FullScreenButton } from "./screens/FullScreenButton";
import { JoinPanel } from "./screens/JoinPanel";
import { Stage, useResults } from "./screens/Stage";
import { useFitToScreen } from "./screens/useFitToScreen";
import { useLiveSocket } from "./screens/useLiveSocket";
import { useRoomDoc } from "./screens/useRoomDoc";
import "./screens/screens.css";
import "./projector.css";

const SCREEN_HELLO = { t: "hello", role: "screen" } as const;

function Projector({ roomId, viewTicket }: { roomId: string; viewTicket: string }) {
  const endpoint = roomEndpoint();
  const { link, live } = useLiveSocket(endpoint, roomId, SCREEN_HELLO);
  const { meta, session, synced, refused } = useRoomDoc(endpoint, roomId, viewTicket);
  useSessionLanguage(meta ? sessionLanguage(meta) : null);
  const { template } = useTemplate(meta ? roomTemplateUrl(roomId) : null);
  // Subscribed here too: when a result's scripts arrive, the whole screen renders again, and so
  // fits itself to the window again (useFitToScreen runs after each of its renders).
  useResults(session);
  const rootRef = useRef<HTMLDivElement>(null);
  useFitToScreen(rootRef);
  // A ticket the room refused is not kept for a reload of this tab: the page then asks for the link.
  useEffect(() => {
    if (refused === "ticket") forgetFragmentSecret("view", roomId, viewTicket);
  }, [refused, roomId, viewTicket]);

  if (link === "gone" || refused === "gone" || (synced && !meta)) return <Message text={t("screen.gone")} hint={t("screen.goneHint")} />;
  if (refused === "ticket") return <Message text={t("screen.badTicket")} hint={t("screen.badTicketHint")} />;
  if (refused === "unreadable") return <Message text={t("screen.unreadable")} hint={t("screen.unreadableHint")} retry />;
  if (!meta || !session) return <Message text={link === "offline" ? t("screen.offline") : t("common.loading")} />;

  const big = session.phase === "lobby";
  // The QR panel while joining matters (lobby, voting); during results a small line is enough,
  // so the results get the width. No join hints at all once joining is locked or the session ended.
  const joinable = !session.locked && session.phase !== "ended";
  const qr = joinable && (session.phase === "lobby" || session.phase === "open");
  return (
    <div ref={rootRef} class={`projector projector--${session.phase}${qr ? "" : " projector--wide"}`}>
      <header class="projector__header">
        {/* The organizer's words, in any script: their own direction, isolated from the page's. */}
        <h1 class="projector__title" dir="auto">
          {meta.title}
        </h1>
        {joinable && !qr ? (
          <p class="projector__joinline">{t("join.line", { url: `${location.host}/join`, code: meta.joinCode })}</p>
        ) : null}
        {link === "offline" ? (
          <p class="projector__offline" role="status">
            {t("screen.offline")}
          </p>
        ) : null}
        <FullScreenButton />
      </header>
      <main class="projector__main" id="main">
        <Stage template={template} meta={meta} session={session} live={live} />
        <TranslationNote template={template} class="projector__translation" />
      </main>
      {!qr ? null : (
        <aside class={big ? "projector__join projector__join--big" : "projector__join"} aria-label={t("join.heading")}>
          <JoinPanel code={meta.joinCode} compact={!big} />
        </aside>
      )}
    </div>
  );
}

/** A whole-screen sentence, in type the room can read: what happened, and what to do about it. */
function Message({ text, hint, retry = false }: { text: string; hint?: string; retry?: boolean }) {
  return (
    <main class="projector projector__message" id="main">
      <div class="projector__message-box">
        <h1>{text}</h1>
        {hint ? <p class="projector__hint">{hint}</p> : null}
        {retry ? (
          <button type="button" class="button button--primary" onClick={() => location.reload()}>
            {t("screen.tryAgain")}
          </button>
        ) : null}
      </div>
    </main>
  );
}

/** The link's room and ticket; a full link pasted into this open tab (only its fragment changes) is taken too. */
function App({ roomId }: { roomId: string }) {
  const [viewTicket, setViewTicket] = useState(() => takeFragmentSecret("view", roomId));
  useEffect(() => onFragmentSecret("view", roomId, setViewTicket), [roomId]);
  if (!viewTicket) return <Message text={t("screen.badTicket")} hint={t("screen.badTicketHint")} />;
  return <Projector key={viewTicket} roomId={roomId} viewTicket={viewTicket} />;
}

const roomId = RoomIdSchema.safeParse(location.pathname.split("/")[2] ?? "");
mountPage(PROJECTOR_STRINGS, "projector.docTitle", screenLanguage(), () =>
  roomId.success ? <App roomId={roomId.data} /> : <Message text={t("screen.badLink")} hint={t("screen.badTicketHint")} />,
);
