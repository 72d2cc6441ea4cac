/**
 * @module phone/BallotForm
 * The open round: the domain's items, then its rating (one per facility on AAAQ). Each change is
 * saved as a draft on the phone, so a reload or a dropped connection loses nothing; "send"
 * submits it. Items may be skipped; a rating (or "Don't know") is asked for before sending,
 * since it is what the group discusses.
 */
import { useState } from "preact/hooks";
import type { RefObject } from "preact";
import { ratingKeys } from "../../../core/ballots";
import type { Answer, Ballot, RatingValue } from "../../../core/protocol";
import { type Domain, type Template, scaleOf, visibleItems } from "../../../core/template";
import { t, tn } from "../i18n";
import { ItemQuestions } from "./ItemQuestions";
import { RatingQuestion } from "./RatingQuestion";
import { Breakable } from "../components/Breakable";
import { TermText } from "../components/TermText";
import { FacilityName } from "../components/FacilityName";
import { type FacilityRoles, rolesAt } from "../../../core/facilities";

interface Props {
  template: Template;
  domain: Domain;
  facilities: readonly string[];
  /** Which facility is yours and which under review (absent from rooms before roles). */
  roles?: FacilityRoles | undefined;
  roundId: string;
  round: number;
  initial: Ballot | null;
  isChange: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Answers of an earlier round that were not counted (the phone was away when it closed). */
  note: string | null;
  onDraft: (ballot: Ballot) => void;
  onSubmit: (ballot: Ballot) => void;
}

export function BallotForm(p: Props) {
  const { template, domain, facilities, roundId } = p;
  const [answers, setAnswers] = useState<Record<string, Answer>>(p.initial?.answers ?? {});
  const [ratings, setRatings] = useState<Record<string, RatingValue>>(p.initial?.ratings ?? {});
  const [missing, setMissing] = useState<string[]>([]);
  const scale = scaleOf(template, domain);
  const keys = ratingKeys(domain, facilities);
  const perFacility = domain.rating.perFacility;

  const onAnswer = (itemId: string, answer: Answer) => {
    const next = { ...answers, [itemId]: answer };
    setAnswers(next);
    p.onDraft({ roundId, answers: next, ratings });
  };
  const onRate = (key: string, value: RatingValue) => {
    const next = { ...ratings, [key]: value };
    setRatings(next);
    setMissing((m) => m.filter((k) => k !== key));
    p.onDraft({ roundId, answers, ratings: next });
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const absent = keys.filter((k) => ratings[k] === undefined);
    setMissing(absent);
    if (absent.length > 0) {
      document.querySelector<HTMLInputElement>(`#fieldset-rating-${absent[0]} input`)?.focus();
      return;
    }
    // Only what is asked now: answers to follow-ups hidden by a changed gate are left out.
    const visible = new Set(visibleItems(domain, answers).map((i) => i.id));
    p.onSubmit({
      roundId,
      answers: Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id))),
      ratings: Object.fromEntries(keys.flatMap((k) => (ratings[k] === undefined ? [] : [[k, ratings[k]]]))),
    });
  };

  return (
    <form class="ballot stack" onSubmit={onSubmit} noValidate lang={template.language}>
      <h1 tabIndex={-1} ref={p.headingRef} aria-describedby={p.note ? "ballot-note" : undefined}>
        <span class="eyebrow">{t("phone.ballot.domain", { n: domain.number })}</span> <Breakable text={domain.title} />
      </h1>
      {p.note ? (
        <p class="notice notice--warn" id="ballot-note">
          {p.note}
        </p>
      ) : null}
      {p.round > 1 ? <p class="notice notice--info">{t("phone.ballot.newRound", { n: p.round })}</p> : null}
      {domain.items.length > 0 ? (
        <section aria-labelledby="items-heading">
          <h2 id="items-heading">{t("phone.ballot.items")}</h2>
          <p class="hint">{t("phone.ballot.itemsHint")}</p>
          <ItemQuestions domain={domain} answers={answers} onAnswer={onAnswer} />
        </section>
      ) : null}
      <section aria-labelledby="rating-heading">
        <h2 id="rating-heading">{perFacility ? t("phone.ballot.ratingsFacilities") : t("phone.ballot.rating")}</h2>
        {/* Said, not hidden: this question is not the toolkit's own words (template `sourcePrompt`). */}
        {domain.rating.sourcePrompt ? <p class="hint">{t("phone.ballot.adapted")}</p> : null}
        {perFacility ? (
          <p>
            <TermText text={domain.rating.prompt} />
          </p>
        ) : null}
        {perFacility && domain.explanation ? (
          <details class="explain">
            <summary>{t("phone.ballot.explanation")}</summary>
            {domain.explanation.map((para, i) => (
              <p key={i}>{para}</p>
            ))}
            {scale.dontKnowAdded ? (
              <p class="explain__added">{t("scale.dontKnowAdded", { label: scale.dontKnowLabel, na: scale.notAvailableLabel ?? "" })}</p>
            ) : null}
          </details>
        ) : null}
        {keys.map((key, i) => (
          <RatingQuestion
            key={key}
            id={key}
            legend={
              perFacility ? (
                <FacilityName name={facilities[i] ?? key} roles={rolesAt(p.roles, i)} />
              ) : (
                <TermText text={domain.rating.prompt} />
              )
            }
            scale={scale}
            value={ratings[key]}
            onChange={(v) => onRate(key, v)}
            invalid={missing.includes(key)}
            errorId="ballot-error"
            explainTerms={i === 0}
          />
        ))}
      </section>
      <p class="error" id="ballot-error" role="alert">
        {missing.length > 0 ? (perFacility ? tn("phone.ballot.missingFacilities", missing.length) : t("phone.ballot.missing")) : ""}
      </p>
      <button type="submit" class="button button--primary button--block">
        {p.isChange ? t("phone.ballot.sendChanges") : t("phone.ballot.send")}
      </button>
    </form>
  );
}
