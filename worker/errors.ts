/**
 * @module errors
 * One error shape for every API answer, {@link ApiError} from core/api: `{ error, code, issues? }`.
 * The `code` is what a page words (core/refusals.ts, issue 13); `error` is its developers' English,
 * fixed per code. Exception text never reaches a response (it could carry a URL, a secret or a
 * stack), and nothing is logged about the request.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { ApiError as ApiErrorBody } from "../core/api";
import { API_ERROR_MESSAGES, type ApiErrorCode } from "../core/refusals";

export type Issue = { path: string; message: string };

/** Thrown anywhere in a request; {@link onError} turns it into the JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    /** Why: the body's `code`, and (in English) its `error`. */
    readonly code: ApiErrorCode,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(API_ERROR_MESSAGES[code]);
    this.name = "ApiError";
  }

  /** Safe to show a developer: the body's `error`. */
  get publicMessage(): string {
    return API_ERROR_MESSAGES[this.code];
  }
}

/** zod issues as `{ path: "a.b.0", message }` (path "" for the value as a whole); pages word the path, not the message. */
export function toIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** The one way a route answers with an error. */
export function errorJson(
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  issues?: Issue[],
  headers?: Record<string, string>,
) {
  const error = API_ERROR_MESSAGES[code];
  const body: ApiErrorBody = issues && issues.length > 0 ? { error, code, issues } : { error, code };
  return c.json(body, status, headers);
}

/** Codes for errors hono raises itself (its own texts are not part of our contract). */
const HTTP_CODES: Partial<Record<number, ApiErrorCode>> = {
  400: "malformed-json",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  413: "too-large",
  415: "unsupported-media-type",
};

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return errorJson(c, err.status, err.code, err.issues, err.headers);
  if (err instanceof HTTPException && err.status < 500) {
    return errorJson(c, err.status as ContentfulStatusCode, HTTP_CODES[err.status] ?? "bad-request");
  }
  return errorJson(c, 500, "internal");
};

export const onNotFound: NotFoundHandler = (c) => errorJson(c, 404, "not-found");
