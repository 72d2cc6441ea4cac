/**
 * @module phone
 * The participant's page: `/join` (type a code) and `/j/<code>` (QR link). Deliberately small:
 * no Yjs, one JSON socket, so it loads fast on a weak phone connection (docs/design.md §6, §8).
 */
import "./lib/zod-jitless";
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { JoinCodeSchema, type JoinResponse, JoinResponseSchema } from "../../core/join";
import { t } from "./i18n";
import { PHONE_STRINGS } from "./i18n/pages/phone";
import { mountPage, personalLanguage } from "./i18n/page";
import { ApiFailure, getJson } from "./lib/http";
import { readBoot } from "./phone/boot";
import { lazyPart } from "./lib/lazy";
import { mayEnter } from "./phone/mayEnter";
import { PhoneHeader } from "./phone/PhoneHeader";
import { Room } from "./phone/Room";
import { retryDelay } from "../../core/backoff";
import "./phone.css";

type Route = { kind: "enter" } | { kind: "join"; code: string } | { kind: "bad-code"; raw: string };

function route(path: string): Route {
  const m = /^\/j\/([^/]+)\/?$/.exec(path);
  if (!m?.[1]) return { kind: "enter" };
  const raw = decodeURIComponent(m[1]);
  const parsed = JoinCodeSchema.safeParse(raw);
  return parsed.success ? { kind: "join", code: parsed.data } : { kind: "bad-code", raw };
}

function Shell({ children }: { children: ComponentChildren }) {
  return (
    <>
      <PhoneHeader />
      <main class="phone-main" id="main">
        {children}
      </main>
    </>
  );
}

/**
 * Resolves the code to a room, then hands over to the room screen. The page usually comes with
 * the answer embedded (phone/boot.ts); only without it does the phone ask the API. A room that
 * takes nobody new says so before the notice (phone/Closed.tsx).
 */
/** Typing a code and "joining is closed" (./phone/entry.ts): fetched only when the page shows one. */
const entryPart = lazyPart(() => import("./phone/entry"));

function Join({ code, boot }: { code: string; boot: JoinResponse | null }) {
  const [joined, setJoined] = useState<JoinResponse | null>(boot);
  const [error, setError] = useState<"unknown" | "network" | "busy" | null>(null);
  const entry = entryPart.use((joined !== null && !mayEnter(joined)) || error === "unknown");
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (joined) return;
    setError(null);
    let retry: ReturnType<typeof setTimeout> | undefined;
    getJson(JoinResponseSchema, `/api/join/${code}`).then(
      (room) => setJoined(room),
      (err) => {
        const status = err instanceof ApiFailure ? err.status : 0;
        if (status === 429) {
          // Many phones on one network joined at once: wait out the limit and ask again by itself.
          setError("busy");
          retry = setTimeout(() => setAttempt((a) => a + 1), retryDelay(attempt));
        } else setError(status === 404 ? "unknown" : "network");
      },
    );
    return () => clearTimeout(retry);
  }, [code, attempt]);

  if (joined && mayEnter(joined)) return <Room roomId={joined.roomId} title={joined.title} k={joined.k} />;
  if (joined) {
    return <Shell>{entry ? <entry.Closed code={code} title={joined.title} onOpen={setJoined} /> : null}</Shell>;
  }
  if (error === "unknown") {
    return <Shell>{entry ? <entry.CodeEntry initialError={t("phone.code.unknownLink", { code })} /> : null}</Shell>;
  }
  return (
    <Shell>
      <h1>{error === "busy" ? t("phone.problem.slow") : error ? t("common.networkError") : t("phone.connecting.title")}</h1>
      {error === "network" ? (
        <button type="button" class="button button--secondary button--block" onClick={() => setAttempt((a) => a + 1)}>
          {t("common.tryAgain")}
        </button>
      ) : (
        <p>{t("phone.connecting.body")}</p>
      )}
    </Shell>
  );
}

function App() {
  const r = route(location.pathname);
  const entry = entryPart.use(r.kind !== "join");
  if (r.kind === "join") return <Join code={r.code} boot={readBoot()} />;
  return (
    <Shell>
      {entry ? (
        <entry.CodeEntry
          // The code as typed in the address, isolated (FSI…PDI): right-to-left text can't reorder the sentence.
          initialError={r.kind === "bad-code" ? t("phone.code.unknownLink", { code: `\u2068${r.raw.slice(0, 12)}\u2069` }) : undefined}
        />
      ) : null}
    </Shell>
  );
}

mountPage(PHONE_STRINGS, "phone.docTitle", personalLanguage(), () => <App />);
