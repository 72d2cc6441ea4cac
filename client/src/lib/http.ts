/**
 * @module http
 * JSON calls to the Worker's API (docs/design.md §7). Every response body is validated with the same zod
 * schema the Worker uses, so a contract change shows up here as a clear error, not as `undefined`
 * somewhere deep in a screen. A failure keeps the error body's `code` and issue paths for the page
 * to word (lib/apiErrorText.ts); the body's English is kept as the Error's message, for developers.
 */
import type * as z from "zod/mini";

/** An API call that failed: `status` 0 means the network, not the server, failed. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    /**
     * Why, as the server said it (core/refusals.ts `API_ERROR_CODES`, checked where it is worded,
     * lib/apiErrorText.ts, so a page that words none carries no list); "unexpected" when its answer
     * broke the contract.
     */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

async function failure(res: Response): Promise<ApiFailure> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: keep the status only
  }
  const b = body as { error?: unknown; code?: unknown; issues?: unknown } | null;
  const issues = Array.isArray(b?.issues)
    ? b.issues.filter((i): i is { path: string; message: string } => typeof i?.path === "string" && typeof i?.message === "string")
    : [];
  return new ApiFailure(
    res.status,
    typeof b?.error === "string" ? b.error : res.statusText,
    issues,
    typeof b?.code === "string" ? b.code : null,
  );
}

export async function requestJson<T>(schema: z.ZodMiniType<T>, url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (e) {
    throw new ApiFailure(0, e instanceof Error ? e.message : "network error");
  }
  if (!res.ok) throw await failure(res);
  const parsed = schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new ApiFailure(res.status, "unexpected response from the server", [], "unexpected");
  return parsed.data;
}

export const getJson = <T>(schema: z.ZodMiniType<T>, url: string): Promise<T> => requestJson(schema, url);

export const postJson = <T>(schema: z.ZodMiniType<T>, url: string, body: unknown): Promise<T> =>
  requestJson(schema, url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
