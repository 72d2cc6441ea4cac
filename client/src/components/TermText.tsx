/**
 * @module components/TermText
 * A template text with the toolkit's terse terms explained where they stand (core/glossary.ts):
 * the first use of each term in the text is a disclosure button, drawn as dotted-underlined words,
 * that shows the term's plain line right after it ("HT/E" → "human trafficking and exploitation");
 * a second press or Escape hides it. "(see Overview section)" points to a part of the paper toolkit
 * nobody has at hand: it becomes "(see the definition)", a button that opens the definition the
 * same way (and the term it is about stays plain words, so one text has one button for it).
 *
 * The button's text is the term's own, so a legend with one in it keeps its accessible name. It
 * is the WAI-ARIA disclosure pattern: `aria-expanded` says open or closed, and the explanation
 * follows the button in reading order (no live region: pages have their own, which tests find).
 */
import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";
import { findTerms, type GlossaryTerm, glossaryTerm } from "../../../core/glossary";
import { t } from "../i18n";
import { Breakable } from "./Breakable";
import "./terms.css";

interface DisclosureProps {
  id: string;
  label: string;
  note: string;
  /** Punctuation before and after the button, kept on its line: "(", ")?". */
  open: string;
  close: string;
}

function Disclosure({ id, label, note, open: before, close: after }: DisclosureProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <span class="term-glue">
        {before}
        <button
          type="button"
          class="term"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          onClick={() => setOpen(!open)}
          onKeyDown={(e) => {
            if (e.key !== "Escape" || !open) return;
            // Escape closes this, and nothing else (a dialog around it stays open).
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }}
        >
          {label}
        </button>
        {after}
      </span>
      {open ? (
        <span class="term__note" id={id} role="note">
          <Breakable text={note} />
        </span>
      ) : null}
    </>
  );
}

/** "Trauma-informed care: understanding the impact of trauma, …": what a reference opens. */
const named = (term: GlossaryTerm): string => t("terms.named", { term: term.name, text: term.text });

/** Punctuation that must stay on the line of the button beside it (a button is one unbreakable box). */
const OPENING = /[([{“‘"']+$/;
const CLOSING = /^[)\]}”’"'?!.,;:]+/;

/**
 * A template's sentence, isolated (`<bdi>`): it takes its direction from its own words, so a string
 * that fell back to the template's language keeps its punctuation in place on an Arabic page.
 */
export function TermText({ text }: { text: string }) {
  const base = useId();
  const found = findTerms(text);
  if (found.length === 0) return <bdi>{text}</bdi>;
  const referenced = new Set(found.filter((f) => f.ref).map((f) => f.termId));
  const explained = new Set<string>();
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const [i, f] of found.entries()) {
    const term = glossaryTerm(f.termId);
    const words = text.slice(f.start, f.end);
    const plain = !term || (!f.ref && (explained.has(term.id) || referenced.has(term.id)));
    if (!term || plain) {
      out.push(text.slice(at, f.end));
      at = f.end;
      continue;
    }
    if (!f.ref) explained.add(term.id);
    const before = text.slice(at, f.start);
    const open = OPENING.exec(before)?.[0] ?? "";
    const close = CLOSING.exec(text.slice(f.end))?.[0] ?? "";
    out.push(before.slice(0, before.length - open.length));
    out.push(
      <Disclosure
        key={i}
        id={`${base}-${i}`}
        label={f.ref ? t("terms.seeDefinition") : words}
        note={f.ref ? named(term) : term.text}
        open={open}
        close={close}
      />,
    );
    at = f.end + close.length;
  }
  out.push(text.slice(at));
  return <bdi>{out}</bdi>;
}

/**
 * The terms of a scale's labels, said once under the scale (its options are labels of radio
 * buttons, where a button can't go): AAAQ as its four words, each with its line.
 */
export function ScaleTerms({ labels }: { labels: readonly string[] }) {
  const terms = [...new Set(labels.flatMap((l) => findTerms(l).map((f) => f.termId)))].flatMap((id) => glossaryTerm(id) ?? []);
  if (terms.length === 0) return null;
  return (
    <div class="scale-terms">
      {terms.map((term) =>
        term.parts ? (
          <div key={term.id}>
            <p class="scale-terms__lead">{t("terms.standsFor", { term: term.name })}</p>
            <dl class="scale-terms__parts">
              {term.parts.map((p) => (
                <div key={p.word}>
                  <dt>{p.word}</dt>{" "}
                  <dd>
                    <Breakable text={p.text} />
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ) : (
          <p key={term.id} class="scale-terms__lead">
            <Breakable text={named(term)} />
          </p>
        ),
      )}
    </div>
  );
}
