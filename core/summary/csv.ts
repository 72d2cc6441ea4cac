/**
 * @module summary/csv
 * The summary as CSV: one row per domain, and on per-facility domains (AAAQ, domain 12) one row
 * per facility ("rating" rows); then one row per action item ("action" rows: the topic's columns,
 * the item's four, every other cell empty), in the plan's order (high priority and earliest due
 * first), so a spreadsheet filtered on `row` gives either table. RFC 4180: comma-separated, fields quoted when they hold a comma, a quote, CR or LF
 * (quotes doubled), CRLF line ends; preceded by a UTF-8 BOM so Excel opens it as UTF-8.
 *
 * Text cells that start with `=`, `+`, `-`, `@`, tab or CR get a leading apostrophe, so a
 * spreadsheet never runs a note as a formula (OWASP "CSV injection"). Numbers the summary itself
 * computes (e.g. agreement −0.25) are written as numbers and not touched.
 *
 * Columns (empty cell = not applicable, not recorded, or hidden below the reveal gate):
 *
 * | column | content |
 * | --- | --- |
 * | row | "rating" or "action" |
 * | domain_number | the template's domain number |
 * | domain_id | the template's domain id |
 * | domain_title | domain title |
 * | facility | facility name on per-facility domains, else empty |
 * | facility_roles | that facility's roles: "your facility", "under review", both separated by "; ", or empty |
 * | status | pending, voting, revealed, recorded or skipped |
 * | consensus | recorded consensus value (1..K); empty if not recorded, "no consensus reached" or "Service not available" |
 * | consensus_label | the value's scale label, "Service not available" (AAAQ's N/A), or "no consensus reached" |
 * | n_respondents_last_round | people who sent a ballot in the last round |
 * | shown | last round passed the reveal gate: yes / no (empty: no round) |
 * | n_valid | valid ratings in the last round (don't-know and not-available excluded) |
 * | dont_know | "don't know" answers in the last round |
 * | not_available | "service not available" answers (AAAQ) in the last round |
 * | count_1 … count_M | ratings per scale point; M = max(5, the template's largest K); empty beyond K |
 * | median | "4", or "3 to 4" when the median lies between two points |
 * | q1, q3 | Hyndman–Fan type 2 quartiles |
 * | agreement_a | van der Eijk's A, 3 decimals |
 * | cns | Tastle & Wierman consensus, 3 decimals |
 * | dissent | ratings two or more points from the median |
 * | suggested_status | insufficient, split, strong, consensus or none |
 * | rounds | number of closed rounds |
 * | change_last_round | total-variation distance of the last round to the previous shown round, 3 decimals |
 * | stable | change_last_round ≤ 0.15: yes / no |
 * | notes | the group's notes |
 * | actions | the group's action items |
 * | needs_improvement | the topic needs improvement: yes / no (the facilitator's mark, else the suggestion) |
 * | improvement_marked | the facilitator marked it: yes / no; empty when not marked (the suggestion stands) |
 * | guidance | the guidance section to read next (topics that need improvement; on AAAQ the facilities why) |
 * | resources | the resource categories to read next, separated by "; " |
 * | action, owner_role, due, priority | "action" rows: the item's words, its owner role, due day (YYYY-MM-DD), high/medium/low |
 */
import type { DomainSummary, RatingSummary, Summary } from "./schema";

type Cell = string | number | null;
type Row = { d: DomainSummary; r: RatingSummary };
type Action = Summary["plan"]["actions"][number];

export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

const yesNo = (b: boolean | null | undefined): Cell => (b === null || b === undefined ? null : b ? "yes" : "no");
const fixed = (x: number | null | undefined): Cell => (x === null || x === undefined ? null : Number(x.toFixed(3)));

function lastChange({ d, r }: Row) {
  const last = d.rounds[d.rounds.length - 1]?.ratings.find((x) => x.key === r.key);
  return last?.shown ? last : null;
}

