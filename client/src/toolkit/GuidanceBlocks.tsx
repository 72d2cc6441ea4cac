/**
 * @module toolkit/GuidanceBlocks
 * A domain's guidance as the toolkit writes it: sub-headings, prose, and its points (bulleted, with
 * their sub-points), consecutive points in one list. `action` adds a control after each point (the
 * console's "Add as action item"); the toolkit page has none.
 */
import type { ComponentChildren } from "preact";
import type { GuidanceBlock, GuidancePoint } from "../../../core/toolkit";
import "./toolkit-text.css";
import { UNTRANSLATED } from "./untranslated";

type Run = { kind: "single"; block: Exclude<GuidanceBlock, GuidancePoint> } | { kind: "points"; points: GuidancePoint[] };

/** Groups consecutive points, so a screen reader hears one list of n items, not n lists of one. */
function runs(blocks: readonly GuidanceBlock[]): Run[] {
  const out: Run[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (block.kind === "point") {
      if (last?.kind === "points") last.points.push(block);
      else out.push({ kind: "points", points: [block] });
    } else out.push({ kind: "single", block });
  }
  return out;
}

/** A point's words and its sub-points: on its own line in a paragraph (`block`), or inline in a list. */
export function PointText({ point, block = false }: { point: GuidancePoint; block?: boolean }) {
  const Text = block ? "p" : "span";
  return (
    <>
      <Text class="guidance__text" {...UNTRANSLATED}>
        {point.text}
      </Text>
      {point.sub.length ? (
        <ul class="guidance__sub" {...UNTRANSLATED}>
          {point.sub.map((s) => (
            <li key={s.id}>{s.text}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

interface Props {
  blocks: readonly GuidanceBlock[];
  /** The heading level of the guidance's own sub-headings (the page's structure decides). */
  headingLevel: 3 | 4;
  action?: (point: GuidancePoint) => ComponentChildren;
}

export function GuidanceBlocks({ blocks, headingLevel, action }: Props) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div class="guidance">
      {runs(blocks).map((run, i) =>
        run.kind === "points" ? (
          <ul class="guidance__points" key={i}>
            {run.points.map((p) => (
              <li key={p.id} id={p.id}>
                <PointText point={p} />
                {action?.(p)}
              </li>
            ))}
          </ul>
        ) : run.block.kind === "heading" ? (
          <Heading class="guidance__heading" key={i} {...UNTRANSLATED}>
            {run.block.text}
          </Heading>
        ) : (
          <p key={i} {...UNTRANSLATED}>
            {run.block.text}
          </p>
        ),
      )}
    </div>
  );
}
