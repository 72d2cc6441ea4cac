/**
 * @module phone/Closed
 * A latecomer to a room that takes nobody new (locked, or ended) learns it here, before the
 * anonymity notice: no socket opens, no hello is sent, nobody is counted. "Try again" asks the
 * join answer again, for when the facilitator opens joining for them.
 */
import { useState } from "preact/hooks";
import { type JoinResponse, JoinResponseSchema } from "../../../core/join";
import { t } from "../i18n";
import { ApiFailure, getJson } from "../lib/http";
import { mayEnter } from "./mayEnter";

export function Closed({ code, title, onOpen }: { code: string; title: string; onOpen: (join: JoinResponse) => void }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState("");
  const retry = async () => {
    setBusy(true);
    setSaid("");
    try {
      const join = await getJson(JoinResponseSchema, `/api/join/${code}`);
      if (mayEnter(join)) return onOpen(join);
      setSaid(t("phone.closed.still"));
    } catch (err) {
      setSaid(err instanceof ApiFailure && err.status === 404 ? t("phone.gone.body") : t("common.networkError"));
    }
    setBusy(false);
  };
  return (
    <section class="stack state" aria-labelledby="closed-heading">
      <p class="session-title clamp" dir="auto">
        {title}
      </p>
      <h1 id="closed-heading">{t("phone.closed.title")}</h1>
      <p>{t("phone.closed.body")}</p>
      <button type="button" class="button button--secondary button--block" onClick={retry} disabled={busy}>
        {busy ? t("phone.code.checking") : t("common.tryAgain")}
      </button>
      <p class="status" role="status">
        {said}
      </p>
    </section>
  );
}
