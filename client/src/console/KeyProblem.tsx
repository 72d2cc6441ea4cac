/**
 * @module console/KeyProblem
 * The console without a usable key: none came with the link and none is kept on this device, or
 * the room refused it. Fetched only then (console.tsx, lib/lazy.ts): a console that opens normally
 * never needs it.
 */
import { useState } from "preact/hooks";
import { LostKey } from "../components/LostKey";
import { t } from "../i18n";
import { savedFacilitatorKey } from "./key";

/** A link that opens a console of this installation, with its key; null for anything else. */
function facilitatorLink(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    const ok = url.origin === location.origin && /^\/f\/[A-Za-z0-9_-]{22}$/.test(url.pathname);
    return ok && new URLSearchParams(url.hash.slice(1)).get("key") ? url : null;
  } catch {
    return null;
  }
}

/**
 * No usable key: none came with the link and none is kept on this device, or the room refused
 * it. Says how to get in (the whole link, here or in the address bar; the key kept on this
 * device) and, plainly, what a lost link means: no back door, the session erases itself.
 */
export function KeyProblem({ roomId, refusedKey }: { roomId: string; refusedKey?: string }) {
  const [link, setLink] = useState("");
  const [error, setError] = useState("");
  const saved = savedFacilitatorKey(roomId);
  const open = (event: Event) => {
    event.preventDefault();
    const url = facilitatorLink(link);
    if (!url) return setError(t("console.key.pasteWrong"));
    setError("");
    // Same console: only the fragment changes, and useFacilitatorKey takes the key from it.
    if (url.pathname === location.pathname) location.hash = url.hash;
    else location.assign(url.href);
  };
  return (
    <main class="key-screen" id="main">
      <h1>{refusedKey ? t("console.forbidden") : t("console.key.missingHeading")}</h1>
      <p>{refusedKey ? t("console.key.refusedHint") : t("console.noKey")}</p>
      {refusedKey && saved && saved !== refusedKey ? (
        <p>
          {/* The refused key has left this tab, so the page opens with the one kept on the device. */}
          <a class="button button--primary" href={`/f/${roomId}`}>
            {t("console.key.useSaved")}
          </a>
        </p>
      ) : null}
      {/* The field has no name: the form can never carry the key anywhere, even without script. */}
      <form class="key-screen__paste" onSubmit={open} noValidate>
        <label class="field-label" for="key-link">
          {t("console.key.pasteLabel")}
        </label>
        <p class="hint" id="key-link-hint">
          {t("console.key.pasteHint")}
        </p>
        <input
          id="key-link"
          class="input mono"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          value={link}
          onInput={(e) => setLink(e.currentTarget.value)}
          aria-describedby="key-link-hint key-link-error"
          aria-invalid={error ? true : undefined}
        />
        <p class="error" id="key-link-error" role="alert">
          {error}
        </p>
        <button type="submit" class="button button--primary">
          {t("console.key.open")}
        </button>
      </form>
      <LostKey headingLevel={2} />
    </main>
  );
}
