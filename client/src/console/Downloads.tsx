/**
 * @module console/Downloads
 * The consensus summary (docs/design.md §5) in each format, fetched with the key, and deleting the
 * session afterwards (§3.8) — the organizer's last step, asked twice.
 */
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { downloadWithKey, slug } from "../lib/download";
import { ApiFailure } from "../lib/http";

const FORMATS = [
  { format: "html", ext: "html" },
  { format: "md", ext: "md" },
  { format: "csv", ext: "csv" },
  { format: "json", ext: "json" },
] as const;

interface Props {
  roomId: string;
  facilitatorKey: string;
  title: string;
  day: string;
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

export function Downloads({ roomId, facilitatorKey, title, day, onDeleted }: Props) {
  const [status, setStatus] = useState<string>("");
  const [confirming, setConfirming] = useState(false);

  const download = async (format: string, ext: string) => {
    setStatus(t("console.summary.preparing", { format: format.toUpperCase() }));
    try {
      await downloadWithKey(`/api/rooms/${roomId}/summary?format=${format}`, facilitatorKey, `candor-${slug(title)}-${day}.${ext}`);
      setStatus(t("console.summary.done", { format: format.toUpperCase() }));
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
      <div class="button-row">
        {FORMATS.map(({ format, ext }) => (
          <button key={format} type="button" class="button button--small button--secondary" onClick={() => void download(format, ext)}>
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
