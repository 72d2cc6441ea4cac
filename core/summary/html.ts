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
import { PSEUDO } from "../languages";
import type { TranslationInfo } from "../template";
import { type ReportKey, type ReportWords, reportWords, type Vars } from "./i18n/index";
import {
  changeWords,
  consensusWords,
  domainStatusWords,
  improvementWords,
  notAssessed,
  statsNumberHeads,
  statsNumbers,
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
export function reportCss(L: ReportWords): string {
  // The page counter's words, as a CSS string list around the counters ("Page " counter(page) " of " …).
  const PAGE_OF = L.t("page", { page: "\uE000", pages: "\uE001" })
    .split(/([\uE000\uE001])/)
    .map((part) => (part === "\uE000" ? "counter(page)" : part === "\uE001" ? "counter(pages)" : part ? cssString(part) : ""))
    .filter(Boolean)
    .join(" ");
  return `
@page { size: auto; margin: 16mm; }
@page { @bottom-right { content: ${PAGE_OF}; font: 8.5pt system-ui, sans-serif; color: #555; } }
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
th, td { border-bottom: 1px solid #ddd; padding-block: 2px; padding-inline: 0 8px; text-align: start; vertical-align: top; }
th.n, td.n { text-align: right; }
caption { text-align: start; }
thead { break-after: avoid; page-break-after: avoid; }
table.rounds th, table.rounds td { padding: 2px 6px; white-space: nowrap; }
table.rounds td:last-child { white-space: normal; }
table.ov { width: 100%; table-layout: fixed; font-size: 10pt; margin: 4px 0 8px; }
table.ov th, table.ov td { padding-block: 2px; padding-inline: 0 8px; }
table.ov thead th, table.ov thead td { font-size: 9pt; font-weight: 600; color: #444; vertical-align: bottom; }
table.ov .ov-bar { width: 32%; }
table.ov td.ov-bar { padding-top: 5.5px; }
table.ov .ov-val { width: 10em; }
table.ov thead .ov-bar { font-weight: normal; }
table.ov thead .ov-bar .hi { float: inline-end; }
table.ov tr.group td { font-weight: 600; border-bottom: 0; padding-bottom: 0; padding-inline-start: 2.2em; text-indent: -2.2em; }
table.ov tr.group { break-after: avoid; page-break-after: avoid; }
table.ov tbody th { font-weight: normal; overflow-wrap: anywhere; padding-inline-start: 2.2em; text-indent: -2.2em; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
table.ov .num { display: inline-block; width: 2.2em; text-indent: 0; }
table.ov tr.fac th { padding-inline-start: 3.2em; text-indent: 0; }
table.ov td.none { color: #555; font-style: italic; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 2px 0 8px; }
.read-next { border-inline-start: 3px solid #b35900; padding-block: 2px; padding-inline: 10px 0; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
.read-next h3 { margin-top: 2px; }
.read-next p { margin: 0 0 4px; }
.plan { break-after: page; page-break-after: always; }
.plan-topics li { margin: 4px 0; }
.unassessed { border-top: 1px solid #bbb; padding-top: 10px; margin-top: 14px; }
.appendix { break-before: page; page-break-before: always; }
.stats-table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
.stats-table th, .stats-table td { border-bottom: 1px solid #bbb; padding: 3px 5px; text-align: start; vertical-align: top; }
.stats-table .n { text-align: right; }
.plan-actions .due { white-space: nowrap; }
div.directory { border-top: 1px solid #bbb; padding-top: 10px; margin-top: 14px; }
table.directory { width: 100%; }
table.directory td { overflow-wrap: anywhere; }
.plan-actions { width: 100%; border-collapse: collapse; font-size: 0.95em; }
.plan-actions th, .plan-actions td { border-bottom: 1px solid #bbb; padding: 4px 6px; text-align: start; vertical-align: top; }
.needs { border-inline-start: 3px solid #b35900; padding-inline-start: 8px; }
.advice { border-inline-start: 3px solid #b35900; padding-block: 2px; padding-inline: 10px 0; margin: 10px 0; }
.advice h3 { margin-top: 2px; }
.advice h4 { margin: 8px 0 2px; }
.advice ul { margin: 0 0 6px; padding-inline-start: 20px; }
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
[dir="rtl"] table.ov .ov-bar { padding-inline: 8px; }
[dir="rtl"] footer .credit { display: block; }
.unofficial { font-size: 9.5pt; border-inline-start: 3px solid #2f5d8a; padding-inline-start: 8px; margin: 0 0 12px; }
`;
}

/** A CSS string literal: quotes and backslashes escaped, nothing that could end the rule. */
const cssString = (s: string) => `"${s.replace(/[\\"\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/** The English report's stylesheet (its CSP hash is computed from whichever stylesheet a report carries). */
export const SUMMARY_CSS = reportCss(reportWords("en"));

/** Text content only needs &, < and > escaped: the advice's words keep their apostrophes as before. */
const escText = (s: string) => s.replace(/[&<>]/g, (c) => esc(c));

/** The group's own text (notes, action items): its direction from its own first strong letter. */
const text = (s: string) => `<p class="text" dir="auto">${esc(s)}</p>`;
/**
 * A name from the session (its title, a facility) isolated from the text around it, so an Arabic
 * or Hebrew name next to Latin words or digits keeps its order and leaves theirs alone.
 */
const bidi = (s: string) => `<bdi>${esc(s)}</bdi>`;
/**
 * On a right-to-left report, `dir="ltr"` for a cell of numbers or a chart: a range such as "3–4"
 * would otherwise read "4–3", and a bar would grow from the right. Nothing on a left-to-right one.
 */
const ltr = (L: ReportWords) => (L.dir === "rtl" ? ' dir="ltr"' : "");

/**
 * A message whose placeholders are HTML (a `<bdi>` name, a link): the message's words escaped, each
 * `{name}` in `html` put in as it is, the others filled as plain text by `t` and escaped.
 */
function tHtml(L: ReportWords, key: ReportKey, html: Readonly<Record<string, string>>, vars?: Vars): string {
  const marks: Record<string, string> = {};
  Object.keys(html).forEach((name, i) => {
    marks[name] = `\uE000${i}\uE001`;
  });
  const filled = esc(L.t(key, { ...vars, ...marks }));
  return filled.replace(/\uE000(\d+)\uE001/g, (_, i: string) => html[Object.keys(html)[Number(i)]!] ?? "");
}

function roundsTable(L: ReportWords, d: DomainSummary, r: RatingSummary): string {
  if (d.rounds.length < 2) return "";
  const rows = d.rounds.map((round) => {
    const x = round.ratings.find((y) => y.key === r.key);
    const cells = x?.shown
      ? [
          esc(L.num(x.stats.n)),
          x.stats.median ? esc(overviewValue(L, x.stats.median.low, x.stats.median.high)) : "—",
          x.change !== null && x.changeFrom !== null ? esc(changeWords(x.change, x.changeFrom, x.stable === true, L)) : "",
        ]
      : ["—", esc(L.t(round.withheld ? "rounds.withheld" : "rounds.hidden")), ""];
    const [n, median, change] = cells;
    return `<tr><td class="n"${ltr(L)}>${esc(L.num(round.round))}</td><td class="n"${ltr(L)}>${esc(L.num(round.respondents))}</td><td class="n"${ltr(L)}>${n}</td><td>${median}</td><td>${change}</td></tr>`;
  });
  const caption = r.facility === null ? esc(L.t("rounds.caption")) : tHtml(L, "rounds.captionOf", { facility: bidi(r.facility) });
  return (
    `<table class="rounds"><caption class="muted">${caption}</caption><thead><tr><th class="n">${esc(L.t("rounds.round"))}</th><th class="n">${esc(L.t("rounds.respondents"))}</th><th class="n">${esc(L.t("rounds.valid"))}</th><th>${esc(L.t("rounds.median"))}</th><th>${esc(L.t("rounds.change"))}</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

function rating(L: ReportWords, d: DomainSummary, r: RatingSummary): string {
  const parts: string[] = [];
  if (r.facility !== null) parts.push(`<h3>${bidi(r.facility)}${esc(roleWords(L, r.roles))}</h3>`);
  parts.push(`<p class="consensus"><strong>${esc(L.t("rating.recorded"))}</strong> ${esc(consensusWords(L, d, r))}</p>`);
  if (r.latest) {
    const caption = d.scale.notAvailableLabel
      ? L.t("chart.captionNa", { max: d.scale.points.length, dk: d.scale.dontKnowLabel, na: d.scale.notAvailableLabel })
      : L.t("chart.caption", { max: d.scale.points.length, dk: d.scale.dontKnowLabel });
    parts.push(
      `<figure>${distributionSvg(L, d.scale, r.latest)}<figcaption>${esc(caption)}</figcaption></figure>`,
      `<p class="stats">${esc(statsWords(L, d.scale, r.latest))}</p>`,
    );
  } else if (d.rounds.length > 0) {
    parts.push(`<p class="stats muted">${esc(L.t("hidden"))}</p>`);
  }
  parts.push(roundsTable(L, d, r));
  return `<div class="rating">${parts.join("")}</div>`;
}

function itemsTable(L: ReportWords, d: DomainSummary): string {
  const shown = itemsToShow(d);
  if (!shown) return "";
  const rows = shown.items.map(
    (it) =>
      `<tr><td>${esc(it.stem ? `${it.stem} ${it.text}` : it.text)}</td><td class="n"${ltr(L)}>${esc(L.num(it.yes))}</td><td class="n"${ltr(L)}>${esc(L.num(it.no))}</td><td class="n"${ltr(L)}>${esc(L.num(it.na))}</td></tr>`,
  );
  const heads = `<th>${esc(L.t("items.item"))}</th><th class="n">${esc(L.t("items.yes"))}</th><th class="n">${esc(L.t("items.no"))}</th><th class="n">${esc(L.t("items.na"))}</th>`;
  return `<table class="items"><caption class="muted">${esc(itemsCaption(d, shown.round, L))}</caption><thead><tr>${heads}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Escaped, with a line-break opportunity after each slash ("Racial/ethnic/religious/…" wraps in a narrow cell). */
const slashes = (text: string) => esc(text).replace(/\//g, "/<wbr>");

/**
 * The overview as a table: one row per domain, on per-facility domains a group row with the
 * domain's title and one row per facility. Labels are HTML text (they wrap and print at the
 * table's size); the bar beside each is decoration, its value is in the last cell, and a row
 * without a value says why, in its section's words ("skipped", "not assessed", …).
 */
function overview(L: ReportWords, s: Summary): string {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  const bodies: string[][] = [];
  let group: string | null = null;
  for (const o of s.overview) {
    const value = o.notAvailable
      ? `<td class="ov-val">${esc(byId.get(o.domainId)?.scale.notAvailableLabel ?? L.t("consensus.notAvailable"))}</td>`
      : o.low === null
        ? `<td class="ov-val none">${esc(noResultWords(byId.get(o.domainId), L))}</td>`
        : `<td class="ov-val">${esc(L.t(o.source === "median" ? "overview.ofMedian" : "overview.of", { value: overviewValue(L, o.low, o.high), max: o.scaleMax }))}</td>`;
    const bar = `<td class="ov-bar"${ltr(L)}>${overviewBar(o)}</td>`;
    const num = `<span class="num">${esc(L.num(o.number))}.</span>`;
    if (o.facility === null) {
      if (group !== null || bodies.length === 0) bodies.push([]);
      group = null;
      bodies[bodies.length - 1]!.push(`<tr><th scope="row">${num}${slashes(o.title)}</th>${bar}${value}</tr>`);
    } else {
      if (group !== o.domainId) {
        group = o.domainId;
        bodies.push([`<tr class="group"><td colspan="3">${num}${slashes(o.title)}</td></tr>`]);
      }
      // The group row is plain text; the row header names the domain too, for screen readers.
      bodies[bodies.length - 1]!.push(
        `<tr class="fac"><th scope="row"><span class="vh">${esc(`${L.num(o.number)}. ${o.title}: `)}</span><bdi>${slashes(o.facility)}</bdi>${esc(roleWords(L, rolesOfFacility(byId.get(o.domainId), o.facility)))}</th>${bar}${value}</tr>`,
      );
    }
  }
  return (
    `<table class="ov"><thead><tr><th scope="col">${esc(L.t("overview.topic"))}</th>` +
    `<td class="ov-bar"${ltr(L)} aria-hidden="true"><span class="lo">${esc(L.t("overview.weak"))}</span> <span class="hi">${esc(L.t("overview.strong"))}</span></td><th scope="col" class="ov-val">${esc(L.t("overview.result"))}</th></tr></thead>` +
    bodies.map((rows) => `<tbody>${rows.join("")}</tbody>`).join("") +
    `</table>`
  );
}

/**
 * What the toolkit advises for a topic that needs improvement: the guidance points the group chose
 * as action items (or all of them, if it chose none), and the resources with their links, printed
 * out as well so they work on paper. The toolkit's Sections III and IV are English only: a report
 * in another language says so (`lang="en"` on the quoted text, so a screen reader reads it as English).
 */
function advice(L: ReportWords, d: DomainSummary, toolkit: Toolkit, quoted: string): string {
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
      ? `<h4${quoted}>${esc(c.title)}</h4><ul class="resources"${quoted}>${c.entries.map(entry).join("")}</ul>`
      : `<h4${quoted}>${esc(c.title)}</h4><p class="muted">${escText(L.t("advice.empty"))}</p>`,
  );
  return [
    `<aside class="advice" aria-labelledby="advice-${esc(d.id)}"><h3 id="advice-${esc(d.id)}">${escText(L.t("advice.heading"))}</h3>`,
    quoted ? `<p class="muted">${escText(L.t("advice.inEnglish"))}</p>` : "",
    guidance
      ? `<p class="muted">${escText(L.t(chosen ? "advice.chosen" : "advice.all"))}</p>` +
        `<h4${quoted}>${esc(guidance.title)}</h4><ul class="guidance"${quoted}>${points.map(point).join("")}</ul>`
      : "",
    ...resources,
    seeAlso.length
      ? `<p class="muted">${escText(L.t("advice.seeAlso"))} <span${quoted}>${seeAlso.map((c) => esc(c.title)).join("; ")}</span>.</p>`
      : "",
    `</aside>`,
  ].join("");
}

/** The topics the group did not assess: one line, not a page each. */
function unassessed(L: ReportWords, s: Summary): string {
  const rest = s.domains.filter(notAssessed);
  if (!rest.length) return "";
  const words = rest
    .map((d) => `${esc(L.num(d.number))}. ${esc(d.title)} (${esc(domainStatusWords(L, d.status))})`)
    .join(esc(L.t("sep.clause")));
  return `<p class="unassessed"><strong>${esc(L.t("unassessed"))}</strong> ${words}.</p>`;
}

/** The statistics' numbers (A, Cns, quartiles), for specialists: the body has them in words. */
function appendix(L: ReportWords, s: Summary): string {
  const rows = s.domains.flatMap((d) =>
    d.ratings.flatMap((r) =>
      r.latest
        ? [
            `<tr><td>${esc(L.num(d.number))}. ${esc(d.title)}${r.facility !== null ? ` — ${bidi(r.facility)}` : ""}</td>${statsNumbers(
              L,
              r.latest,
            )
              .map((c) => `<td class="n"${ltr(L)}>${esc(c)}</td>`)
              .join("")}</tr>`,
          ]
        : [],
    ),
  );
  if (!rows.length) return "";
  return (
    `<div class="appendix" role="region" aria-labelledby="appendix-h"><h2 id="appendix-h">${esc(L.t("numbers.heading"))}</h2>` +
    `<p class="muted">${esc(L.t("numbers.intro"))}</p>` +
    `<table class="stats-table"><thead><tr><th scope="col">${esc(L.t("overview.topic"))}</th>${statsNumberHeads(L)
      .map((h) => `<th scope="col" class="n">${esc(h)}</th>`)
      .join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The report's first page: the topics that need improvement, worst first, and every action item. */
function plan(L: ReportWords, s: Summary): string {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  const topics = s.plan.topics.map((t) => {
    const d = byId.get(t.domainId)!;
    return `<li><a href="#domain-${esc(t.domainId)}">${esc(L.num(t.number))}. ${esc(t.title)}</a> <span class="muted">— ${esc(improvementWords(L, d))}</span></li>`;
  });
  const cell = (v: string | null) => (v ? esc(v) : `<span class="muted">—</span>`);
  const actions = s.plan.actions.map(
    (a) =>
      `<tr><td>${esc(L.num(a.number))}. ${esc(a.title)}</td><td dir="auto">${esc(a.text)}</td><td dir="auto">${cell(a.owner)}</td><td class="due">${cell(a.due && L.date(a.due))}</td><td>${cell(a.priority && L.t(`priority.${a.priority}`))}</td></tr>`,
  );
  const heads = (["plan.topic", "plan.action", "plan.owner", "plan.due", "plan.priority"] as const)
    .map((k) => `<th scope="col">${esc(L.t(k))}</th>`)
    .join("");
  return [
    `<div class="plan" role="region" aria-labelledby="plan-h"><h2 id="plan-h">${esc(L.t("plan.heading"))}</h2>`,
    `<h3>${esc(L.t("plan.topics"))}</h3>`,
    topics.length ? `<ol class="plan-topics">${topics.join("")}</ol>` : `<p>${esc(L.t("plan.noTopics"))}</p>`,
    `<h3>${esc(L.t("plan.actions"))}</h3>`,
    actions.length
      ? `<table class="plan-actions"><thead><tr>${heads}</tr></thead><tbody>${actions.join("")}</tbody></table>`
      : `<p>${esc(L.t("plan.noActions"))}</p>`,
    `</div>`,
  ].join("\n");
}

function section(L: ReportWords, d: DomainSummary, toolkit: Toolkit | undefined, quoted: string): string {
  const id = esc(`domain-${d.id}`);
  return [
    `<section class="domain" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${esc(L.num(d.number))}. ${esc(d.title)}</h2>`,
    `<p class="status muted">${esc(L.t("section.status", { status: domainStatusWords(L, d.status) }))} ${esc(roundWords(L, d))} ${esc(questionWords(L, d))}</p>`,
    d.improvement.needed ? `<p class="needs"><strong>${esc(L.t("section.needs"))}</strong> ${esc(improvementWords(L, d))}.</p>` : "",
    ...d.ratings.map((r) => rating(L, d, r)),
    itemsTable(L, d),
    d.notes.trim() ? `<h3>${esc(L.t("section.notes"))}</h3>${text(d.notes)}` : "",
    d.actions.trim() ? `<h3>${esc(L.t("section.actions"))}</h3>${text(d.actions)}` : "",
    d.readNext && toolkit ? advice(L, d, toolkit, quoted) : "",
    d.readNext && !toolkit
      ? `<aside class="read-next"><h3>${esc(L.t("section.readNext"))}</h3><p>${esc(L.t("section.guidance", { what: d.readNext.guidance }))}</p><p>${esc(L.t("section.resources", { what: d.readNext.resources.join("; ") }))}</p></aside>`
      : "",
    `</section>`,
  ].join("\n");
}

/** The template's source as one citation: "Title, 2nd edition, Publisher". */
export const citation = (t: Summary["template"]): string =>
  `${t.source.title}${t.source.edition ? `, ${t.source.edition}` : ""}, ${t.source.publisher}`;

/**
 * The report in the words of `L` (English when not given). `s` is built from the template in the
 * report's language (core/summary/localize.ts), so its titles, items and labels are already that
 * language's; `translation` (the template's mark) adds the one plain "unofficial translation" line.
 */
export function toHtml(s: Summary, toolkit?: Toolkit, L: ReportWords = reportWords("en"), translation?: TranslationInfo): string {
  const t = s.template;
  // [label, value, the value is the session's own text (isolated in <bdi>)]
  const meta: [string, string, boolean?][] = [
    ...(s.session.facility ? [[L.t("meta.facility"), s.session.facility, true] as [string, string, boolean]] : []),
    [L.t("meta.date"), L.date(s.session.day)],
    [L.t("meta.template"), L.t("meta.templateValue", { title: t.title, id: t.id, version: t.version })],
    [L.t("meta.k"), L.t("meta.kValue", { k: s.session.k })],
    [L.t("meta.perspectives"), perspectivesWords(L, s)],
  ];
  // Guidance and resources are quoted in English in any other report: marked so (and read so).
  const quoted = L.lang === "en" || L.lang === PSEUDO ? "" : ' lang="en" dir="ltr"';
  // The source's own words (its title, publisher, credit) are English, as the toolkit is: isolated and
  // marked so in a report in another language, so an Arabic page neither reorders nor mispronounces them.
  const source = (text: string) => (quoted ? `<span${quoted}>${esc(text)}</span>` : esc(text));
  const unofficial = translation
    ? `<p class="unofficial">${esc(L.t("meta.unofficial", { credit: translation.credit }))} ${tHtml(L, "meta.original", { source: source(citation(t)) })}</p>`
    : "";
  return [
    `<!doctype html>`,
    `<html lang="${esc(L.lang)}" dir="${L.dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">`,
    `<title>${esc(L.t("doc.title", { title: s.session.title, day: L.date(s.session.day) }))}</title>`,
    `<style>${reportCss(L)}</style></head>`,
    `<body>`,
    `<header><p class="kicker">${esc(L.t("doc.kicker"))}</p><h1 dir="auto">${esc(s.session.title)}</h1>`,
    ...(unofficial ? [unofficial] : []),
    `<dl class="meta">${meta.map(([k, v, own]) => `<dt>${esc(k)}</dt><dd>${own ? bidi(v) : esc(v)}</dd>`).join("")}</dl></header>`,
    `<main>`,
    plan(L, s),
    `<div class="overview" role="region" aria-labelledby="overview-h"><h2 id="overview-h">${esc(L.t("overview.heading"))}</h2>`,
    `<p class="legend">${esc(L.t("overview.legend"))}</p>`,
    overview(L, s),
    `</div>`,
    ...s.domains.filter((d) => !notAssessed(d)).map((d) => section(L, d, toolkit, quoted)),
    unassessed(L, s),
    directoryHtml(L, s),
    appendix(L, s),
    `</main>`,
    // One short paragraph: the footer never breaks, so the less it takes, the less often it lands alone on a page.
    `<footer><p><span class="credit"${quoted}>${esc(t.source.credit)}</span> ${tHtml(L, "footer.source", { source: source(citation(t)) })}</p></footer>`,
    `</body></html>`,
    ``,
  ].join("\n");
}
