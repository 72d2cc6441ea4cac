/**
 * @module routes/pages
 * The client's pages and static files, served from the `ASSETS` binding (`dist/client`). The Worker
 * runs first for every request (`run_worker_first = true`), so the security headers reach HTML,
 * scripts and styles too.
 *
 * Page files are fetched by their extension-less path (`/phone`, not `/phone.html`): with the
 * assets default `html_handling = "auto-trailing-slash"`, `/phone.html` answers a 307 to `/phone`
 * while `/phone` serves `phone.html`.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";

/** A copy whose headers can be changed (responses from `fetch` have immutable headers in workerd). */
const mutable = (res: Response) => new Response(res.body, res);

/** Serves whatever the request asks for from the built client. */
export const serveAsset = async (c: Context<AppEnv>) => mutable(await c.env.ASSETS.fetch(c.req.raw));

/** Serves the page `path` (e.g. `/phone`) for a route such as `/j/:code`, keeping the request's method and headers. */
export const servePage = (path: string) => async (c: Context<AppEnv>) =>
  mutable(await c.env.ASSETS.fetch(new Request(new URL(path, c.req.url), c.req.raw)));
