/**
 * @module summary/html
 * The summary as a complete, print-ready HTML document (a browser saves it as PDF): title block,
 * overview profile chart, one `<section>` per domain with its distribution chart, statistics in
 * words, recorded consensus, notes, action items and, for weak or unresolved domains, what to read
 * next; the source's credit line at the end.
 *
 * No scripts, no external resources, no `style` attributes: the only styling is the one
 * `<style>` element holding {@link SUMMARY_CSS}, which the response allows by its SHA-256 hash
 * (see worker/routes/summary.ts). Every text from the session is escaped.
 */
import type { DomainSummary, RatingSummary, Summary } from "./schema";
import { distributionSvg, esc, overviewSvg } from "./svg";
import {
  changeWords,
  consensusWords,
  DOMAIN_STATUS_WORDS,
  HIDDEN_WORDS,
  overviewValue,
  perspectivesWords,
  roundWords,
  statsWords,
} from "./words";

/** The report's whole stylesheet. Changing it changes its CSP hash (computed, never hard-coded). */
export const SUMMARY_CSS = `
@page { size: auto; margin: 16mm; }
:root { color: #1b1b1b; background: #fff; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 190mm; margin: 0 auto; padding: 12px; }
h1 { font-size: 20pt; margin: 0 0 6px; }
h2 { font-size: 14pt; margin: 0 0 6px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12px 0 4px; break-after: avoid; page-break-after: avoid; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #555; margin: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 16px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.overview, section.domain { border-top: 1px solid #bbb; padding-top: 10px; margin-top: 14px; }
section.domain { break-inside: avoid; page-break-inside: avoid; }
section.domain.long { break-inside: auto; page-break-inside: auto; }
figure { margin: 6px 0; break-inside: avoid; page-break-inside: avoid; }
figcaption, .muted, .legend { font-size: 9pt; color: #555; }
table { border-collapse: collapse; margin: 6px 0; font-size: 9.5pt; break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 8px 2px 0; text-align: left; vertical-align: top; }
td.n { text-align: right; }
caption { text-align: left; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 2px 0 8px; }
.read-next { border-left: 3px solid #b35900; padding: 2px 0 2px 10px; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
svg text { font: 10px system-ui, sans-serif; fill: #1b1b1b; }
svg .axis { fill: #666; }
svg .track { fill: #f0f0f0; }
svg .bar { fill: #2f5d8a; }
svg .bar.med { fill: #8fb0cf; }
svg .bar.between { fill: #c9d8e7; }
svg .bar.dk { fill: #a8a8a8; }
svg .base { stroke: #888; stroke-width: 1; }
svg.chart { max-width: 100%; height: auto; }
footer { border-top: 1px solid #bbb; margin-top: 18px; padding-top: 6px; font-size: 9pt; color: #444; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

const text = (s: string) => `<p class="text">${esc(s)}</p>`;

function roundsTable(d: DomainSummary, r: RatingSummary): string {
  if (d.rounds.length < 2) return "";
  const rows = d.rounds.map((round) => {
    const x = round.ratings.find((y) => y.key === r.key);
    const cells = x?.shown
      ? [
          String(x.stats.n),
          x.stats.median ? overviewValue(x.stats.median.low, x.stats.median.high) : "—",
          x.change !== null && x.changeFrom !== null ? changeWords(x.change, x.changeFrom, x.stable === true) : "",
        ]
      : ["—", "hidden", ""];
    return `<tr><td class="n">${round.round}</td><td class="n">${round.respondents}</td>${cells.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`;
  });
  return (
    `<table class="rounds"><caption class="muted">Rounds</caption><thead><tr><th>Round</th><th>Respondents</th><th>Valid ratings</th><th>Median</th><th>Change</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

function rating(d: DomainSummary, r: RatingSummary): string {
  const parts: string[] = [];
  if (r.facility !== null) parts.push(`<h3>${esc(r.facility)}</h3>`);
  parts.push(`<p class="consensus"><strong>Recorded consensus:</strong> ${esc(consensusWords(d, r))}</p>`);
  if (r.latest) {
    parts.push(
      `<figure>${distributionSvg(d.scale, r.latest)}<figcaption>Last round: ratings 1–${d.scale.points.length}, then “${esc(d.scale.dontKnowLabel)}” (DK)${d.scale.notAvailableLabel ? ` and “${esc(d.scale.notAvailableLabel)}” (N/A)` : ""}.</figcaption></figure>`,
      `<p class="stats">${esc(statsWords(d.scale, r.latest))}</p>`,
    );
  } else if (d.rounds.length > 0) {
    parts.push(`<p class="stats muted">${esc(HIDDEN_WORDS)}</p>`);
  }
  parts.push(roundsTable(d, r));
  return `<div class="rating">${parts.join("")}</div>`;
}

function itemsTable(d: DomainSummary): string {
  const items = d.rounds[d.rounds.length - 1]?.items ?? [];
  if (items.length === 0) return "";
  const rows = items.map(
    (it) => `<tr><td>${esc(it.stem ? `${it.stem} ${it.text}` : it.text)}</td><td class="n">${it.yes}</td><td class="n">${it.no}</td><td class="n">${it.na}</td></tr>`,
  );
  return `<table class="items"><caption class="muted">Items, last round</caption><thead><tr><th>Item</th><th>Yes</th><th>No</th><th>N/A</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function section(d: DomainSummary): string {
  const id = esc(`domain-${d.id}`);
  // A domain with many items or facilities may not fit a page: let it break rather than overflow.
  const long = d.ratings.length > 2 || (d.rounds[d.rounds.length - 1]?.items.length ?? 0) > 8 ? " long" : "";
  return [
    `<section class="domain${long}" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${d.number}. ${esc(d.title)}</h2>`,
    `<p class="muted">Status: ${esc(DOMAIN_STATUS_WORDS[d.status])}. ${esc(roundWords(d))} Question: ${esc(d.prompt)}</p>`,
    ...d.ratings.map((r) => rating(d, r)),
    itemsTable(d),
    d.notes.trim() ? `<h3>Notes</h3>${text(d.notes)}` : "",
    d.actions.trim() ? `<h3>Action items</h3>${text(d.actions)}` : "",
    d.readNext
      ? `<aside class="read-next"><h3>Read next</h3><p>Guidance: ${esc(d.readNext.guidance)}</p><p>Resources: ${d.readNext.resources.map(esc).join("; ")}</p></aside>`
      : "",
    `</section>`,
  ].join("\n");
}

export function toHtml(s: Summary): string {
  const t = s.template;
  const meta: [string, string][] = [
    ...(s.session.facility ? [["Facility", s.session.facility] as [string, string]] : []),
    ["Date", s.session.day],
    ["Template", `${t.title} (${t.id}, version ${t.version})`],
    ["Anonymity threshold", `k = ${s.session.k}: results are shown only with at least ${s.session.k} valid ratings`],
    ["Perspectives present", perspectivesWords(s)],
  ];
  return [
    `<!doctype html>`,
    `<html lang="${esc(t.language)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">`,
    `<title>${esc(`${s.session.title} — consensus summary, ${s.session.day}`)}</title>`,
    `<style>${SUMMARY_CSS}</style></head>`,
    `<body>`,
    `<header><p class="kicker">Consensus summary</p><h1>${esc(s.session.title)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl></header>`,
    `<div class="overview" role="region" aria-labelledby="overview-h"><h2 id="overview-h">Overview</h2>`,
    overviewSvg(s.overview),
    `<p class="legend">Dark bars: recorded consensus. Light bars: median of the last round (no consensus recorded); the lightest part marks a median between two points. Each bar is drawn on its own rating scale.</p></div>`,
    ...s.domains.map(section),
    `<footer><p class="credit">${esc(t.source.credit)}</p><p>Source: ${esc(t.source.title)}${t.source.edition ? `, ${esc(t.source.edition)}` : ""}, ${esc(t.source.publisher)}.</p></footer>`,
    `</body></html>`,
    ``,
  ].join("\n");
}
