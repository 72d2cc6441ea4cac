/**
 * @module templates/toolkit
 * The toolkit's guidance, resources and definitions for a built-in template (issue 11), validated
 * when this module loads, like the templates themselves: a malformed file fails at build/test time,
 * not in a workshop. Only the Worker and the tests import it; screens fetch it from
 * `GET /api/templates/:id/toolkit`, so no page carries it in its script.
 */
import { type Toolkit, ToolkitSchema } from "../../toolkit";
import definitions from "./definitions.json";
import guidance from "./guidance.json";
import itemGuidance from "./item-guidance.json";
import resources from "./resources.json";
import portal from "./source.json";

const toolkits: readonly Toolkit[] = Object.freeze([
  ToolkitSchema.parse({ templateId: "icmec-2", portal, definitions, guidance, resources, itemGuidance }),
]);

/** The toolkit that goes with a template, or undefined when it has none (a custom template). */
export function getToolkit(templateId: string): Toolkit | undefined {
  return toolkits.find((t) => t.templateId === templateId);
}
