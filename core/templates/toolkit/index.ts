/**
 * @module templates/toolkit
 * The toolkit's guidance, resources and definitions for a built-in template (issue 11). Validated
 * on first use (tests/unit/toolkit-*.test.ts validate them at test time), not when the module
 * loads: the Worker's module is loaded by every room too, and a room never needs the toolkit.
 * Only the Worker and the tests import it; screens fetch it from `GET /api/templates/:id/toolkit`,
 * so no page carries it in its script.
 */
import { type Toolkit, ToolkitSchema } from "../../toolkit";
import definitions from "./definitions.json";
import guidance from "./guidance.json";
import itemGuidance from "./item-guidance.json";
import resources from "./resources.json";
import portal from "./source.json";

let toolkits: readonly Toolkit[] | null = null;

/** The toolkit that goes with a template, or undefined when it has none (a custom template). */
export function getToolkit(templateId: string): Toolkit | undefined {
  toolkits ??= Object.freeze([ToolkitSchema.parse({ templateId: "icmec-2", portal, definitions, guidance, resources, itemGuidance })]);
  return toolkits.find((t) => t.templateId === templateId);
}
