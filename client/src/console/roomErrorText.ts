/**
 * @module console/roomErrorText
 * The room's error frame in the console's language (issue 13): a refused command by its reason
 * (`refusal.<reason>`, core/refusals.ts) and its values, any other error by its code
 * (`roomError.<code>`). The frame's `message` is developers' English and is never shown.
 */
import type { ServerMessage } from "../../../core/protocol";
import type { Template } from "../../../core/template";
import { type MessageKey, t } from "../i18n";
import type { Feedback } from "./useFacilitator";

export type RoomError = Pick<Extract<ServerMessage, { t: "error" }>, "code" | "reason" | "vars">;

/** A topic by its title in the template the console shows (its id only while the template loads). */
function topicName(id: string, template: Template | null): string {
  const domain = template?.domains.find((d) => d.id === id);
  return domain ? domain.title : id;
}

export function roomErrorText(error: RoomError, template: Template | null): string {
  if (!error.reason) return t(`roomError.${error.code}` as MessageKey);
  const { topic, rating, value, max } = error.vars ?? {};
  return t(`refusal.${error.reason}` as MessageKey, {
    topic: topic === undefined ? "" : topicName(topic, template),
    rating: rating ?? "",
    ...(value === undefined ? {} : { value }),
    ...(max === undefined ? {} : { max }),
  });
}

/** The console's feedback line: its own sentence, or a refused command's action and reason. */
export function feedbackText(feedback: Feedback, template: Template | null): string {
  if ("text" in feedback) return feedback.text;
  const reason = roomErrorText(feedback.refused, template);
  return feedback.action ? t("console.cmdFailed", { action: feedback.action, reason }) : reason;
}
