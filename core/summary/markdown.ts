/**
 * @module summary/markdown
 * The summary as Markdown (CommonMark + GFM tables): `# title`, a metadata list, `## Overview`
 * (a table), then `## <n>. <domain title>` per domain with its statistics in words, consensus,
 * rounds, item tallies, notes, action items and, for weak domains, what to read next.
 *
 * All text from the session (titles, facility names, notes) is escaped, so a note can't become a
 * heading, a link, a table cell break or raw HTML in a Markdown viewer.
 */
import { chosenGuidance, resourcesToPrint, type Toolkit } from "../toolkit";
import { directoryMarkdown } from "./directory";
import type { DomainSummary, Summary } from "./schema";
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
  pointLabel,
  questionWords,
  roundWords,
  statsWords,
} from "./words";

/**
 * Escapes inline Markdown and HTML; newlines become hard breaks (spaces with `oneLine`: headings, list items, table cells).
 * Lines that begin a Markdown line (every line after the first, and the first with `block`) also
 * lose their block markers: a heading `#`, list `-`/`+`/`1.`, or a setext `=` underline.
 */
export function mdText(text: string, { oneLine = false, block = false } = {}): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line, i) => {
      const inline = line.replace(/[\\`*_[\]<>|~]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : `\\${c}`));
      if (i === 0 && !block) return inline;
      return inline.replace(/^(\s*)([-+=#])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
    });
  return oneLine ? lines.join(" ") : lines.join("  \n");
}

const ONE = { oneLine: true };

/** One line of a Markdown table, its cells already escaped. */
export function mdRow(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function overview(s: Summary): string[] {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  return [
    "## Overview",
    "",
    mdRow(["No.", "Topic", "Facility", "Value", "From"]),
    mdRow(["---:", "---", "---", "---", "---"]),
    ...s.overview.map((o) =>
      mdRow([
        String(o.number),
        mdText(o.title, ONE),
        o.facility === null ? "" : mdText(`${o.facility}${roleWords(rolesOfFacility(byId.get(o.domainId), o.facility))}`, ONE),
        o.notAvailable
          ? mdText(byId.get(o.domainId)?.scale.notAvailableLabel ?? "not available", ONE)
          : o.low === null
            ? mdText(noResultWords(byId.get(o.domainId)), ONE)
            : `${overviewValue(o.low, o.high)} of ${o.scaleMax}`,
        o.source === "consensus" ? "recorded consensus" : o.source === "median" ? "median of last round" : "—",
      ]),
    ),
  ];
}

function ratingBlock(d: DomainSummary, r: DomainSummary["ratings"][number]): string[] {
  const out: string[] = [];
  if (r.facility !== null) out.push(`### ${mdText(`${r.facility}${roleWords(r.roles)}`, ONE)}`, "");
  out.push(`- Recorded consensus: ${mdText(consensusWords(d, r), ONE)}`);
  if (d.rounds.length > 0) {
    out.push(`- Last round: ${r.latest ? mdText(statsWords(d.scale, r.latest), ONE) : HIDDEN_WORDS}`);
    if (r.latest) {
      const dist = r.latest.counts.map((c, i) => `${i + 1} ${mdText(pointLabel(d.scale, i + 1), ONE)}: ${c}`).join(" · ");
      out.push(`- Distribution: ${dist}`);
    }
    for (const round of d.rounds) {
      const x = round.ratings.find((y) => y.key === r.key);
      const what = x?.shown
        ? `median ${x.stats.median ? overviewValue(x.stats.median.low, x.stats.median.high) : "—"}, n = ${x.stats.n}` +
          (x.change !== null && x.changeFrom !== null ? `, ${changeWords(x.change, x.changeFrom, x.stable === true)}` : "")
        : round.withheld
          ? "withheld (a re-vote that fewer than k of the earlier round's voters left: it would single them out)"
          : "hidden (below the reveal gate)";
      out.push(`- Round ${round.round}: ${round.respondents} respondents; ${what}`);
    }
  }
  out.push("");
  return out;
}

/** The improvement plan first: the topics that need improvement, worst first, and every action item. */
function plan(s: Summary): string[] {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  const out = ["## Improvement plan", "", "**Topics that need improvement**", ""];
  if (!s.plan.topics.length) out.push("No topic was found or marked as needing improvement.");
  s.plan.topics.forEach((t, i) => {
    out.push(`${i + 1}. ${t.number}. ${mdText(t.title, ONE)} — ${mdText(improvementWords(byId.get(t.domainId)!), ONE)}`);
  });
  out.push("", "**Action items**", "");
  if (!s.plan.actions.length) out.push("No action items were written.");
  else {
    out.push(mdRow(["Topic", "Action", "Owner (role)", "Due", "Priority"]), mdRow(["---", "---", "---", "---", "---"]));
    for (const a of s.plan.actions)
      out.push(
        mdRow([`${a.number}. ${mdText(a.title, ONE)}`, mdText(a.text, ONE), mdText(a.owner ?? "—", ONE), a.due ?? "—", a.priority ?? "—"]),
      );
  }
  out.push("");
  return out;
}

function domain(d: DomainSummary, toolkit: Toolkit | undefined): string[] {
  const out = [`## ${d.number}. ${mdText(d.title, ONE)}`, "", `Status: ${DOMAIN_STATUS_WORDS[d.status]}. ${roundWords(d)}`, ""];
  if (d.sourcePrompt) out.push(mdText(questionWords(d), ONE), "");
  if (d.improvement.needed) out.push(`**Needs improvement:** ${mdText(improvementWords(d), ONE)}.`, "");
  for (const r of d.ratings) out.push(...ratingBlock(d, r));
  const shown = itemsToShow(d);
  if (shown) {
    out.push(`${itemsCaption(d, shown.round)}:`, "", mdRow(["Item", "Yes", "No", "N/A"]), mdRow(["---", "---:", "---:", "---:"]));
    for (const it of shown.items) {
      const text = it.stem ? `${it.stem} ${it.text}` : it.text;
      out.push(mdRow([mdText(text, ONE), String(it.yes), String(it.no), String(it.na)]));
    }
    out.push("");
  }
  if (d.notes.trim()) out.push("**Notes**", "", mdText(d.notes, { block: true }), "");
  if (d.actions.trim()) out.push("**Action items**", "", mdText(d.actions, { block: true }), "");
  if (d.readNext && toolkit) out.push(...advice(d, toolkit));
  else if (d.readNext) {
    out.push("**Read next**", "", `- Guidance: ${mdText(d.readNext.guidance, ONE)}`);
    for (const r of d.readNext.resources) out.push(`- Resources: ${mdText(r, ONE)}`);
    out.push("");
  }
  return out;
}

/** The toolkit's advice for a topic that needs improvement (see html.ts `advice`): chosen points, resources. */
function advice(d: DomainSummary, toolkit: Toolkit): string[] {
  const guidance = toolkit.guidance.find((g) => g.domainId === d.id);
  const { chosen, points } = chosenGuidance(toolkit, d.id, d.actions);
  const out = [`**${ADVICE_WORDS.heading}**`, ""];
  if (guidance) {
    out.push(chosen ? ADVICE_WORDS.chosen : ADVICE_WORDS.all, "", `*${mdText(guidance.title, ONE)}*`, "");
    for (const p of points) {
      out.push(`- ${mdText(p.text, ONE)}`);
      for (const x of p.sub) out.push(`  - ${mdText(x.text, ONE)}`);
    }
    out.push("");
  }
  for (const c of resourcesToPrint(toolkit, d.id).categories) {
    out.push(`*${mdText(c.title, ONE)}*`, "");
    if (!c.entries.length) out.push(ADVICE_WORDS.empty);
    for (const e of c.entries) {
      const title = mdText(e.title, ONE);
      const by = e.by ? ` ${mdText(e.by, ONE)}` : "";
      const accessed = e.accessed ? ` ${mdText(e.accessed, ONE)}` : "";
      out.push(`- ${e.url ? `[${title}](<${e.url}>)` : title}${by}${accessed}`);
    }
    out.push("");
  }
  return out;
}

/** The topics the group did not assess: one line, not a section each. */
function unassessed(s: Summary): string[] {
  const rest = s.domains.filter(notAssessed);
  if (!rest.length) return [];
  return [
    `**Not assessed in this session:** ${rest.map((d) => `${d.number}. ${mdText(d.title, ONE)} (${DOMAIN_STATUS_WORDS[d.status]})`).join("; ")}.`,
    "",
  ];
}

/** The statistics' numbers (A, Cns, quartiles), for specialists: the body has them in words. */
function appendix(s: Summary): string[] {
  const rows = s.domains.flatMap((d) =>
    d.ratings.flatMap((r) =>
      r.latest
        ? [
            mdRow([
              `${d.number}. ${mdText(d.title, ONE)}${r.facility !== null ? ` — ${mdText(r.facility, ONE)}` : ""}`,
              ...statsNumbers(r.latest),
            ]),
          ]
        : [],
    ),
  );
  if (!rows.length) return [];
  return [
    "## Appendix: the statistics as numbers",
    "",
    "Last shown round of each rating. Agreement A (van der Eijk) and consensus Cns (Tastle and Wierman) run from −1 or 0 to 1; Q1 and Q3 bound the middle half of the ratings.",
    "",
    mdRow(["Topic", ...STATS_NUMBER_HEADS]),
    mdRow(["---", ...STATS_NUMBER_HEADS.map(() => "---:")]),
    ...rows,
    "",
  ];
}

export function toMarkdown(s: Summary, toolkit?: Toolkit): string {
  const t = s.template;
  const lines = [
    `# ${mdText(s.session.title, ONE)}`,
    "",
    ...(s.session.facility ? [`- Facility under review: ${mdText(s.session.facility, ONE)}`] : []),
    `- Date: ${s.session.day}`,
    `- Template: ${mdText(t.title, ONE)} (${mdText(t.id, ONE)}, version ${mdText(t.version, ONE)})`,
    `- Anonymity threshold k: ${s.session.k} (results are shown only with at least ${s.session.k} valid ratings)`,
    `- Perspectives present: ${mdText(perspectivesWords(s), ONE)}`,
    "",
    ...plan(s),
    ...overview(s),
    "",
    ...s.domains.filter((d) => !notAssessed(d)).flatMap((d) => domain(d, toolkit)),
    ...unassessed(s),
    ...directoryMarkdown(s),
    ...appendix(s),
    "---",
    "",
    mdText(t.source.credit, { block: true }),
    "",
  ];
  return lines.join("\n");
}
