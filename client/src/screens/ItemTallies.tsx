/**
 * @module screens/ItemTallies
 * % Yes / No / N-A per item, for the items whose tally passed the gate (the room leaves out any
 * item answered by fewer than k people, so what is here may be shown).
 */
import type { ItemTally } from "../../../core/session";
import type { Domain } from "../../../core/template";
import { t } from "../i18n";
import { percent } from "./format";

export function ItemTallies({ domain, items }: { domain: Domain; items: Readonly<Record<string, ItemTally>> }) {
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
                {item.stem ? <span class={item.stem === rows[i - 1]?.item.stem ? "sr-only" : "tallies__stem"}>{item.stem} </span> : null}
                {item.text}
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
