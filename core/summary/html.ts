/**
 * @module summary/html
 * The summary as a complete, print-ready HTML document (a browser saves it as PDF): title block,
 * then in `<main>` the overview table (one bar per domain, or per facility on AAAQ) and one
 * `<section>` per domain with its distribution chart, statistics in words, recorded consensus,
 * notes, action items and, for weak or unresolved domains, what to read next; the source's credit
 * line in the footer.
 *
 * No scripts, no external resources, no `style` attributes: the only styling is the one
 * `<style>` element holding {@link SUMMARY_CSS}, which the response allows by its SHA-256 hash
 * (see worker/routes/summary.ts). Every text from the session is escaped.
 */
import { chosenGuidance, type GuidancePoint, type Resource, resourcesToPrint, type Toolkit } from "../toolkit";
import { directoryHtml } from "./directory";
import type { DomainSummary, RatingSummary, Summary } from "./schema";
import { distributionSvg, esc, overviewBar } from "./svg";
import {
  changeWords,
  consensusWords,
  ADVICE_WORDS,
  DOMAIN_STATUS_WORDS,
  improvementWords,
  notAssessed,
  STATS_NUMBER_HEADS,
  statsNumbers,
  HIDDEN_WORDS,
  itemsCaption,
  itemsToShow,
  noResultWords,
  overviewValue,
  roleWords,
  rolesOfFacility,
  perspectivesWords,
  questionWords,
  roundWords,
  statsWords,
} from "./words";

/**
 * The report's whole stylesheet. Changing it changes its CSP hash (computed, never hard-coded).
 *
 * Print: topic sections may break across pages (a whole section that refuses to break leaves half
 * pages empty), but a heading stays with the start of its content, and a chart, a small table, a
 * table row, the "read next" box and the credit footer are never cut. Page numbers come from an
 * `@page` margin box, which Chromium prints since version 131; browsers without margin boxes ignore it.
 */
