/**
 * @module home/sessionCardFile
 * The session card as a file the organizer keeps: one self-contained HTML page made in this
 * browser from the card on the page (home/SessionCard.tsx) and its stylesheet. No script and
 * nothing fetched: its own CSP says so (`default-src 'none'`), the QR codes are `data:` images,
 * and it tells the browser to send no referrer when one of its links is followed.
 */
import { slug } from "../../../core/summary/formats";
import { directionOf } from "../../../core/languages";
import { lang, t } from "../i18n";
import { saveBlob } from "../lib/download";
import cardCss from "./session-card.css?inline";

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const cardFileName = (title: string): string => `candor-session-card-${slug(title)}.html`;

/** The whole file; `card` is the rendered card (serialised as the browser holds it, so escaped). */
export function cardFileHtml(card: HTMLElement, title: string): string {
  return `<!doctype html>
<html lang="${escapeText(lang)}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(t("card.docTitle", { title }))}</title>
<style>
body { margin: 0; padding: 1.5rem 1rem; background: #fff; }
${cardCss}
</style>
</head>
<body>
<main>${card.outerHTML}</main>
</body>
</html>
`;
}

/** Hands the file to the browser's downloads. */
export function saveCardFile(card: HTMLElement, title: string): string {
  const name = cardFileName(title);
  saveBlob(new Blob([cardFileHtml(card, title)], { type: "text/html;charset=utf-8" }), name);
  return name;
}
