/**
 * @module phone/Submitted
 * After sending: says whether the room has the ballot (acknowledged), is receiving it, or will
 * get it when the phone is back online, and offers to change it while the round is open.
 */
import type { RefObject } from "preact";
import type { Link } from "../lib/socket";
import { t } from "../i18n";

interface Props {
  acked: boolean;
  link: Link;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onChange: () => void;
}

export function Submitted({ acked, link, headingRef, onChange }: Props) {
  const title = acked ? t("phone.sent.title") : link === "open" ? t("phone.sending.title") : t("phone.saved.title");
  const body = acked ? t("phone.sent.body") : link === "open" ? t("phone.sending.body") : t("phone.saved.body");
  return (
    <section class="stack state" aria-labelledby="submitted-heading">
      <h1 id="submitted-heading" tabIndex={-1} ref={headingRef}>
        {acked ? (
          <span class="state__mark" aria-hidden="true">
            ✓{" "}
          </span>
        ) : null}
        {title}
      </h1>
      <p>{body}</p>
      <p>{t("phone.sent.canChangeUntil")}</p>
      <button type="button" class="button button--secondary button--block" onClick={onChange}>
        {t("phone.sent.change")}
      </button>
    </section>
  );
}
