/**
 * @module templates
 * The built-in assessment templates. Each is JSON data validated with {@link TemplateSchema} when this
 * module loads: template files are treated as untrusted input (an organization may drop in its own),
 * so a malformed one fails fast, at build/test time, instead of surfacing mid-session on a phone.
 */
import { TemplateSchema, type Template } from "../template";
import icmec2 from "./icmec-2.json";
import workshopCheck from "./workshop-check.json";

export const templates: readonly Template[] = Object.freeze([icmec2, workshopCheck].map((raw) => TemplateSchema.parse(raw)));

export function getTemplate(id: string): Template | undefined {
  return templates.find((t) => t.id === id);
}

export function listTemplates(): { id: string; title: string; domains: number; version: string }[] {
  return templates.map((t) => ({ id: t.id, title: t.title, domains: t.domains.length, version: t.version }));
}
