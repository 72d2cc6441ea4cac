/**
 * @module screens/ItemTallies
 * % Yes / No / N-A per item, for the items whose tally passed the gate (the room leaves out any
 * item answered by fewer than k people, so what is here may be shown). On the console
 * (`explainTerms`) the toolkit's terms in the questions are buttons that explain them
 * (components/TermText); the projector spells them out in a line under the title instead
 * (DomainResult), as nobody presses a projector.
 */
import type { ItemTally } from "../../../core/session";
import type { Domain } from "../../../core/template";
import { TermText } from "../components/TermText";
import { t } from "../i18n";
import { percent } from "./format";

interface Props {
  domain: Domain;
  items: Readonly<Record<string, ItemTally>>;
  explainTerms?: boolean;
}

export function ItemTallies({ domain, items, explainTerms = false }: Props) {
  const text = (s: string) => (explainTerms ? <TermText text={s} /> : s);
  const rows = domain.items.flatMap((item) => {
    const tally = items[item.id];
    return tally ? [{ item, tally, n: tally.yes + tally.no + tally.na }] : [];
  });
  if (domain.items.length === 0) return null;
  if (rows.length === 0) return <p class="gated">{t("items.noneShown")}</p>;
  return (
    <table class="tallies">
      <caption>{t("items.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("items.question")}</th>
          <th scope="col">{t("answer.yes")}</th>
          <th scope="col">{t("answer.no")}</th>
          <th scope="col">
            <abbr title={t("answer.na")}>{t("answer.na.short")}</abbr>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ item, tally, n }, i) => (
          <tr key={item.id}>
            <th scope="row">
              <span class="tallies__q">
                {/* A stem shared with the row above is shown once, as on the paper form, and
                    kept for screen readers, which read each row on its own. */}
                {item.stem ? (
                  item.stem === rows[i - 1]?.item.stem ? (
                    // (No button in the hidden copy: nothing focusable that can't be seen.)
                    <span class="sr-only">{item.stem} </span>
                  ) : (
                    <span class="tallies__stem">{text(item.stem)} </span>
                  )
                ) : null}
                {text(item.text)}
              </span>
            </th>
            <td>{t("items.pct", { pct: percent(tally.yes, n) })}</td>
            <td>{t("items.pct", { pct: percent(tally.no, n) })}</td>
            <td>{t("items.pct", { pct: percent(tally.na, n) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
