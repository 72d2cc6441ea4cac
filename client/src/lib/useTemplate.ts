/**
 * @module useTemplate
 * A template, fetched once per address and language and validated with the same schema the server
 * uses: a catalogue template by id (`/api/templates/:id`), or the snapshot a room was created with
 * (`/api/rooms/:roomId/template`), which phones and screens render, whatever the template file says
 * today. Both ask for the page's language (`?lang=`): only that language's text loads, and a
 * translation says so (`translation`, issue 13), so the page can say "unofficial" once.
 */
import { useRef } from "preact/hooks";
import { type Template, TemplateSchema } from "../../../core/template";
import { lang } from "../i18n";
import { useJson } from "./useJson";

const inLanguage = (path: string, language: string): string => `${path}?lang=${encodeURIComponent(language)}`;
/** A catalogue template in `language` (default: the page's, read when called, so a switch changes it). */
export const catalogueTemplateUrl = (id: string, language: string = lang): string =>
  inLanguage(`/api/templates/${encodeURIComponent(id)}`, language);
export const roomTemplateUrl = (roomId: string, language: string = lang): string =>
  inLanguage(`/api/rooms/${encodeURIComponent(roomId)}/template`, language);

/**
 * The template at `url` (null: nothing to load yet). While another language of the same template
 * loads, the one already shown stays: a switch never blanks a ballot or a chart.
 */
export function useTemplate(url: string | null): { template: Template | null; failed: boolean; retry: () => void } {
  const { value, failed, retry } = useJson(TemplateSchema, url);
  const last = useRef<{ path: string; template: Template } | null>(null);
  const path = url?.split("?")[0] ?? null;
  if (value && path) last.current = { path, template: value };
  const template = value ?? (last.current && last.current.path === path ? last.current.template : null);
  return { template, failed: failed && !template, retry };
}
