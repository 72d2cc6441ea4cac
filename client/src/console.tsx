/**
 * @module console
 * The facilitator console (`/f/<roomId>#key=…`): the projector's view plus every control. The key
 * is read from the fragment and removed from the address bar, and kept on this device once the
 * room accepts it, so `/f/<roomId>` alone opens again here (console/key.ts). Commands go over
 * the JSON socket; notes are written to the doc with the write ticket.
 */
import "./lib/zod-jitless";
import { useEffect } from "preact/hooks";
import { RoomIdSchema } from "../../core/join";
import { sessionLanguage } from "../../core/languages";
import { Directory } from "./console/Directory";
import { DomainList } from "./console/DomainList";
import { FacilitiesEditor } from "./console/FacilitiesEditor";
import { Downloads } from "./console/Downloads";
import { forgetFacilitatorKey, keepFacilitatorKey, pruneOldFacilitatorKeys, useFacilitatorKey } from "./console/key";
import { Links } from "./console/Links";
import { JoinLock } from "./console/JoinLock";
import { ShortcutsHelp } from "./console/ShortcutsHelp";
import { useConsoleShortcuts } from "./console/useConsoleShortcuts";
import { useRevealDelay } from "./console/useRevealDelay";
import { OpenSet } from "./console/OpenSet";
import { RoundControls } from "./console/RoundControls";
import { SessionControls } from "./console/SessionControls";
import { SessionLanguage } from "./console/SessionLanguage";
import { TranslationNote } from "./components/TranslationNote";
import { useFacilitator } from "./console/useFacilitator";
import { t } from "./i18n";
import { CONSOLE_STRINGS } from "./i18n/pages/console";
import { mountPage, screenLanguage, useSessionLanguage } from "./i18n/page";
import { roomEndpoint } from "./lib/config";
import { lazyPart } from "./lib/lazy";
import type { Link } from "./lib/socket";
import { roomTemplateUrl, useTemplate } from "./lib/useTemplate";
import { Stage } from "./screens/Stage";
import type { TopicView } from "./screens/topicView";
import { useRoomDoc } from "./screens/useRoomDoc";
import { useHealthServices } from "./console/useHealthServices";
import { feedbackText } from "./console/roomErrorText";
import "./screens/screens.css";
import "./console.css";

