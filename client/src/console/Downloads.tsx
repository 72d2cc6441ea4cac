/**
 * @module console/Downloads
 * The consensus summary (docs/design.md §5) in each format, fetched with the key, and deleting the
 * session afterwards (§3.8) — the organizer's last step, asked twice. The code that fetches and
 * names the files is fetched on the first click, not with the console (lib/lazy.ts says why).
 */
import { useState } from "preact/hooks";
import { type Language, LANGUAGE_NAMES, LANGUAGES, isLanguage } from "../../../core/languages";
import { t } from "../i18n";
import type { SummaryFormat } from "../../../core/summary/formats";
import { ApiFailure } from "../lib/http";

/** Every format (core/summary/formats.ts), the printable report first: it is what most organizers want. */
const OFFERED = ["html", "md", "csv", "json", "directory-csv"] as const satisfies readonly SummaryFormat[];
/** How the status line names a format: its extension, or what the file holds when it is only a part. */
const formatName = (format: SummaryFormat): string =>
  format === "directory-csv" ? t("console.summary.directoryName") : format.toUpperCase();
/** A format added to core/summary/formats.ts and not offered here does not compile. */
const offersEveryFormat: Exclude<SummaryFormat, (typeof OFFERED)[number]> extends never ? true : never = true;
void offersEveryFormat;

interface Props {
  roomId: string;
  facilitatorKey: string;
  title: string;
  day: string;
  /** The session's language (the doc's meta; absent from rooms made before it: English), the report's default. */
  sessionLang?: Language;
  onDeleted: () => void;
}

function problem(err: unknown): string {
  if (err instanceof ApiFailure) {
    if (err.status === 401 || err.status === 403) return t("console.summary.forbidden");
    if (err.status === 404) return t("console.summary.notFound");
    if (err.status === 0) return t("common.networkError");
  }
  return t("console.summary.failed");
}

export function Downloads({ roomId, facilitatorKey, title, day, sessionLang, onDeleted }: Props) {
  const [status, setStatus] = useState<string>("");
  const [confirming, setConfirming] = useState(false);
  // Null until the facilitator picks one: until then the report follows the session's language, also when the console changes it.
  const [picked, setPicked] = useState<Language | null>(null);
  const reportLang = picked ?? sessionLang ?? "en";

  const download = async (format: SummaryFormat) => {
    setStatus(t("console.summary.preparing", { format: formatName(format) }));
    try {
      const [{ downloadWithKey }, { summaryFileName }] = await Promise.all([
        import("../lib/download"),
        import("../../../core/summary/formats"),
      ]);
      // CSV and JSON are the same in every language; the Worker ignores `lang` for them.
      const url = `/api/rooms/${roomId}/summary?format=${format}&lang=${reportLang}`;
      await downloadWithKey(url, facilitatorKey, summaryFileName(title, day, format));
      setStatus(t("console.summary.done", { format: formatName(format) }));
    } catch (err) {
      setStatus(problem(err));
    }
  };

  const remove = async () => {
    setConfirming(false);
    try {
      const res = await fetch(`/api/rooms/${roomId}`, { method: "DELETE", headers: { authorization: `Bearer ${facilitatorKey}` } });
      if (res.status !== 204) throw new ApiFailure(res.status, res.statusText);
      setStatus(t("console.delete.done"));
      onDeleted();
    } catch (err) {
      setStatus(problem(err));
    }
  };

  return (
    <div class="stack">
      <p class="hint">{t("console.summary.hint")}</p>
      <div class="field">
        <label class="field-label" for="report-lang">
          {t("console.summary.lang")}
        </label>
        <select
          id="report-lang"
          class="select"
          value={reportLang}
          aria-describedby="report-lang-hint"
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isLanguage(v)) setPicked(v);
          }}
        >
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        <p class="hint" id="report-lang-hint">
          {t("console.summary.langHint")}
        </p>
      </div>
      <div class="button-row">
        {OFFERED.map((format) => (
          <button key={format} type="button" class="button button--small button--secondary" onClick={() => void download(format)}>
            {t(`console.summary.${format}` as const)}
          </button>
        ))}
      </div>
      <p class="status-line" role="status">
        {status}
      </p>
      {confirming ? (
        <fieldset class="confirm" aria-labelledby="delete-confirm">
          <p id="delete-confirm">{t("console.delete.confirm")}</p>
          <button type="button" class="button button--danger" onClick={() => void remove()}>
            {t("console.delete.yes")}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </fieldset>
      ) : (
        <button type="button" class="button button--danger button--small" onClick={() => setConfirming(true)}>
          {t("console.delete.button")}
        </button>
      )}
    </div>
  );
}
