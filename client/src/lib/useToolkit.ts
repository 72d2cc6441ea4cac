/**
 * @module useToolkit
 * The toolkit (guidance, resources, definitions) that goes with a template, fetched from
 * `/api/templates/:id/toolkit` only by the screens that show it (console, toolkit page), so the
 * phone's script never carries it.
 */
import { type Toolkit, ToolkitSchema } from "../../../core/toolkit";
import { lang } from "../i18n";
import { useJson } from "./useJson";

/** The toolkit in `language` (default: the page's, read when called, so a switch changes it). */
export const toolkitUrl = (templateId: string, language: string = lang): string =>
  `/api/templates/${encodeURIComponent(templateId)}/toolkit?lang=${encodeURIComponent(language)}`;

/** The toolkit of `templateId` (null: none asked for, not loaded yet, or the template has none). */
export function useToolkit(templateId: string | null): { toolkit: Toolkit | null; failed: boolean; retry: () => void } {
  const { value, failed, retry } = useJson(ToolkitSchema, templateId ? toolkitUrl(templateId) : null);
  return { toolkit: value, failed, retry };
}
