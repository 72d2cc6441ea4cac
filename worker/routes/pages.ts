/**
 * @module routes/pages
 * The client's pages and static files, served from the `ASSETS` binding (`dist/client`). The Worker
 * runs first for every request (`run_worker_first = true`), so the security headers reach HTML,
 * scripts and styles too.
 *
 * Page files are fetched by their extension-less path (`/phone`, not `/phone.html`): with the
 * assets default `html_handling = "auto-trailing-slash"`, `/phone.html` answers a 307 to `/phone`
 * while `/phone` serves `phone.html`.
 *
 * The join link's page (a route with a `:code`, i.e. `/j/:code`) also carries its code's room in a
 * JSON data block (phone-boot.ts), so the phone needs no API call before it can show the anonymity
 * notice. That page is per code and per moment, so it is never cached.
 */
import type { Context } from "hono";
import { JoinCodeSchema, type PhoneBoot, PhoneBootSchema } from "../../core/api";
import type { AppEnv } from "../env";
import { mayLookUpCode } from "../join-limit";
import { lookupCode } from "../rooms";
import { insertBeforeHeadEnd, likelyLanguage, PHONE_STRINGS_FILE, phoneBootBlock, phoneStringsMap, stringsPreload } from "../phone-boot";

/**
 * How long the join page waits for the code's room. Past it (the directory slow or down) the page goes
 * out without the block and the phone asks `/api/join` itself, as it would have anyway.
 */
export const JOIN_LOOKUP_BUDGET_MS = 1500;

/** A copy whose headers can be changed (responses from `fetch` have immutable headers in workerd). */
const mutable = (res: Response) => new Response(res.body, res);

/** Serves whatever the request asks for from the built client. */
export const serveAsset = async (c: Context<AppEnv>) => mutable(await c.env.ASSETS.fetch(c.req.raw));

/**
 * Serves the page `path` (e.g. `/projector`) for a route such as `/p/:roomId`, keeping the
 * request's method and headers.
 */
export const servePage = (path: string) => async (c: Context<AppEnv>) =>
  mutable(await c.env.ASSETS.fetch(new Request(new URL(path, c.req.url), c.req.raw)));

/** Serves the phone page `path` for the join link `/j/:code`, with the code's room embedded. */
export const serveJoinLink = (path: string) => async (c: Context<AppEnv>) => serveJoinPage(c, path, c.req.param("code") ?? "");

/** `promise`'s value, or `null` if it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The block's content for `rawCode`, or `null` when there is nothing to embed: not a code, an
 * unknown or expired code, the directory unreachable, failing or slower than the budget. In each case the phone falls back to the API, which gives it the right message.
 */
async function bootFor(c: Context<AppEnv>, rawCode: string): Promise<PhoneBoot | null> {
  const code = JoinCodeSchema.safeParse(rawCode);
  if (!code.success) return null;
  try {
    // Rate-limited like the API's look-up: past the limit the page goes without the block, and
    // the phone's own look-up gets the 429 it waits out.
    if (!(await mayLookUpCode(c))) return null;
    const room = await within(lookupCode(c.var.rooms, code.data), JOIN_LOOKUP_BUDGET_MS);
    if (!room) return null;
    const boot = PhoneBootSchema.safeParse(room);
    return boot.success ? boot.data : null;
  } catch {
    return null;
  }
}

/**
 * The build's map of the phone's strings, read once per isolate and assets binding: the assets of a
 * deploy never change, and every join page needs it. A failed read is not kept, so the next page
 * tries again.
 */
const stringsMaps = new WeakMap<object, Promise<Record<string, string> | null>>();
function phoneStrings(assets: AppEnv["Bindings"]["ASSETS"], base: string): Promise<Record<string, string> | null> {
  let map = stringsMaps.get(assets);
  if (!map) {
    map = assets
      .fetch(new Request(new URL(PHONE_STRINGS_FILE, base)))
      .then(async (res) => (res.status === 200 ? phoneStringsMap(await res.json()) : null));
    map.catch(() => stringsMaps.delete(assets));
    stringsMaps.set(assets, map);
  }
  return map;
}

/** The phone's chunk of strings in the language it will most likely open in, or null (no map in this build). */
async function phoneStringsPath(c: Context<AppEnv>): Promise<string | null> {
  try {
    const map = await phoneStrings(c.env.ASSETS, c.req.url);
    const lang = likelyLanguage(new URL(c.req.url).searchParams.get("lang"), c.req.header("accept-language") ?? null);
    return map?.[lang] ?? null;
  } catch {
    return null;
  }
}

/**
 * The phone page for `/j/:code`, with the code's room embedded when it can be had. The page file
 * and the lookup are fetched side by side. Conditional request headers are dropped (a 304 would
 * stand for the bare file), and the answer is `no-store` whether or not it carries the block.
 */
async function serveJoinPage(c: Context<AppEnv>, path: string, rawCode: string): Promise<Response> {
  const headers = new Headers(c.req.raw.headers);
  for (const name of ["if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range"]) headers.delete(name);
  const method = c.req.method;
  const [page, boot, strings] = await Promise.all([
    c.env.ASSETS.fetch(new Request(new URL(path, c.req.url), { method, headers })),
    method === "GET" ? bootFor(c, rawCode) : Promise.resolve(null),
    method === "GET" ? phoneStringsPath(c) : Promise.resolve(null),
  ]);
  let res: Response;
  if ((!boot && !strings) || page.status !== 200) {
    res = mutable(page);
  } else {
    const file = await page.text();
    const blocks = (boot ? phoneBootBlock(boot) : "") + (strings ? stringsPreload(strings) : "");
    res = new Response(insertBeforeHeadEnd(file, blocks) ?? file, page);
    // The body is no longer the file's: its length and validators don't describe it.
    for (const name of ["content-length", "etag", "last-modified"]) res.headers.delete(name);
  }
  res.headers.set("Cache-Control", "no-store");
  return res;
}
