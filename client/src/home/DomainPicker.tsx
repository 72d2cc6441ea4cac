/**
 * @module home/DomainPicker
 * Today's domains: all checked by default, in the template's order.
 */
import type { Template } from "../../../core/template";
import { t } from "../i18n";
import { Breakable } from "../components/Breakable";

interface Props {
  template: Template;
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  error?: string | undefined;
}

export function DomainPicker({ template, chosen, onChange, error }: Props) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset class="group" aria-describedby={error ? "domains-error" : undefined}>
      <legend>{t("home.domains.legend")}</legend>
      <div class="button-row">
        <button
          type="button"
          class="button button--small button--secondary"
          onClick={() => onChange(new Set(template.domains.map((d) => d.id)))}
        >
          {t("home.domains.all")}
        </button>
        <button type="button" class="button button--small button--secondary" onClick={() => onChange(new Set())}>
          {t("home.domains.none")}
        </button>
      </div>
      <ul class="checklist" lang={template.language}>
        {template.domains.map((d) => (
          <li key={d.id}>
            <label class="check">
              <input type="checkbox" checked={chosen.has(d.id)} onChange={(e) => toggle(d.id, e.currentTarget.checked)} />
              <span>
                {d.number}. <Breakable text={d.title} />
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p class="error" id="domains-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
