/**
 * @module home/Compare
 * "Compare assessments" (issues 5 and 12): the organizer loads up to twelve summary JSON files
 * (one file input that takes several, or a drop) and sees them as organizations side by side or
 * as one organization's trend over time. Everything happens in this browser: the files are read
 * with `File.text()`, validated with the versioned summary schema and compared by
 * `core/summary/compare`; nothing is uploaded, stored or sent anywhere. The summary schema and
 * the comparison (CompareLoad) are fetched from this site's own assets the first time a file is
 * chosen, not with the page. A file that can't join (not a summary, another assessment, one too
 * many) is refused on its own line of the list; the others stay.
 */
import { useRef, useState } from "preact/hooks";
import type { Summary } from "../../../core/summary/schema";
import { Choice } from "../components/Choice";
import { t, tn } from "../i18n";
import { CompareOrganizations } from "./CompareOrganizations";
import { CompareTrend } from "./CompareTrend";
import "./compare.css";

type Logic = typeof import("./CompareLoad");
let logicPromise: Promise<Logic> | null = null;
function loadLogic(): Promise<Logic> {
  logicPromise ??= import("./CompareLoad").catch((e: unknown) => {
    logicPromise = null; // let a later choice try again
    throw e;
  });
  return logicPromise;
}

/** Far above any real summary (a full 12-topic session is tens of kilobytes). */
const MAX_BYTES = 10 * 1024 * 1024;
/** Said in the hint before the comparison code is loaded; the rule itself is core's MAX_COMPARED. */
const MAX_FILES = 12;

type Entry =
  | { id: number; name: string; status: "loaded"; summary: Summary; organization: string; ignored: string[] }
  | { id: number; name: string; status: "error"; problem: string };

type Read = { name: string; summary: Summary; ignored: string[] } | { name: string; problem: string };

async function read(file: File): Promise<Read> {
  const name = file.name;
  if (file.size > MAX_BYTES) return { name, problem: t("compare.error.tooBig", { name }) };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { name, problem: t("compare.error.unreadable", { name }) };
  }
  let logic: Logic;
  try {
    logic = await loadLogic();
  } catch {
    return { name, problem: t("compare.error.loadFailed") };
  }
  const result = logic.readSummary(text);
  if (result.ok) return { name, summary: result.summary, ignored: result.ignored };
  const problem =
    result.reason === "version"
      ? t("compare.error.version", { name, found: result.found, expected: result.expected })
      : result.reason === "notJson"
        ? t("compare.error.notJson", { name })
        : t("compare.error.notSummary", { name });
  return { name, problem };
}

/** The files read, joined to the list in the order chosen: each admitted or refused on its own. */
function join(logic: Logic, entries: Entry[], reads: Read[], ids: number[]): Entry[] {
  const next = [...entries];
  for (const [i, r] of reads.entries()) {
    const id = ids[i]!;
    if ("problem" in r) {
      next.push({ id, name: r.name, status: "error", problem: r.problem });
      continue;
    }
    const loaded = next.flatMap((e) => (e.status === "loaded" ? [e.summary] : []));
    const admission = logic.admit(loaded, r.summary);
    if (admission.ok) {
      next.push({
        id,
        name: r.name,
        status: "loaded",
        summary: r.summary,
        organization: logic.organizationOf(r.summary),
        ignored: r.ignored,
      });
      continue;
    }
    const problem =
      admission.reason === "tooMany"
        ? t("compare.error.tooMany", { name: r.name, max: admission.max })
        : t("compare.error.template", { name: r.name, found: admission.found, expected: admission.expected });
    next.push({ id, name: r.name, status: "error", problem });
  }
  return next;
}

