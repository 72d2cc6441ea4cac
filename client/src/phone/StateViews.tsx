/**
 * @module phone/StateViews
 * The phone's screens between votes: each a heading that takes focus when it appears (so a
 * screen-reader user hears the change) and one or two plain sentences. A `note` (answers that were
 * not counted) follows the heading and describes it, so it is read out with it.
 */
import type { ComponentChildren, RefObject } from "preact";
import { t } from "../i18n";

export interface ViewProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  title: string;
  note?: string | null | undefined;
  children?: ComponentChildren;
}

/** A screen that may carry a note: the props of the views below. */
export type NoteProps = Pick<ViewProps, "headingRef" | "note">;

export function StateView({ headingRef, title, note, children }: ViewProps) {
  return (
    <section class="stack state" aria-labelledby="state-heading">
      <h1 id="state-heading" tabIndex={-1} ref={headingRef} aria-describedby={note ? "state-note" : undefined}>
        {title}
      </h1>
      {note ? (
        <p class="notice notice--warn" id="state-note">
          {note}
        </p>
      ) : null}
      {children}
    </section>
  );
}

export function Gone({ headingRef }: { headingRef: ViewProps["headingRef"] }) {
  return (
    <StateView headingRef={headingRef} title={t("phone.gone.title")}>
      <p>{t("phone.gone.body")}</p>
    </StateView>
  );
}

export function Locked({ headingRef, onRetry }: { headingRef: ViewProps["headingRef"]; onRetry: () => void }) {
  return (
    <StateView headingRef={headingRef} title={t("phone.locked.title")}>
      <p>{t("phone.locked.body")}</p>
      <button type="button" class="button button--secondary button--block" onClick={onRetry}>
        {t("common.tryAgain")}
      </button>
    </StateView>
  );
}

export function Connecting({ headingRef, offline }: { headingRef: ViewProps["headingRef"]; offline: boolean }) {
  return (
    <StateView headingRef={headingRef} title={offline ? t("phone.connecting.offlineTitle") : t("phone.connecting.title")}>
      <p>{offline ? t("phone.connecting.offlineBody") : t("phone.connecting.body")}</p>
    </StateView>
  );
}
