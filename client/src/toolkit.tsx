/**
 * @module toolkit
 * The toolkit page (`/toolkit`, issue 11): anyone reads the toolkit's guidance, resources and
 * definitions by topic, with no session: the organizer preparing a workshop, a facilitator looking
 * something up. The text is the toolkit's own (data checked against the source by tests); the page
 * credits the source. Topics follow the template; resources that serve every topic come after them.
 */
import "./lib/zod-jitless";
import { TOOLKIT_TEMPLATE_ID, resourcesFor, type Toolkit } from "../../core/toolkit";
import type { Template } from "../../core/template";
import { LanguageSwitcher } from "./components/LanguageSwitcher";
import { lang, t } from "./i18n";
import { TOOLKIT_STRINGS } from "./i18n/pages/toolkit";
import { choosePersonalLanguage, mountPage, personalLanguage } from "./i18n/page";
import { catalogueTemplateUrl, useTemplate } from "./lib/useTemplate";
import { useToolkit } from "./lib/useToolkit";
import { GuidanceBlocks } from "./toolkit/GuidanceBlocks";
import { ResourceList } from "./toolkit/ResourceList";
import { UNTRANSLATED } from "./toolkit/untranslated";
import "./home.css";
import "./toolkit.css";

const topicAnchor = (domainId: string) => `topic-${domainId}`;

function Contents({ template, toolkit }: { template: Template; toolkit: Toolkit }) {
  const general = toolkit.resources.filter((c) => c.domainIds.length === 0);
  return (
    <>
      {lang === "en" ? null : <p class="hint">{t("toolkit.inEnglish")}</p>}
      <nav class="toolkit__contents" aria-labelledby="contents">
        <h2 id="contents">{t("toolkit.contents")}</h2>
        <ol>
          {template.domains.map((d) => (
            <li key={d.id}>
              <a href={`#${topicAnchor(d.id)}`}>{d.title}</a>
            </li>
          ))}
        </ol>
        <ul class="toolkit__more">
          {general.length ? (
            <li>
              <a href="#general-resources">{t("toolkit.generalResources")}</a>
            </li>
          ) : null}
          <li>
            <a href="#definitions">{t("toolkit.definitions")}</a>
          </li>
        </ul>
      </nav>
      {template.domains.map((d) => {
        const guidance = toolkit.guidance.find((g) => g.domainId === d.id);
        const resources = resourcesFor(toolkit, d.id);
        return (
          <section class="toolkit__topic" key={d.id} id={topicAnchor(d.id)} aria-labelledby={`${topicAnchor(d.id)}-h`}>
            <h2 id={`${topicAnchor(d.id)}-h`} lang={template.language}>
              {d.number}. {d.title}
            </h2>
            {guidance ? (
              <>
                <h3 {...UNTRANSLATED}>{guidance.title}</h3>
                <GuidanceBlocks blocks={guidance.blocks} headingLevel={4} />
              </>
            ) : (
              <p class="hint">{t("toolkit.noGuidance")}</p>
            )}
            {resources.map((c) => (
              <ResourceList key={c.id} category={c} headingLevel={3} />
            ))}
          </section>
        );
      })}
      {general.length ? (
        <section class="toolkit__topic" id="general-resources" aria-labelledby="general-resources-h">
          <h2 id="general-resources-h">{t("toolkit.generalResources")}</h2>
          {general.map((c) => (
            <ResourceList key={c.id} category={c} headingLevel={3} />
          ))}
        </section>
      ) : null}
      <section class="toolkit__topic" id="definitions" aria-labelledby="definitions-h">
        <h2 id="definitions-h">{t("toolkit.definitions")}</h2>
        <dl class="definitions">
          {toolkit.definitions.map((d) => (
            <div key={d.id} id={d.id} class="definitions__entry">
              <dt>
                {d.term}
                {d.aliases.length ? (
                  // The toolkit's own abbreviations and other names: English, like the guidance.
                  <span class="definitions__aliases" {...UNTRANSLATED}>
                    {" "}
                    ({d.aliases.join(", ")})
                  </span>
                ) : null}
              </dt>
              {d.text.map((p, i) => (
                <dd key={i}>{p}</dd>
              ))}
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

function ToolkitPage() {
  const { template, failed: templateFailed, retry: retryTemplate } = useTemplate(catalogueTemplateUrl(TOOLKIT_TEMPLATE_ID));
  const { toolkit, failed: toolkitFailed, retry: retryToolkit } = useToolkit(TOOLKIT_TEMPLATE_ID);
  const failed = templateFailed || toolkitFailed;
  return (
    <>
      <header class="site-header">
        <a class="site-header__name" href="/">
          {t("app.name")}
        </a>
        <p class="site-header__tagline">{t("app.tagline")}</p>
        <LanguageSwitcher current={lang} onChoose={choosePersonalLanguage} />
      </header>
      <main class="home toolkit" id="main">
        <h1>{t("toolkit.heading")}</h1>
        <p class="lead">{t("toolkit.intro")}</p>
        {template ? (
          <p class="toolkit__source">
            <bdi lang={template.language}>{template.source.credit}</bdi>{" "}
            {toolkit?.portal ? (
              <a href={toolkit.portal.url} rel="noopener noreferrer">
                {t("toolkit.portal", { title: toolkit.portal.title })}
              </a>
            ) : null}
          </p>
        ) : null}
        {failed ? (
          <div role="alert" class="stack">
            <p>{t("toolkit.failed")}</p>
            <button
              type="button"
              class="button"
              onClick={() => {
                retryTemplate();
                retryToolkit();
              }}
            >
              {t("common.tryAgain")}
            </button>
          </div>
        ) : template && toolkit ? (
          <Contents template={template} toolkit={toolkit} />
        ) : (
          <p role="status">{t("common.loading")}</p>
        )}
      </main>
      <footer class="site-footer">
        <p>{t("app.credit")}</p>
      </footer>
    </>
  );
}

mountPage(TOOLKIT_STRINGS, "toolkit.docTitle", personalLanguage(), () => <ToolkitPage />);
