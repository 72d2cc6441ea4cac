/**
 * @module routes/templates
 * `GET /api/templates` (the list) and `GET /api/templates/:id` (one template's JSON).
 */
import { Hono } from "hono";
import type { TemplateList } from "../../core/api";
import { getTemplate, listTemplates } from "../../core/templates/index";
import type { AppEnv } from "../env";
import { ApiError } from "../errors";

export const templates = new Hono<AppEnv>()
  .get("/", (c) => c.json(listTemplates() satisfies TemplateList))
  .get("/:id", (c) => {
    const template = getTemplate(c.req.param("id"));
    if (!template) throw new ApiError(404, "unknown template");
    return c.json(template);
  });