/** The columns before and after the per-point counts, in order. */
const HEAD: [string, (row: Row) => Cell][] = [
  ["row", () => "rating"],
  ["domain_number", ({ d }) => d.number],
  ["domain_id", ({ d }) => d.id],
  ["domain_title", ({ d }) => d.title],
  ["facility", ({ r }) => r.facility],
  [
    "facility_roles",
    ({ r }) => (r.roles?.length ? r.roles.map((x) => (x === "yours" ? "your facility" : "under review")).join("; ") : null),
  ],
  ["status", ({ d }) => d.status],
  ["consensus", ({ r }) => r.consensus],
  [
    "consensus_label",
    ({ d, r }) =>
      d.recorded ? (r.notAvailable ? r.consensusLabel : r.consensus === null ? "no consensus reached" : r.consensusLabel) : null,
  ],
  ["n_respondents_last_round", ({ d }) => d.respondents],
  ["shown", ({ d, r }) => (d.rounds.length === 0 ? null : yesNo(r.latest !== null))],
  ["n_valid", ({ r }) => r.latest?.n ?? null],
  ["dont_know", ({ r }) => r.latest?.dontKnow ?? null],
  ["not_available", ({ r }) => r.latest?.notAvailable ?? null],
];

const TAIL: [string, (row: Row) => Cell][] = [
  [
    "median",
    ({ r }) => {
      const m = r.latest?.median;
      return m ? (m.low === m.high ? m.low : `${m.low} to ${m.high}`) : null;
    },
  ],
  ["q1", ({ r }) => r.latest?.q1 ?? null],
  ["q3", ({ r }) => r.latest?.q3 ?? null],
  ["agreement_a", ({ r }) => fixed(r.latest?.agreementA)],
  ["cns", ({ r }) => fixed(r.latest?.cns)],
  ["dissent", ({ r }) => r.latest?.dissent ?? null],
  ["suggested_status", ({ r }) => r.latest?.suggestedStatus ?? null],
  ["rounds", ({ d }) => d.rounds.length],
  ["change_last_round", (row) => fixed(lastChange(row)?.change)],
  ["stable", (row) => yesNo(lastChange(row)?.stable)],
  ["notes", ({ d }) => d.notes],
  ["actions", ({ d }) => d.actions],
  ["needs_improvement", ({ d }) => yesNo(d.improvement.needed)],
  ["improvement_marked", ({ d }) => yesNo(d.improvement.marked)],
  ["guidance", (row) => (guides(row) ? row.d.readNext!.guidance : null)],
  ["resources", (row) => (guides(row) ? row.d.readNext!.resources.join("; ") : null)],
];

/** The action rows' own columns, after the rating rows' last. */
const ACTION: [string, (a: Action) => Cell][] = [
  ["action", (a) => a.text],
  ["owner_role", (a) => a.owner],
  ["due", (a) => a.due],
  ["priority", (a) => a.priority],
];

/**
 * Whether a rating row carries the topic's "read next": the topic needs improvement, and this
 * rating is among the reasons, or no rating is (marked by the facilitator, or an item's "No").
 */
const guides = ({ d, r }: Row): boolean => d.readNext !== null && (r.weak || !d.ratings.some((x) => x.weak));

/** One CSV field: numbers as they are; text neutralised against formulas, then quoted if needed. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header, for callers that check a file's shape. */
export function csvColumns(summary: Summary): string[] {
  const M = Math.max(5, ...summary.domains.map((d) => d.scale.points.length));
  return [
    ...HEAD.map(([n]) => n),
    ...Array.from({ length: M }, (_, i) => `count_${i + 1}`),
    ...TAIL.map(([n]) => n),
    ...ACTION.map(([n]) => n),
  ];
}

const NO_RATING: RatingSummary = { key: "", facility: null, consensus: null, consensusLabel: null, latest: null, weak: false };

export function toCsv(summary: Summary): string {
  const M = csvColumns(summary).filter((c) => c.startsWith("count_")).length;
  const lines = [csvColumns(summary).map(csvField).join(",")];
  for (const d of summary.domains) {
    // A topic without a rating question (AAAQ with no facility listed) still gets its row: not assessed.
    for (const r of d.ratings.length > 0 ? d.ratings : [NO_RATING]) {
      const row = { d, r };
      const counts = Array.from({ length: M }, (_, i) => r.latest?.counts[i] ?? null);
      const cells = [...HEAD.map(([, get]) => get(row)), ...counts, ...TAIL.map(([, get]) => get(row)), ...ACTION.map(() => null)];
      lines.push(cells.map(csvField).join(","));
    }
  }
  const width = csvColumns(summary).length;
  for (const a of summary.plan.actions) {
    const cells: Cell[] = Array.from({ length: width - ACTION.length }, () => null);
    cells[0] = "action";
    cells[1] = a.number;
    cells[2] = a.domainId;
    cells[3] = a.title;
    lines.push([...cells, ...ACTION.map(([, get]) => get(a))].map(csvField).join(","));
  }
  return `${CSV_BOM + lines.join("\r\n")}\r\n`;
}
