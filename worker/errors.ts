/**
 * @module errors
 * One error shape for every API answer, {@link ApiError} from core/api: `{ error, issues? }`.
 * Messages are ours, fixed per case; exception text never reaches a response (it could carry a URL,
 * a secret or a stack), and nothing is logged about the request.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { ApiError as ApiErrorBody } from "../core/api";

export type Issue = { path: string; message: string };

/** Thrown anywhere in a request; {@link onError} turns it into the JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    /** Safe to show: becomes the body's `error`. */
    readonly publicMessage: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(publicMessage);
    this.name = "ApiError";
  }
}

/** zod issues as `{ path: "a.b.0", message }` (path "" for the value as a whole). */
export function toIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** The one way a route answers with an error. */
export function errorJson(c: Context, status: ContentfulStatusCode, error: string, issues?: Issue[], headers?: Record<string, string>) {
  const body: ApiErrorBody = issues && issues.length > 0 ? { error, issues } : { error };
  return c.json(body, status, headers);
}

/** Fixed messages for errors hono raises itself (its own texts are not part of our contract). */
const HTTP_MESSAGES: Partial<Record<number, string>> = {
  400: "malformed JSON",
  401: "unauthorized",
  403: "forbidden",
  404: "not found",
  405: "method not allowed",
  413: "request body too large",
  415: "unsupported media type",
};

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return errorJson(c, err.status, err.publicMessage, err.issues, err.headers);
  if (err instanceof HTTPException && err.status < 500) {
    return errorJson(c, err.status as ContentfulStatusCode, HTTP_MESSAGES[err.status] ?? "bad request");
  }
  return errorJson(c, 500, "internal error");
};

export const onNotFound: NotFoundHandler = (c) => errorJson(c, 404, "not found");