// Fetched when needed, not with the console (lib/lazy.ts): the panels of the topic on screen (its
// notes; once its result is out, recording and guidance), when a topic is first on screen or a
// self-paced set opens; the screen for a missing or refused key, only then.
const topicPanels = lazyPart(() => import("./console/topicPanels"));
const keyProblem = lazyPart(() => import("./console/KeyProblem"));

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
  const { doc, meta, session, synced, save } = useRoomDoc(endpoint, roomId, f.ticket);
  useSessionLanguage(meta ? sessionLanguage(meta) : null);
  const { template } = useTemplate(meta ? roomTemplateUrl(roomId) : null);
  const panels = topicPanels.use(!!session?.domainId && session.phase !== "lobby");
  useEffect(() => {
    if (f.live?.phase === "open") topicPanels.preload();
  }, [f.live?.phase]);
  const healthServices = useHealthServices(doc);
  // In a self-paced set the rounds are the set's: a pending reveal is for them.
  const reveal = useRevealDelay(f.run, f.live?.phase === "open" ? (f.live.roundId ?? f.live.set.map((x) => x.roundId).join(" ")) : null);
  const keys = useConsoleShortcuts({ template, meta, session, live: f.live, run: f.run, reveal });

  // Kept on this device only once accepted: a mistyped link never replaces a good key.
  useEffect(() => {
    if (f.ticket) keepFacilitatorKey(roomId, facilitatorKey);
  }, [f.ticket, roomId, facilitatorKey]);
  // A refused key is not worth keeping; a session that is gone needs no key any more.
  useEffect(() => {
    if (f.forbidden) forgetFacilitatorKey(roomId, facilitatorKey);
    else if (f.link === "gone") forgetFacilitatorKey(roomId);
  }, [f.forbidden, f.link, roomId, facilitatorKey]);

  if (f.forbidden) return <LazyKeyProblem roomId={roomId} refusedKey={facilitatorKey} />;
  if (f.link === "gone" || (synced && !meta)) return <Message text={t("screen.gone")} />;
  if (!meta || !session || !doc) return <Message text={t("common.loading")} />;

  const current = session.domainId ? template?.domains.find((d) => d.id === session.domainId) : undefined;
  const currentState = session.domainId ? session.domains[session.domainId] : undefined;
  const canRecord = current && currentState && session.phase !== "open" && session.phase !== "lobby";
  // The topic on screen once it has a result, as every view of that result takes it.
  // The per-facility topic (the toolkit's domain 12), whose facilities the console may still set.
  const perFacility = template?.domains.find((d) => d.rating.perFacility);
  const topic: TopicView | null =
    canRecord && template
      ? { template, domain: current, state: currentState, facilities: meta.facilities, roles: meta.roles, k: meta.k }
      : null;

  return (
    <div class="console">
      <header class="console__header">
        <h1>
          <span class="eyebrow">{t("console.heading")}</span> <bdi>{meta.title}</bdi>
        </h1>
        <p class={`status status--${f.link === "open" ? "ok" : "offline"}`} role="status">
          {linkText(f.link)}
        </p>
        <JoinLock session={session} run={f.run} />
        <button type="button" class="button button--small button--secondary" onClick={() => keys.setHelpOpen(true)}>
          {t("console.keys.button")} <kbd>?</kbd>
        </button>
        <ShortcutsHelp shortcuts={keys.shortcuts} open={keys.helpOpen} onClose={() => keys.setHelpOpen(false)} />
      </header>
      <main class="console__grid" id="main">
        <div class="console__main">
          <section class="panel" aria-labelledby="now-heading">
            <h2 id="now-heading">{t("console.now")}</h2>
            <p class={f.feedback?.kind === "error" ? "feedback feedback--error" : "feedback"} aria-live="assertive">
              {f.feedback ? feedbackText(f.feedback, template) : f.pending ? t("console.pending", { action: f.pending }) : ""}
            </p>
            <RoundControls session={session} joined={f.live?.joined ?? session.issued} run={f.run} live={f.live} reveal={reveal} />
          </section>
          <div class="panel panel--stage">
            <Stage template={template} meta={meta} session={session} live={f.live} detail />
          </div>
          {topic && panels ? <panels.RecordPanel topic={topic} run={f.run} /> : null}
          {topic && panels ? <panels.GuidancePanel doc={doc} topic={topic} /> : null}
          {current && panels ? <panels.NotesPanel doc={doc} domain={current} save={save} /> : null}
          <section class="panel" aria-labelledby="directory-heading">
            <h2 id="directory-heading">{t("console.directory.heading")}</h2>
            <Directory doc={doc} save={save} />
          </section>
        </div>
        <div class="console__side">
          <section class="panel" aria-labelledby="domains-heading">
            <h2 id="domains-heading">{t("console.domains.heading")}</h2>
            {template ? <DomainList template={template} meta={meta} session={session} run={f.run} /> : <p>{t("common.loading")}</p>}
          </section>
          {template ? (
            <section class="panel" aria-labelledby="set-heading">
              <h2 id="set-heading">{t("console.set.heading")}</h2>
              {/* Chosen afresh (the topics not yet assessed) each time a set or round ends. */}
              <OpenSet key={session.phase === "open" ? "open" : "idle"} template={template} meta={meta} session={session} run={f.run} />
            </section>
          ) : null}
          {template && perFacility ? (
            <section class="panel" aria-labelledby="facilities-heading">
              <h2 id="facilities-heading">{t("console.facilities.heading", { n: perFacility.number })}</h2>
              <FacilitiesEditor
                key={JSON.stringify([meta.facilities, meta.roles])}
                template={template}
                domain={perFacility}
                session={session}
                facilities={meta.facilities}
                roles={meta.roles}
                candidates={healthServices}
                run={f.run}
              />
            </section>
          ) : null}
          <section class="panel" aria-labelledby="session-heading">
            <h2 id="session-heading">{t("console.session.heading")}</h2>
            <SessionControls session={session} joined={f.live?.joined ?? session.issued} run={f.run} />
          </section>
          <section class="panel" aria-labelledby="language-heading">
            <h2 id="language-heading">{t("console.language.heading")}</h2>
            <SessionLanguage current={sessionLanguage(meta)} run={f.run} />
            <TranslationNote template={template} />
          </section>
          <section class="panel" aria-labelledby="links-heading">
            <h2 id="links-heading">{t("links.heading")}</h2>
            <Links roomId={roomId} joinCode={meta.joinCode} viewTicket={f.viewTicket} facilitatorKey={facilitatorKey} />
          </section>
          <section class="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t("console.summary.heading")}</h2>
            <Downloads
              roomId={roomId}
              facilitatorKey={facilitatorKey}
              title={meta.title}
              day={meta.createdDay}
              sessionLang={meta.lang}
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

/** The console with its key: the one found when the page opened, or from a link pasted into this tab. */
function KeyedConsole({ roomId }: { roomId: string }) {
  const key = useFacilitatorKey(roomId);
  // A new key starts a new console (a new socket and hello), with nothing left of a refused one.
  return key ? <Console key={key} roomId={roomId} facilitatorKey={key} /> : <LazyKeyProblem roomId={roomId} />;
}

function LazyKeyProblem(props: { roomId: string; refusedKey?: string }) {
  const part = keyProblem.use();
  return part ? <part.KeyProblem {...props} /> : <Message text={t("common.loading")} />;
}

pruneOldFacilitatorKeys();
const roomId = RoomIdSchema.safeParse(location.pathname.split("/")[2] ?? "");
mountPage(CONSOLE_STRINGS, "console.docTitle", screenLanguage(), () =>
  !roomId.success ? <Message text={t("screen.badLink")} /> : <KeyedConsole roomId={roomId.data} />,
);
