/**
 * @module lib/qr
 * A QR code made in the browser, as an image URL (`data:`, which the app's CSP allows and a saved
 * file carries with it). The facilitator link's QR must be made here: its key may never reach a
 * server, not even to be drawn. `uqr` is imported only when a QR is wanted, so it weighs on no
 * page load. (The session card and the console's "open on another device" both use this.)
 */
export async function qrImage(text: string): Promise<string> {
  const { renderSVG } = await import("uqr");
  const svg = renderSVG(text, { ecc: "M", border: 4, pixelSize: 8 }).replace("<svg ", '<svg shape-rendering="crispEdges" ');
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