export const SUMMARY_CSS = `
@page { size: auto; margin: 16mm; }
@page { @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt system-ui, sans-serif; color: #555; } }
:root { color: #1b1b1b; background: #fff; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 190mm; margin: 0 auto; padding: 12px; }
main { display: block; }
h1 { font-size: 20pt; margin: 0 0 6px; }
h2 { font-size: 14pt; margin: 0 0 6px; }
h3 { font-size: 11.5pt; margin: 12px 0 4px; }
h1, h2, h3, p.status, p.consensus:not(:last-child), caption { break-after: avoid; page-break-after: avoid; }
p { orphans: 3; widows: 3; }
p.status { break-inside: avoid; page-break-inside: avoid; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #555; margin: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 16px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.overview, section.domain { border-top: 1px solid #bbb; padding-top: 10px; margin-top: 14px; }
figure { margin: 6px 0; break-inside: avoid; page-break-inside: avoid; }
figcaption, .muted, .legend { font-size: 9pt; color: #555; }
p.legend { margin: 0 0 4px; }
table { border-collapse: collapse; margin: 6px 0; font-size: 9.5pt; }
tr, table.rounds { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 8px 2px 0; text-align: left; vertical-align: top; }
th.n, td.n { text-align: right; }
caption { text-align: left; }
thead { break-after: avoid; page-break-after: avoid; }
table.rounds th, table.rounds td { padding: 2px 6px; white-space: nowrap; }
table.rounds td:last-child { white-space: normal; }
table.ov { width: 100%; table-layout: fixed; font-size: 10pt; margin: 4px 0 8px; }
table.ov th, table.ov td { padding: 2px 8px 2px 0; }
table.ov thead th, table.ov thead td { font-size: 9pt; font-weight: 600; color: #444; vertical-align: bottom; }
table.ov .ov-bar { width: 32%; }
table.ov td.ov-bar { padding-top: 5.5px; }
table.ov .ov-val { width: 10em; }
table.ov thead .ov-bar { font-weight: normal; }
table.ov thead .ov-bar .hi { float: right; }
table.ov tr.group td { font-weight: 600; border-bottom: 0; padding-bottom: 0; padding-left: 2.2em; text-indent: -2.2em; }
table.ov tr.group { break-after: avoid; page-break-after: avoid; }
table.ov tbody th { font-weight: normal; overflow-wrap: anywhere; padding-left: 2.2em; text-indent: -2.2em; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
table.ov .num { display: inline-block; width: 2.2em; text-indent: 0; }
table.ov tr.fac th { padding-left: 3.2em; text-indent: 0; }
table.ov td.none { color: #555; font-style: italic; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 2px 0 8px; }
.read-next { border-left: 3px solid #b35900; padding: 2px 0 2px 10px; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
.read-next h3 { margin-top: 2px; }
.read-next p { margin: 0 0 4px; }
.plan { break-after: page; page-break-after: always; }
.plan-topics li { margin: 4px 0; }
.unassessed { border-top: 1px solid #bbb; padding-top: 10px; margin-top: 14px; }
.appendix { break-before: page; page-break-before: always; }
.stats-table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
.stats-table th, .stats-table td { border-bottom: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
.stats-table .n { text-align: right; }
.plan-actions .due { white-space: nowrap; }
div.directory { border-top: 1px solid #bbb; padding-top: 10px; margin-top: 14px; }
table.directory { width: 100%; }
table.directory td { overflow-wrap: anywhere; }
.plan-actions { width: 100%; border-collapse: collapse; font-size: 0.95em; }
.plan-actions th, .plan-actions td { border-bottom: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
.needs { border-left: 3px solid #b35900; padding-left: 8px; }
.advice { border-left: 3px solid #b35900; padding: 2px 0 2px 10px; margin: 10px 0; }
.advice h3 { margin-top: 2px; }
.advice h4 { margin: 8px 0 2px; }
.advice ul { margin: 0 0 6px; padding-left: 20px; }
.advice li { margin: 2px 0; }
.advice .url { font-size: 0.85em; color: #454545; overflow-wrap: anywhere; }
svg text { font: 11px system-ui, sans-serif; fill: #1b1b1b; }
svg .track { fill: #f0f0f0; }
svg .bar { fill: #2f5d8a; }
svg .bar.med { fill: #8fb0cf; }
svg .bar.between { fill: #c9d8e7; }
svg .bar.dk { fill: #a8a8a8; }
svg .base { stroke: #888; stroke-width: 1; }
svg .tick { stroke: #fff; stroke-width: 1.5; }
svg.ovbar { display: block; width: 100%; height: 12px; }
footer { border-top: 1px solid #bbb; margin-top: 14px; padding-top: 4px; font-size: 8.5pt; line-height: 1.35; color: #444; break-inside: avoid; page-break-inside: avoid; }
footer p { margin: 0; }
@media screen and (max-width: 560px) { table.ov .ov-bar { width: 24%; } table.ov .ov-val { width: 6.5em; } }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** The group's own text (notes, action items): its direction from its own first strong letter. */
const text = (s: string) => `<p class="text" dir="auto">${esc(s)}</p>`;
/**
 * A name from the session (its title, a facility) isolated from the text around it, so an Arabic
 * or Hebrew name next to Latin words or digits keeps its order and leaves theirs alone.
 */
const bidi = (s: string) => `<bdi>${esc(s)}</bdi>`;

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
      : ["—", round.withheld ? "withheld (would single out people who left)" : "hidden", ""];
    const [n, median, change] = cells.map((c) => esc(c!));
    return `<tr><td class="n">${round.round}</td><td class="n">${round.respondents}</td><td class="n">${n}</td><td>${median}</td><td>${change}</td></tr>`;
  });
  return (
    `<table class="rounds"><caption class="muted">${r.facility === null ? "Rounds" : `Rounds, ${bidi(r.facility)}`}</caption><thead><tr><th class="n">Round</th><th class="n">Respondents</th><th class="n">Valid ratings</th><th>Median</th><th>Change</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

