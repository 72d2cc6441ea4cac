/**
 * @module useTemplate
 * A template, fetched once per address and validated with the same schema the server uses: a
 * catalogue template by id for the create form (`/api/templates/:id`), or the snapshot a room was
 * created with (`/api/rooms/:roomId/template`), which phones and screens render, whatever the
 * template file says today.
 */
import { type Template, TemplateSchema } from "../../../core/template";
import { useJson } from "./useJson";

export const catalogueTemplateUrl = (id: string): string => `/api/templates/${encodeURIComponent(id)}`;
export const roomTemplateUrl = (roomId: string): string => `/api/rooms/${encodeURIComponent(roomId)}/template`;

/** The template at `url` (null: nothing to load yet). */
export function useTemplate(url: string | null): { template: Template | null; failed: boolean; retry: () => void } {
  const { value, failed, retry } = useJson(TemplateSchema, url);
  return { template: value, failed, retry };
}
