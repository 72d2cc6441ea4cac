/**
 * @module console/SessionLanguage
 * "Language of the session" (issue 13): the projector's, every console's and the report's default.
 * One tap sends the console's `language` command; the room re-sends its meta and every screen
 * follows. Phones are not told: each participant reads in their own language.
 */
import type { Language } from "../../../core/languages";
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { t } from "../i18n";
import type { RunCommand } from "./useFacilitator";

export function SessionLanguage({ current, run }: { current: Language; run: RunCommand }) {
  return (
    <>
      <p class="hint" id="session-language-hint">
        {t("console.language.hint")}
      </p>
      <LanguageSwitcher
        current={current}
        label={t("console.language.heading")}
        onChoose={(lang) => run({ op: "language", lang }, t("console.language.action"))}
      />
    </>
  );
}
