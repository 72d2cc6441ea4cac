/**
 * @module console
 * The facilitator console (`/f/<roomId>#key=…`): the projector's view plus every control. The key
 * is read from the fragment and removed from the address bar (console/key.ts). Commands go over
 * the JSON socket; notes are written to the doc with the write ticket.
 */
import "./lib/zod-jitless";
import { render } from "preact";
import { useEffect } from "preact/hooks";
import { RoomIdSchema } from "../../core/api";
import { DomainList } from "./console/DomainList";
import { Downloads } from "./console/Downloads";
import { forgetFacilitatorKey, takeFacilitatorKey } from "./console/key";
import { Links } from "./console/Links";
import { Notes } from "./console/Notes";
import { RecordForm } from "./console/RecordForm";
import { RoundControls } from "./console/RoundControls";
import { SessionControls } from "./console/SessionControls";
import { useFacilitator } from "./console/useFacilitator";
import { applyDocumentLanguage, t } from "./i18n";
import { roomEndpoint } from "./lib/config";
import type { Link } from "./lib/socket";
import { roomTemplateUrl, useTemplate } from "./lib/useTemplate";
import { Stage } from "./screens/Stage";
import { useRoomDoc } from "./screens/useRoomDoc";
import "./screens/screens.css";
import "./console.css";

function linkText(link: Link): string {
  return link === "open"
    ? t("console.link.open")
    : link === "offline"
      ? t("console.link.offline")
      : link === "gone"
        ? t("screen.gone")
        : t("console.link.connecting");
}

function Console({ roomId, facilitatorKey }: { roomId: string; facilitatorKey: string }) {
  const endpoint = roomEndpoint();
  const f = useFacilitator(endpoint, roomId, facilitatorKey);
  const { doc, meta, session, synced } = useRoomDoc(endpoint, roomId, f.ticket);
  const { template } = useTemplate(meta ? roomTemplateUrl(roomId) : null);

  useEffect(() => {
    if (f.forbidden) forgetFacilitatorKey(roomId); // a refused key is not worth keeping
  }, [f.forbidden, roomId]);

  if (f.forbidden) return <Message text={t("console.forbidden")} />;
  if (f.link === "gone" || (synced && !meta)) return <Message text={t("screen.gone")} />;
  if (!meta || !session || !doc) return <Message text={t("common.loading")} />;

  const current = session.domainId ? template?.domains.find((d) => d.id === session.domainId) : undefined;
  const currentState = session.domainId ? session.domains[session.domainId] : undefined;
  const canRecord = current && currentState && session.phase !== "open" && session.phase !== "lobby";

  return (
    <div class="console">
      <header class="console__header">
        <h1>
          <span class="eyebrow">{t("console.heading")}</span> {meta.title}
        </h1>
        <p class={`status status--${f.link === "open" ? "ok" : "offline"}`} role="status">
          {linkText(f.link)}
        </p>
      </header>
      <main class="console__grid" id="main">
        <div class="console__main">
          <section class="panel" aria-labelledby="now-heading">
            <h2 id="now-heading">{t("console.now")}</h2>
            <p class={f.feedback?.kind === "error" ? "feedback feedback--error" : "feedback"} aria-live="assertive">
              {f.feedback?.text ?? (f.pending ? t("console.pending", { action: f.pending }) : "")}
            </p>
            <RoundControls session={session} joined={f.live?.joined ?? session.issued} run={f.run} />
          </section>
          <div class="panel panel--stage">
            <Stage template={template} meta={meta} session={session} live={f.live} detail />
          </div>
          {canRecord && template ? (
            <section class="panel" aria-labelledby="record-heading">
              <h2 id="record-heading">{t("console.record.heading")}</h2>
              <RecordForm
                key={`${current.id}:${currentState.rounds.length}:${currentState.status}`}
                template={template}
                domain={current}
                state={currentState}
                facilities={meta.facilities}
                k={meta.k}
                run={f.run}
              />
            </section>
          ) : null}
          {current ? (
            <section class="panel" aria-labelledby="notes-heading">
              <h2 id="notes-heading">{t("console.notes.heading", { domain: current.title })}</h2>
              <Notes doc={doc} domainId={current.id} />
            </section>
          ) : null}
        </div>
        <div class="console__side">
          <section class="panel" aria-labelledby="domains-heading">
            <h2 id="domains-heading">{t("console.domains.heading")}</h2>
            {template ? <DomainList template={template} meta={meta} session={session} run={f.run} /> : <p>{t("common.loading")}</p>}
          </section>
          <section class="panel" aria-labelledby="session-heading">
            <h2 id="session-heading">{t("console.session.heading")}</h2>
            <SessionControls session={session} joined={f.live?.joined ?? session.issued} run={f.run} />
          </section>
          <section class="panel" aria-labelledby="links-heading">
            <h2 id="links-heading">{t("links.heading")}</h2>
            <Links roomId={roomId} joinCode={meta.joinCode} viewTicket={f.viewTicket} />
          </section>
          <section class="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t("console.summary.heading")}</h2>
            <Downloads
              roomId={roomId}
              facilitatorKey={facilitatorKey}
              title={meta.title}
              day={meta.createdDay}
              onDeleted={() => forgetFacilitatorKey(roomId)}
            />
          </section>
        </div>
      </main>
    </div>
  );
}

function Message({ text }: { text: string }) {
  return (
    <main class="console console__message" id="main">
      <h1>{text}</h1>
    </main>
  );
}

applyDocumentLanguage("console.docTitle");
const roomId = RoomIdSchema.safeParse(location.pathname.split("/")[2] ?? "");
const key = roomId.success ? takeFacilitatorKey(roomId.data) : null;
const root = document.getElementById("app");
if (root) {
  render(
    !roomId.success ? (
      <Message text={t("screen.badLink")} />
    ) : !key ? (
      <Message text={t("console.noKey")} />
    ) : (
      <Console roomId={roomId.data} facilitatorKey={key} />
    ),
    root,
  );
}
