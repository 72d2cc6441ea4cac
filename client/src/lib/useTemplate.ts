/**
 * @module useTemplate
 * The session's template, fetched once from `GET /api/templates/:id` and validated with the
 * same schema the server uses (the phone trusts no network input, its own server's included).
 */
import { useEffect, useState } from "preact/hooks";
import { type Template, TemplateSchema } from "../../../core/template";
import { getJson } from "./http";

const cache = new Map<string, Promise<Template>>();

function loadTemplate(id: string): Promise<Template> {
  let p = cache.get(id);
  if (!p) {
    p = getJson(TemplateSchema, `/api/templates/${encodeURIComponent(id)}`);
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export function useTemplate(id: string | null): { template: Template | null; failed: boolean; retry: () => void } {
  const [template, setTemplate] = useState<Template | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!id) return;
    let live = true;
    setFailed(false);
    loadTemplate(id).then(
      (tpl) => live && setTemplate(tpl),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);
  return { template: template?.id === id ? template : null, failed, retry: () => setAttempt((a) => a + 1) };
}
