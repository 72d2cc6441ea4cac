/**
 * @module phone/CodeEntry
 * `/join`: type the 6-character code shown on the projector. Case and spaces/dashes don't
 * matter (`JoinCodeSchema` normalises); the code is checked before leaving the page so a typo
 * gets an answer right here, next to the field, and so does a room that takes nobody new.
 */
import { useState } from "preact/hooks";
import { JoinCodeSchema, JoinResponseSchema } from "../../../core/join";
import { t } from "../i18n";
import { ApiFailure, getJson } from "../lib/http";
import { mayEnter } from "./mayEnter";

export function CodeEntry({ initialError }: { initialError?: string | undefined }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const parsed = JoinCodeSchema.safeParse(code);
    if (!parsed.success) {
      setError(t("phone.code.invalid"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const join = await getJson(JoinResponseSchema, `/api/join/${parsed.data}`);
      if (mayEnter(join)) return location.assign(`/j/${parsed.data}`);
      setError(t("phone.closed.inline"));
    } catch (err) {
      const status = err instanceof ApiFailure ? err.status : 0;
      setError(status === 404 ? t("phone.code.unknown") : status === 429 ? t("phone.code.tooMany") : t("common.networkError"));
    }
    setBusy(false);
  };

  return (
    <>
      <h1>{t("phone.code.title")}</h1>
      <form class="stack" onSubmit={onSubmit} noValidate>
        <label class="field-label" for="join-code">
          {t("phone.code.label")}
        </label>
        <p class="hint" id="join-code-hint">
          {t("phone.code.hint")}
        </p>
        <input
          id="join-code"
          class="code-input"
          type="text"
          inputMode="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={9}
          value={code}
          aria-describedby={error ? "join-code-hint join-code-error" : "join-code-hint"}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setCode(e.currentTarget.value.toUpperCase())}
        />
        <p class="error" id="join-code-error" role="alert">
          {error ?? ""}
        </p>
        <button class="button button--primary button--block" type="submit" disabled={busy}>
          {busy ? t("phone.code.checking") : t("phone.code.submit")}
        </button>
      </form>
    </>
  );
}
