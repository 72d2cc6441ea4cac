/**
 * @module TranslationNote
 * "Unofficial translation", said once and plainly wherever a translated template's words appear
 * (issue 13): the catalogue's sentence in the page's language, then the translation's own credit
 * in the translation's language. Nothing for the template's own language.
 */
import { t } from "../i18n";
import type { Template } from "../../../core/template";
import "./translation-note.css";

export function TranslationNote({ template, class: className }: { template: Template | null; class?: string }) {
  const note = template?.translation;
  if (!note) return null;
  return (
    <p class={`translation-note${className ? ` ${className}` : ""}`}>
      {t("language.unofficial")} <span lang={note.language}>{note.credit}</span>
    </p>
  );
}