function FilePick({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: boolean }) {
  const [over, setOver] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a shortcut for the file input inside, which is the accessible way
    <div
      class={`compare__file${over ? " compare__file--over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length) onFiles(files);
      }}
    >
      <label class="field-label" for="compare-files">
        {t("compare.files.label")}
      </label>
      <p class="hint" id="compare-files-hint">
        {t("compare.file.hint", { max: MAX_FILES })}
      </p>
      <input
        id="compare-files"
        class="file-input"
        type="file"
        multiple
        accept="application/json,.json"
        aria-describedby="compare-files-hint"
        onChange={(e) => {
          const input = e.currentTarget;
          const files = [...(input.files ?? [])];
          // Empty again, so choosing the same file later (after removing it) counts as a choice.
          input.value = "";
          if (files.length) onFiles(files);
        }}
      />
      {busy ? <p class="hint">{t("compare.file.reading")}</p> : null}
    </div>
  );
}

function FileList({ entries, onRemove, onClear }: { entries: Entry[]; onRemove: (id: number) => void; onClear: () => void }) {
  if (!entries.length) return null;
  return (
    <div class="compare__list stack">
      <h3 id="compare-files-list">{t("compare.files.list")}</h3>
      <ul aria-labelledby="compare-files-list">
        {entries.map((e) => (
          <li key={e.id} class={`compare__entry${e.status === "error" ? " compare__entry--error" : ""}`}>
            <div class="compare__entry-text">
              <span class="compare__entry-name">{e.name}</span>
              {e.status === "loaded" ? (
                <>
                  <span class="compare__loaded">
                    {t("compare.file.loaded", { title: e.summary.session.title, day: e.summary.session.day, organization: e.organization })}
                  </span>
                  {e.ignored.length ? <span class="hint">{t("compare.file.ignored", { fields: e.ignored.join(", ") })}</span> : null}
                </>
              ) : (
                <span class="error">{e.problem}</span>
              )}
            </div>
            <button
              type="button"
              class="button button--secondary button--small"
              aria-label={t("compare.file.removeLabel", { name: e.name })}
              onClick={() => onRemove(e.id)}
            >
              {t("compare.file.remove")}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="button button--secondary button--small" onClick={onClear}>
        {t("compare.files.removeAll")}
      </button>
    </div>
  );
}

type View = "organizations" | "trend";

export function Compare() {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [reading, setReading] = useState(0);
  const [logic, setLogic] = useState<Logic | null>(null);
  const [view, setView] = useState<View>("organizations");
  const [organization, setOrganization] = useState<string | null>(null);
  const nextId = useRef(0);

  const add = async (files: File[]) => {
    const ids = files.map(() => ++nextId.current);
    setReading((n) => n + files.length);
    const reads = await Promise.all(files.map(read));
    let loaded: Logic | null = null;
    try {
      loaded = await loadLogic();
    } catch {
      /* each file already says the comparison could not be loaded */
    }
    setReading((n) => n - files.length);
    if (!loaded)
      return setEntries((prev) => [
        ...prev,
        ...reads.map((r, i) => ({
          id: ids[i]!,
          name: r.name,
          status: "error" as const,
          problem: "problem" in r ? r.problem : t("compare.error.loadFailed"),
        })),
      ]);
    setLogic(loaded);
    setEntries((prev) => join(loaded, prev, reads, ids));
  };

  const summaries = entries.flatMap((e) => (e.status === "loaded" ? [e.summary] : []));
  const refused = entries.length - summaries.length;
  const groups = logic && summaries.length ? logic.organizationGroups(summaries) : [];
  const chosen = groups.find((g) => g.key === organization) ?? groups[0];

  return (
    <section class="compare stack" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t("compare.heading")}</h2>
      <p>{t("compare.intro")}</p>
      <p class="notice compare__privacy">{t("compare.privacy")}</p>
      <FilePick onFiles={(files) => void add(files)} busy={reading > 0} />
      <FileList entries={entries} onRemove={(id) => setEntries((prev) => prev.filter((e) => e.id !== id))} onClear={() => setEntries([])} />
      {/* Always present, so its change of text is announced. */}
      <p class="hint compare__count" role="status">
        {summaries.length ? tn("compare.count", summaries.length, { max: MAX_FILES }) : t("compare.waiting")}
        {refused ? ` ${tn("compare.refused", refused)}` : ""}
      </p>
      {logic && summaries.length ? (
        <section class="compare__result stack" aria-label={t(view === "trend" ? "compare.view.trend" : "compare.view.organizations")}>
          <fieldset class="compare__views">
            <legend>{t("compare.view.legend")}</legend>
            <div class="choices compare__view-choices">
              <Choice
                name="compare-view"
                value="organizations"
                checked={view === "organizations"}
                onSelect={() => setView("organizations")}
              >
                {t("compare.view.organizations")}
              </Choice>
              <Choice name="compare-view" value="trend" checked={view === "trend"} onSelect={() => setView("trend")}>
                {t("compare.view.trend")}
              </Choice>
            </div>
          </fieldset>
          {view === "organizations" ? (
            <CompareOrganizations table={logic.sideBySide(summaries)} />
          ) : chosen ? (
            <CompareTrend trend={logic.trendOf(summaries, chosen.name)!} groups={groups} chosen={chosen.key} onChoose={setOrganization} />
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