function rating(d: DomainSummary, r: RatingSummary): string {
  const parts: string[] = [];
  if (r.facility !== null) parts.push(`<h3>${bidi(r.facility)}${esc(roleWords(r.roles))}</h3>`);
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
  const shown = itemsToShow(d);
  if (!shown) return "";
  const rows = shown.items.map(
    (it) =>
      `<tr><td>${esc(it.stem ? `${it.stem} ${it.text}` : it.text)}</td><td class="n">${it.yes}</td><td class="n">${it.no}</td><td class="n">${it.na}</td></tr>`,
  );
  return `<table class="items"><caption class="muted">${esc(itemsCaption(d, shown.round))}</caption><thead><tr><th>Item</th><th class="n">Yes</th><th class="n">No</th><th class="n">N/A</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Escaped, with a line-break opportunity after each slash ("Racial/ethnic/religious/…" wraps in a narrow cell). */
const slashes = (text: string) => esc(text).replace(/\//g, "/<wbr>");

/**
 * The overview as a table: one row per domain, on per-facility domains a group row with the
 * domain's title and one row per facility. Labels are HTML text (they wrap and print at the
 * table's size); the bar beside each is decoration, its value is in the last cell, and a row
 * without a value says why, in its section's words ("skipped", "not assessed", …).
 */
function overview(s: Summary): string {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  const bodies: string[][] = [];
  let group: string | null = null;
  for (const o of s.overview) {
    const value = o.notAvailable
      ? `<td class="ov-val">${esc(byId.get(o.domainId)?.scale.notAvailableLabel ?? "not available")}</td>`
      : o.low === null
        ? `<td class="ov-val none">${esc(noResultWords(byId.get(o.domainId)))}</td>`
        : `<td class="ov-val">${esc(`${overviewValue(o.low, o.high)} of ${o.scaleMax}${o.source === "median" ? " (median)" : ""}`)}</td>`;
    const bar = `<td class="ov-bar">${overviewBar(o)}</td>`;
    if (o.facility === null) {
      if (group !== null || bodies.length === 0) bodies.push([]);
      group = null;
      bodies[bodies.length - 1]!.push(
        `<tr><th scope="row"><span class="num">${o.number}.</span>${slashes(o.title)}</th>${bar}${value}</tr>`,
      );
    } else {
      if (group !== o.domainId) {
        group = o.domainId;
        bodies.push([`<tr class="group"><td colspan="3"><span class="num">${o.number}.</span>${slashes(o.title)}</td></tr>`]);
      }
      // The group row is plain text; the row header names the domain too, for screen readers.
      bodies[bodies.length - 1]!.push(
        `<tr class="fac"><th scope="row"><span class="vh">${esc(`${o.number}. ${o.title}: `)}</span><bdi>${slashes(o.facility)}</bdi>${esc(roleWords(rolesOfFacility(byId.get(o.domainId), o.facility)))}</th>${bar}${value}</tr>`,
      );
    }
  }
  return (
    `<table class="ov"><thead><tr><th scope="col">Topic</th>` +
    `<td class="ov-bar" aria-hidden="true"><span class="lo">weak</span> <span class="hi">strong</span></td><th scope="col" class="ov-val">Result</th></tr></thead>` +
    bodies.map((rows) => `<tbody>${rows.join("")}</tbody>`).join("") +
    `</table>`
  );
}

/**
 * What the toolkit advises for a topic that needs improvement: the guidance points the group chose
 * as action items (or all of them, if it chose none), and the resources with their links, printed
 * out as well so they work on paper.
 */
function advice(d: DomainSummary, toolkit: Toolkit): string {
  const guidance = toolkit.guidance.find((g) => g.domainId === d.id);
  const { chosen, points } = chosenGuidance(toolkit, d.id, d.actions);
  const { categories, seeAlso } = resourcesToPrint(toolkit, d.id);
  const point = (p: GuidancePoint) =>
    `<li>${esc(p.text)}${p.sub.length ? `<ul>${p.sub.map((x) => `<li>${esc(x.text)}</li>`).join("")}</ul>` : ""}</li>`;
  const entry = (e: Resource) =>
    `<li>${e.url ? `<a href="${esc(e.url)}">${esc(e.title)}</a>` : esc(e.title)}${e.by ? ` <span class="muted">${esc(e.by)}</span>` : ""}` +
    `${e.accessed ? ` <span class="muted">${esc(e.accessed)}</span>` : ""}${e.url ? `<br><span class="url">${esc(e.url)}</span>` : ""}</li>`;
  const resources = categories.map((c) =>
    c.entries.length
      ? `<h4>${esc(c.title)}</h4><ul class="resources">${c.entries.map(entry).join("")}</ul>`
      : `<h4>${esc(c.title)}</h4><p class="muted">${ADVICE_WORDS.empty}</p>`,
  );
  return [
    `<aside class="advice" aria-labelledby="advice-${esc(d.id)}"><h3 id="advice-${esc(d.id)}">${ADVICE_WORDS.heading}</h3>`,
    guidance
      ? `<p class="muted">${chosen ? ADVICE_WORDS.chosen : ADVICE_WORDS.all}</p>` +
        `<h4>${esc(guidance.title)}</h4><ul class="guidance">${points.map(point).join("")}</ul>`
      : "",
    ...resources,
    seeAlso.length ? `<p class="muted">${ADVICE_WORDS.seeAlso} ${seeAlso.map((c) => esc(c.title)).join("; ")}.</p>` : "",
    `</aside>`,
  ].join("");
}

/** The topics the group did not assess: one line, not a page each. */
function unassessed(s: Summary): string {
  const rest = s.domains.filter(notAssessed);
  if (!rest.length) return "";
  const words = rest.map((d) => `${d.number}. ${esc(d.title)} (${esc(DOMAIN_STATUS_WORDS[d.status])})`).join("; ");
  return `<p class="unassessed"><strong>Not assessed in this session:</strong> ${words}.</p>`;
}

/** The statistics' numbers (A, Cns, quartiles), for specialists: the body has them in words. */
function appendix(s: Summary): string {
  const rows = s.domains.flatMap((d) =>
    d.ratings.flatMap((r) =>
      r.latest
        ? [
            `<tr><td>${d.number}. ${esc(d.title)}${r.facility !== null ? ` — ${bidi(r.facility)}` : ""}</td>${statsNumbers(r.latest)
              .map((c) => `<td class="n">${esc(c)}</td>`)
              .join("")}</tr>`,
          ]
        : [],
    ),
  );
  if (!rows.length) return "";
  return (
    `<div class="appendix" role="region" aria-labelledby="appendix-h"><h2 id="appendix-h">Appendix: the statistics as numbers</h2>` +
    `<p class="muted">Last shown round of each rating. Agreement A (van der Eijk) and consensus Cns (Tastle and Wierman) run from −1 or 0 to 1; Q1 and Q3 bound the middle half of the ratings.</p>` +
    `<table class="stats-table"><thead><tr><th scope="col">Topic</th>${STATS_NUMBER_HEADS.map((h) => `<th scope="col" class="n">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The report's first page: the topics that need improvement, worst first, and every action item. */
function plan(s: Summary): string {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  const topics = s.plan.topics.map((t) => {
    const d = byId.get(t.domainId)!;
    return `<li><a href="#domain-${esc(t.domainId)}">${t.number}. ${esc(t.title)}</a> <span class="muted">— ${esc(improvementWords(d))}</span></li>`;
  });
  const cell = (v: string | null) => (v ? esc(v) : `<span class="muted">—</span>`);
  const actions = s.plan.actions.map(
    (a) =>
      `<tr><td>${a.number}. ${esc(a.title)}</td><td dir="auto">${esc(a.text)}</td><td dir="auto">${cell(a.owner)}</td><td class="due">${cell(a.due)}</td><td>${cell(a.priority)}</td></tr>`,
  );
  return [
    `<div class="plan" role="region" aria-labelledby="plan-h"><h2 id="plan-h">Improvement plan</h2>`,
    `<h3>Topics that need improvement</h3>`,
    topics.length ? `<ol class="plan-topics">${topics.join("")}</ol>` : `<p>No topic was found or marked as needing improvement.</p>`,
    `<h3>Action items</h3>`,
    actions.length
      ? `<table class="plan-actions"><thead><tr><th scope="col">Topic</th><th scope="col">Action</th><th scope="col">Owner (role)</th><th scope="col">Due</th><th scope="col">Priority</th></tr></thead><tbody>${actions.join("")}</tbody></table>`
      : `<p>No action items were written.</p>`,
    `</div>`,
  ].join("\n");
}

function section(d: DomainSummary, toolkit: Toolkit | undefined): string {
  const id = esc(`domain-${d.id}`);
  return [
    `<section class="domain" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${d.number}. ${esc(d.title)}</h2>`,
    `<p class="status muted">Status: ${esc(DOMAIN_STATUS_WORDS[d.status])}. ${esc(roundWords(d))} ${esc(questionWords(d))}</p>`,
    d.improvement.needed ? `<p class="needs"><strong>Needs improvement:</strong> ${esc(improvementWords(d))}.</p>` : "",
    ...d.ratings.map((r) => rating(d, r)),
    itemsTable(d),
    d.notes.trim() ? `<h3>Notes</h3>${text(d.notes)}` : "",
    d.actions.trim() ? `<h3>Action items</h3>${text(d.actions)}` : "",
    d.readNext && toolkit ? advice(d, toolkit) : "",
    d.readNext && !toolkit
      ? `<aside class="read-next"><h3>Read next</h3><p>Guidance: ${esc(d.readNext.guidance)}</p><p>Resources: ${d.readNext.resources.map(esc).join("; ")}</p></aside>`
      : "",
    `</section>`,
  ].join("\n");
}

export function toHtml(s: Summary, toolkit?: Toolkit): string {
  const t = s.template;
  const meta: [string, string][] = [
    ...(s.session.facility ? [["Facility under review", s.session.facility] as [string, string]] : []),
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
    `<header><p class="kicker">Consensus summary</p><h1 dir="auto">${esc(s.session.title)}</h1>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd><bdi>${esc(v)}</bdi></dd>`).join("")}</dl></header>`,
    `<main>`,
    plan(s),
    `<div class="overview" role="region" aria-labelledby="overview-h"><h2 id="overview-h">Overview</h2>`,
    `<p class="legend">Dark bars: recorded consensus. Light bars: median of the last round (no consensus recorded); the lightest part marks a median between two points. Each bar is drawn on its own rating scale.</p>`,
    overview(s),
    `</div>`,
    ...s.domains.filter((d) => !notAssessed(d)).map((d) => section(d, toolkit)),
    unassessed(s),
    directoryHtml(s),
    appendix(s),
    `</main>`,
    // One short paragraph: the footer never breaks, so the less it takes, the less often it lands alone on a page.
    `<footer><p><span class="credit">${esc(t.source.credit)}</span> Source: ${esc(t.source.title)}${t.source.edition ? `, ${esc(t.source.edition)}` : ""}, ${esc(t.source.publisher)}.</p></footer>`,
    `</body></html>`,
    ``,
  ].join("\n");
}
