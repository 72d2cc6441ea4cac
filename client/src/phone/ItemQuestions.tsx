/**
 * @module phone/ItemQuestions
 * The domain's Yes / No / N-A items. Follow-ups whose gate was not answered as required are not
 * shown (`visibleItems`), so nobody is asked about a protocol the facility doesn't have. Items
 * that share a stem ("Have staff received training on:") sit in one outer fieldset whose legend
 * is the stem, so each item's legend makes sense when read on its own by a screen reader. The
 * toolkit's terse terms in them ("HT/E") are buttons that explain them (components/TermText).
 */
import type { Answer } from "../../../core/protocol";
import { type Domain, type Item, visibleItems } from "../../../core/template";
import { Choice } from "../components/Choice";
import { TermText } from "../components/TermText";
import { t } from "../i18n";

interface Props {
  domain: Domain;
  answers: Readonly<Record<string, Answer>>;
  onAnswer: (itemId: string, answer: Answer) => void;
}

const ANSWERS: readonly Answer[] = ["yes", "no", "na"];

function ItemQuestion({ item, answer, onAnswer }: { item: Item; answer: Answer | undefined; onAnswer: Props["onAnswer"] }) {
  return (
    <fieldset class="group item">
      <legend class="item__text">
        <TermText text={item.text} />
      </legend>
      <div class="choices choices--row">
        {ANSWERS.map((a) => (
          <Choice key={a} name={`item-${item.id}`} value={a} checked={answer === a} onSelect={() => onAnswer(item.id, a)}>
            {a === "na" ? (
              <>
                <span aria-hidden="true">{t("answer.na.short")}</span>
                <span class="sr-only">{t("answer.na")}</span>
              </>
            ) : (
              t(a === "yes" ? "answer.yes" : "answer.no")
            )}
          </Choice>
        ))}
      </div>
    </fieldset>
  );
}

/** Consecutive items with the same stem, in template order. */
function groupByStem(items: Item[]): { stem: string | undefined; items: Item[] }[] {
  const groups: { stem: string | undefined; items: Item[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && item.stem !== undefined && last.stem === item.stem) last.items.push(item);
    else groups.push({ stem: item.stem, items: [item] });
  }
  return groups;
}

export function ItemQuestions({ domain, answers, onAnswer }: Props) {
  const groups = groupByStem(visibleItems(domain, answers));
  return (
    <div class="items">
      {groups.map((g) =>
        g.stem === undefined ? (
          g.items.map((item) => <ItemQuestion key={item.id} item={item} answer={answers[item.id]} onAnswer={onAnswer} />)
        ) : (
          <fieldset class="stem" key={g.items[0]?.id}>
            <legend class="stem__text">
              <TermText text={g.stem} />
            </legend>
            {g.items.map((item) => (
              <ItemQuestion key={item.id} item={item} answer={answers[item.id]} onAnswer={onAnswer} />
            ))}
          </fieldset>
        ),
      )}
    </div>
  );
}
