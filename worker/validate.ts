/**
 * @module validate
 * zod schemas (from core/api) as hono validators: the value is parsed, and a failure is a 400
 * `{ error: "invalid request", code: "invalid-request", issues }`: a page words the code and each
 * issue's path, never zod's message. Malformed JSON is hono's 400, mapped in errors.ts.
 */
import { validator } from "hono/validator";
import { z } from "zod";
import "../core/zod-english"; // the issues' messages, in English (core/zod-english.ts)
import type { ApiErrorCode } from "../core/refusals";
import { ApiError, toIssues } from "./errors";

/** Parses `value` or throws the 400 {@link ApiError} listing every issue. */
export function parseOr400<S extends z.core.$ZodType>(schema: S, value: unknown, code: ApiErrorCode = "invalid-request"): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new ApiError(400, code, toIssues(result.error));
  return result.data;
}

/** Validates the JSON body with `schema`; read it in the handler with `c.req.valid("json")`. */
export const jsonBody = <S extends z.core.$ZodType>(schema: S) => validator("json", (value) => parseOr400(schema, value));

/** Validates the path parameters with `schema`; read them with `c.req.valid("param")`. */
export const params = <S extends z.core.$ZodType>(schema: S) => validator("param", (value) => parseOr400(schema, value));
