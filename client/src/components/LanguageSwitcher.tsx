/**
 * @module LanguageSwitcher
 * One tap to another language (issue 13): each language's own name as its own button, marked with
 * its `lang` so a screen reader pronounces it right, the current one `aria-current`. No menu to
 * open: a participant who cannot read the page's language still finds their own name for it.
 */
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "../../../core/languages";
import { t } from "../i18n";
import "./language-switcher.css";

export function LanguageSwitcher({
  current,
  onChoose,
  label,
}: {
  current: string;
  onChoose: (lang: Language) => void;
  /** The group's accessible name (default: "Language" in the page's language). */
  label?: string;
}) {
  return (
    <ul class="language-switcher" aria-label={label ?? t("language.label")}>
      {LANGUAGES.map((l) => (
        <li key={l}>
          <button
            type="button"
            class="language-switcher__button"
            lang={l}
            aria-current={l === current ? "true" : undefined}
            onClick={() => l !== current && onChoose(l)}
          >
            {LANGUAGE_NAMES[l]}
          </button>
        </li>
      ))}
    </ul>
  );
}
