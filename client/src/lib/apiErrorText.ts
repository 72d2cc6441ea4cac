/**
 * @module apiErrorText
 * A failed API call in the page's language (issue 13): worded by the error body's `code`
 * (`apiError.<code>`), never by the body's English `error` or zod's issue messages.
 */
import { isApiErrorCode } from "../../../core/refusals";
import { t } from "../i18n";
import { ApiFailure } from "./http";

export function apiErrorText(err: unknown): string {
  if (!(err instanceof ApiFailure)) return t("apiError.unexpected");
  if (err.status === 0) return t("common.networkError");
  if (err.code === "unexpected") return t("apiError.unexpected");
  if (isApiErrorCode(err.code)) return t(`apiError.${err.code}`);
  // A body without a code (a proxy's page, say): say what its status class means.
  return err.status >= 500 ? t("apiError.internal") : t("apiError.bad-request");
}
