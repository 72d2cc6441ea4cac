/**
 * @module CopyButton
 * Copies a text to the clipboard and says so in words (aria-live), so the confirmation reaches
 * screen-reader users too. Without clipboard access (non-secure context, denied permission) it
 * says that the text must be copied by hand.
 */
import { useState } from "preact/hooks";
import { t } from "../i18n";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  };
  return (
    <span class="copy">
      <button type="button" class="button button--secondary" onClick={copy}>
        {label}
      </button>
      <span class="copy__status" aria-live="polite">
        {status === "copied" ? t("common.copied") : status === "failed" ? t("common.copyFailed") : ""}
      </span>
    </span>
  );
}
