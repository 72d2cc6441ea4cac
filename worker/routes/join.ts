/**
 * @module routes/join
 * `GET /api/join/:code` (which room a typed code opens) and `GET /api/join/:code/qr.svg` (the join
 * link as a QR code for the projector). Codes are normalised by `JoinCodeSchema` ("abc-def" works).
 */
import { Hono } from "hono";
import { renderSVG } from "uqr";
import { z } from "zod";
import { JoinCodeSchema } from "../../core/api";
import { appBaseUrl, getSettings, type AppEnv } from "../env";
import { ApiError } from "../errors";
import { limitCodeLookups } from "../join-limit";
import { lookupClaim, lookupCode } from "../rooms";
import { params } from "../validate";

const CodeParam = z.object({ code: JoinCodeSchema });

/** The SVG with a role and a text alternative, for when it is opened on its own. */
export function joinQrSvg(joinUrl: string, code: string): string {
  const svg = renderSVG(joinUrl, { ecc: "M", border: 4, pixelSize: 8 });
  // `code` is from the join-code alphabet (letters and digits), so it is safe inside markup.
  return svg.replace("<svg ", `<svg role="img" aria-label="QR code to join with code ${code}" shape-rendering="crispEdges" `);
}

export const join = new Hono<AppEnv>()
  .get("/:code", params(CodeParam), async (c) => {
    const { code } = c.req.valid("param");
    await limitCodeLookups(c);
    const room = await lookupCode(c.var.rooms, code);
    if (!room) throw new ApiError(404, "unknown-join-code");
    return c.json(room);
  })
  .get("/:code/qr.svg", params(CodeParam), async (c) => {
    const { code } = c.req.valid("param");
    const settings = getSettings(c.env);
    await limitCodeLookups(c);
    if (!(await lookupClaim(c.var.rooms, code))) throw new ApiError(404, "unknown-join-code");
    const svg = joinQrSvg(`${appBaseUrl(settings, c.req.url)}/j/${code}`, code);
    return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8" });
  });
