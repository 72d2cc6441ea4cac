/**
 * @module toolkit/ResourceList
 * A category of the toolkit's resources: its introduction and entries, each with its link (opened
 * without sending this page as referrer), authors and "accessed on" as the toolkit gives them. An
 * empty category says so; nothing is made up to fill it.
 */
import type { ResourceCategory } from "../../../core/toolkit";
import { t } from "../i18n";
import "./toolkit-text.css";
import { UNTRANSLATED } from "./untranslated";

export function ResourceList({ category, headingLevel }: { category: ResourceCategory; headingLevel: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <section class="resources" aria-labelledby={category.id}>
      <Heading id={category.id} {...UNTRANSLATED}>
        {category.title}
      </Heading>
      {category.intro.map((p, i) => (
        <p key={i} {...UNTRANSLATED}>
          {p}
        </p>
      ))}
      {category.empty ? (
        <p class="hint">{t("toolkit.noResources")}</p>
      ) : (
        <ul class="resources__list">
          {category.entries.map((e) => (
            <li key={e.id} id={e.id}>
              {e.url ? (
                <a href={e.url} rel="noopener noreferrer" target="_blank">
                  <span {...UNTRANSLATED}>{e.title}</span>
                  <span class="sr-only"> {t("toolkit.newTab")}</span>
                </a>
              ) : (
                <span {...UNTRANSLATED}>{e.title}</span>
              )}
              {e.by ? (
                <span class="resources__by" {...UNTRANSLATED}>
                  {" "}
                  {e.by}
                </span>
              ) : null}
              {e.note ? (
                <span class="resources__note" {...UNTRANSLATED}>
                  {" "}
                  {e.note}
                </span>
              ) : null}
              {e.accessed ? (
                <span class="resources__accessed" {...UNTRANSLATED}>
                  {" "}
                  {e.accessed}
                </span>
              ) : null}
              {e.url ? <span class="resources__url mono">{e.url}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
