/**
 * @module screens/Stage
 * What the room is doing now, shared by the projector and the console: waiting, voting (counts
 * only), a revealed domain, or the end-of-session overview. Phase and results come from the doc
 * (so they always match each other); the live vote count from the JSON socket.
 */
import { useEffect } from "preact/hooks";
import type { LiveState } from "../../../core/protocol";
import type { DocMeta, SessionState } from "../../../core/session";
import type { Template } from "../../../core/template";
import { t, tn } from "../i18n";
import { lazyPart } from "../lib/lazy";
import { Countdown } from "./Countdown";
import { SetProgress } from "./SetProgress";
import { VoteProgress } from "./VoteProgress";
import { Breakable } from "../components/Breakable";

/** Results, profile and their charts (./results.ts): fetched when first shown, or when a round opens. */
const results = lazyPart(() => import("./results"));

/** Whether the stage shows a result: a topic's, or the end-of-session profile. */
const showsResults = (session: SessionState | null): boolean =>
  !!session && (session.phase === "ended" || (session.phase !== "open" && session.phase !== "lobby" && !!session.domainId));

/**
 * The results' scripts for `session` (null until they are in): fetched when the stage first shows a
 * result, and as soon as a round opens, so they are in by its reveal. A screen that must render
 * again when they arrive (the projector, to fit itself to the window) calls this too.
 */
export function useResults(session: SessionState | null) {
  const parts = results.use(showsResults(session));
  useEffect(() => {
    if (session?.phase === "open") results.preload();
  }, [session?.phase]);
  return parts;
}

interface Props {
  template: Template | null;
  meta: DocMeta;
  session: SessionState;
  live: LiveState | null;
  /** Console: agreement measures too. */
  detail?: boolean;
}

export function Stage({ template, meta, session, live, detail = false }: Props) {
  const domain = template?.domains.find((d) => d.id === session.domainId);
  const domainState = session.domainId ? session.domains[session.domainId] : undefined;
  const joined = live?.joined ?? session.issued;
  const r = useResults(session);
  const loading = <p>{t("common.loading")}</p>;
  /** The topic's result, once its scripts are in (the projector and the console, during and after the session). */
  const result = (more: { detail: boolean; showMeta?: boolean }) =>
    r && template && domain && domainState ? (
      <r.DomainResult
        template={template}
        domain={domain}
        state={domainState}
        facilities={meta.facilities}
        roles={meta.roles}
        k={meta.k}
        {...more}
      />
    ) : (
      loading
    );

  if (session.phase === "ended") {
    return (
      <section class="stage" aria-labelledby="stage-heading">
        <h2 id="stage-heading">{t("stage.overview")}</h2>
        {template && r ? (
          <r.ProfileChart rows={r.profileRows(template, meta, session)} title={t("profile.title", { title: meta.title })} fit={!detail} />
        ) : (
          loading
        )}
        {/* The console can still go back to a topic after the end, to look and record. */}
        {detail && template && domain && domainState ? (
          <section class="stage__after" aria-labelledby="stage-topic">
            <h3 id="stage-topic" lang={template.language}>
              {t("stage.domainOf", { n: domain.number })}: <Breakable text={domain.title} />
            </h3>
            {result({ detail: true })}
          </section>
        ) : null}
      </section>
    );
  }
  if (session.phase === "open" && (session.openSet?.length ?? 0) > 0) {
    if (!template) return <section class="stage">{t("common.loading")}</section>;
    return <SetProgress template={template} session={session} live={live} joined={joined} />;
  }
  if (session.phase === "lobby" || !session.domainId) {
    return (
      <section class="stage" aria-labelledby="stage-heading">
        <h2 id="stage-heading">{t("stage.lobby")}</h2>
        <p class="stage__big" aria-live="polite">
          {tn("stage.joined", joined)}
        </p>
      </section>
    );
  }
  if (!template || !domain || !domainState) {
    return (
      <section class="stage">
        <p>{t("common.loading")}</p>
      </section>
    );
  }
  const deadline = live?.deadline ?? session.deadline;
  // The projector says the round and who answered in the line above the title, not in a line of
  // their own below it: one line more for the results.
  const latest = domainState.rounds[domainState.rounds.length - 1];
  const oneLine = !detail && session.phase !== "open" && latest !== undefined;
  return (
    <section class="stage" aria-labelledby="stage-heading">
      <p class="eyebrow">
        {t("stage.domainOf", { n: domain.number })}
        {oneLine ? (r ? ` · ${r.roundLine(latest)}` : "") : session.round > 1 ? ` · ${t("stage.round", { r: session.round })}` : ""}
      </p>
      <h2 id="stage-heading" lang={template.language}>
        <Breakable text={domain.title} />
      </h2>
      {session.phase === "open" ? (
        <>
          {/* N is who is present (core/protocol.ts LiveState.present), so it shrinks when someone leaves. */}
          <VoteProgress voted={live?.phase === "open" ? live.voted : 0} joined={live?.present ?? joined} />
          {deadline !== null ? <Countdown deadline={deadline} /> : null}
          <p class="stage__hint">{t("stage.hidden")}</p>
        </>
      ) : (
        result({ detail, showMeta: !oneLine })
      )}
    </section>
  );
}
