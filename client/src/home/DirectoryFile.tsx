/**
 * @module home/DirectoryFile
 * "Start the directory from an earlier summary (JSON)" on the create form (issue 12): the file is
 * read here, in the browser (core/directory.ts `directoryFromSummaryFile`); of it, only its
 * community directory goes with the create request, where the Worker and the room validate it
 * again. Without a file, the session starts with the toolkit's tables and pre-filled rows.
 */
import { useRef, useState } from "preact/hooks";
import { type Directory, type DirectoryFileProblem, directoryFromSummaryFile, filledTables } from "../../../core/directory";
import { type MessageKey, t, tn } from "../i18n";

const PROBLEMS: Record<DirectoryFileProblem | "unreadable", MessageKey> = {
  "not-json": "home.directory.notJson",
  "not-summary": "home.directory.notSummary",
  "no-directory": "home.directory.none",
  invalid: "home.directory.invalid",
  unreadable: "home.directory.unreadable",
};

interface Props {
  directory: Directory | null;
  onChange: (directory: Directory | null) => void;
  /** A problem the server found with the directory sent. */
  error?: string | undefined;
}

export function DirectoryFile({ directory, onChange, error }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>("");
  const [file, setFile] = useState("");
  const shown = problem || error || "";

  const read = async (chosen: File) => {
    setProblem("");
    onChange(null);
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      return setProblem(t(PROBLEMS.unreadable));
    }
    const result = directoryFromSummaryFile(text);
    if (!result.ok) return setProblem(t(PROBLEMS[result.problem]));
    setFile(chosen.name);
    onChange(result.directory);
  };
  const clear = () => {
    onChange(null);
    setProblem("");
    if (input.current) input.current.value = "";
  };
  const rows = directory ? filledTables(directory).reduce((n, table) => n + table.rows.length, 0) : 0;
  const described = ["directory-file-hint", directory || shown ? "directory-file-status" : ""].filter(Boolean).join(" ");

  return (
    <div class="field">
      <label class="field-label" for="directory-file">
        {t("home.directory.label")}
      </label>
      <p class="hint" id="directory-file-hint">
        {t("home.directory.hint")}
      </p>
      <input
        ref={input}
        id="directory-file"
        class="file-input"
        type="file"
        accept="application/json,.json"
        aria-invalid={shown ? true : undefined}
        aria-describedby={described}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0];
          if (chosen) void read(chosen);
          else clear();
        }}
      />
      {shown ? (
        <p class="error" id="directory-file-status" role="alert">
          {shown}
        </p>
      ) : directory ? (
        <div class="directory-file__loaded">
          <p id="directory-file-status" role="status">
            {tn("home.directory.loaded", rows, { file })}
          </p>
          <button type="button" class="button button--small button--secondary" onClick={clear}>
            {t("home.directory.clear")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
