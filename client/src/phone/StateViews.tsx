/**
 * @module phone/StateViews
 * The phone's screens between votes: each a heading that takes focus when it appears (so a
 * screen-reader user hears the change) and one or two plain sentences.
 */
import type { ComponentChildren, RefObject } from "preact";
import { t } from "../i18n";

interface ViewProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  title: string;
  children?: ComponentChildren;
}

export function StateView({ headingRef, title, children }: ViewProps) {
  return (
    <section class="stack state" aria-labelledby="state-heading">
      <h1 id="state-heading" tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export function Waiting({ headingRef }: { headingRef: ViewProps["headingRef"] }) {
  return (
    <StateView headingRef={headingRef} title={t("phone.lobby.title")}>
      <p>{t("phone.lobby.body")}</p>
    </StateView>
  );
}

export function Between({ headingRef, late }: { headingRef: ViewProps["headingRef"]; late: boolean }) {
  return (
    <StateView headingRef={headingRef} title={t("phone.revealed.title")}>
      {late ? <p class="notice notice--warn">{t("phone.revealed.late")}</p> : null}
      <p>{t("phone.revealed.body")}</p>
    </StateView>
  );
}

/** A re-vote of a round this phone did not vote in (docs/design.md §3.11): it sits this one out. */
export function SitOut({ headingRef }: { headingRef: ViewProps["headingRef"] }) {
  return (
    <StateView headingRef={headingRef} title={t("phone.sitOut.title")}>
      <p>{t("phone.sitOut.body")}</p>
    </StateView>
  );
}

export function Ended({ headingRef }: { headingRef: ViewProps["headingRef"] }) {
  return (
    <StateView headingRef={headingRef} title={t("phone.ended.title")}>
      <p>{t("phone.ended.body")}</p>
    </StateView>
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
