/**
 * @module console/Guidance
 * After a reveal, what the toolkit advises for the topic on screen (issue 11): the points linked to
 * the items the group answered "No" most come first, with the reason; the rest follow, folded. One
 * button turns a point into an action item: a line added to the topic's shared action items (the
 * doc), where co-facilitators see it and the summary takes it.
 */
import type * as Y from "yjs";
import type { Domain } from "../../../core/template";
import { parseActionItems } from "../../../core/action-items";
import { actionLine, pointChosen, type RankedPoint, rankGuidance, resourcesFor, type Toolkit } from "../../../core/toolkit";
import { lang, t, tn } from "../i18n";
import { GuidanceBlocks, PointText } from "../toolkit/GuidanceBlocks";
import { ResourceList } from "../toolkit/ResourceList";
import { UNTRANSLATED } from "../toolkit/untranslated";
import { appendActionLine, lineFits } from "./appendActionLine";
import { useYText } from "./useYText";

/** How many ranked points show before "all the guidance" is unfolded. */
const FIRST = 5;

interface Props {
  doc: Y.Doc;
  domain: Domain;
  toolkit: Toolkit;
  /** The latest shown round's item tallies (only items at or above k). */
  items: Readonly<Record<string, { yes: number; no: number; na: number }>>;
}

export function Guidance({ doc, domain, toolkit, items }: Props) {
  const actions = useYText(doc, `actions:${domain.id}`);
  const written = parseActionItems(actions);
  const ranked = rankGuidance(toolkit, domain.id, items);
  const guidance = toolkit.guidance.find((g) => g.domainId === domain.id);
  const resources = resourcesFor(toolkit, domain.id);
  const itemText = (id: string) => domain.items.find((i) => i.id === id)?.text ?? id;

  const addButton = (point: RankedPoint["point"]) => {
    const line = actionLine(point);
    const added = pointChosen(point, written);
    const full = !lineFits(actions, line);
    return (
      <button
        type="button"
        class="button button--small button--secondary guidance__add"
        disabled={added || full}
        aria-label={added ? t("console.guidance.added") : t("console.guidance.addLabel", { text: point.text.slice(0, 80) })}
        onClick={() => appendActionLine(doc, domain.id, line)}
      >
        {added ? t("console.guidance.added") : full ? t("console.guidance.full") : t("console.guidance.add")}
      </button>
    );
  };

  if (!guidance && !resources.length) return <p class="hint">{t("console.guidance.none")}</p>;
  const first = ranked.slice(0, FIRST);
  return (
    <div class="stack guidance-panel">
      {lang === "en" ? null : <p class="hint">{t("toolkit.inEnglish")}</p>}
      <p class="hint">{first.some((r) => r.noItems.length) ? t("console.guidance.orderNo") : t("console.guidance.order")}</p>
      <ol class="guidance__ranked">
        {first.map(({ point, noItems }) => (
          <li key={point.id}>
            <PointText point={point} block />
            {noItems.length ? (
              <p class="guidance__why">
                {noItems
                  .slice(0, 2)
                  .map((n) => t("console.guidance.because", { pct: Math.round(n.noShare * 100), item: itemText(n.itemId) }))
                  .join(" ")}
              </p>
            ) : null}
            {addButton(point)}
          </li>
        ))}
      </ol>
      {guidance ? (
        <details class="guidance__all">
          <summary>{tn("console.guidance.all", ranked.length)}</summary>
          <h3 {...UNTRANSLATED}>{guidance.title}</h3>
          <GuidanceBlocks blocks={guidance.blocks} headingLevel={4} action={addButton} />
        </details>
      ) : null}
      {resources.length ? (
        <details class="guidance__all">
          <summary>
            {tn(
              "console.guidance.resources",
              resources.reduce((n, c) => n + c.entries.length, 0),
            )}
          </summary>
          {resources.map((c) => (
            <ResourceList key={c.id} category={c} headingLevel={4} />
          ))}
        </details>
      ) : null}
      <p>
        <a href={`/toolkit#topic-${domain.id}`} target="_blank" rel="noopener">
          {t("console.guidance.page")}
          <span class="sr-only"> {t("toolkit.newTab")}</span>
        </a>
      </p>
    </div>
  );
}
