/**
 * @module screens/FullScreenButton
 * The projector's one control: full screen, so the wall shows the results and no browser bars or
 * tabs. Shown only where the browser can do it (the Fullscreen API, not forbidden to the page)
 * and while the page is not in full screen already (by this button or by the browser's own key);
 * the browser itself says how to leave (Esc).
 */
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n";

const BROWSER_FULL_SCREEN = "(display-mode: fullscreen)";

function offered(): boolean {
  if (!document.fullscreenEnabled || document.fullscreenElement) return false;
  return !window.matchMedia?.(BROWSER_FULL_SCREEN).matches;
}

export function FullScreenButton() {
  const [shown, setShown] = useState(offered);
  useEffect(() => {
    const update = () => setShown(offered());
    const media = window.matchMedia?.(BROWSER_FULL_SCREEN);
    document.addEventListener("fullscreenchange", update);
    media?.addEventListener("change", update);
    return () => {
      document.removeEventListener("fullscreenchange", update);
      media?.removeEventListener("change", update);
    };
  }, []);
  if (!shown) return null;
  // A refusal (no user gesture, a policy) changes nothing on screen: the button simply stays.
  const enter = () => void document.documentElement.requestFullscreen().catch(() => {});
  return (
    // Where the header is crowded the words may be hidden (projector.css); the name and the tooltip stay.
    <button type="button" class="button projector__fullscreen" title={t("screen.fullScreen")} onClick={enter}>
      <svg class="projector__fullscreen-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M3 9V3h6M15 3h6v6M21 15v6h-6M9 21H3v-6" />
      </svg>
      <span class="projector__fullscreen-text">{t("screen.fullScreen")}</span>
    </button>
  );
}
