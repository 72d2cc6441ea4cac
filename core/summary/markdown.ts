/**
 * @module summary/markdown
 * The summary as Markdown (CommonMark + GFM tables): `# title`, a metadata list, `## Overview`
 * (a table), then `## <n>. <domain title>` per domain with its statistics in words, consensus,
 * rounds, item tallies, notes, action items and, for weak domains, what to read next.
 *
 * All text from the session (titles, facility names, notes) is escaped, so a note can't become a
 * heading, a link, a table cell break or raw HTML in a Markdown viewer.
 */
import { PSEUDO } from "../languages";
import { chosenGuidance, resourcesToPrint, type Toolkit } from "../toolkit";
import { directoryMarkdown } from "./directory";
import type { DomainSummary, Summary } from "./schema";
import type { TranslationInfo } from "../template";
import { citation } from "./html";
import { type ReportWords, reportWords } from "./i18n/index";
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

function overview(L: ReportWords, s: Summary): string[] {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  const w = (k: Parameters<ReportWords["t"]>[0]) => mdText(L.t(k), ONE);
  return [
    `## ${w("overview.heading")}`,
    "",
    mdRow([w("overview.no"), w("overview.topic"), w("overview.facility"), w("overview.value"), w("overview.from")]),
    mdRow(["---:", "---", "---", "---", "---"]),
    ...s.overview.map((o) =>
      mdRow([
        L.num(o.number),
        mdText(o.title, ONE),
        o.facility === null ? "" : mdText(`${o.facility}${roleWords(L, rolesOfFacility(byId.get(o.domainId), o.facility))}`, ONE),
        o.notAvailable
          ? mdText(byId.get(o.domainId)?.scale.notAvailableLabel ?? L.t("consensus.notAvailable"), ONE)
          : o.low === null
            ? mdText(noResultWords(byId.get(o.domainId), L), ONE)
            : mdText(L.t("overview.of", { value: overviewValue(L, o.low, o.high), max: o.scaleMax }), ONE),
        o.source === "consensus" ? w("overview.fromConsensus") : o.source === "median" ? w("overview.fromMedian") : "—",
      ]),
    ),
  ];
}

function ratingBlock(L: ReportWords, d: DomainSummary, r: DomainSummary["ratings"][number]): string[] {
  const out: string[] = [];
  if (r.facility !== null) out.push(`### ${mdText(`${r.facility}${roleWords(L, r.roles)}`, ONE)}`, "");
  out.push(`- ${mdText(L.t("rating.recordedMd", { value: consensusWords(L, d, r) }), ONE)}`);
  if (d.rounds.length > 0) {
    out.push(`- ${mdText(L.t("rating.lastMd", { words: r.latest ? statsWords(L, d.scale, r.latest) : L.t("hidden") }), ONE)}`);
    if (r.latest) {
      const dist = r.latest.counts
        .map((c, i) => L.t("rating.distributionItem", { value: i + 1, label: pointLabel(d.scale, i + 1), n: c }))
        .join(" · ");
      out.push(`- ${mdText(L.t("rating.distributionMd", { counts: dist }), ONE)}`);
    }
    for (const round of d.rounds) {
      const x = round.ratings.find((y) => y.key === r.key);
      const what = x?.shown
        ? L.t("rounds.mdShown", {
            median: x.stats.median ? overviewValue(L, x.stats.median.low, x.stats.median.high) : "—",
            n: x.stats.n,
          }) +
          (x.change !== null && x.changeFrom !== null
            ? `${L.t("sep.list")}${changeWords(x.change, x.changeFrom, x.stable === true, L)}`
            : "")
        : L.t(round.withheld ? "rounds.mdWithheld" : "rounds.mdHidden");
      out.push(`- ${mdText(L.tn("rounds.mdLine", round.respondents, { round: round.round, what }), ONE)}`);
    }
  }
  out.push("");
  return out;
}

