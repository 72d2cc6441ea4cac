/**
 * @module projector
 * The projector view (`/p/<roomId>`): no controls, large type, readable from the back of the room.
 * Reads the doc read-only (with the view ticket from its link's fragment) and the live counts as a
 * "screen"; shows only what the room released.
 */
import "./lib/zod-jitless";
import { render } from "preact";
import { useRef } from "preact/hooks";
import { RoomIdSchema } from "../../core/api";
import { applyDocumentLanguage, t } from "./i18n";
import { roomEndpoint } from "./lib/config";
import { roomTemplateUrl, useTemplate } from "./lib/useTemplate";
import { JoinPanel } from "./screens/JoinPanel";
import { Stage } from "./screens/Stage";
import { useLiveSocket } from "./screens/useLiveSocket";
import { useRoomDoc } from "./screens/useRoomDoc";
import { useFitToScreen } from "./screens/useFitToScreen";
import { takeFragmentSecret } from "./lib/fragment";
import "./screens/screens.css";
import "./projector.css";

const SCREEN_HELLO = { t: "hello", role: "screen" } as const;

function Projector({ roomId, viewTicket }: { roomId: string; viewTicket: string }) {
  const endpoint = roomEndpoint();
  const { link, live } = useLiveSocket(endpoint, roomId, SCREEN_HELLO);
  const { meta, session, synced } = useRoomDoc(endpoint, roomId, viewTicket);
  const { template } = useTemplate(meta ? roomTemplateUrl(roomId) : null);
  const rootRef = useRef<HTMLDivElement>(null);
  useFitToScreen(rootRef);

  if (link === "gone" || (synced && !meta)) return <Message text={t("screen.gone")} />;
  if (!meta || !session) return <Message text={t("common.loading")} />;

  const big = session.phase === "lobby";
  // The QR panel while joining matters (lobby, voting); during results a small line is enough,
  // so the results get the width. No join hints at all once joining is locked or the session ended.
  const joinable = !session.locked && session.phase !== "ended";
  const qr = joinable && (session.phase === "lobby" || session.phase === "open");
  return (
    <div ref={rootRef} class={`projector projector--${session.phase}${qr ? "" : " projector--wide"}`}>
      <header class="projector__header">
        <h1 class="projector__title">{meta.title}</h1>
        {joinable && !qr ? (
          <p class="projector__joinline">{t("join.line", { url: `${location.host}/join`, code: meta.joinCode })}</p>
        ) : null}
        {link === "offline" ? (
          <p class="projector__offline" role="status">
            {t("screen.offline")}
          </p>
        ) : null}
      </header>
      <main class="projector__main" id="main">
        <Stage template={template} meta={meta} session={session} live={live} />
      </main>
      {!qr ? null : (
        <aside class={big ? "projector__join projector__join--big" : "projector__join"} aria-label={t("join.heading")}>
          <JoinPanel code={meta.joinCode} compact={!big} />
        </aside>
      )}
    </div>
  );
}

function Message({ text }: { text: string }) {
  return (
    <main class="projector projector__message" id="main">
      <h1>{text}</h1>
    </main>
  );
}

applyDocumentLanguage("projector.docTitle");
const roomId = RoomIdSchema.safeParse(location.pathname.split("/")[2] ?? "");
const viewTicket = roomId.success ? takeFragmentSecret("view", roomId.data) : null;
const root = document.getElementById("app");
if (root) {
  render(
    roomId.success && viewTicket ? <Projector roomId={roomId.data} viewTicket={viewTicket} /> : <Message text={t("screen.badLink")} />,
    root,
  );
}
