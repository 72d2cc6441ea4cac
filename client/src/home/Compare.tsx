/**
 * @module home/Compare
 * "Comparison over time" (issue 5): the organizer picks an earlier and a later summary JSON
 * (a file input each, or drops a file on it) and sees per topic how the recorded consensus and
 * the distribution moved. Everything happens in this browser: the files are read with
 * `File.text()`, validated with the versioned summary schema and compared by
 * `core/summary/compare`; nothing is uploaded, stored or sent anywhere. The summary schema and
 * the comparison (CompareLoad, about 5 KB gzipped with the session and protocol schemas it needs)
 * are fetched from this site's own assets the first time a file is chosen, not with the page.
 */
import { useRef, useState } from "preact/hooks";
import type { Comparison } from "../../../core/summary/compare";
import type { Summary } from "../../../core/summary/schema";
import { t, tn } from "../i18n";
import { CompareTable } from "./CompareTable";
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

type SideState =
  | { status: "empty" }
  | { status: "reading"; name: string }
  | { status: "loaded"; name: string; summary: Summary }
  | { status: "error"; name: string; message: string };

type Which = "earlier" | "later";

async function read(file: File): Promise<SideState> {
  const name = file.name;
  if (file.size > MAX_BYTES) return { status: "error", name, message: t("compare.error.tooBig", { name }) };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { status: "error", name, message: t("compare.error.unreadable", { name }) };
  }
  let logic: Logic;
  try {
    logic = await loadLogic();
  } catch {
    return { status: "error", name, message: t("compare.error.loadFailed") };
  }
  const result = logic.readSummary(text);
  if (result.ok) return { status: "loaded", name, summary: result.summary };
  const message =
    result.reason === "version"
      ? t("compare.error.version", { name, found: result.found, expected: result.expected })
      : result.reason === "notJson"
        ? t("compare.error.notJson", { name })
        : t("compare.error.notSummary", { name });
  return { status: "error", name, message };
}

function FilePick({ which, state, onFile }: { which: Which; state: SideState; onFile: (file: File) => void }) {
  const id = `compare-${which}`;
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const error = state.status === "error";
  const described = [`${id}-hint`, state.status === "empty" ? "" : `${id}-status`].filter(Boolean).join(" ");

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = e.dataTransfer?.files;
    const file = files?.[0];
    if (!file || !files) return;
    // Show the dropped file's name in the input too, where the browser allows it.
    try {
      if (input.current) input.current.files = files;
    } catch {
      /* older browsers: the status line below still names the file */
    }
    onFile(file);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a shortcut for the file input inside, which is the accessible way
    <div
      class={`compare__file${over ? " compare__file--over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label class="field-label" for={id}>
        {t(which === "earlier" ? "compare.earlier.label" : "compare.later.label")}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {t("compare.file.hint")}
      </p>
      <input
        ref={input}
        id={id}
        class="compare__input"
        type="file"
        accept="application/json,.json"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
        }}
      />
      {state.status === "reading" ? (
        <p class="hint" id={`${id}-status`}>
          {t("compare.file.reading")}
        </p>
      ) : state.status === "loaded" ? (
        <p class="compare__loaded" id={`${id}-status`}>
          {t("compare.file.loaded", { title: state.summary.session.title, day: state.summary.session.day })}
        </p>
      ) : state.status === "error" ? (
        <p class="error" id={`${id}-status`} role="alert">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function Result({ earlier, later, comparison }: { earlier: Summary; later: Summary; comparison: Comparison }) {
  const e = comparison.earlier;
  const l = comparison.later;
  return (
    <section class="compare__result stack" aria-labelledby="compare-result-heading">
      <h3 id="compare-result-heading">
        {t("compare.result.heading", { earlier: e.title, earlierDay: e.day, later: l.title, laterDay: l.day })}
      </h3>
      {comparison.templateDiffers ? (
        <p class="notice notice--warn">{t("compare.templateDiffers", { earlier: earlier.template.title, later: later.template.title })}</p>
      ) : null}
      {e.day > l.day ? <p class="notice notice--warn">{t("compare.order", { earlier: e.day, later: l.day })}</p> : null}
      <CompareTable comparison={comparison} earlier={earlier} later={later} />
    </section>
  );
}

export function Compare() {
  const [sides, setSides] = useState<Record<Which, SideState>>({ earlier: { status: "empty" }, later: { status: "empty" } });
  const [logic, setLogic] = useState<Logic | null>(null);
  // The newest choice per side wins, however long an older file takes to read.
  const latest = useRef<Record<Which, number>>({ earlier: 0, later: 0 });

  const choose = (which: Which) => async (file: File) => {
    const ticket = ++latest.current[which];
    setSides((s) => ({ ...s, [which]: { status: "reading", name: file.name } }));
    const next = await read(file);
    if (next.status === "loaded") setLogic(await loadLogic());
    if (latest.current[which] === ticket) setSides((s) => ({ ...s, [which]: next }));
  };

  const { earlier, later } = sides;
  const both =
    earlier.status === "loaded" && later.status === "loaded" && logic
      ? { earlier: earlier.summary, later: later.summary, comparison: logic.compareSummaries(earlier.summary, later.summary) }
      : null;
  return (
    <section class="compare stack" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t("compare.heading")}</h2>
      <p>{t("compare.intro")}</p>
      <p class="notice compare__privacy">{t("compare.privacy")}</p>
      <div class="compare__files">
        <FilePick which="earlier" state={earlier} onFile={choose("earlier")} />
        <FilePick which="later" state={later} onFile={choose("later")} />
      </div>
      {/* Always present, so its change of text is announced. */}
      <p class="hint" role="status">
        {both ? tn("compare.result.ready", both.comparison.rows.length) : t("compare.waiting")}
      </p>
      {both ? <Result {...both} /> : null}
    </section>
  );
}
