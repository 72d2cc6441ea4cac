/**
 * @module home/Field
 * A labelled text or number input with its hint and error tied to it (aria-describedby), so a
 * screen reader reads all three together.
 */
import { CharCount } from "../components/CharCount";
import { t } from "../i18n";

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "number";
  maxLength?: number;
  min?: number;
  max?: number;
  required?: boolean;
}

export function Field({ id, label, hint, error, value, onInput, type = "text", maxLength, min, max, required }: Props) {
  const counted = type === "text" && maxLength !== undefined;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : "", counted ? `${id}-count` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    class: type === "number" ? "input input--short" : "input",
    value,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
        {required ? <span class="required"> {t("common.required")}</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {type === "number" ? (
        <input type="number" inputMode="numeric" min={min} max={max} {...common} />
      ) : (
        <input type="text" dir="auto" maxLength={maxLength} {...common} />
      )}
      {counted ? <CharCount id={`${id}-count`} length={value.length} max={maxLength} /> : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