/** The improvement plan first: the topics that need improvement, worst first, and every action item. */
function plan(L: ReportWords, s: Summary): string[] {
  const byId = new Map(s.domains.map((d) => [d.id, d]));
  const w = (k: Parameters<ReportWords["t"]>[0]) => mdText(L.t(k), ONE);
  const out = [`## ${w("plan.heading")}`, "", `**${w("plan.topics")}**`, ""];
  if (!s.plan.topics.length) out.push(w("plan.noTopics"));
  s.plan.topics.forEach((t, i) => {
    out.push(`${i + 1}. ${L.num(t.number)}. ${mdText(t.title, ONE)} — ${mdText(improvementWords(L, byId.get(t.domainId)!), ONE)}`);
  });
  out.push("", `**${w("plan.actions")}**`, "");
  if (!s.plan.actions.length) out.push(w("plan.noActions"));
  else {
    out.push(
      mdRow([w("plan.topic"), w("plan.action"), w("plan.owner"), w("plan.due"), w("plan.priority")]),
      mdRow(["---", "---", "---", "---", "---"]),
    );
    for (const a of s.plan.actions)
      out.push(
        mdRow([
          `${L.num(a.number)}. ${mdText(a.title, ONE)}`,
          mdText(a.text, ONE),
          mdText(a.owner ?? "—", ONE),
          a.due ? mdText(L.date(a.due), ONE) : "—",
          a.priority ? w(`priority.${a.priority}`) : "—",
        ]),
      );
  }
  out.push("");
  return out;
}

function domain(L: ReportWords, d: DomainSummary, toolkit: Toolkit | undefined): string[] {
  const status = `${L.t("section.status", { status: domainStatusWords(L, d.status) })} ${roundWords(L, d)}`;
  const out = [`## ${L.num(d.number)}. ${mdText(d.title, ONE)}`, "", mdText(status, ONE), ""];
  if (d.sourcePrompt) out.push(mdText(questionWords(L, d), ONE), "");
  if (d.improvement.needed) out.push(`**${mdText(L.t("section.needs"), ONE)}** ${mdText(improvementWords(L, d), ONE)}.`, "");
  for (const r of d.ratings) out.push(...ratingBlock(L, d, r));
  const shown = itemsToShow(d);
  if (shown) {
    const w = (k: Parameters<ReportWords["t"]>[0]) => mdText(L.t(k), ONE);
    out.push(
      `${mdText(itemsCaption(d, shown.round, L), ONE)}:`,
      "",
      mdRow([w("items.item"), w("items.yes"), w("items.no"), w("items.na")]),
      mdRow(["---", "---:", "---:", "---:"]),
    );
    for (const it of shown.items) {
      const text = it.stem ? `${it.stem} ${it.text}` : it.text;
      out.push(mdRow([mdText(text, ONE), L.num(it.yes), L.num(it.no), L.num(it.na)]));
    }
    out.push("");
  }
  if (d.notes.trim()) out.push(`**${mdText(L.t("section.notes"), ONE)}**`, "", mdText(d.notes, { block: true }), "");
  if (d.actions.trim()) out.push(`**${mdText(L.t("section.actions"), ONE)}**`, "", mdText(d.actions, { block: true }), "");
  if (d.readNext && toolkit) out.push(...advice(L, d, toolkit));
  else if (d.readNext) {
    out.push(`**${mdText(L.t("section.readNext"), ONE)}**`, "", `- ${mdText(L.t("section.guidance", { what: d.readNext.guidance }), ONE)}`);
    for (const r of d.readNext.resources) out.push(`- ${mdText(L.t("section.resources", { what: r }), ONE)}`);
    out.push("");
  }
  return out;
}

