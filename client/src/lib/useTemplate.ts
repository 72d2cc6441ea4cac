/**
 * @module useTemplate
 * A template, fetched once per address and validated with the same schema the server uses (the
 * client trusts no network input, its own server's included): a catalogue template by id for the
 * create form (`/api/templates/:id`), or the snapshot a room was created with
 * (`/api/rooms/:roomId/template`), which phones and screens render, whatever the template file
 * says today.
 */
import { useEffect, useState } from "preact/hooks";
import { type Template, TemplateSchema } from "../../../core/template";
import { getJson } from "./http";

const cache = new Map<string, Promise<Template>>();

function loadTemplate(url: string): Promise<Template> {
  let p = cache.get(url);
  if (!p) {
    p = getJson(TemplateSchema, url);
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

export const catalogueTemplateUrl = (id: string): string => `/api/templates/${encodeURIComponent(id)}`;
export const roomTemplateUrl = (roomId: string): string => `/api/rooms/${encodeURIComponent(roomId)}/template`;

/** The template at `url` (null: nothing to load yet). */
export function useTemplate(url: string | null): { template: Template | null; failed: boolean; retry: () => void } {
  const [loaded, setLoaded] = useState<{ url: string; template: Template } | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!url) return;
    let live = true;
    setFailed(false);
    loadTemplate(url).then(
      (template) => live && setLoaded({ url, template }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [url, attempt]);
  return { template: loaded?.url === url ? loaded.template : null, failed, retry: () => setAttempt((a) => a + 1) };
}
