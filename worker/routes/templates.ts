/**
 * @module routes/templates
 * `GET /api/templates` (the list), `GET /api/templates/:id` (one template's JSON) and
 * `GET /api/templates/:id/toolkit` (its guidance, resources and definitions, issue 11).
 */
import { Hono } from "hono";
import type { TemplateList } from "../../core/api";
import type { Toolkit } from "../../core/toolkit";
import { getTemplate, listTemplates } from "../../core/templates/index";
import { getToolkit } from "../../core/templates/toolkit/index";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

export const templates = new Hono<AppEnv>()
  .get("/", (c) => c.json(listTemplates() satisfies TemplateList))
  .get("/:id", (c) => {
    const template = getTemplate(c.req.param("id"));
    if (!template) throw new ApiError(404, "unknown-template");
    return c.json(template);
  })
  .get("/:id/toolkit", (c) => {
    const id = c.req.param("id");
    if (!getTemplate(id)) throw new ApiError(404, "unknown-template");
    // A template without a toolkit (a custom one) has an empty one: nothing to show, nothing failed.
    return c.json(getToolkit(id) ?? ({ templateId: id, definitions: [], guidance: [], resources: [], itemGuidance: {} } satisfies Toolkit));
  });
