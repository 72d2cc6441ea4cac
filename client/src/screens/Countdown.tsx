/**
 * @module screens/Countdown
 * Time left until the round closes itself. role="timer" is not announced every second (that
 * would drown a screen reader); the number is there to read when wanted.
 */
import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n";

export function Countdown({ deadline }: { deadline: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [deadline]);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  const mm = Math.floor(left / 60);
  const ss = String(left % 60).padStart(2, "0");
  return (
    <p class="countdown">
      <span class="countdown__label">{t("timer.left")}</span>{" "}
      <span role="timer" class="countdown__time">
        {`${mm}:${ss}`}
      </span>
    </p>
  );
}