/** The toolkit's advice for a topic that needs improvement (see html.ts `advice`): chosen points, resources. */
function advice(L: ReportWords, d: DomainSummary, toolkit: Toolkit): string[] {
  const guidance = toolkit.guidance.find((g) => g.domainId === d.id);
  const { chosen, points } = chosenGuidance(toolkit, d.id, d.actions);
  const out = [`**${mdText(L.t("advice.heading"), ONE)}**`, ""];
  if (L.lang !== "en" && L.lang !== PSEUDO) out.push(mdText(L.t("advice.inEnglish"), ONE), "");
  if (guidance) {
    out.push(mdText(L.t(chosen ? "advice.chosen" : "advice.all"), ONE), "", `*${mdText(guidance.title, ONE)}*`, "");
    for (const p of points) {
      out.push(`- ${mdText(p.text, ONE)}`);
      for (const x of p.sub) out.push(`  - ${mdText(x.text, ONE)}`);
    }
    out.push("");
  }
  for (const c of resourcesToPrint(toolkit, d.id).categories) {
    out.push(`*${mdText(c.title, ONE)}*`, "");
    if (!c.entries.length) out.push(mdText(L.t("advice.empty"), ONE));
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
function unassessed(L: ReportWords, s: Summary): string[] {
  const rest = s.domains.filter(notAssessed);
  if (!rest.length) return [];
  const list = rest.map((d) => `${L.num(d.number)}. ${mdText(d.title, ONE)} (${mdText(domainStatusWords(L, d.status), ONE)})`);
  return [`**${mdText(L.t("unassessed"), ONE)}** ${list.join(mdText(L.t("sep.clause"), ONE))}.`, ""];
}

/** The statistics' numbers (A, Cns, quartiles), for specialists: the body has them in words. */
function appendix(L: ReportWords, s: Summary): string[] {
  const rows = s.domains.flatMap((d) =>
    d.ratings.flatMap((r) =>
      r.latest
        ? [
            mdRow([
              `${L.num(d.number)}. ${mdText(d.title, ONE)}${r.facility !== null ? ` — ${mdText(r.facility, ONE)}` : ""}`,
              ...statsNumbers(L, r.latest),
            ]),
          ]
        : [],
    ),
  );
  if (!rows.length) return [];
  const heads = statsNumberHeads(L).map((h) => mdText(h, ONE));
  return [
    `## ${mdText(L.t("numbers.heading"), ONE)}`,
    "",
    mdText(L.t("numbers.intro"), ONE),
    "",
    mdRow([mdText(L.t("overview.topic"), ONE), ...heads]),
    mdRow(["---", ...heads.map(() => "---:")]),
    ...rows,
    "",
  ];
}

/** The Markdown report in the words of `L` (English when not given); see html.ts `toHtml` for `translation`. */
export function toMarkdown(s: Summary, toolkit?: Toolkit, L: ReportWords = reportWords("en"), translation?: TranslationInfo): string {
  const t = s.template;
  const item = (label: string, value: string) => `- ${mdText(L.t("meta.item", { label, value }), ONE)}`;
  const lines = [
    `# ${mdText(s.session.title, ONE)}`,
    "",
    ...(translation
      ? [
          `> ${mdText(`${L.t("meta.unofficial", { credit: translation.credit })} ${L.t("meta.original", { source: citation(t) })}`, ONE)}`,
          "",
        ]
      : []),
    ...(s.session.facility ? [item(L.t("meta.facility"), s.session.facility)] : []),
    item(L.t("meta.date"), L.date(s.session.day)),
    item(L.t("meta.template"), L.t("meta.templateValue", { title: t.title, id: t.id, version: t.version })),
    `- ${mdText(L.t("meta.kMd", { k: s.session.k }), ONE)}`,
    item(L.t("meta.perspectives"), perspectivesWords(L, s)),
    "",
    ...plan(L, s),
    ...overview(L, s),
    "",
    ...s.domains.filter((d) => !notAssessed(d)).flatMap((d) => domain(L, d, toolkit)),
    ...unassessed(L, s),
    ...directoryMarkdown(L, s),
    ...appendix(L, s),
    "---",
    "",
    mdText(t.source.credit, { block: true }),
    "",
  ];
  return lines.join("\n");
}
