/**
 * @module screens/DomainResult
 * A domain's revealed results (projector and console): per rating key a block, the item tallies,
 * the change since the previous round (Delphi) and the recorded consensus. Everything here comes
 * from the doc, which holds only aggregates that passed the gate. The toolkit's terse terms in
 * what it shows ("HT/E", "AAAQ") are spelled out once, in a line above the results.
 */
import { rolesAt } from "../../../core/facilities";
import type { TopicView } from "./topicView";
import { ratingKeys } from "../../../core/ballots";
import { termsIn } from "../../../core/glossary";
import { lastShownRound } from "../../../core/session";
import { type Scale, scaleOf } from "../../../core/template";
import { ratingChange, topicOutcome } from "../../../core/topic-result";
import { TermText } from "../components/TermText";
import { t, tn } from "../i18n";
import { FacilityTable } from "./FacilityTable";
import { ItemTallies } from "./ItemTallies";
import { RatingBlock } from "./RatingBlock";

/** "Round 2 · 5 people answered" */
export const roundLine = (round: { round: number; respondents: number }): string =>
  `${t("result.round", { r: round.round })} · ${tn("result.respondents", round.respondents)}`;

/**
 * "HT/E: human trafficking and exploitation", once per term the texts use; AAAQ as its four words.
 * One line, or a few, that the projector's fit steps can count on: no buttons, nothing that opens.
 */
function TermsLine({ texts, scale, lang }: { texts: readonly string[]; scale: Scale; lang: string }) {
  const terms = termsIn([...texts, ...scale.points.map((p) => p.label)]);
  if (terms.length === 0) return null;
  return (
    <p class="result__terms" lang={lang}>
      {terms.map((term) => (
        <span key={term.id} class="result__term">
          <b>{term.name}</b>: {term.parts ? term.parts.map((p) => p.word).join("/") : term.text}
        </span>
      ))}
    </p>
  );
}

interface Props extends TopicView {
  /**
   * Console: a block per rating with every statistic, and the rating's prompt. Without it (the
   * projector) a per-facility topic is one table, which fits nine facilities on one screen.
   */
  detail?: boolean;
  /** The round and its respondents; the projector says them in the line above the title instead. */
  showMeta?: boolean;
}

export function DomainResult({ template, domain, state, facilities, roles, k, detail, showMeta = true }: Props) {
  const latest = state.rounds[state.rounds.length - 1];
  const scale = scaleOf(template, domain);
  const keys = ratingKeys(domain, facilities);
  const perFacility = domain.rating.perFacility;
  const outcomes = topicOutcome(template, domain, state, facilities, k);
  const recorded = (key: string) => outcomes.find((o) => o.key === key)?.recorded;

  // A withheld re-vote (docs/design.md §3.11): say why, and how many dropped out since the round
  // it re-voted; nothing else of it exists.
  const revoted = latest?.withheld ? lastShownRound({ ...state, rounds: state.rounds.slice(0, -1) }) : undefined;
  const withheld = latest?.withheld && revoted ? { droppedOut: revoted.respondents - latest.respondents, from: revoted.round } : undefined;

  if (!latest) {
    return (
      <div class="result">
        <p class="gated">{state.status === "skipped" ? t("result.skipped") : t("result.noVotes")}</p>
      </div>
    );
  }
  // Answers to the questions beside the rating: the projector puts them in a column of their own
  // when there is room (only when there are some to show, not for the notice that there aren't).
  const withItems = !perFacility && domain.items.some((item) => latest.items[item.id]);
  // The terms in what is shown: the projector's questions (the console's explain themselves), the scale.
  const shownTexts = detail ? [] : domain.items.filter((item) => latest.items[item.id]).flatMap((item) => [item.stem ?? "", item.text]);
  return (
    <>
      <TermsLine texts={shownTexts} scale={scale} lang={template.language} />
      <div class={withItems ? "result result--items" : "result"} lang={template.language}>
        {showMeta ? <p class="result__meta">{roundLine(latest)}</p> : null}
        {perFacility && detail ? (
          <p class="result__prompt">
            <TermText text={domain.rating.prompt} />
          </p>
        ) : null}
        {perFacility && !detail ? (
          <>
            {withheld ? <p class="gated">{tn("result.withheld", withheld.droppedOut, { r: withheld.from })}</p> : null}
            <FacilityTable
              scale={scale}
              k={k}
              caption={t("facilities.caption", { domain: domain.title })}
              hidden={withheld ? t("facilities.withheld") : t("facilities.hidden")}
              rows={keys.map((key, i) => ({
                key,
                facility: facilities[i] ?? key,
                roles: rolesAt(roles, i),
                result: latest.ratings[key],
                recorded: recorded(key),
              }))}
            />
          </>
        ) : (
          <div class={perFacility ? "result__blocks result__blocks--grid" : "result__blocks"}>
            {keys.map((key, i) => {
              const facility = facilities[i] ?? key;
              return (
                <RatingBlock
                  key={key}
                  heading={perFacility ? facility : undefined}
                  headingRoles={perFacility ? rolesAt(roles, i) : []}
                  chartTitle={perFacility ? t("chart.titleFacility", { facility }) : t("chart.title", { domain: domain.title })}
                  scale={scale}
                  k={k}
                  result={latest.ratings[key]}
                  change={ratingChange(state.rounds, state.rounds.length - 1, key, scale.points.length)}
                  recorded={recorded(key)}
                  detail={detail ?? false}
                  withheld={withheld}
                />
              );
            })}
          </div>
        )}
        {withItems ? (
          <div class="result__items">
            <ItemTallies domain={domain} items={latest.items} explainTerms={detail} />
          </div>
        ) : (
          <ItemTallies domain={domain} items={latest.items} explainTerms={detail} />
        )}
      </div>
    </>
  );
}
