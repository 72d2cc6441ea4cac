/**
 * @module phone/RatingQuestion
 * One rating on the domain's scale, plus "Don't know" (never part of a statistic) and, on the
 * AAAQ scale, "Service not available". Options are stacked full-width: their labels are long and
 * a thumb finds a wide target easily. Terms in the scale's labels ("compliance with AAAQ") are
 * explained under it (`explainTerms`: once per page, under the first of several).
 */
import type { ComponentChildren } from "preact";
import type { RatingValue } from "../../../core/protocol";
import type { Scale } from "../../../core/template";
import { Choice } from "../components/Choice";
import { ScaleTerms } from "../components/TermText";

interface Props {
  /** Unique per question on the page: "domain" or a facility index. */
  id: string;
  /** The domain's prompt, or a facility's name (isolated by the caller: it is the organizer's text). */
  legend: ComponentChildren;
  scale: Scale;
  value: RatingValue | undefined;
  onChange: (value: RatingValue) => void;
  invalid: boolean;
  errorId?: string | undefined;
  /** Say under the options what the toolkit's terms in their labels mean. */
  explainTerms?: boolean;
}

export function RatingQuestion({ id, legend, scale, value, onChange, invalid, errorId, explainTerms = true }: Props) {
  const name = `rating-${id}`;
  const extra: { v: RatingValue; label: string }[] = [
    ...(scale.notAvailableLabel ? [{ v: "na" as const, label: scale.notAvailableLabel }] : []),
    { v: "dk", label: scale.dontKnowLabel },
  ];
  return (
    <fieldset
      class={invalid ? "group rating rating--invalid" : "group rating"}
      id={`fieldset-${name}`}
      aria-describedby={invalid && errorId ? errorId : undefined}
    >
      <legend class="rating__prompt">{legend}</legend>
      <div class="choices choices--stacked">
        {scale.points.map((p) => (
          <Choice
            key={p.value}
            name={name}
            value={String(p.value)}
            checked={value === p.value}
            onSelect={() => onChange(p.value)}
            variant="choice--wide"
          >
            <span class="choice__num">{p.value}</span> <bdi>{p.label}</bdi>
          </Choice>
        ))}
        {extra.map(({ v, label }) => (
          <Choice
            key={v}
            name={name}
            value={String(v)}
            checked={value === v}
            onSelect={() => onChange(v)}
            variant="choice--wide choice--aside"
          >
            {label}
          </Choice>
        ))}
      </div>
      {explainTerms ? <ScaleTerms labels={scale.points.map((p) => p.label)} /> : null}
    </fieldset>
  );
}
