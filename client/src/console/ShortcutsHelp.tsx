/**
 * @module console/ShortcutsHelp
 * The list of keyboard shortcuts, in a modal dialog (the browser's own <dialog>: focus moves in,
 * Escape closes it, focus returns to the button). Opened with its button or the "?" key.
 */
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";
import type { Shortcut } from "./shortcuts";

export function ShortcutsHelp({ shortcuts, open, onClose }: { shortcuts: Shortcut[]; open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="shortcuts" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">{t("console.keys.heading")}</h2>
      <p class="hint">{t("console.keys.hint")}</p>
      <dl class="shortcuts__list">
        {shortcuts.map((s) => (
          <div key={s.label} class="shortcuts__row">
            <dt>
              <kbd>{s.label}</kbd>
            </dt>
            <dd>{t(s.does)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="button button--primary" onClick={onClose}>
        {t("common.close")}
      </button>
    </dialog>
  );
}
